"""Render a report's "Kiểm tra dữ liệu" page: its findings by kind, each linked to its paragraph."""

from __future__ import annotations

from collections import Counter

from vanban.check import KIND_TITLES, Finding
from vanban.model import Report
from vanban.render.escape import escape
from vanban.render.locations import location_href, location_label
from vanban.render.page import NOT_SEARCHED, front_matter, mark_banner

CHECKS_DIR = "kiem-tra"
SEVERITY_LABELS = {"error": "Lỗi", "warning": "Cần xem lại", "info": "Ghi chú"}
MARKED = ("error", "warning")
# Kinds whose findings are notes listed at length: shown folded under one line.
FOLDED = {"citation-not-in-catalog": "Xem danh sách văn bản chưa có trong danh mục"}


def check_path(slug: str) -> str:
    return f"{CHECKS_DIR}/{slug}.md"


def finding_anchor(index: int) -> str:
    return f"kt-{index + 1}"


def first_finding_of(findings: list[Finding]) -> dict[str, tuple[int, int]]:
    """For each flagged container: the anchor index of its first marked finding, and how many."""
    out: dict[str, tuple[int, int]] = {}
    for i, f in enumerate(findings):
        if f.severity in MARKED:
            first, count = out.get(f.anchor, (i, 0))
            out[f.anchor] = (first, count + 1)
    return out


def render_checks(report: Report, findings: list[Finding]) -> str:
    counts = Counter(f.severity for f in findings)
    title = f"Kiểm tra dữ liệu: {report.title}"
    out = [front_matter(title, report.source, search=NOT_SEARCHED), *mark_banner(report.marks),
           "# Kiểm tra dữ liệu { #kiem-tra }",
           f"Báo cáo: [{escape(report.title)}](../bao-cao/{report.slug}.md)",
           f"{counts['error']} lỗi, {counts['warning']} điểm cần xem lại, {counts['info']} ghi chú. "
           "Lỗi là điều số liệu hoặc chính văn bản chứng minh được; điểm cần xem lại dựa trên cách hiểu câu "
           "văn, có thể không phải lỗi. Văn bản trên trang báo cáo giữ nguyên như bản gốc."]
    if not findings:
        out.append("Không phát hiện điểm nào cần sửa.")
    current = None
    for i, f in enumerate(findings):
        if f.kind != current:
            if current in FOLDED:
                out.append("</details>")
            current = f.kind
            n = sum(1 for x in findings if x.kind == f.kind)
            out.append(f"## {escape(KIND_TITLES.get(f.kind, f.kind))} ({n}) {{ #{f.kind} }}")
            if f.kind in FOLDED:  # many notes of one kind: folded, so that they do not bury the rest
                out.append(f'<details class="vb-folded" markdown>\n<summary>{escape(FOLDED[f.kind])} ({n})</summary>')
        where = f"[{escape(location_label(f.anchor))}]({location_href(report.slug, f.anchor, CHECKS_DIR)})"
        lines = [f"**{SEVERITY_LABELS[f.severity]}** · {where}: {escape(f.message)}"]
        if f.stated is not None and f.expected is not None:
            # Only an error is proved: a doubt says what the figure would be if the reading holds.
            right = "Đúng ra" if f.severity == "error" else "Nếu cách hiểu trên đúng thì là"
            lines.append(f"Báo cáo ghi: {escape(f.stated)} · {right}: {escape(f.expected)}")
        if f.quote:
            lines.append(f"“{escape(f.quote)}”")
        out.append("\n".join(_hard_breaks(lines)) + f"\n{{: #{finding_anchor(i)} .vb-finding .vb-finding--{f.severity} }}")
    if current in FOLDED:
        out.append("</details>")
    return "\n\n".join(out) + "\n"


def _hard_breaks(lines: list[str]) -> list[str]:
    """Lines of one paragraph, each ending in a Markdown hard break but the last."""
    return [line + "  " for line in lines[:-1]] + lines[-1:]
