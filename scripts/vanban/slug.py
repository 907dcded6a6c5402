"""ASCII slugs from Vietnamese text (`Đông Hà` → `dong-ha`): stable ids and URLs."""

from __future__ import annotations

import re
import unicodedata


def ascii_fold(text: str) -> str:
    """Drop tone and vowel marks; `đ` has no decomposition, so map it by hand."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def slugify(*parts: str) -> str:
    """Lower-case ASCII words joined by `-`."""
    text = " ".join(p for p in parts if p)
    return re.sub(r"[^a-z0-9]+", "-", ascii_fold(text).lower()).strip("-")
