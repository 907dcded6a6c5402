"""Text normalisation: a display form that fixes encoding artefacts, and a matching form.

The display form is what pages show: NFC, with the `Ð/ð` look-alikes (U+00D0/U+00F0, never
Vietnamese) replaced by `Đ/đ`. The matching form also unifies dashes and spaces, for patterns.
"""

from __future__ import annotations

import re
import unicodedata

LOOKALIKES = {"\u00d0": "\u0110", "\u00f0": "\u0111"}
DASHES = {c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"}
SPACES = {c: " " for c in "\u00a0\u2007\u202f\u2009\u200a"}
COMBINING = re.compile("[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def _replace(text: str, table: dict[str, str]) -> str:
    """Character-for-character replacement; faster than str.translate for a few rare characters."""
    for old, new in table.items():
        if old in text:
            text = text.replace(old, new)
    return text


_MARKED = {"a": "àáảãạ", "e": "èéẻẽẹ", "y": "ỳýỷỹỵ", "o": "òóỏõọ", "u": "ùúủũụ"}
_OLD_PLACEMENT = re.compile(
    r"(?<![qQ])([oO])([àáảãạèéẻẽẹ])(?![^\W\d_])|(?<![qQ])([uU])([ỳýỷỹỵ])(?![^\W\d_])"
    r"|(?<![qQ])([O])([ÀÁẢÃẠÈÉẺẼẸ])(?![^\W\d_])|(?<![qQ])([U])([ỲÝỶỸỴ])(?![^\W\d_])"
)


def _new_placement(m: re.Match) -> str:
    first, second = [g for g in m.groups() if g]
    lower = second.lower()
    base = next(b for b, marks in _MARKED.items() if lower in marks and b in "aey")
    tone = _MARKED[base].index(lower)
    moved = _MARKED["o" if first in "oO" else "u"][tone]
    return (moved.upper() if first.isupper() else moved) + (base.upper() if second.isupper() else base)


def tone_placement(text: str) -> str:
    """Put the tone mark the new way in open syllables (`hoà` → `hòa`, `uỷ` → `ủy`); length kept."""
    return _OLD_PLACEMENT.sub(_new_placement, text)


def display(text: str) -> str:
    """NFC with look-alike letters fixed; nothing else of the author's text changes."""
    return unicodedata.normalize("NFC", _replace(text, LOOKALIKES))


def matching(text: str) -> str:
    """Display form with dashes, spaces and tone placement unified; same length as display."""
    return tone_placement(_replace(_replace(display(text), DASHES), SPACES))


def count_artefacts(raw: str) -> dict[str, int]:
    """How many look-alike letters and decomposed (NFD) sequences the raw text holds."""
    lookalikes = sum(raw.count(c) for c in LOOKALIKES)
    decomposed = len(COMBINING.findall(raw))
    return {"lookalike": lookalikes, "nfd": decomposed}
