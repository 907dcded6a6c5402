"""The site's open data (`du-lieu/`): its reports, directives, every citation, the key figures
and the findings, as JSON (the citations also as CSV), each with its JSON Schema. The rows are
those `vanban citations` and `vanban check` give; ids are the site's stable ids, URLs are
relative to the site's root, dates ISO, numbers plain."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from vanban.check import Finding
from vanban.cite import CitationIndex
from vanban.cite.relations import statuses, typed_links
from vanban.keyfigures import KeyFigures
from vanban.model import Report, text_owner

DATA_DIR = "du-lieu"
SCHEMAS = Path(__file__).with_name("schemas")
CSV_FIELDS = ("document", "document_kind", "anchor", "url", "line", "kind", "raw", "directive", "pin", "type",
              "number", "symbol", "date", "issuer")


def data_files(reports: list[Report], index: CitationIndex, findings: dict[str, list[Finding]],
               figures: dict[str, KeyFigures]) -> dict[str, str]:
    """Every file of `du-lieu/`, by its path under docs/."""
    data = {
        "bao-cao.json": [_report(r) for r in reports],
        "van-ban.json": _directives(index),
        "trich-dan.json": _citations(index),
        "so-lieu.json": [row for r in reports for row in _figures(r, figures.get(r.slug))],
        "kiem-tra.json": [dict(f.to_json(), url=_url(f.report, f.anchor)) for r in reports
                          for f in findings.get(r.slug, [])],
    }
    out = {f"{DATA_DIR}/{name}": _json_lines(rows) for name, rows in data.items()}
    out[f"{DATA_DIR}/trich-dan.csv"] = _csv(data["trich-dan.json"])
    for schema in sorted(SCHEMAS.glob("*.schema.json")):
        out[f"{DATA_DIR}/{schema.name}"] = schema.read_text(encoding="utf-8")
    return out


def _url(document: str, anchor: str | None) -> str:
    """A paragraph's address under the site's root (`bao-cao/<slug>/#p-i-2`, `van-ban/<id>/#dieu-3`)."""
    owner = text_owner(document)
    base = f"van-ban/{owner}/" if owner else f"bao-cao/{document}/"
    return base + (f"#{anchor}" if anchor else "")


def _report(r: Report) -> dict:
    return {"id": r.slug, "title": r.title, "committee": r.committee, "date": r.date, "url": _url(r.slug, None),
            "marks": [m.label for m in r.marks]}


def _directives(index: CitationIndex) -> list[dict]:
    status = statuses(index)
    links: dict[str, dict[str, list[str]]] = {}
    for subject, relation, other in typed_links(index):
        links.setdefault(subject, {}).setdefault(relation, []).append(other)
    cited = {c.directive for cites in index.by_report.values() for c in cites}
    out = []
    for d in sorted(index.directives.values(), key=lambda d: d.id):
        if d.id not in cited and not d.in_catalog:
            continue
        state = status.get(d.id)
        out.append({"id": d.id, "label": d.label, "type": d.type, "number": d.number, "symbol": d.symbol,
                    "issuer": d.issuer, "level": d.level, "date": d.date, "term": d.term, "title": d.title,
                    "in_catalog": d.in_catalog, "cited": d.id in cited, "has_text": bool(d.text),
                    "url": f"van-ban/{d.id}/" if d.id in cited or d.text else None,
                    "status": {"status": state[0], "by": state[1]} if state else None,
                    "relations": links.get(d.id, {})})
    return out


def _citations(index: CitationIndex) -> list[dict]:
    rows = []
    for document, cites in sorted(index.by_report.items()):
        owner = text_owner(document)
        for c in cites:
            rows.append({"document": owner or document, "document_kind": "directive" if owner else "report",
                         "anchor": c.container, "url": _url(document, c.container), "line": c.line,
                         "kind": c.kind, "raw": c.raw, "directive": c.directive, "pin": c.pin, "type": c.type,
                         "number": c.number, "symbol": c.symbol, "date": c.date, "issuer": c.issuer})
    return rows


def _figures(r: Report, k: KeyFigures | None) -> list[dict]:
    if k is None:
        return []
    rows = []
    for group, topics in k.groups:
        for row in topics:
            for role, value in (("result", row.result), ("target", row.target)):
                if value is not None:
                    rows.append({"report": r.slug, "group": group, "label": row.label, "role": role,
                                 "value": value.number, "text": value.text, "anchor": value.anchor,
                                 "url": _url(r.slug, value.anchor)})
    for p in k.ratings:
        for rating in p.rows:
            rows.append({"report": r.slug, "group": f"Xếp loại: {p.subject}", "label": rating.label, "role": "rating",
                         "value": rating.count.number, "text": rating.count.text, "anchor": p.anchor,
                         "url": _url(r.slug, p.anchor),
                         "percent": rating.percent.number if rating.percent else None})
    return rows


# One encoder for every row (json.dumps with options builds a new one per call).
_ROW = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _json_lines(rows: list[dict]) -> str:
    """A JSON array, one compact row per line: small at 1 000 reports, and readable in a diff."""
    return "[\n" + ",\n".join(map(_ROW.encode, rows)) + "\n]\n"


def _csv(rows: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    writer.writerows(["" if row[k] is None else row[k] for k in CSV_FIELDS] for row in rows)
    return buffer.getvalue()
