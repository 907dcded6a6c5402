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
          "aliases", "names", "conference", "source", "unconfirmed", "note", "relations", *MARK_KEYS}
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
        raise VanbanError("the catalog must be a list of directives", CATALOG, 1)
    levels = set(p.levels.values())
    seen: dict[str, int] = {}
    out = []
    for entry in data:
        if not isinstance(entry, dict):
            raise VanbanError("each directive must be a mapping of fields", CATALOG)
        out.append(_directive(entry, p, levels, seen))
    return out


def _directive(entry: dict, p: Patterns, levels: set[str], seen: dict[str, int]) -> Directive:
    line = entry["__line__"]
    check_keys(entry, FIELDS, CATALOG, "directive")

    def fail(message: str, key: str | None = None):
        raise VanbanError(message, CATALOG, key_line(entry, key) if key else line)

    for key in REQUIRED:
        if not entry.get(key):
            fail(f"directive lacks the required field {key!r}")
    for key in ("id", "type", "number", "symbol", "issuer", "level", "term", "title", "summary", "source", "note"):
        if key in entry and not isinstance(entry[key], str):
            fail(f"{key} must be text, not {entry[key]!r} (quote numbers such as \"05\")", key)
    ident = entry["id"]
    if not ID.match(ident):
        fail(f"id {ident!r} must be lower-case ASCII words joined by '-'", "id")
    if ident in seen:
        fail(f"duplicate id {ident!r} (first at line {seen[ident]})", "id")
    seen[ident] = key_line(entry, "id")
    if not p.has_type(entry["type"]):
        fail(f"unknown type {entry['type']!r}", "type")
    if entry["level"] not in levels:
        fail(f"level must be one of {', '.join(sorted(levels))}", "level")
    when = entry.get("date")
    if when is not None and not isinstance(when, date):
        fail(f"date must be YYYY-MM-DD, not {when!r}", "date")
    if entry.get("term") and not re.fullmatch(ROMAN, entry["term"]):
        fail(f"term must be a Roman numeral such as XII, not {entry['term']!r}", "term")
    aliases = entry.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        fail("aliases must be a list of texts", "aliases")
    names = entry.get("names") or []
    if not isinstance(names, list) or not all(isinstance(a, str) and len(a) >= 6 for a in names):
        fail("names must be a list of texts of 6 characters or more", "names")
    unconfirmed = entry.get("unconfirmed") or []
    if not isinstance(unconfirmed, list) or not set(unconfirmed) <= FIELDS:
        fail("unconfirmed must list field names", "unconfirmed")
    relations = {k: v for k, v in (entry.get("relations") or {}).items() if not k.startswith("__")}
    known = load_relations().relations
    for name, ids in relations.items():
        if name not in known:
            fail(f"relations: unknown relation {name!r}; known: {', '.join(known)}", "relations")
        if not isinstance(ids, list) or not all(isinstance(i, str) and ID.match(i) for i in ids):
            fail(f"relations: {name} must list directive ids", "relations")
    conference = entry.get("conference")
    if conference is not None and (not isinstance(conference, int) or isinstance(conference, bool)):
        fail("conference must be a whole number", "conference")
    symbol = entry.get("symbol")
    number = entry.get("number")
    if symbol and number and not symbol.startswith(number):
        fail(f"number {number!r} does not match symbol {symbol!r}", "number")
    scope = next((s for s, name in p.levels.items() if name == entry["level"]), None)
    return Directive(
        id=ident, type=p.type_named(entry["type"]).name, number=number, symbol=symbol,
        issuer=entry["issuer"], level=entry["level"], date=when.isoformat() if when else None,
        term=entry.get("term"), title=entry.get("title"), summary=entry.get("summary"), aliases=aliases, names=names,
        conference=conference, source=entry.get("source"), unconfirmed=unconfirmed, note=entry.get("note"),
        in_catalog=True, scope=scope, title_from="catalog" if entry.get("title") else None,
        marks=stated_marks(entry, CATALOG), relations=relations,
    )
