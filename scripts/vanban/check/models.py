"""A finding of `vanban check`: what is wrong, where, what was expected and what is stated."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning", "info"]


@dataclass
class Finding:
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
        return asdict(self)
