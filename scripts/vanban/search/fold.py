"""The diacritic-free copy of the offline search index: folded tokens and symbol variants.

Cadres type `nghi quyet 35`, `dang vien`, `NQ 35`, `nq35`. The index keeps the text as it is (for
display and exact matches, which rank first) and adds, per entry, its tokens folded, plus the
parts of every symbol (`35-NQ/TW` → `35 nq tw nq35 35nq`).
"""

from __future__ import annotations

import html
import re
import unicodedata
from pathlib import Path

from vanban.normalize import ascii_fold

TAG = re.compile(r"<[^>]+>")
SYMBOL_PARTS = re.compile(r"[-/]")


def plain_text(fragment: str) -> str:
    """Text of an index field, which may hold a few HTML tags and entities."""
    return html.unescape(TAG.sub(" ", fragment))


def tokens(text: str, separator: re.Pattern) -> list[str]:
    """Lower-cased NFC tokens, split the way the browser will split them."""
    text = unicodedata.normalize("NFC", text).lower()
    return [t for t in separator.split(text) if t]


def symbol_variants(token: str) -> list[str]:
    """`35-nq/tw` → `35`, `nq`, `tw`, `nq35`, `35nq`: the ways a symbol is typed."""
    parts = [p for p in SYMBOL_PARTS.split(token) if p]
    if len(parts) < 2 or not any(ch.isdigit() for ch in token) or not any(ch.isalpha() for ch in token):
        return []
    out = list(parts)
    number = next((p for p in parts if p.isdigit()), None)
    code = next((p for p in parts if p.isalpha()), None)
    if number and code:
        out += [code + number, number + code]
    return out


def folded_field(text: str, separator: re.Pattern) -> str:
    """Every token of the text folded, with symbol variants, in text order and as often as in the
    text (how often a word occurs ranks a passage): the offline search requires each query word
    here (`+dang` finds "đảng" and "dang"), so that a page is shown only if it holds every word,
    as on the served site."""
    out: list[str] = []
    for token in tokens(text, separator):
        out += [c for c in [ascii_fold(token), *symbol_variants(ascii_fold(token))] if c]
    return " ".join(out)


def symbol_field(words: list[str], separator: re.Pattern) -> str:
    """What a directive's own page answers to: its type and symbol, folded, with variants."""
    out: list[str] = []
    for token in tokens(" ".join(words), separator):
        for candidate in [token, ascii_fold(token), *symbol_variants(ascii_fold(token))]:
            if candidate not in out:
                out.append(candidate)
    return " ".join(out)


FOLD_JS = Path(__file__).with_name("fold.js")
FOLD_PLACEHOLDER = "/* __VANBAN_FOLD__ */"


KNOWN_JS = Path(__file__).with_name("known.js")
KNOWN_PLACEHOLDER = "/* __VANBAN_KNOWN__ */"


def with_fold(script: str) -> str:
    """A search worker's source with what the workers share written in: fold.js (`vbFold`,
    `vbWithQuery`), and where a worker asks for it, known.js (a query naming a document)."""
    script = script.replace(FOLD_PLACEHOLDER, FOLD_JS.read_text(encoding="utf-8").strip())
    return script.replace(KNOWN_PLACEHOLDER, KNOWN_JS.read_text(encoding="utf-8").strip())
