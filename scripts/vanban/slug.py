"""ASCII slugs from Vietnamese text (`Đông Hà` → `dong-ha`): stable ids and URLs."""

from __future__ import annotations

import re

from vanban.normalize import ascii_fold


def slugify(*parts: str) -> str:
    """Lower-case ASCII words joined by `-`."""
    text = " ".join(p for p in parts if p)
    return re.sub(r"[^a-z0-9]+", "-", ascii_fold(text).lower()).strip("-")
