"""Give a directive's body its provisions, each with a stable anchor people can paste into minutes.

Two styles occur. Legal style (a Luật, a Nghị định, the Điều lệ Đảng, a Quy định): Phần, Chương,
Mục, **Điều N.**, khoản `1.`, điểm `a)` → `#chuong-ii`, `#dieu-3`, `#dieu-3-khoan-2`,
`#dieu-3-khoan-2-diem-a`. Party style (Nghị quyết, Kết luận, Hướng dẫn, Kế hoạch): `I.`, `1.`,
`1.1.`, `a)` → `#muc-ii`, `#muc-ii-2`, `#muc-ii-2-1`, `#muc-ii-2-1-a`. Numbers are kept as
written (lower-cased, `đ` → `dd`); other paragraphs get `p-<provision>-N`; a repeated number
gets `-2`. From "Nơi nhận" on, the closing: `p-cuoi-N`. Patterns: `rules.yml`, `provisions`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vanban.model import Block, FootnoteRef
from vanban.normalize import folded, matching
from vanban.read.footnotes import Paragraph
from vanban.read.rules import Rules
from vanban.read.structure import bullet_marker, looks_like_heading

PREAMBLE, CLOSING = "0", "cuoi"
# Containers of legal style, outermost first; each opens a heading one level below the last.
LEGAL_CONTAINERS = ("part", "chapter", "section", "article")
ANCHOR_WORDS = {"part": "phan", "chapter": "chuong", "section": "muc", "article": "dieu", "appendix": "phu-luc"}


@dataclass
class _Open:
    """A provision that is open while the paragraphs after it belong to it."""

    kind: str
    key: str


def anchor_part(number: str) -> str:
    """A number as it appears in an anchor: lower-case, `đ` as `dd`, dots and spaces as `-`."""
    out = folded(matching(number).lower().replace("đ", "dd"))
    return re.sub(r"[^0-9a-z]+", "-", out).strip("-")


class _Path:
    """The open provisions and the anchors already handed out."""

    def __init__(self) -> None:
        self.stack: list[_Open] = []
        self.used: set[str] = set()
        self.counts: dict[str, int] = {}

    @property
    def key(self) -> str:
        return self.stack[-1].key if self.stack else PREAMBLE

    def open(self, kind: str, key: str, closes: tuple[str, ...]) -> str:
        """Open a provision after closing those of the kinds in `closes`; its unique anchor."""
        while self.stack and self.stack[-1].kind in closes:
            self.stack.pop()
        unique, n = key, 2
        while unique in self.used:
            unique, n = f"{key}-{n}", n + 1
        self.used.add(unique)
        self.stack.append(_Open(kind, unique))
        return unique

    def within(self, kind: str) -> str | None:
        return next((o.key for o in reversed(self.stack) if o.kind == kind), None)

    def paragraph(self) -> str:
        self.counts[self.key] = self.counts.get(self.key, 0) + 1
        return f"p-{self.key}-{self.counts[self.key]}"


def is_legal(starts: list[str], rules: Rules) -> bool:
    """Legal style when the text is made of articles (two `Điều N` lines at least)."""
    article = rules.provisions["article"]
    return sum(1 for start in starts if article.match(start)) >= 2


# Enough of a paragraph's start to tell its numbering (`Phần thứ mười hai`, `Điều 105a.`).
START = 40


def build_provisions(paragraphs: list[Paragraph], rules: Rules) -> list[Block]:
    """Blocks of a directive's body, in order, each provision with its anchor and number."""
    starts = [matching(p.text.strip()[:START]) for p in paragraphs]
    legal = is_legal(starts, rules)
    levels = _container_levels(starts, rules) if legal else {}
    path = _Path()
    blocks: list[Block] = []
    closing = False
    pending_title: Block | None = None
    for p, start in zip(paragraphs, starts):
        if not p.text.strip():
            continue
        lead = len(p.text) - len(p.text.lstrip())
        text, refs = _cut(p.text.rstrip(), p.refs, lead)
        form = start + text[len(start):]  # numbering is matched on the matching form of the start
        if pending_title is not None:
            if _is_title_line(form, rules):
                pending_title.text, pending_title.refs = text, refs
                pending_title = None
                continue
            pending_title = None
        if closing and rules.provisions["appendix"].match(form):
            closing = False  # an appendix after the signature: a provision like the others
            path.stack = []
        elif closing and text.isupper() and form.strip() in rules.doc_types:
            closing = False  # a regulation issued with the decision, after its signature
            path.stack = []
            key = path.open("appendix", "kem-theo", ())
            blocks.append(Block("heading", text, key, p.line, key, 1, "", marker="", refs=refs))
            continue
        if closing or rules.provisions["closing"].match(form):
            closing = True
            path.stack = [_Open("closing", CLOSING)]
            blocks.append(Block("closing", text, path.paragraph(), p.line, CLOSING, refs=refs))
            continue
        block = _provision(text, refs, form, p.line, path, rules, legal, levels)
        if block is None:
            marker = bullet_marker(form, rules)
            if marker is not None:
                body, brefs = _cut(text, refs, len(form) - len(form[len(marker):].lstrip()))
                block = Block("bullet", body, path.paragraph(), p.line, path.key, marker=text[: len(marker)],
                              refs=brefs)
            else:
                block = Block("paragraph", text, path.paragraph(), p.line, path.key, refs=refs)
        elif block.kind == "heading" and not block.text.strip():
            pending_title = block
        elif block.kind == "heading" and legal and not looks_like_heading(block.text, rules):
            # "Điều 1. Ban hành kèm theo Quyết định này …": the article's content, not its title,
            # follows the number: the heading is the number, the content its first paragraph.
            content = Block("paragraph", block.text, "", block.line, block.anchor, refs=block.refs)
            block.text, block.refs = "", []
            blocks.append(block)
            content.anchor = path.paragraph()
            block = content
        blocks.append(block)
    return blocks


def _is_title_line(form: str, rules: Rules) -> bool:
    """The line after a bare `Chương I` that names it (short, no number, not a sentence)."""
    return looks_like_heading(form, rules) and not any(r.match(form) for r in rules.provisions.values())


def _container_levels(starts: list[str], rules: Rules) -> dict[str, int]:
    """Heading level of each legal container the text uses: the outermost present is level 1."""
    present = [k for k in LEGAL_CONTAINERS if k == "article" or any(rules.provisions[k].match(s) for s in starts)]
    if "chapter" not in present and any(rules.provisions["roman"].match(s) for s in starts):
        present.insert(present.index("article"), "chapter")  # `I- QUY ĐỊNH CHUNG` stands for a chapter
    return {kind: i + 1 for i, kind in enumerate(present)}


def _provision(text: str, refs: list[FootnoteRef], form: str, line: int, path: _Path, rules: Rules,
               legal: bool, levels: dict[str, int]) -> Block | None:
    """The block of a numbered provision, or None for a plain paragraph or bullet."""
    r = rules.provisions
    if m := r["appendix"].match(form):
        key = path.open("appendix", "phu-luc" + (f"-{anchor_part(m['number'])}" if m["number"] else ""),
                        tuple(ANCHOR_WORDS) + ("roman", "item", "sub", "clause", "point"))
        return Block("heading", text, key, line, key, 1, m["number"] or "", marker="", refs=refs)
    if legal:
        for kind in LEGAL_CONTAINERS:
            if m := r[kind].match(form):
                return _legal_container(kind, m, text, refs, line, path, levels)
        if (m := r["roman"].match(form)) and looks_like_heading(m["text"], rules):
            key = path.open("chapter", f"muc-{anchor_part(m['number'])}", LEGAL_CONTAINERS + ("clause", "point"))
            return _heading(text, refs, m, key, line, levels.get("chapter", 1))
        article = path.within("article")
        if article and (m := r["clause"].match(form)):
            key = path.open("clause", f"{article}-khoan-{anchor_part(m['number'])}", ("clause", "point"))
            return Block("paragraph", text, key, line, key, number=m["number"], refs=refs)
        if article and (m := r["point"].match(form)):
            base = path.within("clause") or article
            key = path.open("point", f"{base}-diem-{anchor_part(m['number'])}", ("point",))
            return Block("paragraph", text, key, line, key, number=m["number"], refs=refs)
        return None
    return _party(text, refs, form, line, path, rules)


def _legal_container(kind: str, m: re.Match, text: str, refs, line: int, path: _Path,
                     levels: dict[str, int]) -> Block:
    inner = LEGAL_CONTAINERS[LEGAL_CONTAINERS.index(kind):] + ("clause", "point")
    word = ANCHOR_WORDS[kind]
    if kind == "section" and path.within("chapter"):
        base = f"{path.within('chapter')}-{word}"
    elif path.within("appendix"):
        base = f"{path.within('appendix')}-{word}"
    else:
        base = word
    key = path.open(kind, f"{base}-{anchor_part(m['number'])}", inner)
    return _heading(text, refs, m, key, line, levels.get(kind, 1))


def _heading(text: str, refs, m: re.Match, key: str, line: int, level: int) -> Block:
    """A heading block: the numbering as written is its marker, the rest its text."""
    start = m.start("text")
    body, body_refs = _cut(text, refs, start)
    return Block("heading", body, key, line, key, level, m["number"], marker=text[:start].rstrip(), refs=body_refs)


PARTY_LEVELS = ("roman", "item", "sub", "point")
# Tried in this order: `1.1.` before `1.`, which would read it as item 1.
PARTY_ORDER = ("roman", "sub", "item", "point")


def _party(text: str, refs, form: str, line: int, path: _Path, rules: Rules) -> Block | None:
    """Party style: `I.` → muc-i; `1.` → muc-i-1; `1.1.` → muc-i-1-1; `a)` → muc-i-1-1-a."""
    r = rules.provisions
    for kind in PARTY_ORDER:
        depth = PARTY_LEVELS.index(kind)
        m = r[kind].match(form)
        if not m:
            continue
        if kind == "point" and path.key == PREAMBLE:
            return None
        parent = next((o.key for o in reversed(path.stack) if o.kind in PARTY_LEVELS[:depth]), None)
        if kind == "sub":
            number = anchor_part(m["number"])
            top = path.within("roman")
            key = f"{top}-{number}" if top else f"muc-{number}"
            closes = PARTY_LEVELS[1:]
        else:
            key = f"{parent}-{anchor_part(m['number'])}" if parent else f"muc-{anchor_part(m['number'])}"
            closes = PARTY_LEVELS[depth:]
        if path.within("appendix") and not parent:
            key = f"{path.within('appendix')}-{key}"
        key = path.open(kind, key, closes)
        if kind != "point" and looks_like_heading(m["text"], rules):
            return _heading(text, refs, m, key, line, depth + 1)
        return Block("paragraph", text, key, line, key, number=m["number"], refs=refs)
    return None


def _cut(text: str, refs: list[FootnoteRef], start: int) -> tuple[str, list[FootnoteRef]]:
    return text[start:], [FootnoteRef(max(r.offset - start, 0), r.number) for r in refs]
