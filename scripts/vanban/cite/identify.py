"""Tell which directive a directive's text is, from its header (or its sidecar's `id`).

The header's type, number, symbol and date are read as a citation of the document would be, and
resolved by the same rules (vanban.cite.resolve): the text lands on the catalog entry or on the
directive that reports citing it build, never on a look-alike of another term or place.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass

from vanban.cite.find import find_citations
from vanban.cite.force import read_force
from vanban.cite.models import Directive
from vanban.cite.patterns import Patterns
from vanban.cite.resolve import resolve_alone
from vanban.errors import VanbanError
from vanban.model import Block, Report
from vanban.normalize import matching
from vanban.cite.local_bodies import header_words, local_body
from vanban.slug import slugify

SIGNED_FOR = re.compile(r"^(?:T/M|TM\.)\s*(?P<issuer>.+?)\s*$", re.IGNORECASE)


@dataclass
class Identity:
    """The directive a text is, and how that was decided (for `vanban parse` and messages)."""

    directive: Directive
    rule: str


def identify(doc: Report, sidecar_id: str | None, catalog: list[Directive], by_id: dict[str, Directive],
             p: Patterns) -> Identity:
    """The directive `doc` (a directive's text) is; an error naming what the header lacks."""
    meta = doc.meta
    doc_type = _type_of(meta.doc_type, p)
    if sidecar_id:
        known = by_id.get(sidecar_id)
        if known is not None:
            return Identity(_with_text(copy.copy(known), doc, doc_type, p), "sidecar id: catalog")
        if doc_type is None:
            raise VanbanError(f"id {sidecar_id!r} của tệp .yml kèm theo không có trong danh mục và phần đầu văn bản không ghi "
                              "loại văn bản (QUYẾT ĐỊNH, NGHỊ QUYẾT…): thêm văn bản vào danh mục", doc.source)
        return Identity(_with_text(_bare(sidecar_id, doc_type, doc, p), doc, doc_type, p), "sidecar id")
    if doc_type is None:
        found = f"các dòng đầu ghi {meta.doc_type!r}" if meta.doc_type else "không có dòng ghi loại văn bản"
        raise VanbanError(f"không xác định được đây là văn bản nào: {found} (cần một dòng như QUYẾT ĐỊNH hay "
                          "NGHỊ QUYẾT trước trích yếu); ghi id trong danh mục bằng `id:` ở tệp .yml kèm theo", doc.source)
    if meta.full_symbol:
        cited = _resolve_symbol(doc, doc_type, p, catalog, by_id)
        if cited is not None:
            return cited
    if not meta.date:
        raise VanbanError(f"không xác định được đây là {doc_type} nào: phần đầu không có số, ký hiệu (Số …) "
                          "và ngày; ghi id trong danh mục bằng `id:` ở tệp .yml kèm theo", doc.source)
    same = [d for d in catalog if d.type == doc_type and not d.symbol and d.date and d.date[:4] == meta.date[:4]]
    if len(same) == 1:
        return Identity(_with_text(copy.copy(same[0]), doc, doc_type, p), "type and year: catalog")
    ident = slugify(p.type_named(doc_type).slug, meta.date[:4])
    return Identity(_with_text(_bare(ident, doc_type, doc, p), doc, doc_type, p), "type and year")


def _type_of(doc_type: str | None, p: Patterns) -> str | None:
    if not doc_type:
        return None
    key = matching(doc_type).lower()
    return p.types[key].name if key in p.types else None


def _resolve_symbol(doc: Report, doc_type: str, p: Patterns, catalog, by_id) -> Identity | None:
    """Resolve the header's "Số …" and date as if a report cited the document."""
    meta = doc.meta
    text = f"{doc_type} số {meta.full_symbol}"
    if meta.date and len(meta.date) == 10:
        y, m, d = meta.date.split("-")
        text += f" ngày {int(d)}/{int(m)}/{y}"
    probe = Report(doc.slug, doc.source, meta, [], [Block("paragraph", text, "so-hieu", 1)], [],
                   committee=doc.committee, date=doc.date, kind="directive")
    cites = find_citations(text, "so-hieu", 1, False, p)
    if not cites:
        return None
    resolution = resolve_alone(probe, cites[:1], catalog, by_id, p)
    if not resolution.citations:
        return None
    ident = resolution.citations[0].directive
    built = {d.id: d for d in resolution.directives}
    directive = copy.copy(built.get(ident) or by_id[ident])
    rule = "symbol: catalog" if ident in by_id else "symbol"
    return Identity(_with_text(directive, doc, doc_type, p), rule)


def _bare(ident: str, doc_type: str, doc: Report, p: Patterns) -> Directive:
    return Directive(id=ident, type=doc_type, number=doc.meta.number, symbol=doc.meta.full_symbol, issuer=None,
                     level=None)


def _signed_for(doc: Report, p: Patterns) -> str | None:
    """The issuer a text is signed for (`T/M BỘ CHÍNH TRỊ` → Bộ Chính trị), if the patterns know it."""
    for b in doc.blocks:
        if b.kind == "closing" and (m := SIGNED_FOR.match(matching(b.text))):
            issuer = p.issuer_by_phrase.get(m["issuer"].strip().lower())
            if issuer is not None:
                return issuer.name
    return None


def header_issuer(lines: list[str], p: Patterns) -> str | None:
    """The issuing body the header's issuer lines name, in normal case (the vocabulary in
    header_issuers.yml): a known pair of lines, a body the issuer phrases know ("QUỐC HỘI"), or a
    local body over its place; None otherwise (the lines are then shown as written)."""
    pairs = header_words()[0]
    low = [matching(line).strip().lower() for line in lines if line.strip()]
    if len(low) >= 2 and tuple(low[-2:]) in pairs:
        return pairs[tuple(low[-2:])]
    if len(low) == 1 and (known := p.issuer_by_phrase.get(low[0])) is not None:
        return known.name
    local = local_body(lines)
    return local.name if local else None


def _with_text(d: Directive, doc: Report, doc_type: str, p: Patterns) -> Directive:
    """The directive with what its text says filled in where nothing better is known."""
    meta = doc.meta
    d.date = d.date or (meta.date if meta.date and len(meta.date) == 10 else None)
    d.symbol = d.symbol or meta.full_symbol
    d.number = d.number or meta.number
    if not d.in_catalog:  # the text's own header says who issued it better than any citation
        d.issuer = (header_issuer(meta.issuer or [], p) or _signed_for(doc, p)
                    or (", ".join(meta.issuer) if meta.issuer else None) or d.issuer)
    if not d.title and meta.title:
        d.title, d.title_from = meta.title, "text"
    d.text = doc.slug
    d.text_source = doc.source
    d.force = read_force(doc)
    d.marks = list(d.marks) + [m for m in doc.marks if m not in d.marks]
    return d
