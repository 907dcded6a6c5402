"""The offline (lunr) index, entry by passage: each paragraph, provision and footnote of a built
page is its own search entry, so that a result lands on it, as the served site's Pagefind
results do. Material indexes by heading; a report's section runs to 1 600 px."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from html.parser import HTMLParser

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# Elements with an id that are passages of their own (a paragraph, a footnote, a table cell row
# does not have one).
BLOCKS = {"p", "li", "div", "blockquote", "dd", "td"}
VOID = {"br", "hr", "img", "input", "meta", "link", "source", "wbr"}
# Page furniture, not the document's words: permalinks, the legend, the contents list.
SKIPPED_CLASSES = {"headerlink", "vb-para-link", "vb-cite-link", "footnote-backref", "vb-legend", "vb-contents",
                   "vb-page-links", "vb-not-searched"}


@dataclass
class Passage:
    """A search entry: `anchor` is None for the page's own text before its first heading."""

    anchor: str | None
    title: str
    heading: bool
    words: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join("".join(self.words).split())


class _Splitter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # inside <article>
        self.skip = 0
        self.stack: list[tuple[str, bool, Passage | None]] = []  # (tag, skipped, passage it opened)
        self.passages = [Passage(None, "", False)]
        self.open: list[Passage] = [self.passages[0]]  # innermost last
        self.heading = ""

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.depth += 1
        if not self.depth or tag in VOID:
            return
        attrs = dict(attrs)
        skipped = bool(set((attrs.get("class") or "").split()) & SKIPPED_CLASSES) or "hidden" in attrs
        self.skip += skipped
        opened = None
        anchor = attrs.get("id")
        if anchor and not self.skip and (tag in HEADINGS or tag in BLOCKS):
            if tag in HEADINGS:
                opened = Passage(anchor, "", True)
                self.open = [self.passages[0]]
            else:
                opened = Passage(anchor, self.heading, False)
            self.passages.append(opened)
            self.open.append(opened)
        self.stack.append((tag, skipped, opened))

    def handle_endtag(self, tag):
        if tag == "article":
            self.depth -= 1
        if not self.depth or tag in VOID or all(t != tag for t, _, _ in self.stack):
            return
        while self.stack:
            top, skipped, opened = self.stack.pop()
            self.skip -= skipped
            if opened is not None:
                if opened.heading:
                    opened.title = self.heading = opened.text
                    opened.words = []
                    self.open = [self.passages[0], opened]  # text after a heading is the heading's
                else:
                    self.open.remove(opened)
            if top in BLOCKS or top in HEADINGS:
                self.open[-1].words.append(" ")
            if top == tag:
                break

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.open[-1].words.append(data)


def split(page_html: str) -> list[Passage]:
    """The passages of a built page's article, in order, empty ones left out (a heading keeps
    its entry even without text of its own: its title is searched)."""
    parser = _Splitter()
    parser.feed(page_html)
    parser.close()
    return [p for p in parser.passages if p.text or p.heading]


def entries(location: str, page_title: str, passages: list[Passage]) -> list[dict]:
    """Material index entries for a page: the page (its text before the first heading), then one
    per passage. A paragraph's heading is shown above it (`heading`, which the search worker
    shows as its title) but not searched with it: a paragraph is found by its own words."""
    out = []
    for passage in passages:
        where = location if passage.anchor is None else f"{location}#{passage.anchor}"
        entry = {"location": where, "title": "", "text": html.escape(passage.text, quote=False)}
        if passage.anchor is None or passage.heading:
            entry["title"] = html.escape(page_title if passage.anchor is None else passage.title, quote=False)
        else:
            entry["heading"] = html.escape(passage.title or page_title, quote=False)
        out.append(entry)
    if not out or out[0]["location"] != location:
        out.insert(0, {"location": location, "title": html.escape(page_title, quote=False), "text": ""})
    return out
