"""Render the home page: what the site is, and the list of reports."""

from __future__ import annotations

from vanban.check import Finding
from vanban.cite import CitationIndex
from vanban.model import Report
from vanban.render.dates import vietnamese_date
from vanban.render.escape import escape
from vanban.render.page import NOT_SEARCHED, UNSEARCHED_BLOCK, front_matter
from vanban.render.report_page import report_path

HOME_TITLE = "Trang chủ"
UNKNOWN = "chưa rõ"
REPORTS_INDEX = "bao-cao/index.md"


def render_home(reports: list[Report], index: CitationIndex) -> str:
    out = [
        front_matter(HOME_TITLE, "data/reports"),
        "# Báo cáo và văn bản của Đảng { #trang-chu }",
        "Trang này tập hợp các báo cáo của cấp ủy, giữ nguyên văn bản gốc, có chú thích và "
        "liên kết đến từng đoạn để dẫn chiếu khi sinh hoạt chi bộ, học tập nghị quyết.",
        # The count and the list only repeat the reports' and directives' own pages: not searched
        # (and adding a report leaves the search index of this page as it was).
        UNSEARCHED_BLOCK,
        f"Các báo cáo trích dẫn {len(index.cited())} văn bản; mỗi văn bản có một trang riêng, nêu mọi chỗ "
        "được trích dẫn: xem [danh sách văn bản](van-ban/index.md).",
        "</div>",
        "## Danh sách báo cáo { #danh-sach-bao-cao }",
    ]
    if not reports:
        out.append("Chưa có báo cáo nào.")
        return "\n\n".join(out) + "\n"
    rows = ["| Báo cáo | Cơ quan ban hành | Thời gian |", "| --- | --- | --- |"]
    for r in placed_first(reports):
        link = f"[{escape(r.title)}]({report_path(r.slug)})"
        rows.append(f"| {link} | {issuer_cell(r)} | {date_cell(r)} |")
    out += [UNSEARCHED_BLOCK, "\n".join(rows), "</div>"]
    out += ["## Dữ liệu mở { #du-lieu }",
            "Dữ liệu của trang, để dùng lại trong bảng biểu của mình (mỗi dòng dẫn về đoạn văn của nó): "
            "[các báo cáo](du-lieu/bao-cao.json), [các văn bản](du-lieu/van-ban.json), "
            "[mọi trích dẫn](du-lieu/trich-dan.json) (cũng ở dạng [bảng CSV](du-lieu/trich-dan.csv)), "
            "[số liệu chính](du-lieu/so-lieu.json), [kết quả kiểm tra dữ liệu](du-lieu/kiem-tra.json). "
            "Mỗi tệp có lược đồ dữ liệu (JSON Schema) cùng tên, đuôi `.schema.json`; "
            "[trang dữ liệu mở](du-lieu/index.md) nói rõ từng tệp và cho xem dòng đầu tiên."]
    return "\n\n".join(out) + "\n"


def render_report_list(reports: list[Report], findings: dict[str, list[Finding]]) -> str:
    """The list of reports, each with its key figures and its data checks (bao-cao/index.md); not
    searched, as it only repeats the reports' own pages."""
    out = [front_matter("Báo cáo", "data/reports", hide=["toc"], search=NOT_SEARCHED), "# Báo cáo { #bao-cao }",
           f"{len(reports)} báo cáo. Mỗi báo cáo có trang số liệu chính và trang kiểm tra dữ liệu."]
    if not reports:
        out.append("Chưa có báo cáo nào.")
        return "\n\n".join(out) + "\n"
    rows = ["| Báo cáo | Cơ quan ban hành | Thời gian | Số liệu chính | Kiểm tra dữ liệu |",
            "| --- | --- | --- | --- | --- |"]
    for r in placed_first(reports):
        errors = sum(1 for f in findings.get(r.slug, []) if f.severity == "error")
        rows.append(f"| [{escape(r.title)}]({r.slug}.md) | {issuer_cell(r)} | "
                    f"{date_cell(r)} | [Số liệu](../so-lieu/{r.slug}.md) | "
                    f"[{errors} lỗi](../kiem-tra/{r.slug}.md) |")
    out.append('<div class="vb-sortable" markdown>\n\n' + "\n".join(rows) + "\n\n</div>")
    return "\n\n".join(out) + "\n"


def placed_first(reports: list[Report]) -> list[Report]:
    """The reports in their order, those whose header says who issued them and when first; a
    report without them after (its cells say "chưa rõ"; `vanban check` says how to give them)."""
    return sorted(reports, key=lambda r: not (r.date and (r.committee or r.meta.issuer)))


def issuer_cell(r: Report) -> str:
    """Who issued it: its committee, else its header's issuer lines, else "chưa rõ"."""
    return escape(r.committee or " ".join(r.meta.issuer) or UNKNOWN)


def date_cell(r: Report) -> str:
    """Its date, sorted by its ISO form (an unknown date sorts after every known one)."""
    shown = escape(vietnamese_date(r.date)) if r.date else UNKNOWN
    return f'<span data-sort="{r.date or "9999"}">{shown}</span>'
