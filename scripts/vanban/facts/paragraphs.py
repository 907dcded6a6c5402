"""Each paragraph and footnote of a report read once into facts: its figures, what each
percentage is a share of (and how the text ties them), and the quality ratings it states. The
checks compare these facts and the key figures pick from them; neither reads the text again."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from vanban.facts.numbers import Figure, figures
from vanban.facts.shares import Share, read_shares
from vanban.facts.vocab import Vocab, vocab
from vanban.model import Report
from vanban.normalize import folded, matching
from vanban.passages import sentence_around

# A rating's words are looked for up to the end of the figure's clause.
CLAUSE_END = re.compile(r"[;(]")


@dataclass(frozen=True)
class RatedFigure:
    """A count stating a quality rating: `or_better` for "… trở lên"."""

    figure: Figure
    rating: str
    rank: int
    or_better: bool


@dataclass(frozen=True)
class PartsOf:
    """A total and the parts the text lists after it ("250 đảng viên, trong đó: nam 140 …, nữ
    100 …"); `start` is where the parts begin (after "trong đó", "gồm" or a colon)."""

    total: Figure
    parts: tuple[Figure, ...]
    start: int


@dataclass(frozen=True)
class Paragraph:
    """A block or footnote (`fn:N`) with its facts. A footnote's `context` is the figures of
    the paragraph before its marker."""

    report: str
    anchor: str
    text: str
    line: int
    folded: str
    figures: tuple[Figure, ...]
    shares: tuple[Share, ...]
    ratings: tuple[RatedFigure, ...]
    parts: tuple[PartsOf, ...] = ()
    context: tuple[Figure, ...] = ()
    _ends: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def before(self, offset: int) -> tuple[Figure, ...]:
        """The figures that end at or before `offset`."""
        return self.figures[: bisect_right(self._ends, offset)]

    def quote(self, start: int, end: int) -> str:
        """The sentence around a span, as a finding quotes it."""
        return "".join(sentence_around(self.text, start, end)).strip()

    def share_of(self, percent: Figure) -> Figure | None:
        """The count or fraction a percentage is read as a share of (tied or guessed), if any."""
        share = next((s for s in self.shares if s.percent is percent), None)
        return share.of if share is not None and share.compared else None

    def percent_for(self, figure: Figure) -> Figure | None:
        """The percentage stated for a count or fraction, if any."""
        return next((s.percent for s in self.shares if s.compared and s.of is figure), None)


def read_paragraph(report: str, anchor: str, text: str, line: int, context: tuple[Figure, ...] = (),
                   v: Vocab | None = None) -> Paragraph:
    v = v or vocab()
    matched = matching(text)
    fold = folded(matched)
    found = tuple(figures(text, matched, fold))
    return Paragraph(report, anchor, text, line, fold, found, read_shares(text, fold, list(found), v.shares),
                     _ratings(fold, found, v), _parts(text, found, v), context, tuple(f.end for f in found))


def read_paragraphs(report: Report) -> dict[str, Paragraph]:
    """Every paragraph (by anchor) and footnote (`fn:N`) of a report, read once."""
    v = vocab()
    out = {b.anchor: read_paragraph(report.slug, b.anchor, b.text, b.line, (), v)
           for b in report.blocks if b.kind != "heading"}
    referenced_at = {ref.number: (b.anchor, ref.offset) for b in report.blocks for ref in b.refs if b.anchor in out}
    for f in report.footnotes:
        context: tuple[Figure, ...] = ()
        if f.number in referenced_at:
            anchor, offset = referenced_at[f.number]
            context = out[anchor].before(offset)
        out[f"fn:{f.number}"] = read_paragraph(report.slug, f"fn:{f.number}", f.text, f.line, context, v)
    return out


def _rating_of(fold: str, found: tuple[Figure, ...], index: int, v: Vocab) -> tuple[str, int, bool] | None:
    """The quality rating figure `index` is about, from the words right after it, else before."""
    f = found[index]
    after_end = found[index + 1].start if index + 1 < len(found) else len(fold)
    before_start = found[index - 1].end if index > 0 else 0
    after = CLAUSE_END.split(fold[f.end : after_end])[0]
    before = CLAUSE_END.split(fold[before_start : f.start])[-1]
    for window in (after, before):
        for key, rank, pattern in v.rating_patterns:
            if pattern.search(window):
                return key, rank, any(w in window for w in v.or_better)
    return None


def _ratings(fold: str, found: tuple[Figure, ...], v: Vocab) -> tuple[RatedFigure, ...]:
    """The counts stating quality ratings, if the paragraph states at least three ratings."""
    items = []
    for i, f in enumerate(found):
        if f.kind in ("count", "fraction"):
            rated = _rating_of(fold, found, i, v)
            if rated:
                items.append(RatedFigure(f, *rated))
    return tuple(items) if len({r.rating for r in items}) >= 3 else ()


def _parts(text: str, found: tuple[Figure, ...], v: Vocab) -> tuple[PartsOf, ...]:
    """`N …, trong đó: a …, b …` or `N …: a …, b …`: a total and at least two parts after it,
    in its sentence, each smaller than it; a list split by ";" only after a colon."""
    out = []
    counts = [f for f in found if f.kind == "count"]
    for i, total in enumerate(counts):
        intro = v.parts_intro.match(text[total.end :])
        if not intro or "(" in intro.group():
            continue
        colon = bool(intro["colon"] or intro["colon2"])
        start = total.end + intro.end()
        parts: list[Figure] = []
        separator = None
        for f in counts[i + 1 :]:
            gap = text[(parts[-1].end if parts else start) : f.start]
            if "." in re.sub(r"\d\.\d", "", gap) or f.value >= total.value:
                break
            if parts and separator is None:
                separator = ";" if ";" in gap else ","
            if ";" in gap and (not colon or separator == ","):
                break
            parts.append(f)
        if len(parts) >= 2:
            out.append(PartsOf(total, tuple(parts), start))
    # "… có 250 đảng viên. Trong đó, nam 140 …, nữ 100 …": the sentence says its parts are of
    # the last count of the sentence before.
    for opener in NEXT_SENTENCE_PARTS.finditer(text):
        before = [f for f in counts if f.end <= opener.start()]
        after = [f for f in counts if f.start >= opener.end()]
        if not before or any(p.total is before[-1] for p in out):
            continue
        total, parts = before[-1], []
        for f in after:
            gap = text[(parts[-1].end if parts else opener.end()) : f.start]
            if "." in re.sub(r"\d\.\d", "", gap) or ";" in gap or f.value >= total.value:
                break
            parts.append(f)
        if len(parts) >= 2:
            out.append(PartsOf(total, tuple(parts), opener.end()))
    return tuple(out)


NEXT_SENTENCE_PARTS = re.compile(r"(?<=[.:]\s)(?:Trong đó|Trong số đó|Cụ thể)\s*[:,]?\s*")


def rating_partition(items: tuple[RatedFigure, ...]) -> list[Figure]:
    """The parts that partition the rated set: one per rating, an "or better" part replacing
    the ratings it includes."""
    best = min((r.rank for r in items if r.or_better), default=None)
    seen: dict[str, Figure] = {}
    for r in items:
        if best is None or r.rank >= best:
            seen.setdefault(r.rating, r.figure)
    return list(seen.values())
