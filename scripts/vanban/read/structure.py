"""Give each body paragraph its kind (heading, paragraph, bullet…) and a stable anchor.

Anchors are positional: `muc-i-2-2` for section I.2.2, `p-i-2-2-3` for its third paragraph,
`p-0-N` before the first heading, `p-cuoi-N` after the closing `***`. Editing the text of one
paragraph never moves another's anchor.
"""

from __future__ import annotations

from vanban.model import Block, FootnoteRef
from vanban.normalize import matching
from vanban.read.footnotes import Paragraph
from vanban.read.rules import Rules

PREAMBLE_KEY = "0"
CLOSING_KEY = "cuoi"


class _Sections:
    """Tracks the current section path and hands out unique anchor keys."""

    def __init__(self) -> None:
        self.path: dict[int, str] = {}
        self.used: set[str] = set()
        self.counts: dict[str, int] = {}
        self.key = PREAMBLE_KEY

    def enter(self, level: int, number: str) -> str:
        part = number.lower() if level == 1 else number.split(".")[-1]
        if level == 3 and 2 not in self.path:
            part = number.replace(".", "-")
        self.path = {lvl: p for lvl, p in self.path.items() if lvl < level}
        self.path[level] = part
        key = "-".join(self.path[lvl] for lvl in sorted(self.path))
        unique, n = key, 2
        while unique in self.used:
            unique, n = f"{key}-{n}", n + 1
        self.used.add(unique)
        self.key = unique
        return unique

    def next_paragraph(self) -> str:
        self.counts[self.key] = self.counts.get(self.key, 0) + 1
        return f"p-{self.key}-{self.counts[self.key]}"


def build_blocks(paragraphs: list[Paragraph], rules: Rules) -> list[Block]:
    """Classify paragraphs in order; empty ones only separate and are not kept."""
    sections = _Sections()
    blocks: list[Block] = []
    alone: tuple[str, int, str] | None = None  # a number on its own line: (as written, line, number)
    for p in paragraphs:
        if not p.text.strip():
            continue
        stripped_at = len(p.text) - len(p.text.lstrip())
        text, refs = _cut(p.text.rstrip(), p.refs, stripped_at)
        match_form = matching(text)
        if alone is not None:
            written, line, number = alone
            alone = None
            if len(text) <= rules.heading_max_length and text[0].isalpha():
                level = 1 if number.isalpha() else 3 if "." in number else 2
                key = sections.enter(level, number)
                blocks.append(Block("heading", text, f"muc-{key}", line, key, level, number, marker=written,
                                    refs=refs))
                continue
            blocks.append(Block("paragraph", written, sections.next_paragraph(), line, sections.key, number=number))
        if rules.closing_separator.match(match_form):
            sections.key = CLOSING_KEY
            blocks.append(Block("separator", text, "p-cuoi-0", p.line, CLOSING_KEY))
            continue
        if m := rules.number_alone.match(match_form):
            alone = (text, p.line, m["number"])
            continue
        heading = _heading(match_form, rules)
        if heading:
            level, number, start = heading
            key = sections.enter(level, number)
            body, refs = _cut(text, refs, start)
            blocks.append(Block("heading", body, f"muc-{key}", p.line, key, level, number,
                                marker=text[:start].rstrip(), refs=refs))
            continue
        marker = bullet_marker(match_form, rules)
        if marker is not None:
            body, refs = _cut(text, refs, len(match_form) - len(match_form[len(marker) :].lstrip()))
            blocks.append(Block("bullet", body, sections.next_paragraph(), p.line, sections.key,
                                marker=text[: len(marker)], refs=refs))
            continue
        kind = "closing" if sections.key == CLOSING_KEY else "paragraph"
        number = _paragraph_number(match_form, rules)
        blocks.append(Block(kind, text, sections.next_paragraph(), p.line, sections.key,
                            number=number, refs=refs))
    if alone is not None:
        blocks.append(Block("paragraph", alone[0], sections.next_paragraph(), alone[1], sections.key, number=alone[2]))
    return blocks


def _cut(text: str, refs: list[FootnoteRef], start: int) -> tuple[str, list[FootnoteRef]]:
    """Drop the first `start` characters, moving the footnote refs with the text."""
    return text[start:], [FootnoteRef(max(r.offset - start, 0), r.number) for r in refs]


def _heading(text: str, rules: Rules) -> tuple[int, str, int] | None:
    """(level, number, start of the heading text) when the line is a short numbered heading."""
    for rule in sorted(rules.headings, key=lambda r: -r.level):
        m = rule.pattern.match(text)
        # A roman-numbered line is a heading even when it ends with a colon (`I . tình hình … :`).
        if m and looks_like_heading(m["text"].rstrip(" :") if rule.level == 1 else m["text"], rules):
            return rule.level, m["number"], m.start("text")
    return None


def looks_like_heading(text: str, rules: Rules) -> bool:
    """Short, starts with a letter, and does not read like a sentence."""
    text = text.strip()
    return (
        0 < len(text) <= rules.heading_max_length
        and text[0].isalpha()
        and not rules.sentence_end.search(text)
        and not rules.sentence_break.search(text)
    )


def _paragraph_number(text: str, rules: Rules) -> str | None:
    """The number a numbered paragraph starts with (`1.1.`), kept for citing `mục 1.1`."""
    for rule in sorted(rules.headings, key=lambda r: -r.level):
        m = rule.pattern.match(text)
        if m:
            return m["number"]
    return None


def bullet_marker(text: str, rules: Rules) -> str | None:
    for marker in rules.bullet_markers:
        if text.startswith(marker) and text[len(marker) : len(marker) + 1].isspace():
            return marker
    return None
