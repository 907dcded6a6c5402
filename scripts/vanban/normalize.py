"""Text normalisation: a display form that fixes encoding artefacts, and a matching form.

The display form is what pages show: NFC, with the `Ð/ð` look-alikes (U+00D0/U+00F0, never
Vietnamese) replaced by `Đ/đ`. The matching form also unifies dashes and spaces, for patterns.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

LOOKALIKES = {"\u00d0": "\u0110", "\u00f0": "\u0111"}
DASHES = {c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"}
SPACES = {c: " " for c in "\u00a0\u2007\u202f\u2009\u200a"}
# Combining marks: the one range set every folding of vanban uses (this module's `folded` and
# `ascii_fold`; the browser's `vbFold`, scripts/vanban/search/fold.js, is tested against them).
COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def _replace(text: str, table: dict[str, str]) -> str:
    """Character-for-character replacement; faster than str.translate for a few rare characters."""
    for old, new in table.items():
        if old in text:
            text = text.replace(old, new)
    return text


_MARKED = {"a": "àáảãạ", "e": "èéẻẽẹ", "y": "ỳýỷỹỵ", "o": "òóỏõọ", "u": "ùúủũụ"}
# An old-style pair (`oà`, `uỷ`) ending a syllable. A plain character class first lets the regex
# engine skip ahead; alternatives with groups and look-behinds made it 6× slower on long text.
_OLD_PAIR = re.compile(r"[oOuU][àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ](?![^\W\d_])")


def _new_placement(m: re.Match) -> str:
    first, second = m.group()
    lower = second.lower()
    base = next((b for b in "aey" if lower in _MARKED[b]), "")
    if (m.start() > 0 and m.string[m.start() - 1] in "qQ"  # `qu` is an onset: `quà` stays
            or (first in "oO") != (base in "ae") or (first.islower() and second.isupper())):
        return m.group()
    moved = _MARKED["o" if first in "oO" else "u"][_MARKED[base].index(lower)]
    return (moved.upper() if first.isupper() else moved) + (base.upper() if second.isupper() else base)


def tone_placement(text: str) -> str:
    """Put the tone mark the new way in open syllables (`hoà` → `hòa`, `uỷ` → `ủy`); length kept."""
    return _OLD_PAIR.sub(_new_placement, text)


def display(text: str) -> str:
    """NFC with look-alike letters fixed; nothing else of the author's text changes."""
    return unicodedata.normalize("NFC", _replace(text, LOOKALIKES))


def matching(text: str) -> str:
    """Display form with dashes, spaces and tone placement unified; same length as display."""
    if len(text) <= SHORT:
        return _matching_short(text)
    return _matching(text)


# Symbols, type names and issuer phrases are matched hundreds of thousands of times at scale;
# short strings are memoised, paragraphs are not (they are read once).
SHORT = 64


def _matching(text: str) -> str:
    return tone_placement(_replace(_replace(display(text), DASHES), SPACES))


@lru_cache(maxsize=1 << 16)
def _matching_short(text: str) -> str:
    return _matching(text)


def _folded_char(c: str) -> str:
    bare = unicodedata.normalize("NFD", c.replace("đ", "d").replace("Đ", "D"))
    bare = COMBINING.sub("", bare).lower()
    return bare if len(bare) == 1 else c


# Every Latin letter Vietnamese text uses (Latin-1, Extended-A/B, Extended Additional), folded.
_FOLD = {cp: _folded_char(chr(cp)) for r in ((0x41, 0x5B), (0xC0, 0x250), (0x1E00, 0x1F00)) for cp in range(*r)}


def ascii_fold(text: str) -> str:
    """Drop tone and vowel marks, keeping case (`Đảng` → `Dang`); `đ` has no decomposition, so it
    is mapped by hand. For slugs and tokens; `folded` is the same-length, lower-case form."""
    return COMBINING.sub("", unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D")))


def folded(text: str) -> str:
    """Lower-case, without tone or vowel marks (`Đảng` → `dang`), and the same length as `text`,
    so a span found in the folded form is the same span in the text. Use on the matching form."""
    return text.translate(_FOLD)


def count_artefacts(raw: str) -> dict[str, int]:
    """How many look-alike letters and decomposed (NFD) sequences the raw text holds."""
    lookalikes = sum(raw.count(c) for c in LOOKALIKES)
    decomposed = len(COMBINING.findall(raw))
    return {"lookalike": lookalikes, "nfd": decomposed}


# Vietnamese alphabetical order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y, the
# letters with breve, circumflex and horn after their base letter; tones only break ties.
_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn: part of the letter
_TONES = "\u0300\u0301\u0309\u0303\u0323"  # huyền, sắc, hỏi, ngã, nặng


def vietnamese_sort_key(text: str) -> tuple:
    """A key that sorts text in Vietnamese dictionary order (not by code point: `Đ` after `D`,
    `Ư` after `U`, `Â` after `Ă`), case-insensitively."""
    letters, tones = [], []
    for char in unicodedata.normalize("NFC", text.lower()):
        parts = unicodedata.normalize("NFD", char)
        base = parts[0] + "".join(m for m in parts[1:] if m in _LETTER_MARKS)
        letter = unicodedata.normalize("NFC", base)
        tone = next((_TONES.index(m) + 1 for m in parts[1:] if m in _TONES), 0)
        if letter.isspace():  # a shorter word first: "Kế hoạch" before "Kết luận"
            letters.append((-1, 0))
        else:
            letters.append((0, _ALPHABET.index(letter)) if letter in _ALPHABET else (1, ord(letter[0])))
        tones.append(tone)
    return tuple(letters), tuple(tones), text
