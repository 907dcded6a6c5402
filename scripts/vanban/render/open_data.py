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
from vanban.render.memo import PageMemo

DATA_DIR = "du-lieu"
SCHEMAS = Path(__file__).with_name("schemas")
CSV_FIELDS = ("document", "document_kind", "anchor", "url", "line", "kind", "raw", "directive", "pin", "type",
              "number", "symbol", "date", "issuer")
# The CSV's header, for a person opening it in a spreadsheet (the JSON keeps its keys); the file
# starts with a UTF-8 byte order mark, without which Excel reads it in the machine's code page.
CSV_LABELS = {"document": "Văn bản trích dẫn (mã)", "document_kind": "Loại (report: báo cáo, directive: văn bản)",
              "anchor": "Đoạn (mã)", "url": "Địa chỉ đoạn", "line": "Dòng trong tệp", "kind": "Dạng trích dẫn",
              "raw": "Nguyên văn", "directive": "Văn bản được trích dẫn (mã)", "pin": "Điều, khoản",
              "type": "Loại văn bản", "number": "Số", "symbol": "Số hiệu", "date": "Ngày ban hành",
              "issuer": "Cơ quan ban hành"}
BOM = "\ufeff"
DATA_PAGE = f"{DATA_DIR}/index.md"
DATA_TITLE = "Dữ liệu mở"
# What each file holds, for the data page: file stem → (one row per …, what it is for).
DESCRIPTIONS = {
    "bao-cao": ("báo cáo", "mỗi báo cáo của trang: tiêu đề, cơ quan ban hành, thời gian, địa chỉ trang"),
    "van-ban": ("văn bản", "mỗi văn bản được trích dẫn hoặc có trong danh mục: số hiệu, loại, cơ quan, ngày, "
                "tình trạng hiệu lực và các quan hệ với văn bản khác"),
    "trich-dan": ("trích dẫn", "mỗi lần một báo cáo hay văn bản dẫn một văn bản khác, với đoạn văn chứa nó"),
    "so-lieu": ("số liệu", "các số liệu chính của mỗi báo cáo (tổ chức, đảng viên, kết nạp, kiểm tra, kỷ luật…)"),
    "kiem-tra": ("điểm cần xem", "kết quả kiểm tra dữ liệu của mỗi báo cáo: lỗi và điểm cần xem lại"),
}


def data_files(reports: list[Report], index: CitationIndex, findings: dict[str, list[Finding]],
               figures: dict[str, KeyFigures], memo: PageMemo | None = None) -> dict[str, str | bytes]:
    """Every file of `du-lieu/`, by its path under docs/. The files with rows per document are
    kept in `memo` document by document: a change to one report encodes that report's rows only."""
    memo = memo if memo is not None else PageMemo()
    out = {f"{DATA_DIR}/bao-cao.json": _json_lines([_report(r) for r in reports]),
           f"{DATA_DIR}/van-ban.json": _json_lines(_directives(index))}
    for schema in sorted(SCHEMAS.glob("*.schema.json")):
        out[f"{DATA_DIR}/{schema.name}"] = schema.read_text(encoding="utf-8")
    memo.rendered |= set(out)  # about the whole archive: made every time
    documents = sorted(index.by_report.items())
    out[f"{DATA_DIR}/trich-dan.json"] = memo.blocks(f"{DATA_DIR}/trich-dan.json", *JSON_ARRAY, [
        (document, cites, lambda d=document, c=cites: _json_rows(_citations(d, c))) for document, cites in documents])
    out[f"{DATA_DIR}/trich-dan.csv"] = memo.blocks(f"{DATA_DIR}/trich-dan.csv",
                                                   BOM + _csv_rows([[CSV_LABELS[k] for k in CSV_FIELDS]]), "", "", [
        (document, cites, lambda d=document, c=cites: _csv_rows(_csv_fields(_citations(d, c))))
        for document, cites in documents])
    out[f"{DATA_DIR}/so-lieu.json"] = memo.blocks(f"{DATA_DIR}/so-lieu.json", *JSON_ARRAY, [
        (r.slug, figures.get(r.slug), lambda r=r: _json_rows(_figures(r, figures.get(r.slug)))) for r in reports])
    out[f"{DATA_DIR}/kiem-tra.json"] = memo.blocks(f"{DATA_DIR}/kiem-tra.json", *JSON_ARRAY, [
        (r.slug, findings.get(r.slug), lambda r=r: _json_rows(_findings(findings.get(r.slug, []))))
        for r in reports])
    out[DATA_PAGE] = data_page(out)
    memo.rendered.add(DATA_PAGE)
    return dict(sorted(out.items()))


def data_page(files: dict[str, str | bytes]) -> str:
    """`du-lieu/`'s own page: each file, what one row is, its schema, its size in rows and a
    sample row (the first), so that a person sees what is there before downloading it."""
    lines = [f"# {DATA_TITLE}", "",
             "Dữ liệu của trang, để dùng lại trong bảng tính hay chương trình của mình. Mỗi tệp JSON là một "
             "mảng, mỗi dòng một bản ghi; mỗi tệp có lược đồ dữ liệu (JSON Schema) cùng tên. Mã (id) là mã cố "
             "định của trang; địa chỉ (`url`) tính từ gốc của trang và dẫn về đúng đoạn văn; ngày theo ISO "
             "(năm-tháng-ngày). Bảng trích dẫn cũng có ở dạng CSV, mở được bằng Excel hay LibreOffice.", "",
             "| Tệp | Mỗi dòng là một | Số dòng | Lược đồ |", "| --- | --- | ---: | --- |"]
    for stem, (row, _) in DESCRIPTIONS.items():
        text = _text(files.get(f"{DATA_DIR}/{stem}.json", ""))
        rows = sum(1 for line in text.split("\n") if line.startswith("{"))  # one row per line
        extra = " ([CSV](trich-dan.csv))" if stem == "trich-dan" else ""
        lines.append(f"| [{stem}.json]({stem}.json){extra} | {row} | {rows} | [{stem}.schema.json]({stem}.schema.json) |")
    for stem, (row, what) in DESCRIPTIONS.items():
        text = _text(files.get(f"{DATA_DIR}/{stem}.json", ""))
        sample = next((line.rstrip(",") for line in text.split("\n") if line.startswith("{")), "")
        lines += ["", f"## {stem}.json", "", what[:1].upper() + what[1:] + "."]
        schema = json.loads(_text(files.get(f"{DATA_DIR}/{stem}.schema.json", "{}")) or "{}")
        fields = list(schema.get("items", {}).get("properties", {}))
        if fields:
            lines += ["", "Các trường: " + ", ".join(f"`{f}`" for f in fields) + "."]
        if stem == "trich-dan":
            lines += ["", "Cột của bảng CSV: " + "; ".join(f"{CSV_LABELS[k]} (`{k}`)" for k in CSV_FIELDS) + "."]
        if sample:
            pretty = json.dumps(json.loads(sample), ensure_ascii=False, indent=1)
            lines += ["", "Dòng đầu tiên:", "", "```json", pretty, "```"]
    return "\n".join(lines) + "\n"


def _text(content: str | bytes) -> str:
    return content.decode("utf-8") if isinstance(content, bytes) else content


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
                    "status": {"status": state.label, "by": state.by, "since": state.date} if state else None,
                    "in_force_from": d.force.start if d.force is not None else None,
                    "relations": links.get(d.id, {}), "formerly": list(d.formerly)})
    return out


def _citations(document: str, cites: list) -> list[dict]:
    owner = text_owner(document)
    return [{"document": owner or document, "document_kind": "directive" if owner else "report",
             "anchor": c.container, "url": _url(document, c.container), "line": c.line,
             "kind": c.kind, "raw": c.raw, "directive": c.directive, "pin": c.pin, "type": c.type,
             "number": c.number, "symbol": c.symbol, "date": c.date, "issuer": c.issuer} for c in cites]


def _findings(findings: list[Finding]) -> list[dict]:
    return [dict(f.to_json(), url=_url(f.report, f.anchor)) for f in findings]


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
# A JSON array, one compact row per line: small at 1 000 reports, and readable in a diff.
JSON_ARRAY = ("[\n", ",\n", "\n]\n")


def _json_lines(rows: list[dict]) -> str:
    head, sep, tail = JSON_ARRAY
    return head + _json_rows(rows) + tail


def _json_rows(rows: list[dict]) -> str:
    return JSON_ARRAY[1].join(map(_ROW.encode, rows))


def _csv_fields(rows: list[dict]) -> list[list]:
    return [["" if row[k] is None else row[k] for k in CSV_FIELDS] for row in rows]


def _csv_rows(rows: list) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()
