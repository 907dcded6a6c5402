"""Find the reports in `data/reports/` and the directive texts in `data/directives/`, with their
YAML sidecars, and read them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from vanban.errors import VanbanError
from vanban.messages import KIND_WORDS
from vanban.model import Mark, Report
from vanban.read import read_directive, read_report
from vanban.read.marks import MARK_KEYS, stated_marks
from vanban.slug import slugify
from vanban.yamlfile import check_keys, key_line, load_yaml

REPORT_SUFFIXES = (".txt", ".docx", ".doc", ".pdf")
OCR_STORE = Path(".vanban") / "ocr"
SIDECAR_SUFFIX = ".yml"
SIDECAR_KEYS = {"slug", "title", "committee", "date", "source", *MARK_KEYS}
# A directive text's sidecar: its catalog id when the header cannot say it, what the text lacks.
DIRECTIVE_SIDECAR_KEYS = {"id", "title", "date", "source", *MARK_KEYS}
FOLDERS = {"report": Path("data") / "reports", "directive": Path("data") / "directives"}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PARTIAL_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
IGNORED = {"README.md"}


@dataclass
class ReportSource:
    """A report file and what its sidecar says about it."""

    path: Path
    label: str
    slug: str
    title: str | None = None
    committee: str | None = None
    date: str | None = None
    marks: list[Mark] = field(default_factory=list)
    kind: str = "report"
    directive_id: str | None = None
    # Where what OCR recognised in a scanned PDF is kept (vanban.read.ocr): .vanban/ocr/ of the project.
    ocr_store: Path | None = None


def discover(root: Path) -> list[ReportSource]:
    """All reports under `root/data/reports`, sorted by file name; unknown files are errors."""
    folder = root / FOLDERS["report"]
    if not folder.is_dir():
        raise VanbanError("không thấy thư mục: đặt các tệp báo cáo vào data/reports/", folder)
    return _scan(root, folder, "report")


def discover_directives(root: Path) -> list[ReportSource]:
    """The directive texts under `root/data/directives` (the folder is optional)."""
    folder = root / FOLDERS["directive"]
    return _scan(root, folder, "directive") if folder.is_dir() else []


def _scan(root: Path, folder: Path, kind: str) -> list[ReportSource]:
    sources: list[ReportSource] = []
    sidecars = set()
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.name in IGNORED:
            continue
        label = str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
        if path.suffix == SIDECAR_SUFFIX:
            sidecars.add(path)
            continue
        if path.suffix not in REPORT_SUFFIXES:
            raise VanbanError(f"không đọc được loại tệp {path.suffix or '(không có đuôi)'!r} cho {KIND_WORDS[kind]}; "
                              f"các loại đọc được: {', '.join(REPORT_SUFFIXES)}", label)
        sources.append(_with_sidecar(path, label, root, kind))
    for sidecar in sorted(sidecars):
        if not any(sidecar.with_suffix(s).exists() for s in REPORT_SUFFIXES):
            raise VanbanError(f"tệp .yml kèm theo không có {KIND_WORDS[kind]} nào cùng tên bên cạnh", sidecar.relative_to(root))
    seen: dict[str, str] = {}
    for s in sources:
        if s.slug in seen:
            raise VanbanError(f"slug {s.slug!r} đã dùng cho {seen[s.slug]}", s.label)
        seen[s.slug] = s.label
    return sources


def _with_sidecar(path: Path, label: str, root: Path, kind: str = "report") -> ReportSource:
    sidecar = path.with_suffix(SIDECAR_SUFFIX)
    source = ReportSource(path, label, _default_slug(path), kind=kind, ocr_store=root / OCR_STORE)
    if not sidecar.is_file():
        _check_slug(source.slug, label, None)
        return source
    side_label = sidecar.relative_to(root) if sidecar.is_relative_to(root) else sidecar
    data = load_yaml(sidecar, side_label)
    if not isinstance(data, dict):
        raise VanbanError("tệp .yml kèm theo phải là một bảng các trường (slug, title, committee, date)", side_label, 1)
    check_keys(data, SIDECAR_KEYS if kind == "report" else DIRECTIVE_SIDECAR_KEYS, side_label, f"{kind} sidecar")
    source.directive_id = _string(data, "id", side_label)
    if source.directive_id is not None:
        _check_slug(source.directive_id, side_label, key_line(data, "id"))
    source.slug = _string(data, "slug", side_label) or source.slug
    _check_slug(source.slug, side_label, key_line(data, "slug"))
    source.title = _string(data, "title", side_label)
    source.committee = _string(data, "committee", side_label)
    raw_date = data.get("date")
    if isinstance(raw_date, date):
        raw_date = raw_date.isoformat()
    if raw_date is not None and not (isinstance(raw_date, str) and PARTIAL_DATE.match(raw_date)):
        raise VanbanError(f"date phải có dạng YYYY-MM-DD, YYYY-MM hoặc YYYY, không phải {raw_date!r}",
                          side_label, key_line(data, "date"))
    source.date = raw_date
    source.marks = stated_marks(data, side_label)
    return source


def _default_slug(path: Path) -> str:
    """The file name as a slug: `Đông Hà 2020.txt` → `dong-ha-2020`."""
    return slugify(path.stem) or "bao-cao"


def _string(data: dict, key: str, label) -> str | None:
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        raise VanbanError(f"{key} phải là chữ, không phải {value!r}", label, key_line(data, key))
    return value


def _check_slug(slug: str, label, line: int | None) -> None:
    if not SLUG.match(slug):
        raise VanbanError(f"slug {slug!r} phải gồm các từ chữ thường không dấu nối bằng '-'", label, line)


def load_reports(root: Path) -> list[Report]:
    """Read every report in data/reports; the first bad file stops everything."""
    return [_read(source) for source in discover(root)]


def read_source(path: Path, root: Path, kind: str = "report") -> Report:
    """Read one report (or directive text) file anywhere, with its sidecar if it has one; the
    same file types as a build reads."""
    label = str(path.relative_to(root)) if path.is_absolute() and path.is_relative_to(root) else str(path)
    if path.is_dir():
        raise VanbanError(f"là một thư mục, không phải tệp {KIND_WORDS[kind]}", label)
    if path.suffix.lower() not in REPORT_SUFFIXES:
        raise VanbanError(f"không đọc được loại tệp {path.suffix or '(không có đuôi)'!r} cho {KIND_WORDS[kind]}; "
                          f"các loại đọc được: {', '.join(REPORT_SUFFIXES)}", label)
    return _read(_with_sidecar(path, label, root, kind))


def kind_of(path: Path, root: Path) -> str:
    """A file in data/directives/ (or any folder named `directives`) is a directive's text."""
    resolved = path.resolve()
    if resolved.is_relative_to((root / FOLDERS["directive"]).resolve()) or path.parent.name == "directives":
        return "directive"
    return "report"


def read_document(source: ReportSource) -> Report:
    """Read a discovered report or directive text, with what its sidecar says."""
    return _read(source)


def _read(source: ReportSource) -> Report:
    reader = read_report if source.kind == "report" else read_directive
    report = reader(source.path, slug=source.slug, label=source.label, ocr_store=source.ocr_store)
    report.title = source.title or report.title
    report.committee = source.committee or (report.meta.issuer[-1] if report.meta.issuer else None)
    report.date = source.date or report.meta.date
    report.marks = report.marks + source.marks
    return report
