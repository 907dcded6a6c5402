"""What each percentage of a paragraph is a share of, and how the text says so: a fact read once
per paragraph, that the checks and the key figures both use.

`explicit`: a word ties the percentage to the count or fraction before it in its clause ("01/49
đơn vị … (chiếm 0,2%)", "… đạt tỷ lệ 85,7%"), or the fraction follows it in brackets ("0,3%
(10/3.250 đảng viên)"): the text itself says what it is a share of, so a wrong one is an error.
`nearby`: a count or fraction stands before it in its clause with no such word: a guess, at most
a warning that says what it assumed. `plan` ("đạt 100% kế hoạch"), `change` ("tăng 5% so với năm
2020") and `none` (nothing before it in its sentence: "… đảng viên). Trong năm, 98% chi bộ") are
never compared with a fraction."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from vanban.facts.numbers import Figure

Link = Literal["explicit", "nearby", "plan", "change", "none"]
# A sentence ends at a full stop followed by a space and a capital, or at a semicolon.
SENTENCE_END = re.compile(r"[.!?]\s+(?=[^\W\d_])|;")


@dataclass(frozen=True)
class Share:
    percent: Figure
    of: Figure | None
    link: Link
    how: str = ""  # the words that tie them, as a finding says it

    @property
    def compared(self) -> bool:
        """Whether the percentage is read as a share of `of` at all."""
        return self.of is not None and self.link in ("explicit", "nearby")


@dataclass(frozen=True)
class ShareWords:
    """The vocabulary (check/vocab.yml, folded): words tying a percentage to what it is a share
    of, words after it saying it is of a plan, words around it saying it is a change."""

    marker: re.Pattern      # matched at the end of the text before the percentage
    plan: re.Pattern        # matched at the start of the text after it
    change_before: re.Pattern
    change_after: re.Pattern
    reach: int


def share_words(raw: dict, fold) -> ShareWords:
    def alternation(words):
        return "|".join(re.escape(fold(w)).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))

    return ShareWords(
        marker=re.compile(rf"(?:^|[\s(,:])(?:{alternation(raw['share_words'])})\s*:?\s*$"),
        plan=re.compile(rf"^\s*(?:so\s+voi\s+|cua\s+)?(?:{alternation(raw['plan_words'])})(?![a-z])"),
        change_before=re.compile(rf"(?:^|[\s(,])(?:{alternation(raw['change_words'])})\s*(?:len\s+|xuong\s+|khoang\s+)?$"),
        change_after=re.compile(rf"^\s*(?:{alternation(raw['change_after_words'])})(?![a-z])"),
        reach=raw["percent_reach"],
    )


def read_shares(text: str, folded_text: str, figures: list[Figure], words: ShareWords) -> tuple[Share, ...]:
    """One Share per percentage of a paragraph (`folded_text` is its folded, lower-case form, of
    the same length as `text`)."""
    out = []
    for i, p in enumerate(figures):
        if p.kind != "percent":
            continue
        before = folded_text[: p.start]
        after = folded_text[p.end : p.end + 60]
        if words.plan.match(after):
            out.append(Share(p, None, "plan"))
            continue
        if words.change_before.search(before[-30:]) or words.change_after.match(after):
            out.append(Share(p, None, "change"))
            continue
        following = figures[i + 1] if i + 1 < len(figures) else None
        if (following is not None and following.kind == "fraction"
                and re.fullmatch(r"\s*\(\s*", folded_text[p.end : following.start])):
            out.append(Share(p, following, "explicit", "phân số ghi trong ngoặc ngay sau tỷ lệ"))
            continue
        owner = _owner(folded_text, figures[:i], p, words.reach)
        if owner is None:
            out.append(Share(p, None, "none"))
        else:
            tied = words.marker.search(folded_text, owner.end, p.start)
            how = (f"nối bằng “{text[tied.start() : tied.end()].strip(' (,:')}”" if tied
                   else "đứng trước tỷ lệ, không có chữ nối")
            out.append(Share(p, owner, "explicit" if tied else "nearby", how))
    return tuple(out)


def _owner(folded_text: str, earlier: list[Figure], p: Figure, reach: int) -> Figure | None:
    """The count or fraction right before a percentage in its sentence and clause, if any."""
    for f in reversed(earlier):
        if f.kind == "percent":
            return None
        between = folded_text[f.end : p.start]
        if SENTENCE_END.search(between) or p.start - f.end > reach:
            return None
        return f
    return None
