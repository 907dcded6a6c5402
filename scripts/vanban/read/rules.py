"""Load the reader's patterns from `rules.yml` once, compiled."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


from vanban.normalize import matching
from vanban.yamlfile import load_package_data


@dataclass(frozen=True)
class HeadingRule:
    level: int
    pattern: re.Pattern


@dataclass(frozen=True)
class LegacyEncoding:
    """A legacy encoding's signature: its bytes (a range when two are given), whether they follow
    a vowel, and the share of a text's high bytes they must reach."""

    name: str
    marks: frozenset[int]
    after_vowel: bool
    share: float


@dataclass(frozen=True)
class Rules:
    doc_types: frozenset[str]
    mottos: frozenset[str]
    header_max_lines: int
    title_max_lines: int
    title_rule: re.Pattern
    title_stop: re.Pattern
    title_stop_words: re.Pattern
    title_stop_authority: re.Pattern
    title_max_length: int
    number_line: re.Pattern
    place_date_line: re.Pattern
    ornament_line: re.Pattern
    headings: tuple[HeadingRule, ...]
    heading_max_length: int
    number_alone: re.Pattern
    title_line_max_length: int
    sentence_end: re.Pattern
    sentence_break: re.Pattern
    bullet_markers: tuple[str, ...]
    provisions: dict[str, re.Pattern]
    closing_separator: re.Pattern
    artefacts: tuple[re.Pattern, ...]
    footnote_marker: re.Pattern
    footnote_opener: re.Pattern
    footnote_max_lines: int
    max_bytes: int
    legacy_encodings: tuple[LegacyEncoding, ...]
    legacy_min_count: int


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    raw = load_package_data(Path(__file__).parent / "rules.yml")
    c = re.compile
    return Rules(
        doc_types=frozenset(matching(s).upper() for s in raw["doc_types"]),
        mottos=frozenset(matching(s).upper() for s in raw["mottos"]),
        header_max_lines=raw["header_max_lines"],
        title_max_lines=raw["title_max_lines"],
        title_rule=c(raw["title_rule"]),
        title_stop=c(raw["title_stop"], re.IGNORECASE),
        title_stop_words=c(raw["title_stop_words"], re.IGNORECASE),
        title_stop_authority=c(raw["title_stop_authority"]),
        title_max_length=raw["title_max_length"],
        number_line=c(raw["number_line"], re.IGNORECASE),
        place_date_line=c(raw["place_date_line"], re.IGNORECASE),
        ornament_line=c(raw["ornament_line"]),
        headings=tuple(HeadingRule(h["level"], c(h["pattern"])) for h in raw["headings"]),
        heading_max_length=raw["heading_max_length"],
        number_alone=c(raw["number_alone"]),
        title_line_max_length=raw["title_line_max_length"],
        sentence_end=c(raw["sentence_end"]),
        sentence_break=c(raw["sentence_break"]),
        bullet_markers=tuple(raw["bullet_markers"]),
        provisions={name: c(pattern) for name, pattern in raw["provisions"].items()},
        closing_separator=c(raw["closing_separator"]),
        artefacts=tuple(c(p) for p in raw["artefacts"]),
        footnote_marker=c(raw["footnote_marker"]),
        footnote_opener=c(raw["footnote_opener"]),
        footnote_max_lines=raw["footnote_max_lines"],
        max_bytes=raw["max_bytes"],
        legacy_encodings=tuple(
            LegacyEncoding(e["name"], frozenset(range(e["bytes"][0], e["bytes"][1] + 1)) if len(e["bytes"]) == 2
                           else frozenset(e["bytes"]), e.get("after_vowel", False), e["share"])
            for e in raw["legacy_encodings"]),
        legacy_min_count=raw["legacy_min_count"],
    )
