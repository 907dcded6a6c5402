"""The vocabulary of figures (`vocab.yml`): rating words, units, the words that introduce parts
and totals, and the words that tie a percentage to what it is a share of."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from vanban.facts.shares import ShareWords, share_words
from vanban.normalize import folded, matching
from vanban.yamlfile import load_package_data


def fold(text: str) -> str:
    """How vocabulary words are compared: the folded matching form (vanban.normalize)."""
    return folded(matching(text))


@dataclass(frozen=True)
class Vocab:
    ratings: tuple[tuple[str, int, tuple[str, ...]], ...]
    or_better: tuple[str, ...]
    synonyms: dict
    parts_intro: re.Pattern
    total_words: tuple[str, ...]
    percent_reach: int
    marker_reach: int
    rating_patterns: tuple[tuple[str, int, re.Pattern], ...]
    shares: ShareWords


@lru_cache(maxsize=1)
def vocab() -> Vocab:
    raw = load_package_data(Path(__file__).parent / "vocab.yml")
    ratings = tuple((r["key"], r["rank"], tuple(sorted((fold(w) for w in r["words"]), key=len, reverse=True)))
                    for r in raw["ratings"])
    # One pattern per rating, the rating with the longest words tried first.
    patterns = tuple((key, rank, re.compile(rf"(?<![a-z])(?:{'|'.join(re.escape(w) for w in words)})(?![a-z])"))
                     for key, rank, words in sorted(ratings, key=lambda r: -max(len(w) for w in r[2])))
    return Vocab(ratings, tuple(fold(w) for w in raw["or_better"]), raw["unit_synonyms"],
                 re.compile(raw["parts_intro"], re.IGNORECASE), tuple(fold(w) for w in raw["total_words"]),
                 raw["percent_reach"], raw["marker_reach"], patterns, share_words(raw, fold))
