"""Visible text of a built Material page, for tests: main text and footnotes apart."""

from __future__ import annotations

from html.parser import HTMLParser

VOID_TAGS = {"br", "hr", "img", "input", "meta", "link", "source", "wbr"}
BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "div", "td", "th", "tr", "br", "hr", "ol", "ul"}
SKIP_CLASSES = {"headerlink", "footnote-ref", "footnote-backref"}


class PageText(HTMLParser):
    """Collects the text of `<article>`, skipping permalinks and footnote numbers."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.main: list[str] = []
        self.footnotes: list[str] = []
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, skip, in_footnotes)
        self.in_article = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = set((attrs.get("class") or "").split())
        parent_skip = self.stack[-1][1] if self.stack else False
        parent_fn = self.stack[-1][2] if self.stack else False
        if tag == "article":
            self.in_article += 1
        if tag in VOID_TAGS:
            self._space(parent_fn)
            return
        self.stack.append((tag, parent_skip or bool(classes & SKIP_CLASSES), parent_fn or "footnote" in classes))
        if tag in BLOCK_TAGS:
            self._space(parent_fn)

    def handle_endtag(self, tag):
        if tag in VOID_TAGS or all(t != tag for t, _, _ in self.stack):
            return
        while self.stack:
            top, _, fn = self.stack.pop()
            if top in BLOCK_TAGS:
                self._space(fn)
            if top == tag:
                break
        if tag == "article":
            self.in_article -= 1

    def handle_data(self, data):
        if not self.in_article or (self.stack and self.stack[-1][1]):
            return
        (self.footnotes if self.stack and self.stack[-1][2] else self.main).append(data)

    def _space(self, in_footnotes: bool) -> None:
        if self.in_article:
            (self.footnotes if in_footnotes else self.main).append(" ")


def page_text(html: str) -> tuple[str, str]:
    parser = PageText()
    parser.feed(html)
    return "".join(parser.main), "".join(parser.footnotes)
