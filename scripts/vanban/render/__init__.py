"""Render the document models into the site's generated Markdown pages and navigation."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from vanban.check import Finding
from vanban.cite import CitationIndex
from vanban.cite.in_force import NOT_YET, UNKNOWN, ForceOn, force_on
from vanban.cite.models import Directive
from vanban.cite.relations import Status, statuses
from vanban.model import text_owner
from vanban.render.case import shown_title
from vanban.render.dates import vietnamese_date
from vanban.render.locations import location_href
from vanban.render.page import original_path
from vanban.glossary import Term
from vanban.model import Report
from vanban.keyfigures import KeyFigures
from vanban.targets import check_targets, previous_reports
from vanban.render.figures_page import figures_path, render_figures
from vanban.render.glossary_page import GLOSSARY_PAGE, GLOSSARY_TITLE, render_glossary
from vanban.render.check_page import check_path, finding_anchor, first_finding_of, render_checks
from vanban.render.directive_index import BY_LEVEL, BY_TYPE, BY_YEAR, INDEX, TITLES, index_pages
from vanban.render.directive_page import directive_pages
from vanban.render.home import HOME_TITLE, REPORTS_INDEX, render_home, render_report_list
from vanban.render.committee_page import COMMITTEES_INDEX, COMMITTEES_TITLE, committee_pages
from vanban.render.memo import PageMemo, StoredText
from vanban.render.open_data import DATA_PAGE, DATA_TITLE, data_files
from vanban.search.known import KNOWN_PATH, KNOWN_SCRIPT, known_items, known_script
from vanban.render.report_page import REPORTS_DIR, UNRESOLVED_TITLE, Link, directive_path, render_report, report_path

REPORTS_SECTION = "Báo cáo"
DIRECTIVES_SECTION = "Văn bản được trích dẫn"


def render_pages(reports: list[Report], index: CitationIndex, findings: dict[str, list[Finding]],
                 figures: dict[str, KeyFigures], terms: list[Term], memo: PageMemo | None = None,
                 texts: list[Report] | None = None) -> dict[str, str | bytes]:
    """Every generated page (its text, or UTF-8 from the memo), by its path under docs/ (POSIX
    separators). With a `memo` from the previous generation, a report's or directive's page is
    rendered only if its inputs changed. `texts` are the directives' own texts (each shown on
    its directive's page)."""
    memo = memo if memo is not None else PageMemo()
    memo.start()
    texts = [t for t in texts or [] if t.slug in index.by_report]
    anchors = {t.slug: {b.anchor for b in t.blocks} for t in texts}
    # Small pages about the whole archive: rendered every time.
    pages = {"index.md": render_home(reports, index), GLOSSARY_PAGE: render_glossary(terms),
             REPORTS_INDEX: render_report_list(reports, findings)}
    pages.update(committee_pages(reports, index, figures))
    memo.rendered |= set(pages)
    pages.update(data_files(reports, index, findings, figures, memo))
    previous = previous_reports(reports)
    made: dict = {}
    status = statuses(index)
    pages.update(index_pages(index, memo, status))
    pages[KNOWN_PATH] = known_items(index, anchors, status)  # what the search box reads first
    pages[KNOWN_SCRIPT] = known_script(pages[KNOWN_PATH])
    memo.rendered |= {KNOWN_PATH, KNOWN_SCRIPT}
    for report in reports:
        pages.update(_report_pages(report, index, findings, figures, memo, anchors, status, previous, made))
    text_links = {t.slug: _links(t, index, anchors, status, made) for t in texts}
    pages.update(directive_pages(index, reports + texts, memo, text_links))
    pages.update(_originals(reports, texts, index))
    memo.keep_only(pages)
    return pages


def report_pages(slugs: set[str], reports: list[Report], index: CitationIndex, findings: dict[str, list[Finding]],
                 figures: dict[str, KeyFigures], texts: list[Report], memo: PageMemo) -> dict[str, bytes | StoredText]:
    """The own pages of the reports named by `slugs` (each report's page, checks and key
    figures), as render_pages makes them from the same inputs: `vanban serve` shows an edited
    report's pages before it renders the rest of the archive."""
    texts = [t for t in texts if t.slug in index.by_report]
    anchors = {t.slug: {b.anchor for b in t.blocks} for t in texts}
    status, previous, made = statuses(index), previous_reports(reports), {}
    out: dict[str, bytes | StoredText] = {}
    for report in reports:
        if report.slug in slugs:
            out.update(_report_pages(report, index, findings, figures, memo, anchors, status, previous, made))
    return out


def _report_pages(report: Report, index: CitationIndex, findings: dict[str, list[Finding]],
                  figures: dict[str, KeyFigures], memo: PageMemo, anchors: dict[str, set[str]],
                  status: dict[str, Status], previous: dict[str, Report], made: dict) -> dict[str, bytes | StoredText]:
    """A report's own pages: the report, its checks, its key figures."""
    mine = findings.get(report.slug, [])
    links, flags, shown = _links(report, index, anchors, status, made), _flags(report, mine), figures[report.slug]
    before = previous.get(report.slug)
    checks = check_targets(before, figures[before.slug], report, shown) if before else []
    return {report_path(report.slug): memo(report_path(report.slug), (report, links, flags),
                                           lambda: render_report(report, links, flags)),
            check_path(report.slug): memo(check_path(report.slug), (report, mine), lambda: render_checks(report, mine)),
            figures_path(report.slug): memo(figures_path(report.slug), (report, shown, mine, checks),
                                            lambda: render_figures(report, shown, mine, checks))}


def _links(report: Report, index: CitationIndex, anchors: dict[str, set[str]], status: dict[str, Status],
           made: dict[tuple, tuple] | None = None) -> dict[str, list[Link]]:
    """Each citation of a document as a link to its directive's page, titled with its trích yếu
    and its force on the document's date; a citation that names a provision the directive's text
    has lands on that provision. A text cited on a day it was not in force (ended, or not yet
    started: as the texts say) gets a note beside it. `made` holds each (target, title, note)
    made so far, for all documents: one string each, not one per citation (the render memo
    keeps the links of every report)."""
    links: dict[str, list[Link]] = {}
    made = made if made is not None else {}
    owner = text_owner(report.slug)
    for c in index.by_report.get(report.slug, []):
        d = index.directives[c.directive]
        pinned = c.pin if c.pin and c.pin in anchors.get(d.text or "", ()) else None
        said = status.get(d.id)
        on = force_on(d, said, index.directives.get(said.by) if said else None, report.date)
        if owner is not None and owner in (d.id, said.by if said else None):
            on = force_on(d, None, None, None)  # a text is not told its own force, nor that it ends what it ends
        key = (c.directive, pinned, c.pin_text if pinned else None, on, report.date)
        if key not in made:
            made[key] = _link_words(d, index, pinned, c.pin_text, on, report)
        links.setdefault(c.container, []).append(Link(c.start, c.end, *made[key]))
    for c in index.unresolved.get(report.slug, []):
        links.setdefault(c.container, []).append(Link(c.start, c.end, "", UNRESOLVED_TITLE))
    return links


def _link_words(d: Directive, index: CitationIndex, pinned: str | None, pin_text: str | None, on: ForceOn,
                doc: Report) -> tuple[str, str, tuple[str, str, str] | None]:
    title = d.label + (f": {shown_title(d.title, d.issuer)}" if d.title else "")
    day = doc.date
    target = f"../{directive_path(d.id)}"
    if pinned:
        target += f"#{pinned}"
        title = f"{pin_text}, {title}"
    if on.label == UNKNOWN or not day:
        return target, title, None
    this = "báo cáo" if doc.kind == "report" else "văn bản này"
    when = f"vào ngày của {this} ({vietnamese_date(day)})" if len(day) == 10 else \
        f"trong {vietnamese_date(day)}, thời gian của {this}"
    if on.label == NOT_YET:
        said = f"chưa có hiệu lực (có hiệu lực từ {vietnamese_date(on.since)})"
    else:
        said = f"{on.label.lower()} từ {vietnamese_date(on.since)}" if on.since else on.label.lower()
    if on.until:
        said += f", đến {vietnamese_date(on.until)}"
    title += f" — {when}: {said}"
    if not on.doubtful:
        return target, title, None
    by = index.directives.get(on.by or "")
    where = f"../{directive_path(on.by)}" if on.by else target
    if on.anchor and by is not None and by.text:
        where = location_href(by.text, on.anchor, REPORTS_DIR)
    source = f" ({by.label})" if by is not None and by.id != d.id else ""
    return target, title, (on.label.lower(), where, f"{_cap(when)}, {d.label} {said}{source}")


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _originals(reports: list[Report], texts: list[Report], index: CitationIndex) -> dict[str, str | bytes]:
    """The original file of each PDF document, beside its page (the page links it)."""
    owners = {d.text: d.id for d in index.directives.values() if d.text}
    out: dict[str, str | bytes] = {}
    for doc in [*reports, *texts]:
        if doc.original:
            page = report_path(doc.slug) if doc.kind == "report" else directive_path(owners.get(doc.slug, ""))
            out[original_path(page, doc.original)] = Path(doc.original).read_bytes()
    return out


def _flags(report: Report, findings: list[Finding]) -> dict[str, Link]:
    """A marker on each block with errors or doubts, linking to its first finding."""
    flags = {}
    for anchor, (first, count) in first_finding_of(findings).items():
        target = f"../{check_path(report.slug)}#{finding_anchor(first)}"
        flags[anchor] = Link(0, 0, target, _flag_title(count))
    return flags


@lru_cache(maxsize=None)
def _flag_title(count: int) -> str:
    """The title of a block's flag: one string per count, shared by the memo's keys."""
    return f"Kiểm tra dữ liệu: {count} điểm cần xem ở đoạn này"


def generated_nav(reports: list[Report]) -> list:
    """The nav: a fixed handful of entries, however many reports there are (each page embeds the
    nav, so a nav that grew with the archive would make every page grow with it). Reports and
    their figures and checks are reached from the list of reports."""
    return [{HOME_TITLE: "index.md"}, {REPORTS_SECTION: REPORTS_INDEX}, {COMMITTEES_TITLE: COMMITTEES_INDEX},
            {DIRECTIVES_SECTION: [{TITLES[p]: p} for p in (INDEX, BY_TYPE, BY_LEVEL, BY_YEAR)]},
            {GLOSSARY_TITLE: GLOSSARY_PAGE}, {DATA_TITLE: DATA_PAGE}]
