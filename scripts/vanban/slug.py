"""ASCII slugs from Vietnamese text (`Đông Hà` → `dong-ha`): stable ids and URLs."""

from __future__ import annotations

import re
import unicodedata


# The combining-mark blocks (Vietnamese marks are all in the first); a regex is far faster than
# testing unicodedata.combining() character by character.
COMBINING_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def ascii_fold(text: str) -> str:
    """Drop tone and vowel marks; `đ` has no decomposition, so map it by hand."""
    return COMBINING_MARKS.sub("", unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D")))


def slugify(*parts: str) -> str:
    """Lower-case ASCII words joined by `-`."""
    text = " ".join(p for p in parts if p)
    return re.sub(r"[^a-z0-9]+", "-", ascii_fold(text).lower()).strip("-")
