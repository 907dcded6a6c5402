"""Say where a citation is: a label cadres read (`mục I.2.2, đoạn 3`) and a link to the anchor."""

from __future__ import annotations

import re

from vanban.render.report_page import report_path

SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=\S)")
CONTEXT_LIMIT = 320


def location_label(anchor: str) -> str:
    """`p-i-2-2-3` → `mục I.2.2, đoạn 3`; `fn:19` → `chú thích 19`; `p-0-2` → `phần mở đầu, đoạn 2`."""
    if anchor.startswith("fn:"):
        return f"chú thích {anchor[3:]}"
    kind, _, rest = anchor.partition("-")
    parts = rest.split("-")
    if kind == "muc":
        return f"đề mục {_section(parts)}"
    *section, paragraph = parts
    if section == ["0"]:
        return f"phần mở đầu, đoạn {paragraph}"
    if section == ["cuoi"]:
        return f"phần kết, đoạn {paragraph}"
    return f"mục {_section(section)}, đoạn {paragraph}"


def _section(parts: list[str]) -> str:
    return ".".join(p.upper() if p.isalpha() else p for p in parts)


def location_href(slug: str, anchor: str, from_dir: str) -> str:
    """Relative link from a page in `from_dir` to the anchor in a report page."""
    depth = from_dir.count("/") + 1 if from_dir else 0
    return "../" * depth + f"{report_path(slug)}#{anchor}"


def sentence_around(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The sentence (or clause) holding text[start:end], cut to a readable length."""
    begin = 0
    for m in SENTENCE_END.finditer(text, 0, start):
        begin = m.end()
    stop = SENTENCE_END.search(text, end)
    finish = stop.start() if stop else len(text)
    before, inside, after = text[begin:start], text[start:end], text[end:finish]
    room = max(0, CONTEXT_LIMIT - len(inside)) // 2
    if len(before) > room:
        before = "…" + before[len(before) - room :].lstrip()
    if len(after) > room:
        after = after[:room].rstrip() + "…"
    return before, inside, after
