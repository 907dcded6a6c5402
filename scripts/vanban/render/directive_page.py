"""Render one directive's page: what it is, every place it is cited, related documents, conflicts."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from vanban.cite import CitationIndex, Citation, Directive
from vanban.model import Report
from vanban.render.dates import vietnamese_date
from vanban.render.escape import escape
from vanban.passages import sentence_around
from vanban.render.locations import location_href, location_label
from vanban.render.memo import PageMemo
from vanban.render.page import UNSEARCHED_BLOCK, front_matter, mark_banner
from vanban.render.report_page import DIRECTIVES_DIR, directive_path

UNCONFIRMED = " (chưa xác minh)"
TITLE_SOURCES = {
    "catalog": "",
    "citation": " (theo trích dẫn trong báo cáo)",
    "topic": " (theo nội dung nêu trong báo cáo)",
    "conference": "",
}


@dataclass
class Relations:
    """Links between directives found in the reports: who implements or names whom."""

    implements: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    implemented_by: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    names: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    named_by: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    cited_with: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))

    @classmethod
    def of(cls, index: CitationIndex, texts: dict[tuple[str, str], str]) -> "Relations":
        rel = cls()
        for slug, cites in index.by_report.items():
            by_container: dict[str, set[str]] = defaultdict(set)
            for c in cites:
                by_container[c.container].add(c.directive)
                if c.in_title_of is None:
                    continue
                outer = cites[c.in_title_of]
                if outer.directive == c.directive:
                    continue
                span = outer.title_span or outer.topic_span
                lead = texts[(slug, c.container)][span[0] : c.start].lower() if span else ""
                if "thực hiện" in lead:
                    rel.implements[outer.directive].add(c.directive)
                    rel.implemented_by[c.directive].add(outer.directive)
                else:
                    rel.names[outer.directive].add(c.directive)
                    rel.named_by[c.directive].add(outer.directive)
            for ids in by_container.values():
                for a in ids:
                    rel.cited_with[a].update(b for b in ids if b != a)
        return rel


def render_directive(d: Directive, index: CitationIndex, reports: dict[str, Report],
                     texts: dict[tuple[str, str], str], rel: Relations,
                     cited: dict[str, list[tuple[str, Citation]]], conflicts: dict[str, list]) -> str:
    title = d.label
    out = [front_matter(title, "data/directives.yml and the reports' citations", search_symbol=_search_words(d)),
           *mark_banner(d.marks),
           f"# {escape(title)} {{ #van-ban }}"]
    if d.title:
        out.append(f"{escape(_cap(d.title))}{escape(TITLE_SOURCES.get(d.title_from or '', ''))}\n{{: .vb-trich-yeu }}")
    out.append(_metadata(d))
    # The citing passages and related directives are searched where they belong (the reports,
    # the other directives' pages), not again here.
    out.append("## Được trích dẫn tại { #duoc-trich-dan-tai }")
    out += [UNSEARCHED_BLOCK, *_citations(cited.get(d.id, []), reports, texts), "</div>"]
    related = _related(d, index, rel)
    if related:
        out.append("## Văn bản liên quan { #van-ban-lien-quan }")
        out += [UNSEARCHED_BLOCK, *related, "</div>"]
    conflicts = conflicts.get(d.id, [])
    if conflicts:
        out.append("## Điểm chưa thống nhất trong báo cáo { #mau-thuan }")
        for k in conflicts:
            where = ", ".join(f"[{escape(location_label(a))}]({location_href(k.report, a, DIRECTIVES_DIR)})"
                              for a in k.containers)
            out.append(f"- {escape(k.message)} ({escape(reports[k.report].title)}: {where})")
    return "\n\n".join(out) + "\n"


def _search_words(d: Directive) -> list[str]:
    """What the page should be found by first (the `symbol` search field): type and symbol."""
    if d.symbol:
        return [d.type, d.symbol]
    return [d.type, f"Trung ương {d.conference}" if d.conference else "", f"khóa {d.term}" if d.term else ""]


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _metadata(d: Directive) -> str:
    def mark(name: str, value: str) -> str:
        return escape(value) + (escape(UNCONFIRMED) if name in d.unconfirmed else "")

    rows = [("Số hiệu", "symbol", d.symbol), ("Loại văn bản", "type", d.type),
            ("Cơ quan ban hành", "issuer", d.issuer), ("Cấp ban hành", "level", d.level),
            ("Ngày ban hành", "date", vietnamese_date(d.date) if d.date else None),
            ("Khóa", "term", d.term), ("Trích yếu", "title", _cap(d.title) if d.title else None),
            ("Tóm tắt", "summary", d.summary), ("Ghi chú", "note", d.note),
            ("Nguồn thông tin", "source", d.source if d.in_catalog else "các trích dẫn trong báo cáo")]
    lines = ["| Thông tin | Nội dung |", "| --- | --- |"]
    lines += [f"| {label} | {mark(name, value)} |" for label, name, value in rows if value]
    return "\n".join(lines)


def _citations(cited: list[tuple[str, Citation]], reports: dict[str, Report],
               texts: dict[tuple[str, str], str]) -> list[str]:
    out = []
    by_report: dict[str, list[Citation]] = defaultdict(list)
    for slug, c in cited:
        by_report[slug].append(c)
    for slug in sorted(by_report, key=lambda s: (reports[s].title, s)):
        mine = by_report[slug]
        report = reports[slug]
        out.append(f"### {escape(report.title)} {{ #bao-cao-{slug} }}")
        items = []
        for c in mine:
            before, inside, after = sentence_around(texts[(slug, c.container)], c.start, c.end)
            href = location_href(slug, c.container, DIRECTIVES_DIR)
            tag = " *(thực hiện)*" if c.implements else ""
            items.append(f"- [{escape(_cap(location_label(c.container)))}]({href}){tag}: "
                         f"“{escape(before)}**{escape(inside)}**{escape(after)}”")
        out.append("\n".join(items))
    if not out:
        out.append("Chưa có báo cáo nào trích dẫn văn bản này.")
    return out


def _related(d: Directive, index: CitationIndex, rel: Relations) -> list[str]:
    def listing(heading: str, ids) -> list[str]:
        ids = sorted(i for i in ids if i in index.directives)
        if not ids:
            return []
        return [f"**{heading}**", "\n".join(f"- {_link(index.directives[i])}" for i in ids)]

    out = listing("Văn bản thực hiện văn bản này", rel.implemented_by.get(d.id, ()))
    out += listing("Văn bản này thực hiện", rel.implements.get(d.id, ()))
    out += listing("Văn bản nêu văn bản này trong trích yếu", rel.named_by.get(d.id, ()))
    out += listing("Văn bản được nêu trong trích yếu của văn bản này", rel.names.get(d.id, ()))
    together = rel.cited_with.get(d.id)
    if together:
        out.append("**Thường được trích dẫn cùng**")
        out.append("\n".join(f"- {_link(index.directives[i])} ({n} lần)" for i, n in
                             sorted(together.items(), key=lambda pair: (-pair[1], pair[0]))[:10]))
    return out


def _link(d: Directive) -> str:
    """A link from one directive page to another (both in van-ban/)."""
    label = d.label + (f" ngày {vietnamese_date(d.date)}" if d.date else "")
    return f"[{escape(label)}]({d.id}.md)"


def directive_pages(index: CitationIndex, reports: list[Report], memo: PageMemo | None = None) -> dict[str, str]:
    """Every cited directive's page, by path under docs/; with a memo, only pages whose inputs
    changed are rendered."""
    memo = memo if memo is not None else PageMemo()
    by_slug = {r.slug: r for r in reports}
    texts = {(r.slug, b.anchor): b.text for r in reports for b in r.blocks}
    texts.update({(r.slug, f"fn:{f.number}"): f.text for r in reports for f in r.footnotes})
    rel = Relations.of(index, texts)
    cited: dict[str, list[tuple[str, Citation]]] = defaultdict(list)
    for slug, cites in index.by_report.items():
        for c in cites:
            cited[c.directive].append((slug, c))
    conflicts: dict[str, list] = defaultdict(list)
    for k in index.conflicts:
        conflicts[k.directive].append(k)
    pages = {}
    for i, d in sorted(index.directives.items()):
        key = _inputs(d, index, by_slug, rel, cited, conflicts)
        pages[directive_path(i)] = memo(directive_path(i), key,
                                        lambda: render_directive(d, index, by_slug, texts, rel, cited, conflicts))
    return pages


def _inputs(d: Directive, index: CitationIndex, reports: dict[str, Report], rel: Relations,
            cited: dict[str, list[tuple[str, Citation]]], conflicts: dict[str, list]) -> tuple:
    """Everything a directive's page shows: the directive, its citations with their reports (text
    and title), its relations with the related directives' labels, its conflicts."""
    related = [rel.implemented_by.get(d.id, set()), rel.implements.get(d.id, set()), rel.named_by.get(d.id, set()),
               rel.names.get(d.id, set()), set(rel.cited_with.get(d.id, {}))]
    ids = sorted(set().union(*related))
    return (d, [(reports[slug], c) for slug, c in cited.get(d.id, [])],
            [sorted(r) for r in related], dict(rel.cited_with.get(d.id, {})),
            [index.directives.get(i) for i in ids],
            [(k, reports[k.report]) for k in conflicts.get(d.id, [])])
