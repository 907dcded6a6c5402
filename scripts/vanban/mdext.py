"""A Python-Markdown extension that shows footnotes with the numbers the author gave them, and
finds glossary abbreviations in time linear in a page's size.

Python-Markdown numbers footnotes 1, 2, 3… in order of reference; reports keep their own numbers
(a report may start at 2). This sets each reference's text and each list item's `value` to the
footnote's label when the label is a number. Use it in mkdocs.yml as `vanban.mdext`, after `abbr`.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.extensions.abbr import AbbrTreeprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString


class FootnoteNumbers(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for a in root.iter("a"):
            if a.get("class") == "footnote-ref":
                label = a.get("href", "").rsplit(":", 1)[-1]
                if label.isdigit():
                    a.text = label
        for div in root.iter("div"):
            if "footnote" not in div.get("class", "").split():
                continue
            for li in div.iter("li"):
                label = li.get("id", "").rsplit(":", 1)[-1]
                if label.isdigit():
                    li.set("value", label)


class LinearAbbr(AbbrTreeprocessor):
    """Python-Markdown's `abbr` step, the same output, without its search of each element among
    its siblings (`list(parent).index(el)`): quadratic on a list or table of thousands of rows,
    half the time of a page listing every directive. Checked against it by tests/test_mdext.py."""

    def iter_element(self, el: etree.Element, parent: etree.Element | None = None) -> None:
        for index in range(len(el) - 1, -1, -1):
            child = el[index]
            self.iter_element(child)
            if child.tail and not isinstance(child.tail, AtomicString):
                child.tail = self._wrap(child.tail, el, index + 1)
        if el.text and not isinstance(el.text, AtomicString):
            el.text = self._wrap(el.text, el, 0)

    def _wrap(self, text: str, parent: etree.Element, index: int) -> str:
        """`text`, cut before its first abbreviation; each one found becomes an <abbr> inserted
        into `parent` at `index`, holding the text after it as its tail."""
        for m in reversed(list(self.RE.finditer(text))):
            if self.abbrs[m.group(0)]:
                parent.insert(index, self.create_element(self.abbrs[m.group(0)], m.group(0), text[m.end():]))
                text = text[:m.start()]
        return text


class VanbanExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(FootnoteNumbers(md), "vanban-footnote-numbers", 5)
        if "abbr" in md.treeprocessors:  # the glossary's step, made linear (same abbreviations, same order)
            stock = md.treeprocessors["abbr"]
            md.treeprocessors.register(LinearAbbr(md, stock.abbrs), "abbr", 7)


def makeExtension(**kwargs) -> VanbanExtension:  # noqa: N802 (Python-Markdown's entry point name)
    return VanbanExtension(**kwargs)
