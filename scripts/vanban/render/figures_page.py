"""Render a report's "Số liệu chính" page: main figures as tables, a bar for each rating
breakdown (inline SVG drawn here, no external service), and next year's targets beside this
year's results. Every figure links back to its paragraph; a figure the checks found wrong or
doubtful says so beside it and links to the finding. Percentages are the report's own, one per
figure: the bar's legend gives counts only."""

from __future__ import annotations

from vanban.check import Finding
from vanban.keyfigures import RATING_LABELS, KeyFigures, Partition, Value, vn_count
from vanban.model import Report
from vanban.render.check_page import check_path, finding_anchor
from vanban.render.committee_page import target_table
from vanban.render.escape import escape
from vanban.render.locations import location_href, location_label
from vanban.render.page import NOT_SEARCHED, front_matter, mark_banner

FIGURES_DIR = "so-lieu"
COLOURS = {"htxs": "#1b5e20", "htt": "#66bb6a", "ht": "#fbc02d", "kht": "#c62828", "kxl": "#9e9e9e"}
BAR_WIDTH, BAR_HEIGHT = 600, 28
# Findings about figures, shown beside the figures they concern.
FIGURE_KINDS = {"percent-fraction", "rating-sum", "percent-total", "parts-sum", "complement-sum", "text-footnote"}
SHOWN_SEVERITIES = {"error": "Lỗi", "warning": "Cần xem lại"}


def figures_path(slug: str) -> str:
    return f"{FIGURES_DIR}/{slug}.md"


def render_figures(report: Report, k: KeyFigures, findings: list[Finding] | None = None,
                   earlier_targets: list | None = None) -> str:
    """The page; `findings` are the report's, in the order of its checks page (their anchors);
    `earlier_targets`, the previous report's targets (same committee) against this report's results."""
    notes = _Notes(report, findings or [], {p.anchor for p in k.ratings})
    checks = f"../{check_path(report.slug)}"
    out = [front_matter(f"Số liệu chính: {report.title}", report.source, search=NOT_SEARCHED), *mark_banner(report.marks),
           "# Số liệu chính { #so-lieu-chinh }",
           f"Báo cáo: [{escape(report.title)}](../bao-cao/{report.slug}.md). Mỗi số liệu dẫn về đoạn văn nêu "
           f"số liệu đó; số liệu giữ nguyên như báo cáo ghi, số nào sai hoặc cần xem lại có ghi chú bên cạnh "
           f"(xem thêm trang [Kiểm tra dữ liệu]({checks}))."]
    if k.empty:
        out.append("Không tìm thấy số liệu chính trong báo cáo này.")
    for title, rows in k.groups:
        rows = [r for r in rows if r.result]
        if not rows:
            continue
        out.append(f"## {escape(title)}")
        table = ["| Nội dung | Số liệu | Đoạn văn |", "| --- | ---: | --- |"]
        table += [f"| {escape(r.label)} | {notes.value(r.result)} | {_source(report, r.result)} |" for r in rows]
        out.append("\n".join(table))
        out += notes.rest({r.result.anchor for r in rows})
    if k.ratings:
        out.append("## Xếp loại chất lượng { #xep-loai }")
        for p in k.ratings:
            out += _partition(report, p, notes)
    targets = [r for _, rows in k.groups for r in rows if r.target]
    if targets or k.rating_target:
        out.append("## Chỉ tiêu năm tới và kết quả năm nay { #chi-tieu }")
        table = ["| Nội dung | Chỉ tiêu năm tới | Kết quả năm nay |", "| --- | --- | --- |"]
        for r in targets:
            result = f"{notes.value(r.result)} ({_source(report, r.result)})" if r.result else "chưa nêu"
            table.append(f"| {escape(r.label)} | {notes.value(r.target)} ({_source(report, r.target)}) | {result} |")
        if k.rating_target:
            shares = [f"{escape(p.subject)}: {notes.value(p.or_better.percent)} ({_source(report, p.or_better.percent)})"
                      for p in k.ratings if p.or_better and p.or_better.percent]
            table.append(f"| Tỷ lệ hoàn thành tốt nhiệm vụ trở lên | {notes.value(k.rating_target)} "
                         f"({_source(report, k.rating_target)}) | {'; '.join(shares) or 'chưa nêu'} |")
        out.append("\n".join(table))
    if earlier_targets:
        out += ["## Chỉ tiêu năm trước và kết quả năm nay { #chi-tieu-nam-truoc }",
                "Chỉ tiêu do báo cáo trước của cùng cấp ủy đề ra, đối chiếu với kết quả báo cáo này nêu.",
                target_table(earlier_targets, FIGURES_DIR)]
    return "\n\n".join(out) + "\n"


class _Notes:
    """The checks' findings about figures, each shown once on the page: beside the figure whose
    text it states, or else under the table of its paragraph."""

    def __init__(self, report: Report, findings: list[Finding], rated: set[str]):
        self.href = f"../{check_path(report.slug)}"
        self.rated = rated  # paragraphs of a rating breakdown: their findings go under its table
        self.by_anchor: dict[str, list[tuple[int, Finding]]] = {}
        for i, f in enumerate(findings):
            if f.kind in FIGURE_KINDS and f.severity in SHOWN_SEVERITIES:
                self.by_anchor.setdefault(f.anchor, []).append((i, f))
        self.shown: set[int] = set()

    def _link(self, i: int, f: Finding, text: str) -> str:
        self.shown.add(i)
        return f"[⚑ {escape(text)}]({self.href}#{finding_anchor(i)}){{ .vb-figure-note }}"

    def value(self, v: Value | None) -> str:
        """A figure as the report writes it, with the finding that states it, if any."""
        if v is None:
            return ""
        cell = escape(v.text)
        for i, f in self.by_anchor.get(v.anchor, []):
            if f.stated is not None and _same(f.stated, v.text):
                if f.severity == "error" and f.expected is not None:
                    return f"{cell} {self._link(i, f, f'sai, đúng ra {f.expected}')}"
                return f"{cell} {self._link(i, f, SHOWN_SEVERITIES[f.severity].lower())}"
        return cell

    def rest(self, anchors: set[str], rating: bool = False) -> list[str]:
        """Findings about these paragraphs not shown beside a figure yet: one line each."""
        lines = []
        for anchor in sorted(anchors if rating else anchors - self.rated):
            for i, f in self.by_anchor.get(anchor, []):
                if i not in self.shown:
                    lines.append(f"{self._link(i, f, SHOWN_SEVERITIES[f.severity])}: {escape(f.message)}")
        return ["  \n".join(lines)] if lines else []


def _same(stated: str, shown: str) -> bool:
    return "".join(stated.split()) == "".join(shown.split())


def _source(report: Report, value: Value) -> str:
    return f"[{escape(location_label(value.anchor))}]({location_href(report.slug, value.anchor, FIGURES_DIR)})"


def _partition(report: Report, p: Partition, notes: _Notes) -> list[str]:
    table = ["| Mức xếp loại | Số lượng | Tỷ lệ (báo cáo ghi) |", "| --- | ---: | ---: |"]
    shown = ([p.or_better] if p.or_better else []) + [r for r in p.rows if r is not p.or_better]
    for r in shown:
        table.append(f"| {escape(r.label)} | {notes.value(r.count)} | {notes.value(r.percent)} |")
    return [f"### {escape(p.subject)} ({_source(report, Value('', p.anchor, 0))})",
            _bar(p), "\n".join(table), *notes.rest({p.anchor}, rating=True)]


def _segments(p: Partition) -> list[tuple[str, float]]:
    """The parts the bar shows: one per rating, an "or better" count split into its ratings."""
    values = {r.rating: r.count.number for r in p.rows if r is not p.or_better}
    if p.or_better:
        included = [k for k in RATING_LABELS if k == p.or_better.rating or list(RATING_LABELS).index(k) <
                    list(RATING_LABELS).index(p.or_better.rating)]
        values[p.or_better.rating] = max(0.0, p.or_better.count.number -
                                         sum(values.get(k, 0) for k in included if k != p.or_better.rating))
    return [(key, values[key]) for key in RATING_LABELS if values.get(key)]


def _bar(p: Partition) -> str:
    """The shares of each rating as a bar; the legend gives counts (the table, the report's
    percentages: one percentage per figure on the page)."""
    segments = _segments(p)
    total = sum(v for _, v in segments) or 1
    x, rects, legend = 0.0, [], []
    for key, value in segments:
        width = BAR_WIDTH * value / total
        rects.append(f'<rect x="{x:.1f}" y="0" width="{width:.1f}" height="{BAR_HEIGHT}" fill="{COLOURS[key]}">'
                     f"<title>{RATING_LABELS[key]}: {vn_count(value)}</title></rect>")
        legend.append(f'<li><span class="vb-swatch" style="background:{COLOURS[key]}"></span>'
                      f"{RATING_LABELS[key]}: {vn_count(value)}</li>")
        x += width
    label = f"Tỷ lệ các mức xếp loại: {escape(p.subject)}"
    return (f'<figure class="vb-chart"><svg viewBox="0 0 {BAR_WIDTH} {BAR_HEIGHT}" role="img" '
            f'aria-label="{label}" preserveAspectRatio="none">{"".join(rects)}</svg>'
            f'<figcaption><ul class="vb-legend">{"".join(legend)}</ul></figcaption></figure>')
