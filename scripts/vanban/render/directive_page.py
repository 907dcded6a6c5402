"""Render one directive's page: what it is, its status, its own text with provision anchors,
what it cites and what cites it (reports and other directives), typed relations, conflicts."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from vanban.cite import CitationIndex, Citation, Directive
from vanban.cite.relations import Status, load_relations, statuses, typed_links
from vanban.committees import best_names, committee_key
from vanban.model import Report, text_owner
from vanban.render import case
from vanban.render.dates import after_name, vietnamese_date
from vanban.render.escape import escape
from vanban.passages import sentence_around
from vanban.render.locations import location_href, location_label
from vanban.render.memo import PageMemo
from vanban.render.page import (NOT_SEARCHED, UNSEARCHED_BLOCK, front_matter, mark_banner, meta_title, source_note,
                                shard_with)
from vanban.render.redirect_page import redirect_pages
from vanban.render.status_words import force_words
from vanban.render.report_page import (DIRECTIVES_DIR, Link, cite_name, contents, directive_path, render_body, render_header,
                                      report_path)

UNCONFIRMED = " (chưa xác minh)"
TITLE_SOURCES = {
    "catalog": "",
    "citation": " (theo nơi trích dẫn)",
    "topic": " (theo nội dung nêu ở nơi trích dẫn)",
    "conference": "",
    "text": "",
}
# A directive cited by more reports than this lists them a year to a page of its own, linked
# from its page (year_path): at 1 000 reports the most cited directive's page listed 994 reports,
# 2.3 MB of Markdown for a phone to load, and was built again whenever any report was added; a
# year's page changes only with that year's reports.
SPLIT_CITED_AT = 50
NO_YEAR = "chua-ro-nam"
NO_TEXT = ("Toàn văn văn bản này chưa được đưa lên trang. Người quản trị trang có thể bổ sung bằng cách "
           "thêm tệp văn bản (Word hoặc văn bản thuần) của văn bản này; khi đó toàn văn sẽ hiện tại đây, "
           "có liên kết đến từng điều, khoản, mục.")


@dataclass
class Relations:
    """Links between directives found in the reports: who implements or names whom."""

    implements: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    implemented_by: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    names: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    named_by: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    cited_with: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    # From directives' texts: (relation, other id) pairs, seen from the citing and the cited end.
    typed: dict[str, set[tuple[str, str]]] = field(default_factory=lambda: defaultdict(set))
    typed_by: dict[str, set[tuple[str, str]]] = field(default_factory=lambda: defaultdict(set))
    # What a directive's text cites: id → how many times.
    cites: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))

    @classmethod
    def of(cls, index: CitationIndex, texts: dict[tuple[str, str], str]) -> "Relations":
        rel = cls()
        for slug, cites in index.by_report.items():
            by_container: dict[str, set[str]] = defaultdict(set)
            owner = text_owner(slug)
            for c in cites:
                by_container[c.container].add(c.directive)
                if owner and c.directive != owner:
                    rel.cites[owner][c.directive] += 1
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
        for subject, relation, other in typed_links(index):
            rel.typed[subject].add((relation, other))
            rel.typed_by[other].add((relation, subject))
        return rel


def render_directive(d: Directive, index: CitationIndex, reports: dict[str, Report],
                     texts: dict[tuple[str, str], str], rel: Relations,
                     cited: dict[str, list[tuple[str, Citation]]], conflicts: dict[str, list],
                     text_links: dict[str, dict[str, list[Link]]] | None = None,
                     status: dict[str, Status] | None = None) -> str:
    title = heading(d)
    dated = d.date and not (len(d.date) == 4 and d.date in d.label)  # "Luật Đất đai năm 2013" says its year
    description = d.label + (f": {shown_title(d)}" if d.title else "") + (f" ({vietnamese_date(d.date)})" if dated else "")
    out = [front_matter(title, "data/directives.yml and the reports' citations", search_symbol=_search_words(d),
                        description=meta_title(description)),
           *_shard_mark(cited.get(d.id, []), reports),
           # shown beside the page's title among search results (vanban.search.pagefind_worker)
           f'<p data-pagefind-meta="status" hidden>{escape(force_words(d, (status or {}).get(d.id)))}</p>',
           *mark_banner(d.marks),
           f"# {escape(title)} {{ #van-ban }}"]
    if d.title:
        out.append(f"{escape(shown_title(d))}{escape(TITLE_SOURCES.get(d.title_from or '', ''))}\n{{: .vb-trich-yeu }}")
    # The status and the note on a missing text say the same on many pages: not searched.
    out += [UNSEARCHED_BLOCK, _status(d, index, (status or {}).get(d.id)), "</div>"]
    out.append(_metadata(d))
    typed = _typed(d, index, rel)
    if typed:
        out += [UNSEARCHED_BLOCK, "## Quan hệ với văn bản khác { #quan-he }", *typed, "</div>"]
    out.append("## Toàn văn { #toan-van }")
    doc = reports.get(d.text) if d.text else None
    if doc is None:
        out += [UNSEARCHED_BLOCK, f"{escape(NO_TEXT)}\n{{: .vb-no-text }}", "</div>"]
    else:
        out += source_note(directive_path(d.id), doc)
        year = f" ({d.date[:4]})" if d.date and not (d.symbol and d.date[:4] in d.symbol) else ""
        out.append(cite_name(heading(d) + year, provision_first=True))
        out += render_header(doc, as_h1=False)
        out += contents(doc)
        out += render_body(doc, (text_links or {}).get(doc.slug, {}), depth=1)
    # The citing passages and related directives are searched where they belong (the reports,
    # the other directives' pages), not again here; nor are these sections' headings, the same
    # on thousands of pages (a section that appears when a report is added leaves the page's
    # index, and its search shard, as they were).
    out += [UNSEARCHED_BLOCK, "## Được trích dẫn tại { #duoc-trich-dan-tai }",
            *_citations(d, cited.get(d.id, []), reports, texts), "</div>"]
    own = rel.cites.get(d.id)
    if own:
        listed = "\n".join(f"- {_link(index.directives[i])} ({n} lần)"
                           for i, n in sorted(own.items(), key=lambda pair: (-pair[1], pair[0])) if i in index.directives)
        out += [UNSEARCHED_BLOCK, "## Văn bản này trích dẫn { #van-ban-nay-trich-dan }", listed, "</div>"]
    related = _related(d, index, rel)
    if related:
        out += [UNSEARCHED_BLOCK, "## Văn bản liên quan { #van-ban-lien-quan }", *related, "</div>"]
    conflicts = conflicts.get(d.id, [])
    if conflicts:
        # The reports' own check findings (on their check pages, not searched): not searched here.
        out += [UNSEARCHED_BLOCK, "## Điểm chưa thống nhất giữa các văn bản trích dẫn { #mau-thuan }"]
        for k in conflicts:
            where = ", ".join(f"[{escape(location_label(a))}]({location_href(k.report, a, DIRECTIVES_DIR)})"
                              for a in k.containers)
            out.append(f"- {escape(k.message)} ({escape(reports[k.report].title)}: {where})")
        out.append("</div>")
    return "\n\n".join(out) + "\n"


def _shard_mark(cited: list[tuple[str, Citation]], reports: dict[str, Report]) -> list[str]:
    """The page is indexed beside the first report that cites the directive, in the order the
    documents are read (their files' order, the order a directive's fields are completed in), if
    a report cites it: a new report's page and the pages of the directives it is the first to
    cite share a search shard, and only a report read earlier moves a page."""
    first = next((slug for slug, _ in cited if reports[slug].kind == "report"), None)
    return [shard_with(report_path(first).removesuffix(".md"))] if first else []


def _status(d: Directive, index: CitationIndex, status: Status | None) -> str:
    """The status line, each claim with the sentence it comes from: ended (from when, by which
    text), or in force from the date the text gives, or "chưa rõ"; then the timeline: issued,
    in force (the whole text, provisions with their own dates), ended."""
    words = load_relations().relations
    by = index.directives.get(status.by) if status else None
    if status and by is not None:
        when = f" từ {vietnamese_date(status.date)}" if status.date else " (chưa rõ từ ngày nào)"
        source = f"{words[status.relation].inverse.lower()} {_link(by)}"
        if status.anchor and by.text:
            where = location_label(status.anchor)
            source += f", [{escape(where)}]({location_href(by.text, status.anchor, DIRECTIVES_DIR)})"
        kept = "; trừ một số trường hợp nêu tại đó" if status.exceptions else ""
        line = f"**Tình trạng:** {escape(status.label)}{escape(when)} — {source}{escape(kept)}"
        css = "{: .vb-status .vb-status--het }"
    elif d.force is not None and d.force.start:
        line = (f"**Tình trạng:** Có hiệu lực từ {escape(vietnamese_date(d.force.start))} "
                f"({_own(d, d.force.anchor)}); chưa ghi nhận văn bản nào thay thế hoặc bãi bỏ")
        css = "{: .vb-status }"
    else:
        known = "có toàn văn trên trang" if d.text else "chưa có toàn văn trên trang"
        line = f"**Tình trạng:** Chưa rõ — chưa ghi nhận ngày có hiệu lực hay văn bản thay thế, bãi bỏ; {known}."
        css = "{: .vb-status }"
    steps = []
    if d.date and len(d.date) == 10:
        steps.append(f"- Ban hành: {escape(vietnamese_date(d.date))}")
    if d.force is not None:
        if d.force.anchor:
            start = vietnamese_date(d.force.start) if d.force.start else "chưa rõ ngày"
            steps.append(f"- Có hiệu lực: {escape(start)} ({_own(d, d.force.anchor)})")
        steps += [f"- {escape(_cap(named))} có hiệu lực: "
                  f"{escape(vietnamese_date(start) if start else 'chưa rõ ngày')} ({_own(d, anchor)})"
                  for named, start, anchor in d.force.provisions]
    if status and by is not None:
        steps.append(f"- {escape(status.label)}: {escape(vietnamese_date(status.date) if status.date else 'chưa rõ ngày')}"
                     f" ({words[status.relation].inverse.lower()} {_link(by)})")
    timeline = "\n".join(steps)
    return f"{line}\n{css}" + (f"\n\n{timeline}" if len(steps) > 1 else "")


def _own(d: Directive, anchor: str) -> str:
    """A link to a sentence of the directive's own text, on its page."""
    return f"[{escape(location_label(anchor))}](#{anchor})"


def _typed(d: Directive, index: CitationIndex, rel: Relations) -> list[str]:
    """Typed relations, from both ends: "Căn cứ: …" on the citing page, "Là căn cứ để ban hành: …"
    on the cited one."""
    words = load_relations().relations
    rows = [(words[r].label, other) for r, other in rel.typed.get(d.id, ())]
    rows += [(words[r].inverse, other) for r, other in rel.typed_by.get(d.id, ())]
    order = {name: i for i, name in enumerate(words)}
    label_order = {w.label: order[n] for n, w in words.items()} | {w.inverse: 10 + order[n] for n, w in words.items()}
    out = []
    for label in sorted({lab for lab, _ in rows}, key=lambda lab: label_order[lab]):
        ids = sorted({other for lab, other in rows if lab == label and other in index.directives})
        if ids:
            out += [f"**{escape(label)}**", "\n".join(f"- {_link(index.directives[i])}" for i in ids)]
    return out


def _search_words(d: Directive) -> list[str]:
    """What the page should be found by first (the `symbol` search field): type and symbol."""
    if d.symbol:
        return [d.type, d.symbol]
    if d.names and not d.conference:  # a law by name, a congress's resolution
        return [d.names[0]]
    return [d.type, f"Trung ương {d.conference}" if d.conference else "", f"khóa {d.term}" if d.term else ""]


def shown_title(d: Directive) -> str:
    """The trích yếu as the site shows it: a sentence, not the header's capitals."""
    return case.shown_title(d.title or "", d.issuer)


def heading(d: Directive) -> str:
    """The page's heading: its label, but a law named by its name ("Luật Quản lý, sử dụng vũ khí,
    vật liệu nổ và công cụ hỗ trợ số 42/2024/QH15", not "Luật số 42/2024/QH15"), a local body's
    document with the body and its place."""
    if d.type == "Luật" and d.symbol and d.title and not d.names and d.title_from == "text":
        return f"Luật {shown_title(d)} số {d.symbol}"
    if d.place and d.issuer and d.place in d.issuer and d.scope not in ("central", "state"):
        # a local body's document: which one ("Quyết định số 2579/QĐ-UBND của Ủy ban nhân dân
        # thành phố Cần Thơ"; every province has a 2579/QĐ-UBND)
        return f"{d.label} của {d.issuer}"
    return d.label


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _metadata(d: Directive) -> str:
    def mark(name: str, value: str) -> str:
        return escape(value) + (escape(UNCONFIRMED) if name in d.unconfirmed else "")

    rows = [("Số hiệu", "symbol", d.symbol), ("Loại văn bản", "type", d.type),
            ("Cơ quan ban hành", "issuer", d.issuer), ("Cấp ban hành", "level", d.level),
            ("Ngày ban hành", "date", vietnamese_date(d.date) if d.date else None),
            ("Khóa", "term", d.term), ("Trích yếu", "title", shown_title(d) if d.title else None),
            ("Tóm tắt", "summary", d.summary), ("Ghi chú", "note", d.note),
            ("Nguồn thông tin", "source", d.source if d.in_catalog else
             ("toàn văn văn bản" if d.text else "các văn bản trích dẫn văn bản này"))]
    lines = ["| Thông tin | Nội dung |", "| --- | --- |"]
    lines += [f"| {label} | {mark(name, value)} |" for label, name, value in rows if value]
    return "\n".join(lines)


def year_path(ident: str, year: str) -> str:
    """Where the reports of one year (or NO_YEAR) citing a split directive are listed."""
    return f"{DIRECTIVES_DIR}/{ident}/trich-dan-{year}.md"


def _by_document(cited: list[tuple[str, Citation]]) -> dict[str, list[Citation]]:
    by_document: dict[str, list[Citation]] = defaultdict(list)
    for slug, c in cited:
        by_document[slug].append(c)
    return by_document


def _years(cited: list[tuple[str, Citation]], reports: dict[str, Report]) -> dict[str, list[tuple[str, Citation]]]:
    """The citations of reports by the report's year (NO_YEAR last), if more than SPLIT_CITED_AT
    reports cite the directive; otherwise none (its page lists them all)."""
    citing = {slug for slug, _ in cited if reports[slug].kind == "report"}
    if len(citing) <= SPLIT_CITED_AT:
        return {}
    years: dict[str, list[tuple[str, Citation]]] = defaultdict(list)
    for slug, c in cited:
        report = reports[slug]
        if report.kind == "report":
            years[report.date[:4] if report.date else NO_YEAR].append((slug, c))
    return {y: years[y] for y in sorted(years, key=lambda y: (y == NO_YEAR, y))}


def _year_label(year: str) -> str:
    return "Báo cáo chưa rõ năm" if year == NO_YEAR else f"Năm {year}"


def _citations(d: Directive, cited: list[tuple[str, Citation]], reports: dict[str, Report],
               texts: dict[tuple[str, str], str]) -> list[str]:
    """The citing documents with their passages; for a directive cited by many reports, the
    timeline and a link to each year's page, then the directives' texts that cite it."""
    by_document = _by_document(cited)
    out = _timeline([reports[s] for s in by_document if reports[s].kind == "report"])
    years = _years(cited, reports)
    if years:
        out.append("Danh sách báo cáo trích dẫn được chia theo năm báo cáo:")
        out.append("\n".join(f"- [{_year_label(y)}]({year_path(d.id, y).removeprefix(DIRECTIVES_DIR + '/')}): "
                             f"{len(_by_document(here))} báo cáo, {len({(s, c.container) for s, c in here})} đoạn"
                             for y, here in years.items()))
        by_document = {s: cs for s, cs in by_document.items() if reports[s].kind != "report"}
    out += _sections(by_document, reports, texts, DIRECTIVES_DIR)
    if not out:
        out.append("Chưa có báo cáo hay văn bản nào trích dẫn văn bản này.")
    return out


def render_year(d: Directive, year: str, cited: list[tuple[str, Citation]], reports: dict[str, Report],
                texts: dict[tuple[str, str], str]) -> str:
    """The page of one year's reports citing a split directive, linking back to its page."""
    title = f"{d.label}: báo cáo {'chưa rõ năm' if year == NO_YEAR else 'năm ' + year} trích dẫn"
    by_document = _by_document(cited)
    out = [front_matter(title, "data/directives.yml and the reports' citations", search=NOT_SEARCHED),
           *mark_banner(d.marks),
           f"# {escape(title)} {{ #trich-dan }}",
           f"Xem trang văn bản: [{escape(d.label)}](../{d.id}.md#duoc-trich-dan-tai).",
           *_timeline([reports[s] for s in by_document])]
    out += _sections(by_document, reports, texts, f"{DIRECTIVES_DIR}/{d.id}")
    return "\n\n".join(out) + "\n"


def _sections(by_document: dict[str, list[Citation]], reports: dict[str, Report],
              texts: dict[tuple[str, str], str], from_dir: str) -> list[str]:
    """A heading per citing document and its citing passages (links from a page in `from_dir`)."""
    out = []
    # Reports in time order (undated last), then the directives whose texts cite it.
    for slug in sorted(by_document, key=lambda s: (reports[s].kind != "report", not reports[s].date,
                                                   reports[s].date or "", reports[s].title, s)):
        mine = by_document[slug]
        report = reports[slug]
        when = ", ".join(p for p in (report.committee, vietnamese_date(report.date) if report.date else "") if p)
        out.append(f"### {escape(report.title)} {{ #bao-cao-{slug.replace('/', '-')} }}")
        if when and report.kind == "report":
            out.append(f"{escape(when)}\n{{: .vb-cited-when }}")
        items = []
        by_container: dict[str, list[Citation]] = {}
        for c in mine:  # one entry per paragraph, however often it cites the directive
            by_container.setdefault(c.container, []).append(c)
        for container, here in by_container.items():
            c = here[0]
            before, inside, after = sentence_around(texts[(slug, container)], c.start, c.end)
            href = location_href(slug, container, from_dir)
            tag = " *(thực hiện)*" if any(x.implements for x in here) else ""
            tag += "".join(f" *({escape(p)})*" for p in dict.fromkeys(x.pin_text for x in here if x.pin_text))
            tag += f" *({len(here)} lần trong đoạn)*" if len(here) > 1 else ""
            items.append(f"- [{escape(_cap(location_label(container)))}]({href}){tag}: "
                         f"“{escape(before)}**{escape(inside)}**{escape(after)}”")
        out.append("\n".join(items))
    return out


def _timeline(citing: list[Report]) -> list[str]:
    """When and by whom the directive was cited: how many reports of how many committees,
    the first and the last by report date."""
    if not citing:
        return []
    names = best_names([r.committee for r in citing if r.committee])
    line = f"Được trích dẫn trong {len(citing)} báo cáo"
    line += f" của {len(names)} cấp ủy" if names else ""
    dated = sorted((r for r in citing if r.date), key=lambda r: (r.date, r.slug))
    if dated:
        def at(r: Report) -> str:
            return vietnamese_date(r.date) + (f" — {names[committee_key(r.committee)]}" if r.committee else "")
        line += f": {at(dated[0])}" if len(dated) == 1 else f"; lần đầu {at(dated[0])}; lần gần nhất {at(dated[-1])}"
    return [f"{escape(line)}.\n{{: .vb-timeline }}"]


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
    label = d.label + after_name(d.label, d.date)
    return f"[{escape(label)}]({d.id}.md)"


def directive_pages(index: CitationIndex, reports: list[Report], memo: PageMemo | None = None,
                    text_links: dict[str, dict[str, list[Link]]] | None = None) -> dict[str, bytes]:
    """Every cited directive's page, by path under docs/; with a memo, only pages whose inputs
    changed are rendered. `reports` are all documents, directives' texts (`van-ban/<id>`) too."""
    memo = memo if memo is not None else PageMemo()
    text_links = text_links or {}
    by_slug = {r.slug: r for r in reports}
    texts = {(r.slug, b.anchor): b.text for r in reports for b in r.blocks}
    texts.update({(r.slug, f"fn:{f.number}"): f.text for r in reports for f in r.footnotes})
    rel = Relations.of(index, texts)
    status = statuses(index)
    cited: dict[str, list[tuple[str, Citation]]] = defaultdict(list)
    for slug, cites in index.by_report.items():
        for c in cites:
            if c.directive != text_owner(slug):
                cited[c.directive].append((slug, c))
    conflicts: dict[str, list] = defaultdict(list)
    for k in index.conflicts:
        conflicts[k.directive].append(k)
    pages = {}
    for i, d in sorted(index.directives.items()):
        key = _inputs(d, index, by_slug, rel, cited, conflicts) + (
            by_slug.get(d.text or ""), text_links.get(d.text or ""), status.get(d.id),
            sorted(rel.typed.get(i, ())), sorted(rel.typed_by.get(i, ())), dict(rel.cites.get(i, {})))
        pages[directive_path(i)] = memo(directive_path(i), key,
                                        lambda: render_directive(d, index, by_slug, texts, rel, cited, conflicts,
                                                                 text_links, status))
        for year, here in _years(cited.get(i, []), by_slug).items():
            pages[year_path(i, year)] = memo(
                year_path(i, year), (d.label, d.marks, [(by_slug[slug], c) for slug, c in here]),
                lambda y=year, h=here: render_year(d, y, h, by_slug, texts))
    pages.update(redirect_pages(index, {i: heading(d) for i, d in index.directives.items() if d.formerly}))
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
