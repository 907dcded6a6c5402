"""The glossary of abbreviations, `data/glossary.yml`: loaded, checked, and written as
Python-Markdown `abbr` definitions that pymdownx.snippets appends to every page."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from vanban.errors import VanbanError
from vanban.yamlfile import check_keys, key_line, load_yaml

GLOSSARY = Path("data") / "glossary.yml"
ABBREVIATIONS_FILE = "abbreviations.md"
ABBR = re.compile(r"^[^\s\[\]]{1,20}$")


@dataclass(frozen=True)
class Term:
    abbr: str
    full: str


def load_glossary(root: Path) -> list[Term]:
    """The glossary's terms in file order; an absent file is an empty glossary."""
    path = root / GLOSSARY
    if not path.exists():
        return []
    data = load_yaml(path, GLOSSARY) or []
    if not isinstance(data, list):
        raise VanbanError("bảng thuật ngữ phải là một danh sách {abbr, full}", GLOSSARY, 1)
    terms, seen = [], {}
    for entry in data:
        if not isinstance(entry, dict):
            raise VanbanError("mỗi mục thuật ngữ phải là một bảng {abbr, full}", GLOSSARY)
        check_keys(entry, {"abbr", "full"}, GLOSSARY, "glossary entry")
        abbr, full = entry.get("abbr"), entry.get("full")
        line = entry["__line__"]
        if not isinstance(abbr, str) or not ABBR.match(abbr):
            raise VanbanError(f"abbr phải là một từ viết tắt, không có dấu cách hay ngoặc, không phải {abbr!r}", GLOSSARY,
                              key_line(entry, "abbr"))
        if not isinstance(full, str) or not full.strip() or "\n" in full:
            raise VanbanError(f"dạng đầy đủ của {abbr!r} phải là một dòng chữ", GLOSSARY, key_line(entry, "full"))
        if abbr in seen:
            raise VanbanError(f"từ viết tắt {abbr!r} có hai lần (lần đầu ở dòng {seen[abbr]})", GLOSSARY, line)
        seen[abbr] = line
        terms.append(Term(abbr, full.strip()))
    return terms


def abbreviation_definitions(terms: list[Term]) -> str:
    """`*[TCCS]: Tổ chức cơ sở đảng` lines (Python-Markdown escapes the title attribute)."""
    lines = [""]
    for t in terms:
        lines.append(f"*[{t.abbr}]: {t.full}")
    return "\n".join(lines) + "\n"
