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


def iso_day(found: re.Match) -> str | None:
    """The ISO date a DAY_MONTH_YEAR match says; None for a day that does not exist (31/2)."""
    day, month, year = (found["d"], found["m"], found["y"]) if found["d"] else (found["d2"], found["m2"], found["y2"])
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


# No letter or digit may follow a symbol (Unicode-aware: "CP-Chính" is CP then a word).
SYMBOL_END = r"(?![^\W_])"
SUFFIX_PART = r"[A-ZĐ][A-Za-zĐđ&]{1,9}\d{0,2}"
# The suffix also as OCR splits its last letter off ("99-QĐ/T W"): read as TW, and said so.
PARTY_SYMBOL = (r"(?<![\w/.-])(?P<number>\d{1,4})\s?-\s?(?P<code>[A-ZĐ][A-Za-zĐđ]{0,4})\s?/\s?"
                r"(?P<suffix>[A-ZĐ]{0,8}[THQĐ] [WU]|[A-ZĐ][A-ZĐ]{1,9})" + SYMBOL_END)
# A state document's number: digits, a letter ("30a"), or a dotted part ("66.7/2025/NQ-CP").
STATE_NUMBER = r"\d{1,5}(?:\.\d{1,3})?[a-z]?"
STATE_SYMBOL = (r"(?<![\w/.-])(?P<number>" + STATE_NUMBER.replace("{", "{{").replace("}", "}}") + r")\s?/\s?(?:(?P<year>(?:19|20)\d{{2}})\s?/\s?)?"
                r"(?:(?P<code>{codes})\s?[-.]\s?(?P<suffix>" + SUFFIX_PART.replace("{", "{{").replace("}", "}}")
                + r"(?:-" + SUFFIX_PART.replace("{", "{{").replace("}", "}}") + r")*)|(?P<law>QH\d{{1,2}}))"
                + SYMBOL_END)
OTHER_SYMBOL = (r"(?<![\w/.-])(?P<number>" + STATE_NUMBER + r")\s?/\s?(?:(?P<year>(?:19|20)\d{2})\s?/\s?)?"
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
    issuer_by_code: dict[str, Issuer]
    generic: frozenset[str]
    levels: dict[str, str]
    committees: tuple[tuple[re.Pattern, str], ...]
    terms: tuple[tuple[str, date], ...]
    local_term_starts: tuple[date, ...]
    type_before: re.Pattern
    type_named_before: re.Pattern
    abbreviation_before: re.Pattern
    abbreviations: dict[str, str]
    place_after: re.Pattern
    short: re.Pattern
    short_scan: re.Pattern
    unreadable: re.Pattern
    number_word: re.Pattern  # "số" (and as OCR misreads it) as a word
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

    def issuer_of_symbol(self, number_and_suffix: str) -> Issuer | None:
        """The body a symbol's code names ("BTC" in `567/BTC-NSNN`), if `issuer_codes` knows it."""
        for part in re.split(r"[-/.]", number_and_suffix):
            for code in (part, part.rstrip("0123456789")):
                if code in self.issuer_by_code:
                    return self.issuer_by_code[code]
        return None

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
    issuer_by_code = {}
    for code, name in raw["issuer_codes"].items():
        known = issuer_by_phrase.get(matching(name).lower())
        issuer_by_code[code] = Issuer(name, known.scope if known else "state")
    generic = frozenset(matching(w).lower() for w in raw["generic_words"])
    number_word = raw["number_word"]
    codes = sorted({c for t in types.values() for c in t.codes} | set(raw["code_types"]), key=len, reverse=True)
    code_alt = "|".join(re.escape(c) for c in codes)
    term_word = r"kh[óo]a"
    type_alt = _alternation(types)
    short_alt = _alternation(t for t in types if t not in generic)
    return Patterns(
        types=types,
        code_types=raw["code_types"],
        party_suffixes=tuple((s["ends_with"], s["scope"]) for s in raw["party_suffixes"]),
        state_suffixes=tuple((s["ends_with"], s["scope"]) for s in raw["state_suffixes"]),
        issuer_by_phrase=issuer_by_phrase,
        issuer_by_code=issuer_by_code,
        generic=generic,
        levels=raw["levels"],
        committees=tuple((re.compile(matching(c["pattern"])), c["scope"]) for c in raw["committees"]),
        terms=tuple((name, start) for name, start in raw["terms"].items()),
        local_term_starts=tuple(raw["local_term_starts"]),
        # a type word right before a symbol: "Chỉ thị số ", "Quy định "
        type_before=re.compile(rf"(?P<type>{type_alt})\s*(?:{number_word}\s*)?:?\s*$", re.IGNORECASE),
        abbreviation_before=re.compile(
            rf"(?<![^\W_])(?P<abbr>{'|'.join(map(re.escape, raw['abbreviations']))})\s+{number_word}\s*:?\s*$"),
        abbreviations=dict(raw["abbreviations"]),
        # the place after a local issuer ("của Tỉnh ủy Lào Cai ngày …"): capitalised words, not
        # the type word of the next document
        place_after=re.compile(rf"(?:\s+(?:tỉnh|thành phố|huyện)\b)?(?:\s+(?!(?:{type_alt})(?![^\W_]))"
                               r"(?-i:[A-ZĐ])[^\W\d_]*){1,3}(?![^\W_])", re.IGNORECASE),
        # "Kế hoạch kiểm tra số ", "Giấy chứng nhận đủ điều kiện về an ninh, trật tự số ": the
        # type word (capitalised, checked by the finder) and the words naming the document
        type_named_before=re.compile(
            rf"(?<![^\W_])(?P<type>{type_alt})(?:\s*,?\s+(?!(?:{_alternation(raw['named_stop_words'])})(?![^\W_]))"
            rf"[^\W\d_][^\s,;.:()“”\"]*){{1,{raw['named_max_words']}}}\s+{number_word}\s*:?\s*$", re.IGNORECASE),
        # a type word and a bare number: "Chỉ thị 05", "Nghị quyết số 35" (kept only if resolved)
        short=re.compile(
            rf"(?P<type>{short_alt})\s+(?:{number_word}\s+)?(?P<number>\d{{1,4}})(?![\d/]|\s?-\s?[A-Za-zĐ\d]|\s?/)"
            rf"(?!\s+(?:{_alternation(raw['count_nouns'])})(?![^\W_])|\s+năm(?!\s+(?:19|20)\d{{2}}))",
            re.IGNORECASE,
        ),
        # a type word and number before what should be a symbol but is none ("Kết luận số 12-KL/T\\V"
        # as OCR reads it): a citation whose symbol cannot be read
        unreadable=re.compile(rf"(?P<type>{short_alt})\s+{number_word}\s*(?P<number>\d{{1,4}})\s?[-/]\s?"
                              r"(?P<junk>[^\W\d_][^\s,;()]{0,14})", re.IGNORECASE),
        # where `short` may match, found in lower-cased text: a case-sensitive scan is ~10x faster
        short_scan=re.compile(rf"(?:{short_alt.lower()})\s+(?:{number_word}\s+)?\d"),
        number_word=re.compile(rf"(?<![^\W_]){number_word}(?![^\W_])", re.IGNORECASE),
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
