"""Laws, codes, ordinances and constitutions cited by name: "Luật Đất đai năm 2013", "Bộ luật
Lao động", "Luật sửa đổi, bổ sung một số điều của Luật Đất đai". The names and the years of
their versions are data (`laws.yml`); a name ends where the listed name ends, and a name the list
lacks is taken only when a year, date or number closes it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from vanban.cite.models import Citation
from vanban.cite.patterns import DAY_MONTH_YEAR, iso_day
from vanban.normalize import matching
from vanban.yamlfile import load_package_data

TYPES = ("Hiến pháp", "Bộ luật", "Luật", "Pháp lệnh")
YEAR = r"(?:19|20)\d{2}"
# What may close a law's name: its year, its date, or its number ("Luật số 45/2013/QH13").
TAIL = (rf"\s*,?\s*(?:\(\s*)?(?:năm\s+(?P<ly1>{YEAR})(?![\d/])|(?P<ly2>{YEAR})(?![\d/.,]\d)"
        rf"|(?:số\s*:?\s*)?(?P<sym>\d{{1,3}}/(?P<ly3>{YEAR})/(?:QH|PL-UBTVQH)\d{{1,2}})"
        rf"|ngày\s*(?:{DAY_MONTH_YEAR}))(?:\s*\))?")
AMENDING = r"(?P<amend>Luật sửa đổi,?\s+bổ sung\s+(?:một số điều\s+(?:của\s+)?|các\s+)?)"


@dataclass(frozen=True)
class Law:
    name: str
    type: str
    versions: tuple[tuple[int, date], ...]  # (year, in force from), oldest first


@dataclass(frozen=True)
class Laws:
    by_name: dict[str, Law]  # matching form, lower case → law (aliases too)
    issuers: dict[str, str]
    listed: re.Pattern
    unlisted: re.Pattern
    unlisted_bare: re.Pattern
    stop_words: frozenset[str]
    max_words: int

    def law(self, written: str) -> Law | None:
        return self.by_name.get(_key(written))

    def version(self, law: Law, when: str | None) -> int | None:
        """The version in force at `when` (an ISO date, full or partial), if the data says."""
        if not when or not law.versions:
            return None
        day = date.fromisoformat((when + "-12-31")[:10] if len(when) < 10 else when)
        years = [year for year, start in law.versions if start <= day]
        return years[-1] if years else None


@lru_cache(maxsize=1)
def load_laws() -> Laws:
    raw = load_package_data(Path(__file__).parent / "laws.yml")
    by_name: dict[str, Law] = {}
    for entry in raw["laws"]:
        versions = []
        for v in entry["versions"]:
            year, start = (v["year"], v.get("in_force")) if isinstance(v, dict) else (v, None)
            versions.append((int(year), start if isinstance(start, date) else date(int(year) + 1, 7, 1)))
        law = Law(entry["name"], entry["type"], tuple(sorted(versions)))
        for name in [entry["name"], *entry.get("aliases", [])]:
            by_name[_key(name)] = law
    names = sorted(by_name, key=len, reverse=True)
    alternation = "|".join(_flexible(n) for n in names)
    types = "|".join(TYPES)
    return Laws(
        by_name=by_name,
        issuers=raw["issuers"],
        listed=re.compile(rf"(?<![^\W_]){AMENDING}?(?P<name>{alternation})(?![^\W_])(?:{TAIL})?", re.IGNORECASE),
        unlisted=re.compile(
            rf"(?<![^\W_]){AMENDING}?(?P<name>(?-i:(?:{types}))\s+[^\W\d_]+(?:\s*,?\s+[^\W\d_]+){{0,{raw['unlisted_max_words']}}}?)"
            rf"(?={re.sub(r'[?]P<[a-z0-9_]+>', '?:', TAIL)})(?:{TAIL})"),
        unlisted_bare=re.compile(
            rf"(?<![^\W_])(?P<name>(?:{types})\s+[^\W\d_]+"
            rf"(?:(?:\s*,\s*|\s+-\s+|\s+)[^\W\d_]+){{0,{raw['unlisted_max_words'] - 1}}}?)"
            rf"(?=\s*(?:[;.:)\]]|(?:,|\s+và)\s+(?:{types})\s))"),
        stop_words=frozenset(raw["unlisted_stop_words"]),
        max_words=raw["unlisted_max_words"],
    )


def _key(name: str) -> str:
    """A name's lookup form: matching form, lower case, one spacing around commas and dashes."""
    name = re.sub(r"\s*,\s*", ", ", matching(name).lower())
    return " ".join(re.sub(r"\s*-\s*", " - ", name).split())


def _flexible(name: str) -> str:
    """A listed name as a pattern: any spacing, also around its commas and dashes ("Luật Thi đua ,
    Khen thưởng" in a tokenised text)."""
    parts = re.split(r"\s*([,-])\s*|\s+", name)
    out = ""
    for part in parts:
        if part is None or part == "":
            continue
        if part in ",-":
            out += rf"\s*{re.escape(part)}\s*"
        else:
            out += (r"\s+" if out and not out.endswith(r"\s*") else "") + re.escape(part)
    return out


def find_laws(text: str, m: str, container: str, line: int, in_footnote: bool,
              taken: list[tuple[int, int]]) -> list[Citation]:
    """Laws cited by name in one text (its matching form `m`), outside the `taken` spans."""
    laws = load_laws()
    if not any(t.lower() in m.lower() for t in ("luật", "pháp lệnh", "hiến pháp")):
        return []
    out: list[Citation] = []
    spans = list(taken)
    for pattern, listed in ((laws.listed, True), (laws.unlisted, False), (laws.unlisted_bare, False)):
        for hit in pattern.finditer(m):
            if not all(hit.end() <= s or hit.start() >= e for s, e in spans):
                continue
            c = _citation(text, m, hit, listed, laws, container, line, in_footnote)
            if c is not None:
                out.append(c)
                spans.append((c.start, c.end))
    return out


def _citation(text, m, found: re.Match, listed: bool, laws: Laws, container, line, in_footnote) -> Citation | None:
    hit = _Groups(found)
    written = " ".join(hit["name"].split())
    if not _has_tail(hit) and not hit["amend"] and not written[:1].isupper():
        return None  # "sửa đổi hiến pháp và pháp luật": a lower-case name with no year is the subject, not a citation
    if found.re is laws.unlisted_bare and not _capital_name(written):
        return None  # "Luật sư", "Luật này": a name the list lacks starts with a capital
    law = laws.law(written) if listed else None
    if not listed:
        words = written.split()[1 if not written.lower().startswith(("bộ luật", "pháp lệnh", "hiến pháp")) else 2:]
        if any(w.strip(",").lower() in laws.stop_words for w in words):
            return None
    name = law.name if law else written[:1].upper() + written[1:]
    type_name = law.type if law else next(t for t in TYPES if written.lower().startswith(t.lower()))
    if hit["amend"]:
        name, type_name = f"Luật sửa đổi, bổ sung một số điều của {name}", "Luật"
    end = hit.end() if _has_tail(hit) else hit.end("name")
    raw_end = end - (len(m[hit.start():end]) - len(m[hit.start():end].rstrip(" ,")))
    c = Citation("law", text[hit.start():raw_end], hit.start(), raw_end, container, line, in_footnote,
                 type=type_name, issuer=laws.issuers.get(type_name), issuer_scope="state", state=True,
                 rule="law: listed name" if law else ("law: name closing a clause" if found.re is laws.unlisted_bare
                                                      else "law: name closed by its year"))
    c.name = name
    if hit["sym"]:
        c.symbol = hit["sym"]
    if hit["d"] or hit["d2"]:
        c.date_raw = m[hit.start("d") if hit["d"] else hit.start("d2") : hit.end()].rstrip(" )")
        c.date = iso_day(hit)
    elif (after := DATE_AFTER.match(m, c.end)) and hit["sym"]:  # "… số 55/2024/QH15 ngày 29 tháng 11 năm 2024"
        c.end = after.end()
        c.raw = text[c.start : c.end]
        c.date_raw = after["raw"]
        c.date = iso_day(after)
    elif hit["ly1"] or hit["ly2"] or hit["ly3"]:
        c.date = hit["ly1"] or hit["ly2"] or hit["ly3"]
    return c


DATE_AFTER = re.compile(rf"\s*,?\s*(?P<raw>ngày\s*(?:{DAY_MONTH_YEAR}))", re.IGNORECASE)



class _Groups:
    """A match's groups by name, None for a group its pattern lacks (the bare names have no tail)."""

    def __init__(self, found: re.Match) -> None:
        self.found, self.groups = found, found.groupdict()

    def __getitem__(self, name: str):
        return self.groups.get(name)

    def start(self, name: str = "") -> int:
        return self.found.start(name) if name else self.found.start()

    def end(self, name: str = "") -> int:
        return self.found.end(name) if name else self.found.end()


def _capital_name(written: str) -> bool:
    words = written.split()
    first = 2 if written.lower().startswith(("bộ luật", "pháp lệnh", "hiến pháp")) else 1
    return len(words) > first and words[first][:1].isupper()


def _has_tail(hit) -> bool:
    return any(hit[g] for g in ("ly1", "ly2", "ly3", "d", "d2"))
