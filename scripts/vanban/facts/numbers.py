"""Find the figures of a text: counts with their unit, fractions (`42/49`), percentages.

Vietnamese numbers use `.` for thousands (`6.576`) and `,` for decimals (`85,7%`); a percentage
written `95.5%` is read as 95,5 and noted. Dates, years, symbols and section numbers are not
figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from vanban.cite.patterns import load_patterns
from vanban.normalize import folded, matching
from vanban.normalize import ascii_fold

NUMBER = r"\d{1,3}(?:\.\d{3})+(?!\d)|\d+"
FRACTION = re.compile(rf"(?<![\d/.,])(?P<a>{NUMBER})\s?/\s?(?P<b>{NUMBER})(?![\d/])")
# PERCENT and COUNT start with a digit and check the character before in code (_after_ok):
# a leading look-behind slows the scan of long paragraphs 2.5×.
PERCENT = re.compile(r"(?P<v>\d+(?:[.,]\d+)?)\s?%")
PERCENT_NOT_AFTER = "0123456789.,"
COUNT = re.compile(rf"(?P<n>{NUMBER})(?![\d/%]|[.,]\d|\s?[-–/]\s?\d|-[A-ZĐ])")
COUNT_NOT_AFTER = "0123456789/.,-–"
DATE = re.compile(r"\d{1,2}\s?/\s?\d{1,2}\s?/\s?\d{2,4}")
SECTION = re.compile(r"^\s*(?:\d+\.)+\d*\.?")
WORD = re.compile(r"[^\W\d_]+(?:/[^\W\d_]+)?")
PHRASE_END = re.compile(r"[;.()]")
# Words after which a number names a year, a term, a section… in any case; and the names of
# places, capitalised as names are ("Phường 2" is a ward; "khối phường 09 đơn vị" counts units).
YEAR_BEFORE = re.compile(r"(?:(?i:năm|kỳ|khóa|đoạn|tháng|ngày|lần|thứ|số|quý|mục|điều)|Phường|Quận|Khu phố)\s*$")


@dataclass(frozen=True)
class Figure:
    """A number in the text, with its span and what it counts."""

    kind: Literal["count", "fraction", "percent"]
    value: float
    start: int
    end: int
    raw: str
    total: float | None = None
    unit: str = ""
    before: str = ""
    decimal_point: bool = False

    @property
    def decimals(self) -> int:
        digits = re.split(r"[.,]", self.raw.rstrip("% "))
        return len(digits[1]) if len(digits) > 1 and self.kind == "percent" else 0


def parse_count(text: str) -> int:
    return int(text.replace(".", ""))


def figures(text: str, matched: str | None = None, folded_text: str | None = None) -> list[Figure]:
    """All figures of a text, in order; `matched` and `folded_text` are `matching(text)` and
    `folded(matching(text))`, if already known."""
    m = matched if matched is not None else matching(text)
    fm = folded_text if folded_text is not None else folded(m)
    found: list[Figure] = []
    taken = _Taken(len(m))
    for d in DATE.finditer(m):
        taken.append((d.start(), d.end()))
    section = SECTION.match(m)
    if section:
        taken.append((section.start(), section.end()))
    for f in FRACTION.finditer(m):
        if _free(f.start(), f.end(), taken):
            a, b = parse_count(f["a"]), parse_count(f["b"])
            if 0 < b and a <= b:
                found.append(Figure("fraction", a, f.start(), f.end(), f.group(), total=b,
                                    unit=_unit(m, f.end()), before=_before(fm, f.start())))
            taken.append((f.start(), f.end()))
    for p in _after_ok(PERCENT, m, PERCENT_NOT_AFTER):
        if _free(p.start(), p.end(), taken):
            raw = p["v"]
            point = "." in raw
            found.append(Figure("percent", float(raw.replace(",", ".")), p.start(), p.end(), p.group(),
                                decimal_point=point, before=_before(fm, p.start())))
            taken.append((p.start(), p.end()))
    for c in _after_ok(COUNT, m, COUNT_NOT_AFTER):
        if not _free(c.start(), c.end(), taken):
            continue
        unit = _unit(m, c.end())
        if not unit or _is_year(m, c) or _in_symbol(m, c):
            continue
        found.append(Figure("count", parse_count(c["n"]), c.start(), c.end(), c.group(), unit=unit,
                            before=_before(fm, c.start())))
    return sorted(found, key=lambda f: f.start)


def _after_ok(pattern: re.Pattern, text: str, not_after: str):
    """Matches of `pattern` not preceded by one of `not_after` (a look-behind done by hand)."""
    for m in pattern.finditer(text):
        if m.start() == 0 or text[m.start() - 1] not in not_after:
            yield m


class _Taken:
    """Spans of the text already read as a figure or date, as a mask: constant-time checks."""

    def __init__(self, length: int):
        self.mask = bytearray(length + 1)

    def append(self, span: tuple[int, int]) -> None:
        start, end = span
        self.mask[start:end] = b"\x01" * (end - start)

    def free(self, start: int, end: int) -> bool:
        return not any(self.mask[start:end])


def _free(start: int, end: int, taken: _Taken) -> bool:
    return taken.free(start, end)


def _unit(m: str, end: int) -> str:
    """The one or two words right after a number (`đảng viên`, `TCCS đảng`, `đ/c`)."""
    words = []
    for w in WORD.finditer(m, end, min(len(m), end + 40)):
        gap = m[end if not words else words[-1].end() : w.start()]
        if gap.strip():
            break
        words.append(w)
        if len(words) == 2:
            break
    return " ".join(w.group() for w in words)


def _before(fm: str, start: int, words: int = 5) -> str:
    """The few words before a number, lower-cased and folded, for comparing phrases."""
    chunk = PHRASE_END.split(fm[max(0, start - 60) : start])[-1]
    return " ".join(chunk.split()[-words:])


def _is_year(m: str, c: re.Match) -> bool:
    value = parse_count(c["n"])
    if 1900 <= value <= 2100 and "." not in c["n"]:
        return True
    return bool(YEAR_BEFORE.search(m[max(0, c.start() - 12) : c.start()]))


def _in_symbol(m: str, c: re.Match) -> bool:
    """Digits of a symbol (`05-CT/TW`) or a document's number (`Nghị quyết 35`)."""
    after = m[c.end() : c.end() + 2]
    if after.startswith("-") or after.startswith("/"):
        return True
    named = load_patterns().type_before.search(m[max(0, c.start() - 30) : c.start()])
    return bool(named and named["type"][0].isupper())  # "Nghị quyết 35", not "kỷ luật 21 đảng viên"


def unit_key(unit: str, synonyms: dict[str, str]) -> str:
    """A unit compared loosely: folded, its first word, with synonyms (`đ/c` = `đồng chí`)."""
    for word, same in synonyms.items():
        if unit.lower().startswith(word):
            unit = same
    return ascii_fold(unit).lower().split(" ")[0] if unit else ""
