"""Cut a readable passage around a span of a block's text: for quotes on pages and in findings."""

from __future__ import annotations

import re

SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=\S)")
CONTEXT_LIMIT = 320


def sentence_around(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The sentence (or clause) holding text[start:end], cut to a readable length."""
    window = max(0, start - 2 * CONTEXT_LIMIT)
    begin = window
    for m in SENTENCE_END.finditer(text, window, start):
        begin = m.end()
    reach = min(len(text), end + 2 * CONTEXT_LIMIT)
    stop = SENTENCE_END.search(text, end, reach)
    finish = stop.start() if stop else reach
    before, inside, after = text[begin:start], text[start:end], text[end:finish]
    room = max(0, CONTEXT_LIMIT - len(inside)) // 2
    if len(before) > room:  # cut at a word boundary, never inside a word
        cut = before[len(before) - room :]
        space = cut.find(" ")
        before = "…" + (cut[space + 1 :] if 0 <= space < len(cut) - 1 else cut).lstrip()
    if len(after) > room:
        cut = after[:room]
        space = cut.rfind(" ")
        after = (cut[:space] if space > 0 else cut).rstrip() + "…"
    return before, inside, after
