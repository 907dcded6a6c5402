"""`vanban check`: what to fix in a report before cadres study it (figures, citations, text)."""

from __future__ import annotations

from vanban.check.citations import check_citations
from vanban.check.figures import check_figures
from vanban.check.header import check_header
from vanban.check.marks import check_marks
from vanban.check.models import Finding
from vanban.check.text import check_abbreviations, check_text
from vanban.cite import CitationIndex
from vanban.glossary import Term
from vanban.model import Report

__all__ = ["Finding", "KIND_TITLES", "check_report", "sort_findings"]

# Kinds in the order the site and the CLI list them, with their Vietnamese headings.
KIND_TITLES = {
    "mark": "Dấu mật hoặc phạm vi lưu hành",
    "header-missing": "Phần đầu không ghi cơ quan ban hành hoặc ngày",
    "percent-fraction": "Tỷ lệ phần trăm không khớp với phân số",
    "rating-sum": "Các mức xếp loại không cộng đủ tổng số",
    "percent-total": "Tỷ lệ phần trăm không khớp với tổng số",
    "parts-sum": "Các phần không cộng đủ tổng",
    "complement-sum": "Hai nhóm bổ sung nhau không cộng đủ tổng số",
    "text-footnote": "Cùng một số liệu, đoạn văn và chú thích ghi khác nhau",
    "footnote-parts": "Chú thích kể các phần không cộng đủ số trong đoạn văn",
    "decimal-point": "Số thập phân viết bằng dấu chấm",
    "citation-two-dates": "Một văn bản được ghi hai ngày ban hành",
    "citation-symbol": "Số hiệu văn bản viết sai ký hiệu",
    "citation-after-report": "Văn bản được trích dẫn ban hành sau báo cáo",
    "citation-date-vs-catalog": "Ngày ban hành khác với danh mục",
    "citation-term-date": "Ngày ban hành không thuộc khóa đã nêu",
    "citation-issuer-mismatch": "Cơ quan ban hành không khớp với ký hiệu",
    "citation-tu-ambiguous": "Không rõ /TU là Tỉnh ủy hay Thành ủy",
    "citation-ambiguous": "Có nhiều văn bản cùng số hiệu",
    "citation-bad-date": "Ngày ban hành ghi không phải một ngày",
    "citation-code-type": "Ký hiệu không khớp với loại văn bản",
    "citation-unresolved": "Văn bản dẫn bằng số thứ tự, chưa rõ là văn bản nào",
    "citation-not-in-catalog": "Văn bản chưa có trong danh mục",
    "citation-replaced": "Văn bản được dẫn đã hết hiệu lực trước ngày báo cáo",
    "citation-not-yet": "Văn bản được dẫn chưa có hiệu lực vào ngày báo cáo",
    "pin-missing": "Dẫn đến điều, khoản, mục mà toàn văn không có",
    "text-vs-catalog": "Phần đầu văn bản khác với danh mục",
    "numbering": "Số thứ tự điều, mục không liên tục",
    "abbr-missing": "Chữ viết tắt chưa có trong bảng thuật ngữ",
    "glued-words": "Từ viết liền",
    "glued-number": "Số và chữ viết liền",
    "missing-space": "Thiếu dấu cách sau dấu câu",
    "unbalanced-quotes": "Dấu ngoặc kép không cân",
    "footnote-no-body": "Dấu chú thích không có nội dung",
    "footnote-orphan-body": "Nội dung chú thích không có dấu chú thích",
    "footnote-unclosed": "Chú thích thiếu dấu đóng ngoặc",
    "footnote-duplicate": "Hai chú thích cùng số",
    "nfd": "Dấu thanh ở dạng tổ hợp (NFD)",
    "lookalike": "Chữ Ð/ð giống Đ/đ",
    "word-artefact": "Dấu vết của Word",
    "legacy-font": "Chữ ở phông cũ đã chuyển sang Unicode",
    "ocr": "Văn bản được nhận dạng từ hình trang (OCR)",
    "pdf-image-page": "Trang PDF chỉ có ảnh",
}
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def check_report(report: Report, index: CitationIndex, terms: list[Term] | None = None,
                 containers: dict | None = None) -> list[Finding]:
    """All findings for one report, grouped by kind in KIND_TITLES order, then by position;
    `containers` are its paragraphs' facts, if already read (vanban.facts.paragraphs)."""
    findings = (check_marks(report) + check_header(report) + check_figures(report, containers) + check_citations(report, index)
                + check_text(report))
    if terms is not None:
        findings += check_abbreviations(report, index, terms)
    return sort_findings(report, findings)


def sort_findings(report: Report, findings: list[Finding]) -> list[Finding]:
    """Findings grouped by kind in KIND_TITLES order, then by position in the document."""
    order = {kind: i for i, kind in enumerate(KIND_TITLES)}
    positions = {b.anchor: i for i, b in enumerate(report.blocks)}
    positions.update({f"fn:{f.number}": len(report.blocks) + i for i, f in enumerate(report.footnotes)})
    return sorted(findings, key=lambda f: (order.get(f.kind, len(order)), positions.get(f.anchor, -1)))
