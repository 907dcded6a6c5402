"""Bind Word-export footnotes: `[footnoteRef:N]` markers to their `[N: …]` bodies.

Bodies follow later in the same paragraph, may hold brackets and quotes, may run past the end of
a line, and several may follow one paragraph. Unmatched markers or bodies stay in the text, with
a warning: nothing is dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from vanban.model import Diagnostic, Footnote, FootnoteRef
from vanban.read.rules import Rules


@dataclass
class Paragraph:
    """A logical paragraph of the body: one source line, or several when a body runs on."""

    text: str
    line: int
    refs: list[FootnoteRef] = field(default_factory=list)


def extract(
    lines: list[tuple[int, str]], path: str, rules: Rules
) -> tuple[list[Paragraph], list[Footnote], list[Diagnostic]]:
    """Split the body lines into paragraphs with footnote refs, and the footnote bodies."""
    markers = {int(m["number"]) for _, t in lines for m in rules.footnote_marker.finditer(t)}
    diags: list[Diagnostic] = []
    bodies: dict[int, Footnote] = {}
    paragraphs = [
        _cut_bodies(text, line, markers, bodies, path, rules, diags)
        for line, text in _join_lines(lines, markers, rules)
    ]
    for p in paragraphs:
        _bind_markers(p, bodies, path, rules, diags)
        _warn_orphan_bodies(p, markers, path, rules, diags)
    return paragraphs, sorted(bodies.values(), key=lambda f: f.number), diags


def _join_lines(lines: list[tuple[int, str]], markers: set[int], rules: Rules) -> list[tuple[int, str]]:
    """Join a line whose last footnote body is still open with the lines that close it."""
    out: list[tuple[int, str]] = []
    i = 0
    while i < len(lines):
        number, text = lines[i]
        openers = _openers(text, 0, markers, rules)
        last = i
        if openers and "]" not in text[openers[-1].end():]:
            for k in range(i + 1, min(len(lines), i + 1 + rules.footnote_max_lines)):
                if "]" in lines[k][1]:
                    text = "\n".join(t for _, t in lines[i : k + 1])
                    last = k
                    break
        out.append((number, text))
        i = last + 1
    return out


def _openers(text: str, start: int, markers: set[int], rules: Rules) -> list[re.Match]:
    return [m for m in rules.footnote_opener.finditer(text, start) if int(m["number"]) in markers]


def _body_end(text: str, start: int, limit: int) -> int | None:
    """Index of the `]` closing a body that starts at `start`, looking no further than `limit`.

    Brackets inside the body are balanced first; failing that, the last `]` before the limit.
    """
    depth = 1
    for pos in range(start, limit):
        ch = text[pos]
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
            if depth == 0:
                return pos
    last = text.rfind("]", start, limit)
    return last if last >= 0 else None


def _cut_bodies(text: str, line: int, markers: set[int], bodies: dict[int, Footnote], path: str,
                rules: Rules, diags: list[Diagnostic]) -> Paragraph:
    """Take the footnote bodies out of one paragraph's text into `bodies`."""
    kept: list[str] = []
    pos = 0
    openers = _openers(text, 0, markers, rules)
    newlines = [i for i, ch in enumerate(text) if ch == "\n"] if "\n" in text else []
    i = 0
    while i < len(openers):
        opener = openers[i]
        i += 1
        if opener.start() < pos:
            continue
        number = int(opener["number"])
        limit = next((o.start() for o in openers[i:] if o.start() >= opener.end()), len(text))
        body_line = line + bisect_left(newlines, opener.start())
        if number in bodies:
            diags.append(Diagnostic("warning", "footnote-duplicate",
                                    f"chú thích {number} có nội dung thứ hai; giữ nguyên dạng chữ", path, body_line))
            continue
        end = _body_end(text, opener.end(), limit)
        if end is None:
            diags.append(Diagnostic("warning", "footnote-unclosed",
                                    f"nội dung chú thích {number} không đóng bằng ']'; kéo dài đến hết "
                                    "đoạn", path, body_line))
            body, after = text[opener.end() : limit], limit
        else:
            body, after = text[opener.end() : end], end + 1
        bodies[number] = Footnote(number, body.strip(), body_line)
        kept.append(text[pos : opener.start()])
        pos = after
    kept.append(text[pos:])
    return Paragraph(_join_kept(kept).rstrip(), line)


def _join_kept(kept: list[str]) -> str:
    """Join the text around removed bodies; where a body stood between two words, a space keeps
    them two words (`…9[2: …]42…` must not read `942`)."""
    out = kept[0] if kept else ""
    for piece in kept[1:]:
        if out and piece and out[-1].isalnum() and piece[0].isalnum():
            out += " "
        out += piece
    return out


def _bind_markers(p: Paragraph, bodies: dict[int, Footnote], path: str, rules: Rules,
                  diags: list[Diagnostic]) -> None:
    """Remove markers that have a body, recording their offsets; leave the others as text."""
    out: list[str] = []
    pos = length = 0
    for m in rules.footnote_marker.finditer(p.text):
        number = int(m["number"])
        if number not in bodies:
            diags.append(Diagnostic("warning", "footnote-no-body",
                                    f"dấu chú thích [footnoteRef:{number}] không có nội dung; giữ nguyên dạng chữ",
                                    path, p.line + p.text.count("\n", 0, m.start())))
            continue
        out.append(p.text[pos : m.start()])
        length += m.start() - pos
        p.refs.append(FootnoteRef(length, number))
        pos = m.end()
    out.append(p.text[pos:])
    p.text = "".join(out)


def _warn_orphan_bodies(p: Paragraph, markers: set[int], path: str, rules: Rules,
                        diags: list[Diagnostic]) -> None:
    """A `[N: …]` whose N no marker names looks like a body that lost its marker."""
    for m in rules.footnote_opener.finditer(p.text):
        if int(m["number"]) not in markers and "]" in p.text[m.end() :]:
            diags.append(Diagnostic("warning", "footnote-orphan-body",
                                    f"nội dung chú thích [{m['number']}: …] không có dấu chú thích; giữ nguyên dạng chữ",
                                    path, p.line + p.text.count("\n", 0, m.start())))
