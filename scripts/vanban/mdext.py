"""A Python-Markdown extension that shows footnotes with the numbers the author gave them.

Python-Markdown numbers footnotes 1, 2, 3… in order of reference; reports keep their own numbers
(a report may start at 2). This sets each reference's text and each list item's `value` to the
footnote's label when the label is a number. Use it in mkdocs.yml as `vanban.mdext`.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor


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


class VanbanExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(FootnoteNumbers(md), "vanban-footnote-numbers", 5)


def makeExtension(**kwargs) -> VanbanExtension:  # noqa: N802 (Python-Markdown's entry point name)
    return VanbanExtension(**kwargs)
