"""Check the figures of a report: percentages against their fraction or total, parts against
their total, rating breakdowns, and a count stated differently in the text and its footnote.
Compares the facts `vanban.facts` reads (it never reads the text itself); the severity of each
finding follows the evidence (README, "Checking a report")."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from pathlib import Path

from vanban.check.models import Finding
from vanban.facts.numbers import Figure, unit_key
from vanban.facts.paragraphs import Paragraph, rating_partition, read_paragraphs
from vanban.facts.vocab import Vocab, vocab
from vanban.model import Report
from vanban.normalize import matching
from vanban.yamlfile import load_package_data


@dataclass(frozen=True)
class Severities:
    """What makes a figure wrong (check/vocab.yml)."""

    # (complete, number of classes, [(class index, pattern)]) per group of classes parts cannot share
    exclusive: tuple[tuple[bool, int, tuple[tuple[int, re.Pattern], ...]], ...]


@lru_cache(maxsize=1)
def severities() -> Severities:
    raw = load_package_data(Path(__file__).parent / "vocab.yml")
    return Severities(_exclusive(raw["exclusive_groups"]))


def _exclusive(groups) -> tuple:
    """Each group: whether it is complete, its number of classes, and a pattern per class word
    (on the lower-case matching form: "năm" is not "nam")."""
    out = []
    for g in groups:
        words = [(i, w) for i, words in enumerate(g["classes"]) for w in words]
        words.sort(key=lambda pair: -len(pair[1]))
        out.append((g["complete"], len(g["classes"]),
                    tuple((i, re.compile(rf"(?<![^\W\d_]){re.escape(matching(w).lower())}(?![^\W\d_])")) for i, w in words)))
    return tuple(out)


def finding(c: Paragraph, kind, severity, start, end, message, expected=None, stated=None, certainty="sure") -> Finding:
    return Finding(kind, severity, c.report, c.anchor, c.quote(start, end), message, expected, stated, certainty, c.line)


def vn_number(value: float, decimals: int = 0) -> str:
    """6576 → `6.576`; 85.71 with 1 decimal → `85,7`."""
    if decimals:
        text = f"{Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)}"
        whole, frac = text.split(".")
        return f"{int(whole):,}".replace(",", ".") + "," + frac
    return f"{int(round(value)):,}".replace(",", ".")


def percent_fits(stated: float, true: float, decimals: int) -> bool:
    """The report's own rounding or truncation to its number of decimals is not an error."""
    q = 10 ** decimals
    rounded = float(Decimal(str(true)).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP))
    return any(abs(stated - v) < 1e-9 for v in (rounded, math.floor(true * q) / q)) or abs(stated - true) < 0.5 / q


def check_figures(report: Report, containers: dict[str, Paragraph] | None = None) -> list[Finding]:
    """`containers`: the report's paragraphs as vanban.facts read them, if already read."""
    v = vocab()
    out: list[Finding] = []
    blocks = {b.anchor: b for b in report.blocks}
    by_anchor = containers if containers is not None else read_paragraphs(report)
    for c in by_anchor.values():
        out += _percentages(c, v)
        out += _parts(c, v)
        out += _ratings(c, v)
        out += _complements(c, v)
    out += _text_and_footnotes(report, blocks, by_anchor, by_anchor, v)
    return out


def _percentages(c: Paragraph, v: Vocab) -> list[Finding]:
    """A share the text ties to its fraction and gets wrong is an error; one only guessed from
    its place is a warning that says what it assumed; a share of a plan or a change is never
    compared with a fraction."""
    out = []
    points = [p for p in c.figures if p.kind == "percent" and p.decimal_point]
    if points:
        listed = ", ".join(p.raw for p in points)
        out.append(finding(c, "decimal-point", "info", points[0].start, points[-1].end,
                             f"Số thập phân viết bằng dấu chấm ({listed}); tiếng Việt dùng dấu phẩy",
                             expected=", ".join(p.raw.replace(".", ",") for p in points), stated=listed))
    for share in c.shares:
        if not share.compared:
            continue
        p, owner = share.percent, share.of
        shown = vn_number(p.value, p.decimals) + "%"
        if owner.kind == "fraction":
            true = 100 * owner.value / owner.total
            if percent_fits(p.value, true, p.decimals):
                continue
            right = vn_number(true, max(p.decimals, 1)) + "%"
            start, end = min(owner.start, p.start), max(owner.end, p.end)
            if share.link == "explicit":
                out.append(finding(c, "percent-fraction", "error", start, end,
                                     f"{owner.raw} là {right}, không phải {shown} (tỷ lệ của {owner.raw}: {share.how})",
                                     expected=right, stated=shown))
            else:
                out.append(finding(c,
                    "percent-fraction", "warning", start, end,
                    f"Nếu {shown} là tỷ lệ của {owner.raw} ({share.how}) thì {owner.raw} là {right}",
                    expected=right, stated=shown, certainty="doubtful"))
            continue
        bases = [b for b in _totals(c, owner) if b > owner.value]
        if not bases or any(percent_fits(p.value, 100 * owner.value / b, p.decimals) for b in bases):
            continue
        base = min(bases, key=lambda b: abs(100 * owner.value / b - p.value))
        true = 100 * owner.value / base
        out.append(finding(c,
            "percent-total", "warning", owner.start, p.end,
            f"{vn_number(owner.value)} trên tổng {vn_number(base)} là {vn_number(true, max(p.decimals, 1))}%, "
            f"báo cáo ghi {shown}; không tổng số nào trong đoạn cho ra tỷ lệ này",
            expected=vn_number(true, p.decimals) + "%", stated=shown, certainty="doubtful"))
    return out


def _totals(c: Paragraph, before: Figure) -> list[float]:
    """Numbers stated before a figure that could be its total: counts and fraction parts."""
    earlier = c.context + c.before(before.start)
    values = []
    for f in earlier:
        if f.kind == "count":
            values.append(f.value)
        elif f.kind == "fraction":
            values += [f.value, f.total]
    return values


def _parts(c: Paragraph, v: Vocab) -> list[Finding]:
    """The parts listed after a total should add up to it (the facts' `parts`)."""
    out = []
    for listed_parts in c.parts:
        total, parts, start = listed_parts.total, list(listed_parts.parts), listed_parts.start
        summed = sum(p.value for p in parts)
        if summed == total.value or summed in _totals(c, parts[0]):
            continue
        listed = " + ".join(vn_number(p.value) for p in parts)
        classes = _classes(c, start, parts, v)
        if classes is not None and (summed > total.value or classes[0]):
            named = ", ".join(classes[1])
            why = ("các phần là mọi nhóm " if classes[0] else "các phần là các nhóm không trùng nhau ") + f"({named})"
            out.append(finding(c,
                "parts-sum", "error", total.start, parts[-1].end,
                f"Các phần ({listed} = {vn_number(summed)}) không bằng tổng {vn_number(total.value)} nêu trước đó; "
                f"{why}", expected=vn_number(total.value), stated=vn_number(summed)))
            continue
        out.append(finding(c,
            "parts-sum", "warning", total.start, parts[-1].end,
            f"Các phần ({listed} = {vn_number(summed)}) không bằng tổng {vn_number(total.value)} nêu trước đó "
            "(các phần có thể trùng nhau hoặc chưa kể hết)",
            expected=vn_number(total.value), stated=vn_number(summed), certainty="doubtful"))
    return out


def _classes(c: Paragraph, start: int, parts: list[Figure], v: Vocab) -> tuple[bool, list[str]] | None:
    """If each part names a different class of one exclusive group (the words next to it:
    "nam 140", "3 vụ đã xử lý xong"): whether the group is complete and all its classes named,
    and the words named; else None."""
    lowered = matching(c.text).lower()
    bounds = [start] + [p.end for p in parts]
    for complete, size, patterns in severities().exclusive:
        named, words = [], []
        for n, part in enumerate(parts):
            after_end = parts[n + 1].start if n + 1 < len(parts) else min(len(lowered), part.end + 40)
            window_before = lowered[bounds[n] : part.start]
            window_after = re.split(r"[,;.]", lowered[part.end : after_end])[0]
            hit = next(((i, m) for window in (window_after, window_before) for i, pat in patterns
                        for m in [pat.search(window)] if m), None)
            if hit is None:
                break
            named.append(hit[0])
            words.append(hit[1].group())
        if len(named) == len(parts) and len(set(named)) == len(named):
            return complete and len(set(named)) == size, words
    return None


def _ratings(c: Paragraph, v: Vocab) -> list[Finding]:
    """Quality ratings partition a set: their counts should add up to the number rated."""
    items = c.ratings
    if not items:
        return []
    parts = rating_partition(items)
    summed = sum(f.value for f in parts)
    fractions = {f.total for f in parts if f.kind == "fraction"}
    total, how = None, ""
    if len(fractions) == 1:
        total, how = fractions.pop(), "mẫu số chung"
    else:
        shares = []
        for f in parts:
            p = c.percent_for(f)
            if p and p.value:
                shares.append(f.value * 100 / p.value)
        candidates = [t for t in _totals(c, parts[0]) if t >= max(f.value for f in parts)]
        if shares and candidates:
            inferred = sum(shares) / len(shares)
            total = min(candidates, key=lambda t: abs(t - inferred))
            how = "tổng số khớp với các tỷ lệ"
            if abs(total - inferred) > 0.02 * total:
                total = None
    if total is None or summed == total or summed in _totals(c, parts[0]):
        return []
    listed = " + ".join(vn_number(f.value) for f in parts)
    percents = [x for x in c.figures if x.kind == "percent" and c.share_of(x) in parts]
    extra = ""
    if len(percents) == len(parts):
        extra = f"; các tỷ lệ cộng lại {vn_number(sum(p.value for p in percents), 2)}%"
    return [finding(c,
        "rating-sum", "error", parts[0].start, parts[-1].end,
        f"Các mức xếp loại cộng lại {listed} = {vn_number(summed)}, trong khi tổng số được xếp loại là "
        f"{vn_number(total)} ({how}){extra}",
        expected=vn_number(total), stated=vn_number(summed))]


NEGATION = "khong "
FILLER = re.compile(r"(?:\s*(?:la|co|:))+\s*$")


def _complements(c: Paragraph, v: Vocab) -> list[Finding]:
    """`… đánh giá là A` and `… không đánh giá là B` should add up to the total stated before."""
    counts = [f for f in c.figures if f.kind == "count"]
    out = []
    for total in (f for f in counts if any(w in f.before for w in v.total_words)):
        later = [f for f in counts if f.start > total.start and unit_key(f.unit, v.synonyms) ==
                 unit_key(total.unit, v.synonyms)]
        for b in (f for f in later if NEGATION in f.before):
            phrase = FILLER.sub("", b.before.split(NEGATION, 1)[1]).strip()
            if not phrase:
                continue
            partners = [a for a in later if a is not b and NEGATION not in a.before and
                        FILLER.sub("", a.before).strip().endswith(phrase)]
            if not partners or any(a.value + b.value == total.value for a in partners):
                continue
            a = min(partners, key=lambda x: abs(x.start - b.start))
            words = re.sub(r"(?:\s*(?:là|có|:))+\s*$", "", c.text[: b.start]).split()
            shown = " ".join(words[-len(phrase.split()) - 1 :])
            out.append(finding(c,
                "complement-sum", "warning", total.start, max(a.end, b.end),
                f"{vn_number(a.value)} và {vn_number(b.value)} ({shown}) cộng lại {vn_number(a.value + b.value)}, "
                f"không bằng tổng số {vn_number(total.value)}",
                expected=vn_number(total.value), stated=vn_number(a.value + b.value), certainty="doubtful"))
    return out


def _text_and_footnotes(report, blocks, by_anchor, containers, v: Vocab) -> list[Finding]:
    """A count right before a footnote marker, and the same count in the footnote, should agree."""
    out = []
    for b in report.blocks:
        if b.anchor not in by_anchor:
            continue
        block = by_anchor[b.anchor]
        for ref in b.refs:
            note = containers.get(f"fn:{ref.number}")
            near = [f for f in block.before(ref.offset)[-8:] if f.kind == "count"
                    and ref.offset - f.end <= v.marker_reach and ";" not in block.text[f.end : ref.offset]]
            if not near or note is None:
                continue
            count = near[-1]
            key = " ".join(count.before.split()[-2:])
            unit = unit_key(count.unit, v.synonyms)
            same = [f for f in note.figures if f.kind == "count" and unit_key(f.unit, v.synonyms) == unit
                    and " ".join(f.before.split()[-2:]) == key]
            for f in same:
                if f.value != count.value:
                    out.append(finding(block,
                        "text-footnote", "warning", count.start, count.end,
                        f"Đoạn văn ghi {vn_number(count.value)} {count.unit}, chú thích {ref.number} ghi "
                        f"{vn_number(f.value)} {f.unit} cho cùng nội dung",
                        expected=vn_number(f.value), stated=vn_number(count.value), certainty="doubtful"))
            notes_counts = [f for f in note.figures if f.kind == "count"]
            if (not same and len(notes_counts) >= 2 and not any(f.kind == "percent" for f in note.figures)
                    and ":" not in note.text and len({unit_key(f.unit, v.synonyms) for f in notes_counts}) == 1
                    and unit_key(notes_counts[0].unit, v.synonyms) != unit):
                summed = sum(f.value for f in notes_counts)
                if summed != count.value:
                    out.append(finding(block,
                        "footnote-parts", "warning", count.start, count.end,
                        f"Chú thích {ref.number} kể các phần cộng lại {vn_number(summed)}, đoạn văn ghi "
                        f"{vn_number(count.value)}", expected=vn_number(count.value), stated=vn_number(summed),
                        certainty="doubtful"))
    return out
