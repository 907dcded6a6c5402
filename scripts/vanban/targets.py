"""Targets against results: what a report set for the next year ("Kết nạp từ 150 đảng viên trở
lên", "95% TCCS đảng hoàn thành tốt nhiệm vụ trở lên"), paired with the same figure in the next
report of the same committee. The pairing rules are data (keyfigures.yml)."""

from __future__ import annotations

from dataclasses import dataclass

from vanban.committees import committee_key
from vanban.keyfigures import KeyFigures, Value, target_rule
from vanban.model import Report

RATING_LABEL = "Tỷ lệ hoàn thành tốt nhiệm vụ trở lên"


@dataclass(frozen=True)
class TargetCheck:
    """One target of `earlier` and this year's result in `later`; `met` is None when the later
    report gives no result to compare."""

    label: str
    earlier: str
    later: str
    target: Value
    result: Value | None
    met: bool | None


def previous_reports(reports: list[Report]) -> dict[str, Report]:
    """Each dated report's predecessor: the latest earlier report of the same committee."""
    out: dict[str, Report] = {}
    latest: dict[str, Report] = {}
    for r in sorted((r for r in reports if r.date and r.committee), key=lambda r: (r.date, r.slug)):
        key = committee_key(r.committee)
        if key in latest and latest[key].date < r.date:
            out[r.slug] = latest[key]
        latest[key] = r
    return out


def check_targets(earlier: Report, before: KeyFigures, later: Report, now: KeyFigures) -> list[TargetCheck]:
    """The targets `before` sets, against the results `now` states."""
    results = {row.topic: row.result for _, rows in now.groups for row in rows}
    out = []
    for _, rows in before.groups:
        for row in rows:
            if row.target is None:
                continue
            result = results.get(row.topic)
            out.append(TargetCheck(row.label, earlier.slug, later.slug, row.target, result,
                                   _met(row.target, result, target_rule(row.topic))))
    if before.rating_target is not None:
        shares = [(p.subject, p.or_better.percent) for p in now.ratings if p.or_better and p.or_better.percent]
        for subject, share in shares or [("", None)]:
            label = f"{RATING_LABEL} ({subject})" if subject else RATING_LABEL
            out.append(TargetCheck(label, earlier.slug, later.slug, before.rating_target, share,
                                   _met(before.rating_target, share, "at_least")))
    return out


def _met(target: Value, result: Value | None, rule: str) -> bool | None:
    if result is None:
        return None
    return result.number >= target.number if rule == "at_least" else result.number <= target.number
