"""ISO dates, full or partial, as the checks and the resolver use them in their messages."""

from __future__ import annotations

import calendar


def period_end(iso: str | None) -> str | None:
    """Last day of a full or partial ISO date: `2021-01` → `2021-01-31`, `2021` → `2021-12-31`."""
    if not iso:
        return None
    parts = [int(x) for x in iso.split("-")]
    if len(parts) == 1:
        return f"{parts[0]}-12-31"
    if len(parts) == 2:
        return f"{parts[0]}-{parts[1]:02d}-{calendar.monthrange(parts[0], parts[1])[1]:02d}"
    return iso


def short_date(iso: str) -> str:
    """A full ISO date as messages write it: `2016-05-15` → `15/5/2016`."""
    y, m, d = iso.split("-")
    return f"{int(d)}/{int(m)}/{y}"
