"""Render one report as a Markdown page: header, numbered sections, anchored blocks, footnotes."""

from __future__ import annotations

import html
from dataclasses import dataclass

from vanban.model import Block, FootnoteRef, Packed, Report
from vanban.render.dates import vietnamese_date
from vanban.render.escape import escape, escape_title
from vanban.render.page import front_matter, mark_banner, meta_title, source_note
from vanban.render.where import citation_where
from vanban.cite.identify import header_issuer
from vanban.cite.patterns import load_patterns

REPORTS_DIR = "bao-cao"
DIRECTIVES_DIR = "van-ban"
FOOTNOTES_HEADING = "Chú thích"
CITE_NAME = "vb-cite-name"


# Beside a citation of a document the text does not tell which ("Nghị quyết số 52").
UNRESOLVED_NOTE = "chưa rõ văn bản"
UNRESOLVED_TITLE = ("Chưa xác định được văn bản này: câu trích dẫn không ghi đủ số hiệu, năm hay cơ quan ban hành, "
                    "và văn bản không dẫn đầy đủ ở chỗ khác")


@dataclass(frozen=True, slots=True)
class Link(Packed):
    """A span of a block's text that links to a page (a citation to its directive)."""

    start: int
    end: int
    target: str
    title: str
    # Shown after the link when the cited text was not in force on the document's date: a few
    # words ("hết hiệu lực"), linking to the sentence that says so, with the full statement as
    # its tooltip (vanban.cite.in_force).
    note: tuple[str, str, str] | None = None


def directive_path(ident: str) -> str:
    """Where a directive's page lives under docs/."""
    return f"{DIRECTIVES_DIR}/{ident}.md"


def report_path(slug: str) -> str:
    """Where a report's page lives under docs/."""
    return f"{REPORTS_DIR}/{slug}.md"


def document_path(key: str) -> str:
    """Where a document lives under docs/: a report by its slug, a directive's text (keyed
    `van-ban/<id>`) on its directive's page."""
    return f"{key}.md" if key.startswith(f"{DIRECTIVES_DIR}/") else report_path(key)


def render_report(report: Report, links: dict[str, list[Link]] | None = None,
                  flags: dict[str, Link] | None = None) -> str:
    """The report page; `links` maps a block anchor or `fn:N` to the links in its text, `flags`
    to the marker that links a flagged block to its finding."""
    links, flags = links or {}, flags or {}
    out = [front_matter(report.title, report.source, description=meta_title(_description(report))),
           *mark_banner(report.marks), *source_note(report_path(report.slug), report)]
    out += render_header(report)
    out.append(_search_title(report))
    out.append(cite_name(report_cite_name(report), provision_first=False))
    out.append(f"[Số liệu chính](../so-lieu/{report.slug}.md) · [Kiểm tra dữ liệu](../kiem-tra/{report.slug}.md)"
               "\n{: .vb-page-links }")
    legend = "¶: liên kết đến đoạn văn, bấm để sao chép · ❝: sao chép trích dẫn đoạn văn"
    legend += " · ⚑: đoạn có điểm cần xem ở trang Kiểm tra dữ liệu" if flags else ""
    out.append(f"{escape(legend)}\n{{: .vb-legend }}")
    out += contents(report)
    out += render_body(report, links, flags)
    return "\n\n".join(out) + "\n"


def contents(doc: Report) -> list[str]:
    """The document's headings as a folded list at the top of the page, for narrow screens,
    where the theme hides its contents sidebar (vanban.css shows it below 960 px only)."""
    headings = [b for b in doc.blocks if b.kind == "heading"]
    if len(headings) < 2:
        return []
    top = min(b.level or 1 for b in headings)
    items = []
    for b in headings:
        marker = b.marker if b.marker is not None else f"{b.number}."
        label = " ".join(filter(None, [marker, b.text]))
        indent = "    " * ((b.level or 1) - top)
        items.append(f"{indent}- [{escape(label)}](#{b.anchor})")
    return ['<details class="vb-contents" markdown>\n<summary>Mục lục</summary>\n\n' + "\n".join(items)
            + "\n\n</details>"]


def _description(report: Report) -> str:
    """The page's meta description: what the report is, who wrote it, when."""
    return " — ".join(p for p in [report.title, report.committee or "",
                                  vietnamese_date(report.date) if report.date else ""] if p)


def _search_title(report: Report) -> str:
    """What search results call the report (its h1 is often just "BÁO CÁO"): its title, committee
    and date, for Pagefind (`data-pagefind-meta`), hidden on the page."""
    return f'<p data-pagefind-meta="title" hidden>{escape(_description(report))}</p>'


def render_body(doc: Report, links: dict[str, list[Link]], flags: dict[str, Link] | None = None,
                depth: int = 0) -> list[str]:
    """A document's blocks and footnotes as Markdown; headings `depth` levels below their own
    (a directive's text sits under the "Toàn văn" heading of its page)."""
    flags = flags or {}
    out = [_block(b, links.get(b.anchor, []), flags.get(b.anchor), depth) for b in doc.blocks]
    if doc.footnotes:
        out.append(f"{'#' * (2 + depth)} {FOOTNOTES_HEADING} {{ #chu-thich .vb-footnotes-title }}")
        out += [f"[^{f.number}]: {_inline(f.text, [], links.get(f'fn:{f.number}', []), line_start=True)}"
                f"{_flag(flags.get(f'fn:{f.number}'))}" for f in doc.footnotes]
    return out


def _table(b: Block) -> str:
    """A table of a .docx as a Markdown table, inside a div that carries the block's anchor."""
    width = max(len(row) for row in b.rows)
    rows = [row + [""] * (width - len(row)) for row in b.rows]
    lines = ["| " + " | ".join(escape(cell) or " " for cell in rows[0]) + " |",
             "|" + " --- |" * width]
    lines += ["| " + " | ".join(escape(cell) or " " for cell in row) + " |" for row in rows[1:]]
    return f'<div id="{b.anchor}" class="vb-table" markdown>\n\n' + "\n".join(lines) + "\n\n</div>"


def _pilcrow(anchor: str) -> str:
    """The "¶" link of a block: its stable URL, to give and follow ("mục 2.2, đoạn 3"); and
    "❝", which copies the passage's citation ("Báo cáo số … của …, mục I.2, đoạn 3", "khoản 2
    Điều 3 Điều lệ Đảng (2011)") with its URL (paragraph-links.js; the document's name is the
    page's CITE_NAME element, the passage's words `data-vb-where`)."""
    return (f" [¶](#{anchor} \"Liên kết đến đoạn này (bấm để sao chép)\"){{ .vb-para-link }}"
            f"\u00a0[❝](#{anchor} \"Sao chép trích dẫn đoạn này\"){{ .vb-cite-link "
            f'aria-label="Sao chép trích dẫn đoạn này" data-vb-where="{citation_where(anchor)}" }}')


def cite_name(name: str, provision_first: bool) -> str:
    """The name a citation of this page's passages gives the document, hidden on the page (not
    searched): `provision_first` for a legal text ("khoản 2 Điều 3 Điều lệ Đảng (2011)")."""
    order = "provision-first" if provision_first else "name-first"
    return (f'<p id="{CITE_NAME}" hidden data-vb-order="{order}" data-pagefind-ignore="all" '
            f'data-search-exclude="">{escape(name)}</p>')


def report_cite_name(report: Report) -> str:
    """"Báo cáo số 12-BC/TU ngày 05/01/2021 của Thành ủy Đông Hà": its type, symbol (else its
    title), date and committee, as far as its header and sidecar say."""
    kind = (report.meta.doc_type or "Báo cáo").strip()
    kind = kind[:1].upper() + kind[1:].lower()
    if report.meta.full_symbol:
        name = f"{kind} số {report.meta.full_symbol}"
    else:  # no number: its title ("Báo cáo tổng kết …"), with its type if the title lacks it
        name = report.title if report.title.lower().startswith(kind.lower()) else f"{kind} “{report.title}”"
    if report.date:
        name += f" ngày {vietnamese_date(report.date)}" if len(report.date) == 10 else f" {vietnamese_date(report.date)}"
    who = report.committee or header_issuer(report.meta.issuer, load_patterns()) or " ".join(report.meta.issuer)
    return name + (f" của {who}" if who else "")


def _flag(flag: Link | None) -> str:
    """An unobtrusive marker after a flagged block, linking to its finding."""
    if flag is None:
        return ""
    return f" [⚑]({flag.target} \"{escape_title(flag.title)}\"){{ .vb-flag }}"


def render_header(report: Report, as_h1: bool = True) -> list[str]:
    """Header lines in source order, those above the document type in two columns; the
    doc-type line is the page's h1 (a report's page), or a line like the others (a directive's
    text under its page's own h1)."""
    out = []
    has_h1 = not as_h1
    titles = [h for h in report.header if h.role == "title"]
    title_is_h1 = as_h1 and bool(titles) and not any(h.role == "doc_type" for h in report.header) \
        and " ".join(h.text for h in titles) == report.title
    if title_is_h1:  # a text with no header block: its first line, the title, is the page's h1
        out.append(f"# {escape(report.title)} {{ #van-ban }}")
        has_h1 = True
    typed = next((i for i, h in enumerate(report.header) if h.role == "doc_type"), len(report.header))
    top = [h for h in report.header[:typed] if not (title_is_h1 and h.role == "title")]
    if top:  # in source order (read aloud, copied, searched so); vanban.css puts them in two columns
        out.append('<div class="vb-header" markdown>\n\n' + "\n\n".join(_head_line(h) for h in top) + "\n\n</div>")
    for h in report.header[typed:]:
        if h.role == "doc_type" and as_h1:
            out.append(f"# {escape(h.text)} {{ #van-ban .vb-doctype }}")
            has_h1 = True
        else:
            out.append(_head_line(h))
    if not has_h1:
        out.insert(0, f"# {escape(report.title)} {{ #van-ban }}")
    return out


def _head_line(h) -> str:
    return f"{escape(h.text, line_start=True)}\n{{: .vb-head .vb-head--{h.role} }}"


def _block(b: Block, links: list[Link], flag: Link | None, depth: int = 0) -> str:
    if b.kind == "heading":
        hashes = "#" * min(6, b.level + 1 + depth)
        # The numbering as written (`Điều 3.`, `II-`, `Chương I`); a report's as `I.`.
        marker = escape(b.marker) if b.marker is not None else f"{b.number}."
        text = " ".join(filter(None, [marker, _inline(b.text, b.refs, links)]))
        return f"{hashes} {text} {{ #{b.anchor} }}"
    if b.kind == "bullet":
        return (f"{escape(b.marker)} {_inline(b.text, b.refs, links)}{_pilcrow(b.anchor)}{_flag(flag)}"
                f"\n{{: #{b.anchor} .vb-bullet }}")
    if b.kind == "separator":
        return f"{escape(b.text)}\n{{: #{b.anchor} .vb-separator }}"
    if b.kind == "table":
        return _table(b)
    return (f"{_inline(b.text, b.refs, links, line_start=True)}{_pilcrow(b.anchor)}{_flag(flag)}"
            f"\n{{: #{b.anchor} .vb-{b.kind} }}")


def _inline(text: str, refs: list[FootnoteRef], links: list[Link], line_start: bool = False) -> str:
    """Escaped text with links over their spans and footnote references at their offsets.

    A footnote marker that falls inside a link's span is put right after the link.
    """
    out: list[str] = []
    pending = sorted(refs, key=lambda r: r.offset)
    pos = 0

    def plain(until: int) -> None:
        nonlocal pos
        while pending and pending[0].offset < until:
            ref = pending.pop(0)
            out.append(escape(text[pos : max(pos, ref.offset)], line_start=line_start and pos == 0))
            out.append(f"[^{ref.number}]")
            pos = max(pos, ref.offset)
        out.append(escape(text[pos:until], line_start=line_start and pos == 0))
        pos = until

    for link in sorted(links, key=lambda k: k.start):
        if link.start < pos:
            continue
        plain(link.start)
        if not link.target:  # a document the text does not tell: its words as written, and a note
            plain(link.end)
            out.append(f' <span class="vb-cite-note" title="{html.escape(link.title)}" data-pagefind-ignore="all" '
                       f'data-search-exclude="">{html.escape(UNRESOLVED_NOTE)}</span>')
            continue
        out.append(f"[{escape(text[link.start : link.end])}]({link.target} \"{escape_title(link.title)}\")")
        if link.note is not None:
            words, target, title = link.note
            # not the author's words: a mark beside them, not searched
            out.append(f" [{escape(words)}]({target} \"{escape_title(title)}\"){{: .vb-force-note data-pagefind-ignore=\"all\" data-search-exclude=\"\" }}")
        pos = link.end
    plain(len(text) + 1)
    return "".join(out)
