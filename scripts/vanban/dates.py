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
    """An ISO date as messages write it: `2016-05-15` → `15/5/2016`; a partial one as far as it
    goes (`2021-01` → `01/2021`, `2013` → `2013`)."""
    parts = iso.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])}/{int(parts[1])}/{parts[0]}"
    return "/".join(reversed(parts))


def on_date(iso: str) -> str:
    """"ngày 15/5/2016", "tháng 01/2021" or "năm 2013": a date in a sentence."""
    return {3: "ngày", 2: "tháng"}.get(len(iso.split("-")), "năm") + " " + short_date(iso)
