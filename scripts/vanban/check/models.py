"""A finding of `vanban check`: what is wrong, where, what was expected and what is stated."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Literal

from vanban.model import Packed

Severity = Literal["error", "warning", "info"]


@dataclass(slots=True)
class Finding(Packed):
    """One thing to fix before cadres study the report.

    `severity` is `error` only when the arithmetic (or the text itself) proves it; `certainty`
    says whether the reading behind it is sure or doubtful.
    """

    kind: str
    severity: Severity
    report: str
    anchor: str
    quote: str
    message: str
    expected: str | None = None
    stated: str | None = None
    certainty: Literal["sure", "doubtful"] = "sure"
    line: int | None = None

    def to_json(self) -> dict:
        # Every field is a plain value: a shallow dict is the same as dataclasses.asdict, which
        # copies deeply and took most of the open data's time at 1 000 reports.
        return {name: getattr(self, name) for name in _FIELDS}


_FIELDS = tuple(f.name for f in fields(Finding))
