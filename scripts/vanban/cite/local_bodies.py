"""A local state body over its place, as a header's issuer lines name it ("ỦY BAN NHÂN DÂN" /
"THÀNH PHỐ CẦN THƠ" → Ủy ban nhân dân, thành phố, Cần Thơ): the words are data
(`header_issuers.yml`: `local_bodies`, `places`)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from vanban.normalize import matching
from vanban.yamlfile import load_package_data


class LocalBody(NamedTuple):
    body: str  # "Ủy ban nhân dân"
    level: str  # "thành phố", lower case
    place: str  # "Cần Thơ", each syllable capitalised

    @property
    def name(self) -> str:
        return f"{self.body} {self.level} {self.place}"


@lru_cache(maxsize=1)
def header_words() -> tuple[dict[tuple[str, ...], str], dict[str, str], re.Pattern]:
    raw = load_package_data(Path(__file__).parent / "header_issuers.yml")
    pairs = {tuple(matching(line).lower() for line in e["lines"]): e["name"] for e in raw["pairs"]}
    bodies = {matching(b).lower(): b for b in raw["local_bodies"]}
    places = "|".join(re.escape(w) for w in sorted(raw["places"], key=len, reverse=True))
    return pairs, bodies, re.compile(rf"(?P<level>{places})\s+(?P<name>\S.*)", re.IGNORECASE)


def local_body(lines: list[str]) -> LocalBody | None:
    """The body and place the last two issuer lines name, if they are a local body over a place."""
    _, bodies, place = header_words()
    low = [matching(line).strip().lower() for line in lines if line.strip()]
    if len(low) >= 2 and low[-2] in bodies and (m := place.fullmatch(low[-1])):
        name = " ".join(w[:1].upper() + w[1:] for w in m["name"].split())
        return LocalBody(bodies[low[-2]], m["level"].lower(), name)
    return None
