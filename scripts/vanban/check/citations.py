"""Findings from the citations: what the resolver recorded as contradictions, and documents the
catalog does not know."""

from __future__ import annotations

from vanban.check.models import Finding
from vanban.cite import CitationIndex
from vanban.dates import short_date
from vanban.model import Report
from vanban.passages import sentence_around

# Contradictions inside the report's own text are sure; the rest depends on a reading.
SEVERITY = {
    "two-dates": ("error", "sure"),
    "symbol": ("error", "sure"),
    "after-report": ("error", "sure"),
    "date-vs-catalog": ("warning", "doubtful"),
    "term-date": ("warning", "doubtful"),
    "issuer-mismatch": ("warning", "doubtful"),
    "tu-ambiguous": ("warning", "doubtful"),
    "ambiguous": ("warning", "doubtful"),
    "bad-date": ("error", "sure"),
    "code-type": ("warning", "doubtful"),
    "unresolved": ("info", "doubtful"),
}


def check_citations(report: Report, index: CitationIndex) -> list[Finding]:
    texts = {b.anchor: b.text for b in report.blocks}
    texts.update({f"fn:{f.number}": f.text for f in report.footnotes})
    lines = {b.anchor: b.line for b in report.blocks} | {f"fn:{f.number}": f.line for f in report.footnotes}
    cites = index.by_report.get(report.slug, [])
    out = []
    for conflict in (k for k in index.conflicts if k.report == report.slug):
        severity, certainty = SEVERITY.get(conflict.kind, ("warning", "doubtful"))
        about = [c for c in cites if c.directive == conflict.directive and c.container in conflict.containers]
        for container in conflict.containers:
            mine = [c for c in about if c.container == container]
            quote = _quote(texts.get(container, ""), mine)
            out.append(Finding(f"citation-{conflict.kind}", severity, report.slug, container, quote,
                               conflict.message, stated=", ".join(c.raw for c in mine) or None,
                               certainty=certainty, line=lines.get(container)))
    seen = set()
    for c in cites:
        d = index.directives[c.directive]
        if d.in_catalog or d.id in seen:
            continue
        seen.add(d.id)
        out.append(Finding("citation-not-in-catalog", "info", report.slug, c.container,
                           _quote(texts.get(c.container, ""), [c]),
                           f"{_dated(d)} chưa có trong danh mục văn bản của trang; trang của văn bản "
                           "được dựng từ các trích dẫn", stated=c.raw, line=lines.get(c.container)))
    return out


def _dated(d) -> str:
    """A directive's label with its date or term: two documents may share a symbol."""
    if d.date:
        return f"{d.label} ngày {short_date(d.date)}" if len(d.date) == 10 else f"{d.label} năm {d.date[:4]}"
    return f"{d.label} khóa {d.term}" if d.term else d.label


def _quote(text: str, cites) -> str:
    if not cites:
        return ""
    return "".join(sentence_around(text, cites[0].start, cites[0].end)).strip()
