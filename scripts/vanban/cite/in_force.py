"""Whether a directive was in force on a given day (a citing document's date), as far as the texts
say: its own effective date (vanban.cite.force) and the later text that ended it
(vanban.cite.relations.statuses). What they do not settle is "Chưa rõ", never "in force".

One answer for every place that states it: `vanban check`, the status beside a citation on a
report's page, `vanban citations`.
"""

from __future__ import annotations

from typing import NamedTuple

from vanban.cite.models import Directive
from vanban.cite.relations import Status
from vanban.dates import period_end

NOT_YET = "Chưa có hiệu lực"
IN_FORCE = "Đang có hiệu lực"
UNKNOWN = "Chưa rõ"


class ForceOn(NamedTuple):
    """A directive's force on one day, with where each claim comes from."""

    label: str  # NOT_YET, IN_FORCE, "Hết hiệu lực", "Hết hiệu lực một phần" or UNKNOWN
    since: str | None  # ISO date from which `label` holds (the start, or the end of force)
    until: str | None  # in force: the day it ended, if a later text says so
    by: str | None  # the directive whose text says it (the directive itself, or the one ending it)
    anchor: str | None  # the sentence that says it, in `by`'s text

    @property
    def ended(self) -> bool:
        return self.label not in (NOT_YET, IN_FORCE, UNKNOWN)

    @property
    def doubtful(self) -> bool:
        """Cited on a day it was not in force (ended, or not yet started)."""
        return self.ended or self.label == NOT_YET

    def to_json(self) -> dict:
        return {"label": self.label, "since": self.since, "until": self.until, "by": self.by, "source": self.anchor}


def ended_on(status: Status | None, by: Directive | None) -> str | None:
    """From when a directive is no longer in force: the date the later text gives; if it gives
    none (the catalog states the relation), the later text's own date."""
    if status is None:
        return None
    return status.date or (by.date if by is not None and by.date and len(by.date) == 10 else None)


def force_on(d: Directive, status: Status | None, by: Directive | None, day: str | None) -> ForceOn:
    """`d`'s force on `day` (ISO; a month or a year: certain only if it holds the whole period)."""
    start = d.force.start if d.force is not None else None
    own = d.force.anchor if d.force is not None else None
    ended = ended_on(status, by)
    if not day or (status is not None and by is None):
        return ForceOn(UNKNOWN, None, None, None, None)
    first, last = day if len(day) == 10 else _period_start(day), period_end(day) or day
    if status is not None and ended and ended <= first:
        return ForceOn(status.label, ended, None, status.by, status.anchor)
    if start and last < start:
        return ForceOn(NOT_YET, start, None, d.id, own)
    if start and start <= first and (ended is None or last < ended) and (status is None or ended):
        return ForceOn(IN_FORCE, start, ended, d.id, own)
    return ForceOn(UNKNOWN, None, None, None, None)


def _period_start(day: str) -> str:
    parts = day.split("-")
    return "-".join(parts + ["01"] * (3 - len(parts)))
