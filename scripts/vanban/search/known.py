"""What the search box needs to answer a query that names a document ("Luật 42", "NĐ 71",
"35-NQ/TW", "42/2024", "Điều lệ Đảng", "khoản 2 Điều 3 Điều lệ Đảng") with that document first,
at the provision asked for: every directive page's number, symbol, year and names, the provisions
its text has on the site, and the words that name a type — the citation finder's own vocabulary
(`cite/patterns.yml`: type words, their abbreviations and codes), so that a query is read as a
citation is. Written at `tim-kiem/van-ban.json`, which the served site's worker reads with the first query,
and as `tim-kiem/van-ban.js`, which the offline site's worker loads.
"""

from __future__ import annotations

import json
import re

from vanban.cite import CitationIndex
from vanban.cite.models import Directive
from vanban.cite.patterns import load_patterns
from vanban.cite.relations import Status
from vanban.render.directive_page import force_words, heading

KNOWN_PATH = "tim-kiem/van-ban.json"
# The same, as a script the offline site's worker loads (a worker cannot fetch from file://).
KNOWN_SCRIPT = "tim-kiem/van-ban.js"
# The anchors a provision look-up may open: articles, their clauses and points, sections.
PROVISION = re.compile(r"^(?:dieu|muc|chuong|phan)-")


def known_items(index: CitationIndex, anchors: dict[str, set[str]], status: dict[str, Status]) -> str:
    """The JSON the worker reads: `types` (a type word or abbreviation → the type's name) and
    `items`, one per directive page, in id order (the same input gives the same bytes)."""
    p = load_patterns()
    types: dict[str, str] = {}
    for word, doc_type in p.types.items():
        types[word] = doc_type.name
    for abbreviation, name in p.abbreviations.items():
        types.setdefault(abbreviation.lower(), name)
    cited = {c.directive for cites in index.by_report.values() for c in cites}
    items = [_item(d, anchors.get(d.text or "", set()), status.get(d.id)) for d in
             sorted(index.directives.values(), key=lambda d: d.id) if d.id in cited or d.text]
    return json.dumps({"types": dict(sorted(types.items())), "items": items}, ensure_ascii=False,
                      separators=(",", ":"), sort_keys=True) + "\n"


def _item(d: Directive, anchors: set[str], state: Status | None) -> dict:
    number = d.number or ""
    lead = re.match(r"\d+", number)
    year = number.split("/")[1] if re.fullmatch(r"\d+[a-z]?/\d{4}", number) else (d.date or "")[:4]
    names = list(dict.fromkeys([*d.names, *d.aliases, heading(d)]))
    return {"url": f"van-ban/{d.id}/", "label": heading(d), "type": d.type, "n": int(lead.group()) if lead else None,
            "symbol": d.symbol, "year": year or None, "names": names, "title": d.title,
            "status": force_words(d, state),
            "anchors": sorted(a for a in anchors if PROVISION.match(a))}


def known_script(known_json: str) -> str:
    """The offline worker's copy: the same data, assigned to `self.vbKnownData`."""
    return "self.vbKnownData = " + known_json.strip() + ";\n"
