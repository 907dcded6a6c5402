"""The fidelity oracle for arbitrary text: every word of the input reaches the rendered HTML.

Independent of the reader (it imports nothing of vanban's): it drops only what the format
defines as non-text (bound footnote markers and their body openers, Word bookmarks), applies the
only letter change the site makes (the README's: `Ð/ð` look-alikes shown as `Đ/đ`), and compares
multisets of words.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from html.parser import HTMLParser

import markdown


WORD = re.compile(r"\w+")
MARKER = re.compile(r"\[footnoteRef:(\d+)\]")
OPENER = re.compile(r"\[(\d+):")
ARTEFACT = re.compile(r"\[bookmark: [^\]\n]*\]")
EXTENSIONS = ["toc", "attr_list", "md_in_html", "tables", "abbr", "footnotes", "vanban.mdext"]
NOT_TEXT = {"footnote-ref", "footnote-backref", "vb-para-link", "vb-flag", "headerlink"}
BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "div", "td", "th", "br", "hr"}
LOOKALIKES = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111"})


def _display(text: str) -> str:
    """The author's text as the site shows it: NFC, Ð/ð as Đ/đ, nothing else changed."""
    return unicodedata.normalize("NFC", text.translate(LOOKALIKES))


def source_words(text: str) -> Counter:
    text = _display(text.replace("\r\n", "\n").replace("\r", "\n"))
    text = ARTEFACT.sub(" ", text)
    bound = {m.group(1) for m in MARKER.finditer(text)}
    text = MARKER.sub(" ", text)
    text = OPENER.sub(lambda m: " " if m.group(1) in bound else m.group(), text)
    return Counter(WORD.findall(unicodedata.normalize("NFC", text)))


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.stack: list[bool] = []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCKS:
            self.parts.append(" ")
        if tag in ("br", "hr", "img"):
            return
        skipping = bool(set((dict(attrs).get("class") or "").split()) & NOT_TEXT)
        if skipping:
            self.parts.append(" ")  # a footnote number or a marker separates what stands around it
        self.stack.append(skipping)
        self.skip += skipping

    def handle_endtag(self, tag):
        if tag in BLOCKS:
            self.parts.append(" ")
        if tag in ("br", "hr", "img") or not self.stack:
            return
        self.skip -= self.stack.pop()

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def rendered_html(page: str) -> str:
    """The HTML Python-Markdown makes of a generated page (front matter left out)."""
    body = page.split("---\n", 2)[2] if page.startswith("---\n") else page
    return markdown.markdown(body, extensions=EXTENSIONS)


def html_words(html: str) -> Counter:
    parser = _Text()
    parser.feed(html)
    return Counter(WORD.findall(unicodedata.normalize("NFC", "".join(parser.parts))))


def lost_words(text: str, page: str) -> Counter:
    """Words of the input that the page does not show (empty when nothing is lost)."""
    return source_words(text) - html_words(rendered_html(page))
