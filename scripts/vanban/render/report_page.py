"""Render one report as a Markdown page: header, numbered sections, anchored blocks, footnotes."""

from __future__ import annotations

from vanban.model import Block, FootnoteRef, Report
from vanban.render.escape import escape
from vanban.render.page import front_matter

REPORTS_DIR = "bao-cao"
FOOTNOTES_HEADING = "Chú thích"


def report_path(slug: str) -> str:
    """Where a report's page lives under docs/."""
    return f"{REPORTS_DIR}/{slug}.md"


def render_report(report: Report) -> str:
    out = [front_matter(report.title, report.source)]
    out += _header(report)
    out += [_block(b) for b in report.blocks]
    if report.footnotes:
        out.append(f"## {FOOTNOTES_HEADING} {{ #chu-thich .vb-footnotes-title }}")
        out += [f"[^{f.number}]: {escape(f.text, line_start=True)}" for f in report.footnotes]
    return "\n\n".join(out) + "\n"


def _header(report: Report) -> list[str]:
    """Header lines in source order; the doc-type line is the page's h1."""
    out = []
    has_h1 = False
    for h in report.header:
        if h.role == "doc_type":
            out.append(f"# {escape(h.text)} {{ #van-ban .vb-doctype }}")
            has_h1 = True
        else:
            out.append(f"{escape(h.text, line_start=True)}\n{{: .vb-head .vb-head--{h.role} }}")
    if not has_h1:
        out.insert(0, f"# {escape(report.title)} {{ #van-ban }}")
    return out


def _block(b: Block) -> str:
    if b.kind == "heading":
        hashes = "#" * (b.level + 1)
        return f"{hashes} {b.number}. {_inline(b.text, b.refs)} {{ #{b.anchor} }}"
    if b.kind == "bullet":
        return f"{escape(b.marker)} {_inline(b.text, b.refs)}\n{{: #{b.anchor} .vb-bullet }}"
    if b.kind == "separator":
        return f"{escape(b.text)}\n{{: #{b.anchor} .vb-separator }}"
    return f"{_inline(b.text, b.refs, line_start=True)}\n{{: #{b.anchor} .vb-{b.kind} }}"


def _inline(text: str, refs: list[FootnoteRef], line_start: bool = False) -> str:
    """Escaped text with Markdown footnote references at the recorded offsets."""
    out, pos = [], 0
    for ref in sorted(refs, key=lambda r: r.offset):
        out.append(escape(text[pos : ref.offset], line_start=line_start and pos == 0))
        out.append(f"[^{ref.number}]")
        pos = ref.offset
    out.append(escape(text[pos:], line_start=line_start and pos == 0))
    return "".join(out)
