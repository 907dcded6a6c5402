"""When a directive's text takes effect, and from when what it ends is no longer in force, read
from the text's own words (the vocabulary in `force.yml`): "Luật này có hiệu lực thi hành từ ngày
01 tháng 01 năm 2025", "… có hiệu lực kể từ ngày ký", "Quy định tại Điều 17 … của Luật này có
hiệu lực thi hành từ ngày …" (a provision's own date). What the words do not say stays None: a
page shows it as "chưa rõ", never as a guess.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from vanban.cite.models import Force
from vanban.cite.patterns import DAY_MONTH_YEAR
from vanban.model import Report
from vanban.normalize import matching
from vanban.yamlfile import load_package_data


@dataclass(frozen=True)
class ForceWords:
    sentence: re.Pattern  # a sentence whose subject is the text itself (or provisions of it)
    inner: re.Pattern  # "… kể từ ngày Luật này" right before the verb: the verb is not the subject's
    when: list[tuple[str, re.Pattern]]
    ends_date: re.Pattern
    ends_with_this: re.Pattern
    exception: re.Pattern
    amended_by: re.Pattern


@lru_cache(maxsize=1)
def load_force() -> ForceWords:
    raw = load_package_data(Path(__file__).parent / "force.yml")
    subjects = "|".join(re.escape(matching(w)) for w in sorted(raw["subjects"], key=len, reverse=True))
    date = DAY_MONTH_YEAR
    provisions = r"(?:(?:quy\s+định\s+tại|các\s+quy\s+định\s+tại)\s+)?(?P<provisions>(?:điểm|khoản|điều|chương|mục|phụ\s+lục)\s[^;]+?)\s+(?:của|trong)\s+"
    sentence = re.compile(
        rf"(?:^|[.;:]\s+)[\s\-–+•*]*(?:\d+\s*[.)]\s*)?(?P<subject>(?:{provisions})?(?:{subjects})\s+này)"
        rf"(?P<between>[^.;]*?)\s(?:{raw['verb']})(?!\w)(?P<rest>[^;]*)", re.IGNORECASE)
    return ForceWords(
        sentence,
        re.compile(rf"(?:ngày|khi|lúc)\s+(?:{subjects})\s+này\s*$", re.IGNORECASE),
        [(name, re.compile(r"\s*,?\s*" + raw["when"][name].format(date=date), re.IGNORECASE))
         for name in ("date", "after_days", "signed")],
        re.compile(raw["ends_on"]["date"].format(date=date), re.IGNORECASE),
        re.compile(raw["ends_on"]["with_this"].format(subjects=subjects), re.IGNORECASE),
        re.compile(raw["except"], re.IGNORECASE),
        re.compile(raw["amended_by"], re.IGNORECASE),
    )


def iso(match: re.Match) -> str | None:
    """The ISO date of a DAY_MONTH_YEAR match (None if it names no real day)."""
    day, month, year = (match["d"] or match["d2"], match["m"] or match["m2"], match["y"] or match["y2"])
    try:
        return datetime.date(int(year), int(month), int(day)).isoformat()
    except (TypeError, ValueError):
        return None


def _own_date(doc: Report) -> str | None:
    date = doc.meta.date
    return date if date and len(date) == 10 else None


def _start(rest: str, doc: Report, words: ForceWords) -> str | None:
    """The date the words after the verb give: a date, the text's own date, N days after it."""
    for name, pattern in words.when:
        m = pattern.match(rest)
        if m is None:
            continue
        if name == "date":
            return iso(m)
        own = _own_date(doc)
        if own is None:
            return None
        if name == "after_days":
            return (datetime.date.fromisoformat(own) + datetime.timedelta(days=int(m["days"]))).isoformat()
        return own
    return None


def read_force(doc: Report) -> Force | None:
    """When the text says it takes effect: its first sentence saying so of the whole text, and
    each one saying so of named provisions. None if no sentence says it."""
    words = load_force()
    whole: Force | None = None
    provisions: list[tuple[str, str | None, str]] = []
    for block in doc.blocks:
        text = matching(block.text)
        for m in words.sentence.finditer(text):
            if words.inner.search(m["between"]) or words.inner.search(text[: m.start("subject")]):
                continue
            start = _start(m["rest"], doc, words)
            said = block.text[m.start("subject") : m.end()].strip().rstrip(".")
            if m["provisions"]:
                provisions.append((block.text[m.start("provisions") : m.end("provisions")], start, block.anchor))
            elif whole is None:
                whole = Force(start, said, block.anchor)
    if whole is None and not provisions:
        return None
    if whole is None:
        whole = Force(None, "", "")
    whole.provisions = provisions
    return whole


def ends_on(sentence_after: str, force: Force | None, words: ForceWords | None = None) -> tuple[str | None, bool]:
    """From the words after an ended document in its sentence: the date its force ends (a date
    written out; "kể từ ngày Luật này có hiệu lực" or nothing said: when this text takes effect,
    as every provision of it does) and whether some of it stays in force ("trừ các trường hợp …")."""
    words = words or load_force()
    start = force.start if force is not None else None
    m = words.ends_date.search(sentence_after)
    when = iso(m) if m is not None else start
    return when, words.exception.search(sentence_after) is not None
