"""Load and validate the directive catalog, `data/directives.yml`.

Every mistake is one error naming the file and line: an unknown field, a duplicate id, a bad
date, a type or level the site does not know.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from vanban.cite.models import Directive
from vanban.cite.patterns import ROMAN, Patterns, load_patterns
from vanban.cite.relations import load_relations
from vanban.errors import VanbanError
from vanban.read.marks import MARK_KEYS, stated_marks
from vanban.yamlfile import check_keys, key_line, load_yaml

CATALOG = Path("data") / "directives.yml"
FIELDS = {"id", "type", "number", "symbol", "issuer", "level", "date", "term", "title", "summary",
          "aliases", "names", "conference", "source", "unconfirmed", "note", "relations", "formerly", *MARK_KEYS}
REQUIRED = ("id", "type", "issuer", "level")
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def load_catalog(root: Path, patterns: Patterns | None = None) -> list[Directive]:
    """The catalog's directives; an absent file is an empty catalog."""
    path = root / CATALOG
    if not path.exists():
        return []
    p = patterns or load_patterns()
    data = load_yaml(path, CATALOG)
    if data is None:
        return []
    if not isinstance(data, list):
        raise VanbanError("danh mục phải là một danh sách văn bản", CATALOG, 1)
    levels = set(p.levels.values())
    seen: dict[str, int] = {}
    out = []
    for entry in data:
        if not isinstance(entry, dict):
            raise VanbanError("mỗi văn bản phải là một bảng các trường", CATALOG)
        out.append(_directive(entry, p, levels, seen))
    return out


def _directive(entry: dict, p: Patterns, levels: set[str], seen: dict[str, int]) -> Directive:
    line = entry["__line__"]
    check_keys(entry, FIELDS, CATALOG, "directive")

    def fail(message: str, key: str | None = None):
        raise VanbanError(message, CATALOG, key_line(entry, key) if key else line)

    for key in REQUIRED:
        if not entry.get(key):
            fail(f"văn bản thiếu trường bắt buộc {key!r}")
    for key in ("id", "type", "number", "symbol", "issuer", "level", "term", "title", "summary", "source", "note"):
        if key in entry and not isinstance(entry[key], str):
            fail(f"{key} phải là chữ, không phải {entry[key]!r} (đặt số trong ngoặc kép, như \"05\")", key)
    ident = entry["id"]
    if not ID.match(ident):
        fail(f"id {ident!r} phải gồm các từ chữ thường không dấu nối bằng '-'", "id")
    if ident in seen:
        fail(f"id {ident!r} bị lặp (lần đầu ở dòng {seen[ident]})", "id")
    seen[ident] = key_line(entry, "id")
    if not p.has_type(entry["type"]):
        fail(f"type {entry['type']!r} không phải loại văn bản đã biết", "type")
    if entry["level"] not in levels:
        fail(f"level phải là một trong: {', '.join(sorted(levels))}", "level")
    when = entry.get("date")
    if when is not None and not isinstance(when, date):
        fail(f"date phải có dạng YYYY-MM-DD, không phải {when!r}", "date")
    if entry.get("term") and not re.fullmatch(ROMAN, entry["term"]):
        fail(f"term phải là số La Mã như XII, không phải {entry['term']!r}", "term")
    aliases = entry.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        fail("aliases phải là một danh sách chữ", "aliases")
    names = entry.get("names") or []
    if not isinstance(names, list) or not all(isinstance(a, str) and len(a) >= 6 for a in names):
        fail("names phải là một danh sách tên, mỗi tên từ 6 ký tự", "names")
    formerly = entry.get("formerly") or []
    if not isinstance(formerly, list) or not all(isinstance(i, str) and ID.match(i) and i != ident for i in formerly):
        fail("formerly phải liệt kê các id cũ của văn bản (chữ thường không dấu nối bằng '-')", "formerly")
    unconfirmed = entry.get("unconfirmed") or []
    if not isinstance(unconfirmed, list) or not set(unconfirmed) <= FIELDS:
        fail("unconfirmed phải liệt kê tên trường", "unconfirmed")
    relations = {k: v for k, v in (entry.get("relations") or {}).items() if not k.startswith("__")}
    known = load_relations().relations
    for name, ids in relations.items():
        if name not in known:
            fail(f"relations: không có quan hệ {name!r}; các quan hệ: {', '.join(known)}", "relations")
        if not isinstance(ids, list) or not all(isinstance(i, str) and ID.match(i) for i in ids):
            fail(f"relations: {name} phải liệt kê id văn bản", "relations")
    conference = entry.get("conference")
    if conference is not None and (not isinstance(conference, int) or isinstance(conference, bool)):
        fail("conference phải là số nguyên", "conference")
    symbol = entry.get("symbol")
    number = entry.get("number")
    if symbol and number and not symbol.startswith(number):
        fail(f"số {number!r} không khớp ký hiệu {symbol!r}", "number")
    scope = next((s for s, name in p.levels.items() if name == entry["level"]), None)
    return Directive(
        id=ident, type=p.type_named(entry["type"]).name, number=number, symbol=symbol,
        issuer=entry["issuer"], level=entry["level"], date=when.isoformat() if when else None,
        term=entry.get("term"), title=entry.get("title"), summary=entry.get("summary"), aliases=aliases, names=names,
        conference=conference, source=entry.get("source"), unconfirmed=unconfirmed, note=entry.get("note"),
        in_catalog=True, scope=scope, title_from="catalog" if entry.get("title") else None,
        marks=stated_marks(entry, CATALOG), relations=relations, formerly=formerly,
    )
