"""Render a report's "Số liệu chính" page: main figures as tables, a bar for each rating
breakdown (inline SVG drawn here, no external service), and next year's targets beside this
year's results. Every figure links back to its paragraph."""

from __future__ import annotations

from vanban.keyfigures import RATING_LABELS, KeyFigures, Partition, Value
from vanban.model import Report
from vanban.render.escape import escape
from vanban.render.locations import location_href, location_label
from vanban.render.page import NOT_SEARCHED, front_matter, mark_banner

FIGURES_DIR = "so-lieu"
COLOURS = {"htxs": "#1b5e20", "htt": "#66bb6a", "ht": "#fbc02d", "kht": "#c62828", "kxl": "#9e9e9e"}
BAR_WIDTH, BAR_HEIGHT = 600, 28


def figures_path(slug: str) -> str:
    return f"{FIGURES_DIR}/{slug}.md"


def render_figures(report: Report, k: KeyFigures) -> str:
    out = [front_matter(f"Số liệu chính: {report.title}", report.source, search=NOT_SEARCHED), *mark_banner(report.marks),
           "# Số liệu chính { #so-lieu-chinh }",
           f"Báo cáo: [{escape(report.title)}](../bao-cao/{report.slug}.md). Mỗi số liệu dẫn về đoạn văn nêu "
           "số liệu đó; số liệu giữ nguyên như báo cáo ghi (xem thêm trang Kiểm tra dữ liệu)."]
    if k.empty:
        out.append("Không tìm thấy số liệu chính trong báo cáo này.")
    for title, rows in k.groups:
        rows = [r for r in rows if r.result]
        if not rows:
            continue
        out.append(f"## {escape(title)}")
        table = ["| Nội dung | Số liệu | Đoạn văn |", "| --- | ---: | --- |"]
        table += [f"| {escape(r.label)} | {escape(r.result.text)} | {_source(report, r.result)} |" for r in rows]
        out.append("\n".join(table))
    if k.ratings:
        out.append("## Xếp loại chất lượng { #xep-loai }")
        for p in k.ratings:
            out += _partition(report, p)
    targets = [r for _, rows in k.groups for r in rows if r.target]
    if targets or k.rating_target:
        out.append("## Chỉ tiêu năm tới và kết quả năm nay { #chi-tieu }")
        table = ["| Nội dung | Chỉ tiêu năm tới | Kết quả năm nay |", "| --- | --- | --- |"]
        for r in targets:
            result = f"{escape(r.result.text)} ({_source(report, r.result)})" if r.result else "chưa nêu"
            table.append(f"| {escape(r.label)} | {escape(r.target.text)} ({_source(report, r.target)}) | {result} |")
        if k.rating_target:
            shares = [f"{escape(p.subject)}: {escape(p.or_better.percent.text)} ({_source(report, p.or_better.percent)})"
                      for p in k.ratings if p.or_better and p.or_better.percent]
            table.append(f"| Tỷ lệ hoàn thành tốt nhiệm vụ trở lên | {escape(k.rating_target.text)} "
                         f"({_source(report, k.rating_target)}) | {'; '.join(shares) or 'chưa nêu'} |")
        out.append("\n".join(table))
    return "\n\n".join(out) + "\n"


def _source(report: Report, value: Value) -> str:
    return f"[{escape(location_label(value.anchor))}]({location_href(report.slug, value.anchor, FIGURES_DIR)})"


def _partition(report: Report, p: Partition) -> list[str]:
    table = ["| Mức xếp loại | Số lượng | Tỷ lệ |", "| --- | ---: | ---: |"]
    shown = ([p.or_better] if p.or_better else []) + [r for r in p.rows if r is not p.or_better]
    for r in shown:
        percent = escape(r.percent.text) if r.percent else ""
        table.append(f"| {escape(r.label)} | {escape(r.count.text)} | {percent} |")
    return [f"### {escape(p.subject)} ({_source(report, Value('', p.anchor, 0))})",
            _bar(p), "\n".join(table)]


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
    segments = _segments(p)
    total = sum(v for _, v in segments) or 1
    x, rects, legend = 0.0, [], []
    for key, value in segments:
        width = BAR_WIDTH * value / total
        rects.append(f'<rect x="{x:.1f}" y="0" width="{width:.1f}" height="{BAR_HEIGHT}" fill="{COLOURS[key]}">'
                     f"<title>{RATING_LABELS[key]}: {value:.0f}</title></rect>")
        legend.append(f'<li><span class="vb-swatch" style="background:{COLOURS[key]}"></span>'
                      f"{RATING_LABELS[key]}: {value:.0f} ({f'{100 * value / total:.1f}'.replace('.', ',')}%)</li>")
        x += width
    label = f"Tỷ lệ các mức xếp loại: {escape(p.subject)}"
    return (f'<figure class="vb-chart"><svg viewBox="0 0 {BAR_WIDTH} {BAR_HEIGHT}" role="img" '
            f'aria-label="{label}" preserveAspectRatio="none">{"".join(rects)}</svg>'
            f'<figcaption><ul class="vb-legend">{"".join(legend)}</ul></figcaption></figure>')
