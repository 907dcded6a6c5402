"""Pick a report's main figures for its "Số liệu chính" page: organisations and members,
quality ratings, admissions, inspections and discipline, and next year's targets beside this
year's results. Topics are data (`keyfigures.yml`); figures are the facts `vanban.facts` reads,
the same the checks compare."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path


from vanban.facts.numbers import Figure
from vanban.facts.paragraphs import Paragraph, rating_partition, read_paragraphs
from vanban.facts.vocab import fold
from vanban.model import Packed, Report
from vanban.yamlfile import load_package_data

RATING_LABELS = {"htxs": "Hoàn thành xuất sắc nhiệm vụ", "htt": "Hoàn thành tốt nhiệm vụ",
                 "ht": "Hoàn thành nhiệm vụ", "kht": "Không hoàn thành nhiệm vụ", "kxl": "Không xếp loại"}


@dataclass(slots=True)
class Value(Packed):
    """A figure as the page shows it, with the paragraph it comes from."""

    text: str
    anchor: str
    number: float


@dataclass(slots=True)
class Row(Packed):
    label: str
    result: Value | None = None
    target: Value | None = None
    topic: str = ""


@dataclass(slots=True)
class RatingRow(Packed):
    rating: str
    label: str
    count: Value
    percent: Value | None


@dataclass(slots=True)
class Partition(Packed):
    subject: str
    anchor: str
    rows: list[RatingRow]
    or_better: RatingRow | None = None


@dataclass(slots=True)
class KeyFigures(Packed):
    groups: list[tuple[str, list[Row]]] = field(default_factory=list)
    ratings: list[Partition] = field(default_factory=list)
    rating_target: Value | None = None
    # Figures of the targets section no topic reads (its wording not understood): listed, not guessed.
    unread_targets: list[Value] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.ratings and not any(r.result or r.target for _, rows in self.groups for r in rows)


def target_rule(topic: str) -> str:
    """How a topic's target is met (keyfigures.yml `target`): `at_least` (the default) or
    `at_most`."""
    for g in _topics()["groups"]:
        for t in g["topics"]:
            if t["id"] == topic:
                return t.get("target", "at_least")
    return "at_least"


@lru_cache(maxsize=1)
def _topics() -> dict:
    conf = load_package_data(Path(__file__).parent / "keyfigures.yml")
    for group in conf["groups"]:
        for t in group["topics"]:
            t["patterns"] = [re.compile(rf"(?<![a-z]){re.escape(k)}(?![a-z])") for k in t["keywords"]]
    return conf


def key_figures(report: Report, containers: dict[str, Paragraph] | None = None) -> KeyFigures:
    """The report's main figures; `containers` are its paragraphs' facts, if already read."""
    containers = containers if containers is not None else read_paragraphs(report)
    conf = _topics()
    rows = {t["id"]: Row(t["label"], topic=t["id"]) for g in conf["groups"] for t in g["topics"]}
    topics = {t["id"]: t for g in conf["groups"] for t in g["topics"]}
    out = KeyFigures()
    in_targets = False
    for b in report.blocks:
        if b.kind == "heading":
            in_targets = any(w in fold(b.text) for w in conf["targets_heading"]) if b.level and b.level >= 2 else False
            continue
        c = containers[b.anchor]
        for f in c.figures:
            if f.kind == "percent":
                after = c.folded[f.end : f.end + 120]
                if in_targets and out.rating_target is None and any(w in after for w in conf["rating_target_words"]):
                    out.rating_target = Value(f.raw.strip(), b.anchor, f.value)
                elif in_targets:
                    out.unread_targets.append(Value(f.raw.strip(), b.anchor, f.value))
                continue
            topic = _topic_of(c, f, topics)
            if topic is None:
                if in_targets:
                    out.unread_targets.append(Value(_shown(f), b.anchor, f.value))
                continue
            row = rows[topic]
            value = Value(_shown(f), b.anchor, f.value)
            if in_targets and row.target is None:
                row.target = value
            elif not in_targets and row.result is None:
                row.result = value
        if not in_targets:
            out.ratings += _partitions(c)
    out.groups = [(g["title"], [rows[t["id"]] for t in g["topics"]]) for g in conf["groups"]]
    return out


def _topic_of(c: Paragraph, f: Figure, topics: dict) -> str | None:
    """Among topics whose unit the figure has, the one whose keyword comes last in its clause."""
    clause = CLAUSE_END.split(c.folded[max(0, f.start - 120) : f.start])[-1]
    unit = c.folded[f.end : f.end + 40].strip()
    best, where = None, -1
    for tid, t in topics.items():
        if f.kind not in t.get("kinds", ["count", "fraction"]) or not any(unit.startswith(u) for u in t["units"]):
            continue
        for pattern in t["patterns"]:
            for m in pattern.finditer(clause):
                if m.start() > where:
                    best, where = tid, m.start()
    return best


CLAUSE_END = re.compile(r"[;.(]")


def _shown(f: Figure) -> str:
    if f.kind == "fraction":
        return f"{vn_count(f.value)}/{vn_count(f.total)}"
    return vn_count(f.value)


def vn_count(value: float) -> str:
    """A whole count the Vietnamese way: 3.745."""
    return f"{int(round(value)):,}".replace(",", ".")


def _partitions(c: Paragraph) -> list[Partition]:
    items = c.ratings
    if not items:
        return []
    rows = []
    better = None
    partition = rating_partition(items)
    for r in items:
        percent = c.percent_for(r.figure)
        row = RatingRow(r.rating, RATING_LABELS[r.rating] + (" trở lên" if r.or_better else ""),
                        Value(_shown(r.figure), c.anchor, r.figure.value),
                        Value(percent.raw.strip(), c.anchor, percent.value) if percent else None)
        if r.or_better and better is None:
            better = row
        if r.figure in partition or not r.or_better:
            rows.append(row)
    subject = items[0].figure.unit or "Tổ chức"
    return [Partition(subject[:1].upper() + subject[1:], c.anchor, rows, better)]
