"""Checks that need more than one document: a directive's text against its catalog entry and its
own numbering, and a report's citations against the directives' texts (a pin to a provision the
text lacks, a directive already replaced when the report was written)."""

from __future__ import annotations

import re

from vanban.check.models import Finding
from vanban.cite import CitationIndex, Directive
from vanban.cite.in_force import ended_on
from vanban.cite.relations import Status, load_relations
from vanban.dates import period_end, short_date
from vanban.model import Report, text_owner
from vanban.normalize import folded, matching

ARTICLE = re.compile(r"^Điều\s+(\d+)", re.IGNORECASE)
ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def check_directive_text(doc: Report, directive: Directive, catalog_entry: Directive | None) -> list[Finding]:
    """A text's header against the catalog (date, trích yếu), and gaps or repeats in its numbering."""
    out = []
    meta = doc.meta
    if catalog_entry is not None and catalog_entry.date and meta.date and len(meta.date) == 10 \
            and meta.date != catalog_entry.date:
        out.append(Finding("text-vs-catalog", "warning", doc.slug, "van-ban", meta.date_raw or meta.date,
                           f"Phần đầu văn bản ghi ngày {short_date(meta.date)}; danh mục ghi {short_date(catalog_entry.date)}",
                           expected=catalog_entry.date, stated=meta.date, line=_header_line(doc, "place_date")))
    if catalog_entry is not None and catalog_entry.title and meta.title \
            and not _same_words(catalog_entry.title, meta.title, catalog_entry.type):
        out.append(Finding("text-vs-catalog", "warning", doc.slug, "van-ban", meta.title,
                           "Trích yếu ở phần đầu văn bản khác với danh mục", expected=catalog_entry.title,
                           stated=meta.title, certainty="doubtful", line=_header_line(doc, "title")))
    return out + _numbering(doc)


def _numbering(doc: Report) -> list[Finding]:
    """Articles (Điều) and roman sections out of sequence within each part of the text."""
    out = []
    last: dict[tuple[str, str], tuple[int, str]] = {}
    for b in doc.blocks:
        if b.kind != "heading" or not b.number:
            continue
        scope = b.anchor.split("dieu-")[0] if "dieu-" in b.anchor else b.anchor.split("muc-")[0]
        if b.marker and ARTICLE.match(matching(b.marker)):
            kind, number = "Điều", int(ARTICLE.match(matching(b.marker))[1])
        elif b.number.isalpha() and b.number.isupper() and set(b.number) <= set(ROMAN_VALUES):
            kind, number = "mục", _roman(b.number)
        else:
            continue
        before = last.get((scope, kind))
        if before is not None and number != before[0] + 1:
            what = "lặp lại" if number <= before[0] else "nhảy số"
            out.append(Finding("numbering", "warning", doc.slug, b.anchor, f"{b.marker or b.number} {b.text}".strip(),
                               f"Số thứ tự {what}: {kind} {b.number} sau {kind} {before[1]}",
                               expected=str(before[0] + 1), stated=str(number), line=b.line))
        last[(scope, kind)] = (number, b.number)
    return out


def check_links(report: Report, index: CitationIndex, anchors: dict[str, set[str]],
                status: dict[str, Status]) -> list[Finding]:
    """A report's (or a text's) citations against the directives' texts and their status (a
    text is not told that it replaces what it replaces)."""
    out = []
    owner = text_owner(report.slug)
    texts = {b.anchor: b for b in report.blocks}
    seen = set()
    for c in index.by_report.get(report.slug, []):
        d = index.directives.get(c.directive)
        if d is None:
            continue
        block = texts.get(c.container)
        line = block.line if block else c.line
        if c.pin and d.text and c.pin not in anchors.get(d.text, ()):
            out.append(Finding("pin-missing", "warning", report.slug, c.container, c.pin_text or c.pin,
                               f"Toàn văn {d.label} không có {c.pin_text}", stated=c.pin_text, line=line))
        replaced = status.get(d.id)
        by = index.directives.get(replaced.by) if replaced else None
        # from when it ended, as the later text says; else (the catalog) when that text was issued
        ended = ended_on(replaced, by)
        if by is not None and by.id != owner and ended and report.date and ended <= period_end(report.date) \
                and d.id not in seen:
            seen.add(d.id)
            how = load_relations().relations[replaced.relation].inverse.lower()
            out.append(Finding("citation-replaced", "info", report.slug, c.container, c.raw,
                               f"{d.label}: {replaced.label.lower()} từ {short_date(ended)} ({how} {by.label}), "
                               "trước ngày của văn bản này; xem lại nếu văn bản được dẫn như đang có hiệu lực",
                               stated=c.raw, certainty="doubtful", line=line))
        start = d.force.start if d.force is not None else None
        if start and report.date and len(report.date) == 10 and report.date < start and d.id != owner \
                and d.id not in seen:
            seen.add(d.id)
            out.append(Finding("citation-not-yet", "info", report.slug, c.container, c.raw,
                               f"{d.label} có hiệu lực từ {short_date(start)}, sau ngày của văn bản này "
                               f"({short_date(report.date)}); xem lại nếu văn bản được dẫn như đang có hiệu lực",
                               stated=c.raw, certainty="doubtful", line=line))
    return out


def _roman(text: str) -> int:
    values = [ROMAN_VALUES[c] for c in text]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def _same_words(a: str, b: str, doc_type: str) -> bool:
    """Whether two trích yếu say the same, whatever the case and marks, a leading "về" or the
    type's own name ("Điều lệ Đảng …" in the catalog, "ĐẢNG …" under the type line)."""
    def words(text: str) -> str:
        out = " ".join(re.findall(r"\w+", folded(matching(text))))
        return out.removeprefix(words_of_type + " ").removeprefix("ve ")
    words_of_type = " ".join(re.findall(r"\w+", folded(matching(doc_type))))
    return words(a) in words(b) or words(b) in words(a)


def _header_line(doc: Report, role: str) -> int | None:
    return next((h.line for h in doc.header if h.role == role), None)
