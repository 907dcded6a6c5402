"""Load `patterns.yml` and build the compiled regular expressions the finder uses."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path


from vanban.normalize import matching
from vanban.yamlfile import load_package_data

ROMAN = r"(?-i:(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})(?![A-Z]))"
DAY_MONTH_YEAR = (
    r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>(?:19|20)\d{2})"
    r"|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>(?:19|20)\d{2})"
)


# No letter or digit may follow a symbol (Unicode-aware: "CP-Chính" is CP then a word).
SYMBOL_END = r"(?![^\W_])"
SUFFIX_PART = r"[A-ZĐ][A-Za-zĐđ&]{1,9}\d{0,2}"
PARTY_SYMBOL = (r"(?<![\w/.-])(?P<number>\d{1,4})\s?-\s?(?P<code>[A-ZĐ][A-Za-zĐđ]{0,4})\s?/\s?"
                r"(?P<suffix>[A-ZĐ][A-ZĐ]{1,9})" + SYMBOL_END)
STATE_SYMBOL = (r"(?<![\w/.-])(?P<number>\d{{1,5}}[a-z]?)\s?/\s?(?:(?P<year>(?:19|20)\d{{2}})\s?/\s?)?"
                r"(?:(?P<code>{codes})\s?[-.]\s?(?P<suffix>" + SUFFIX_PART.replace("{", "{{").replace("}", "}}")
                + r"(?:-" + SUFFIX_PART.replace("{", "{{").replace("}", "}}") + r")*)|(?P<law>QH\d{{1,2}}))"
                + SYMBOL_END)
OTHER_SYMBOL = (r"(?<![\w/.-])(?P<number>\d{1,5}[a-z]?)\s?/\s?(?:(?P<year>(?:19|20)\d{2})\s?/\s?)?"
                r"(?P<suffix>[A-ZĐ][A-Za-zĐđ&]{0,9}\d{0,2}(?:\s?[-.]\s?[A-ZĐ][A-Za-zĐđ&]{0,9}\d{0,2})*)" + SYMBOL_END)


@dataclass(frozen=True)
class DocType:
    name: str
    slug: str
    codes: tuple[str, ...]


@dataclass(frozen=True)
class Issuer:
    name: str
    scope: str


@dataclass(frozen=True)
class Patterns:
    types: dict[str, DocType]
    code_types: dict[str, str]
    party_suffixes: tuple[tuple[str, str], ...]
    state_suffixes: tuple[tuple[str, str], ...]
    issuer_by_phrase: dict[str, Issuer]
    levels: dict[str, str]
    committees: tuple[tuple[re.Pattern, str], ...]
    terms: tuple[tuple[str, date], ...]
    local_term_starts: tuple[date, ...]
    type_before: re.Pattern
    short: re.Pattern
    short_scan: re.Pattern
    party_symbol: re.Pattern
    state_symbol: re.Pattern
    # Forms found only right after a type word: lower case (`15/qđ-ubnd`, `12-ct/tw`), and state
    # symbols without a type code (`95/CP`, `14/TTLB`, `61/HĐND-TH`, `63/SXD-TTr`).
    party_symbol_any_case: re.Pattern
    state_symbol_any_case: re.Pattern
    other_symbol: re.Pattern
    codes: dict[str, str]
    date: re.Pattern
    issuer: re.Pattern
    issuer_before: re.Pattern
    year_after: re.Pattern
    not_a_date: re.Pattern
    term: re.Pattern
    conference: re.Pattern
    meetings: tuple[tuple[str, re.Pattern], ...]
    bodies: dict[str, tuple[str, str]]
    alias_intro: re.Pattern
    implements_before: re.Pattern
    pin_before: re.Pattern
    pin_after: re.Pattern

    def has_type(self, word: str | None) -> bool:
        return bool(word) and matching(word).lower() in self.types

    def type_named(self, word: str) -> DocType:
        return self.types[matching(word).lower()]

    def suffix_scope(self, suffix: str, state: bool) -> str | None:
        table = self.state_suffixes if state else self.party_suffixes
        return next((scope for end, scope in table if suffix.endswith(end)), None)

    def term_of(self, iso: str, scope: str | None) -> str | None:
        """The term a dated document belongs to: central terms, or local ones (`2015-2020`)."""
        when = date.fromisoformat(iso if len(iso) == 10 else (iso + "-01-01")[:10])
        if scope in ("central", None):
            current = None
            for name, start in self.terms:
                if start <= when:
                    current = name
            return current
        starts = [s for s in self.local_term_starts if s <= when]
        return f"{starts[-1].year}-{starts[-1].year + 5}" if starts else None


def _alternation(phrases) -> str:
    return "|".join(re.escape(matching(p)) for p in sorted(phrases, key=len, reverse=True))


@lru_cache(maxsize=1)
def load_patterns() -> Patterns:
    raw = load_package_data(Path(__file__).parent / "patterns.yml")
    types = {}
    for t in raw["types"]:
        doc_type = DocType(t["name"], t["slug"], tuple(t["codes"]))
        for word in [t["name"], *t.get("words", [])]:
            types[matching(word).lower()] = doc_type
    issuer_by_phrase = {}
    for entry in raw["issuers"]:
        for phrase in entry["phrases"]:
            issuer_by_phrase[matching(phrase).lower()] = Issuer(entry["name"], entry["scope"])
    codes = sorted({c for t in types.values() for c in t.codes} | set(raw["code_types"]), key=len, reverse=True)
    code_alt = "|".join(re.escape(c) for c in codes)
    term_word = r"kh[óo]a"
    type_alt = _alternation(types)
    return Patterns(
        types=types,
        code_types=raw["code_types"],
        party_suffixes=tuple((s["ends_with"], s["scope"]) for s in raw["party_suffixes"]),
        state_suffixes=tuple((s["ends_with"], s["scope"]) for s in raw["state_suffixes"]),
        issuer_by_phrase=issuer_by_phrase,
        levels=raw["levels"],
        committees=tuple((re.compile(matching(c["pattern"])), c["scope"]) for c in raw["committees"]),
        terms=tuple((name, start) for name, start in raw["terms"].items()),
        local_term_starts=tuple(raw["local_term_starts"]),
        # a type word right before a symbol: "Chỉ thị số ", "Quy định "
        type_before=re.compile(rf"(?P<type>{type_alt})\s*(?:số\s*)?:?\s*$", re.IGNORECASE),
        # a type word and a bare number: "Chỉ thị 05", "Nghị quyết số 35" (kept only if resolved)
        short=re.compile(
            rf"(?P<type>{type_alt})\s+(?:số\s+)?(?P<number>\d{{1,4}})(?![\d/]|\s?-\s?[A-Za-zĐ\d]|\s?/)"
            rf"(?!\s+(?:{_alternation(raw['count_nouns'])})(?![^\W_])|\s+năm(?!\s+(?:19|20)\d{{2}}))",
            re.IGNORECASE,
        ),
        # where `short` may match, found in lower-cased text: a case-sensitive scan is ~10x faster
        short_scan=re.compile(rf"(?:{type_alt.lower()})\s+(?:số\s+)?\d"),
        # 05-CT/TW, 10-QĐi/TU, 26-HD/BTCTW, "19-CT / TU", "25- NQ/TW"
        party_symbol=re.compile(PARTY_SYMBOL),
        # 06/2013/NQ-HĐND, 123/2020/NĐ-CP, 15/QĐ-UBND, 17/2008/QH12, 30a/2008/NQ-CP, 77/2006/QĐ.UBND,
        # 2909/TTr.LS-TC-YT, 03/2006/TTLT-BYT-BTC-BLĐTB&XH
        state_symbol=re.compile(STATE_SYMBOL.format(codes=code_alt)),
        party_symbol_any_case=re.compile(PARTY_SYMBOL, re.IGNORECASE),
        state_symbol_any_case=re.compile(STATE_SYMBOL.format(codes=code_alt), re.IGNORECASE),
        other_symbol=re.compile(OTHER_SYMBOL),
        codes={c.lower(): c for c in codes},
        date=re.compile(rf"ngày\s*(?:{DAY_MONTH_YEAR})", re.IGNORECASE),
        issuer=re.compile(rf"của\s+(?P<issuer>{_alternation(issuer_by_phrase)})(?![^\W\d_])", re.IGNORECASE),
        # "UBND tỉnh ban hành Quyết định số …", "HĐND tỉnh đã có Nghị quyết số …": the issuer
        # before the type word, when the citation names none after it
        issuer_before=re.compile(rf"(?<![^\W\d_])(?P<issuer>{_alternation(issuer_by_phrase)})\s+{raw['issuer_before_verbs']}\s*$",
                                 re.IGNORECASE),
        # "Nghị định số 06 năm 2021": a number and a year without a symbol
        year_after=re.compile(r"\s*,?\s*năm\s+(?P<year>(?:19|20)\d{2})(?![\d/])", re.IGNORECASE),
        # "ngày 1718/2006", "ngày 32/13/2019": what stands where a date should (a finding, not a guess)
        not_a_date=re.compile(r"ngày\s*(?P<raw>\d[\d\s/.-]*\d)", re.IGNORECASE),
        term=re.compile(rf"\(?\s*{term_word}\s+(?P<term>{ROMAN})\s*\)?"),
        conference=re.compile(
            rf"Nghị quyết\s+(?:Hội nghị\s+(?:lần thứ\s+)?)?(?:Trung ương|TW|TƯ)\s*(?:lần thứ\s*)?(?P<conf>\d{{1,2}})"
            rf"(?!\d|\s*[-/])(?:\s*,?\s*\(?\s*{term_word}\s+(?P<term>{ROMAN})\s*\)?)?",
            re.IGNORECASE,
        ),
        meetings=tuple((mt["kind"], re.compile(matching(mt["pattern"]).replace("{roman}", ROMAN), re.IGNORECASE))
                       for mt in raw["meetings"]),
        bodies={matching(k): (v[0], v[1]) for k, v in raw["bodies"].items()},
        alias_intro=re.compile(matching(raw["alias_intro"]), re.IGNORECASE),
        implements_before=re.compile(matching(raw["implements_before"]), re.IGNORECASE),
        pin_before=re.compile(raw["pin_before"], re.IGNORECASE),
        pin_after=re.compile(raw["pin_after"], re.IGNORECASE),
    )
