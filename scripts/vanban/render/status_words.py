"""A directive's status in a few words, for lists and tables: what its page states in full (with
the sentence each claim comes from), never more."""

from __future__ import annotations

from vanban.cite.models import Directive
from vanban.cite.relations import Status
from vanban.render.dates import vietnamese_date


def force_words(d: Directive, status: Status | None) -> str:
    """"hết hiệu lực từ 01/01/2025", "hết hiệu lực một phần", "có hiệu lực từ 15/10/2019" or
    "chưa rõ"."""
    if status is not None:
        return status.label.lower() + (f" từ {vietnamese_date(status.date)}" if status.date else "")
    if d.force is not None and d.force.start:
        return f"có hiệu lực từ {vietnamese_date(d.force.start)}"
    return "chưa rõ"
