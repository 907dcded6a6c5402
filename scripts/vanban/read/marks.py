"""Find classification ("MẬT") and circulation ("Lưu hành nội bộ") marks on a document.

A public site must never publish a document stamped secret or meant for internal circulation
(vanban.visibility decides); the reader only says which marks a document carries and where.
The forms are data (`marks.yml`); a line counts only when it is made of marks alone, or is the
number line with the stamp beside the number, so that "bí mật" or "nội bộ" in a sentence never do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from vanban.errors import VanbanError
from vanban.model import Mark
from vanban.normalize import folded, matching
from vanban.yamlfile import key_line, load_package_data

SECRET, INTERNAL = "secret", "internal"
# Keys of a sidecar or catalog entry that mark a document, and the kind of mark each takes:
# `mat: MẬT | TỐI MẬT | TUYỆT MẬT`, `luu_hanh: Lưu hành nội bộ | Tài liệu không phổ biến | …`.
MARK_KEYS = {"mat": SECRET, "luu_hanh": INTERNAL}


@dataclass(frozen=True)
class MarkRules:
    forms: dict[str, tuple[str, str]]  # folded form → (kind, label)
    body_lines: int
    separators: re.Pattern
    stamp_beside_number: re.Pattern


@lru_cache(maxsize=1)
def load_mark_rules() -> MarkRules:
    raw = load_package_data(Path(__file__).parent / "marks.yml")
    forms: dict[str, tuple[str, str]] = {}
    for kind in (SECRET, INTERNAL):
        for label, written in raw[kind].items():
            for form in [label, *written]:
                forms[_fold(form)] = (kind, label)
    secret = "|".join(sorted((re.escape(f).replace("\\ ", r"\s+") for f, (k, _) in forms.items() if k == SECRET),
                             key=len, reverse=True))
    beside = re.compile(rf"^\s*(?:so\b.*?[\s(\[]+(?P<after>{secret})[)\]]?|[(\[]?(?P<before>{secret})[)\]]?\s+so\b.*?)\s*$")
    return MarkRules(forms, raw["body_lines"], re.compile(raw["separators"]), beside)


def _fold(text: str) -> str:
    return " ".join(folded(matching(text)).split())


def line_marks(text: str, rules: MarkRules | None = None) -> list[tuple[str, str]]:
    """The marks a line is made of, as (kind, label); [] when anything else is on the line."""
    rules = rules or load_mark_rules()
    form = _fold(text)
    if not form or len(form) > 120:
        return []
    if m := rules.stamp_beside_number.match(form):
        return [rules.forms[" ".join((m["after"] or m["before"]).split())]]
    pieces = [" ".join(p.split()) for p in rules.separators.split(form)]
    pieces = [p for p in pieces if p]
    if not pieces or any(p not in rules.forms for p in pieces):
        return []
    return [rules.forms[p] for p in pieces]


def strip_stamp(text: str, rules: MarkRules | None = None) -> str:
    """The number line without the secret stamp written beside it (`Số 12-BC/TU  MẬT`)."""
    rules = rules or load_mark_rules()
    m = rules.stamp_beside_number.match(folded(matching(text)))  # same length as `text`
    if not m:
        return text
    if m["after"]:
        return text[: m.start("after")].rstrip(" \t([")
    return text[m.end("before") :].lstrip(" \t)]")


def find_marks(lines: list[tuple[int, str]], body_at: int, where: str = "text") -> list[Mark]:
    """Marks in the header (lines before `body_at`) and in the first and last lines of the body
    (a circulation note may stand under "Nơi nhận")."""
    rules = load_mark_rules()
    body = [ln for ln in lines[body_at:] if ln[1].strip()]
    ends = body[: rules.body_lines] + body[max(rules.body_lines, len(body) - rules.body_lines) :]
    candidates = list(lines[:body_at]) + ends
    return [Mark(kind, label, text.strip(), number, where)
            for number, text in candidates for kind, label in line_marks(text, rules)]


def loose_marks(texts: list[str], where: str) -> list[Mark]:
    """Marks in text outside the body's lines (a .docx's page headers and text boxes)."""
    rules = load_mark_rules()
    return [Mark(kind, label, text.strip(), None, where) for text in texts for kind, label in line_marks(text, rules)]


def stated_marks(data: dict, label) -> list[Mark]:
    """The marks a sidecar or catalog entry states with `mat:` and `luu_hanh:` (loaded by
    vanban.yamlfile.load_yaml, for the line numbers); an unknown mark is an error."""
    marks = []
    for key, kind in MARK_KEYS.items():
        value = data.get(key)
        if value is None:
            continue
        named = load_mark_rules().forms.get(_fold(value)) if isinstance(value, str) else None
        if named is None or named[0] != kind:
            expected = "MẬT, TỐI MẬT hoặc TUYỆT MẬT" if kind == SECRET else "một ghi chú lưu hành như Lưu hành nội bộ"
            raise VanbanError(f"{key}: {value!r} không phải một dấu đã biết; cần một trong: {expected}", label, key_line(data, key))
        marks.append(Mark(kind, named[1], f"{key}: {value}", key_line(data, key), "sidecar", str(label)))
    return marks
