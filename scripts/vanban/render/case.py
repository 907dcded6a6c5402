"""Show a trích yếu written in capitals (as headers print it) as a sentence, for lists, titles
and metadata; the document's own header keeps it as written. Names stay capitalised
(`proper_names.yml`, and the places the caller knows, such as the issuer's province)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from vanban.yamlfile import load_package_data

# A text is "in capitals" when at least this share of its letters are.
CAPITALS = 0.8
# Words kept as written: with a digit, or a Roman numeral of two letters or more (with punctuation).
KEEP = re.compile(r"\W*(?:\S*\d\S*|[IVXLCDM]{2,})\W*")


@lru_cache(maxsize=1)
def _names() -> list[tuple[str, re.Pattern]]:
    out = []
    for entry in load_package_data(Path(__file__).parent / "proper_names.yml")["names"]:
        name, unless = (entry, []) if isinstance(entry, str) else (entry["name"], entry["unless_followed_by"])
        out.append((name, _pattern(name, unless)))
    return sorted(out, key=lambda pair: -len(pair[0]))


def _pattern(name: str, unless: list[str] = ()) -> re.Pattern:  # type: ignore[assignment]
    after = "".join(rf"(?!\s+{re.escape(w)}(?!\w))" for w in unless)
    return re.compile(rf"(?<!\w){re.escape(name.lower())}(?!\w){after}")


def in_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= CAPITALS * len(letters)


def sentence_case(text: str, places: tuple[str, ...] = ()) -> str:
    """"QUẢN LÝ, SỬ DỤNG VŨ KHÍ" → "Quản lý, sử dụng vũ khí"; a text not in capitals is returned
    as written."""
    if not in_capitals(text):
        return text
    # numbers, symbols (23-QĐ/TW) and Roman numerals (khóa XIII) stay as written
    out = "".join(t if KEEP.fullmatch(t) else t.lower() for t in re.split(r"(\s+)", text))
    for name, pattern in [*_names(), *((p, _pattern(p)) for p in sorted(places, key=len, reverse=True))]:
        out = pattern.sub(name, out)
    return out[:1].upper() + out[1:]


def places_in(issuer: str | None) -> tuple[str, ...]:
    """The place names an issuer's name carries: "Ủy ban nhân dân tỉnh Đắk Lắk" → ("Đắk Lắk",)."""
    if not issuer:
        return ()
    m = re.search(r"(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường)\s+((?:[A-ZĐÀ-Ỹ]\w*\s*)+)$", issuer)
    return (m.group(1).strip(),) if m else ()


def shown_title(title: str, issuer: str | None = None) -> str:
    """A trích yếu as the site shows it: a sentence (the issuer's place kept capitalised),
    starting with a capital."""
    text = sentence_case(title, places_in(issuer))
    return text[:1].upper() + text[1:]
