"""Render a page per committee (`don-vi/<slug>.md`): its reports in time order, the directives
it issued that reports cite, its key figures across reports (a table with one column per
report and a small chart drawn here, each value linking to its paragraph), and its targets
against the next report's results; and the list of committees (`don-vi/index.md`)."""

from __future__ import annotations

from vanban.cite import CitationIndex
from vanban.committees import best_names, committee_key, committee_slug
from vanban.keyfigures import KeyFigures, Value
from vanban.model import Report
from vanban.render.dates import vietnamese_date
from vanban.render.escape import escape
from vanban.render.locations import location_href, location_label
from vanban.render.page import NOT_SEARCHED, front_matter
from vanban.targets import TargetCheck, check_targets, previous_reports

COMMITTEES_DIR = "don-vi"
COMMITTEES_INDEX = f"{COMMITTEES_DIR}/index.md"
COMMITTEES_TITLE = "Cấp ủy"
SPARK_WIDTH, SPARK_HEIGHT = 90, 22


def committee_path(slug: str) -> str:
    return f"{COMMITTEES_DIR}/{slug}.md"


def committee_pages(reports: list[Report], index: CitationIndex, figures: dict[str, KeyFigures]) -> dict[str, str]:
    names = best_names([r.committee for r in reports if r.committee])
    by_key: dict[str, list[Report]] = {}
    for r in reports:
        if r.committee:
            by_key.setdefault(committee_key(r.committee), []).append(r)
    previous = previous_reports(reports)
    pages = {}
    listing = [front_matter(COMMITTEES_TITLE, "data/reports", search=NOT_SEARCHED), f"# {COMMITTEES_TITLE} {{ #cap-uy }}"]
    rows = ["| Cấp ủy | Báo cáo | Thời gian |", "| --- | ---: | --- |"]
    for key in sorted(by_key, key=lambda k: names[k]):
        mine = sorted(by_key[key], key=lambda r: (r.date or "", r.slug))
        slug = committee_slug(names[key])
        pages[committee_path(slug)] = _page(names[key], mine, index, figures, previous)
        dated = [r.date for r in mine if r.date]
        span = f"{vietnamese_date(dated[0])} – {vietnamese_date(dated[-1])}" if len(dated) > 1 else \
            (vietnamese_date(dated[0]) if dated else "")
        rows.append(f"| [{escape(names[key])}]({slug}.md) | {len(mine)} | {escape(span)} |")
    listing.append("\n".join(rows) if by_key else "Chưa có báo cáo nào ghi cấp ủy ban hành.")
    pages[COMMITTEES_INDEX] = "\n\n".join(listing) + "\n"
    return pages


def _page(name: str, mine: list[Report], index: CitationIndex, figures: dict[str, KeyFigures],
          previous: dict[str, Report]) -> str:
    out = [front_matter(name, "data/reports", search=NOT_SEARCHED), f"# {escape(name)} {{ #cap-uy }}",
           "## Báo cáo { #bao-cao }",
           "\n".join(f"- {escape(vietnamese_date(r.date) if r.date else 'chưa rõ thời gian')}: "
                     f"[{escape(r.title)}](../bao-cao/{r.slug}.md)" for r in mine)]
    issued = _issued(name, index)
    if issued:
        out += ["## Văn bản do cấp ủy ban hành được trích dẫn { #van-ban }",
                "\n".join(f"- [{escape(d.label)}](../van-ban/{d.id}.md)" + (f": {escape(d.title)}" if d.title else "")
                          for d in issued)]
    columns = [r for r in mine if figures.get(r.slug)]
    table = _figures_table(columns, figures)
    if table:
        out += ["## Số liệu qua các báo cáo { #so-lieu }",
                "Mỗi số liệu giữ nguyên như báo cáo ghi và dẫn về đoạn văn nêu số liệu đó; đường nhỏ cuối dòng "
                "cho thấy số liệu lên xuống qua các báo cáo.", table]
    checks = [c for r in mine if r.slug in previous
              for c in check_targets(previous[r.slug], figures[previous[r.slug].slug], r, figures[r.slug])]
    out.append("## Chỉ tiêu và kết quả { #chi-tieu }")
    out.append(target_table(checks, COMMITTEES_DIR) if checks else
               "Chưa có hai báo cáo liền nhau của cấp ủy này để đối chiếu chỉ tiêu báo cáo trước đề ra với "
               "kết quả báo cáo sau nêu.")
    unread: dict[tuple[str, str], list[str]] = {}
    for r in mine:
        for v in figures[r.slug].unread_targets if figures.get(r.slug) else []:
            unread.setdefault((r.slug, v.anchor), []).append(v.text)
    if unread:
        titles = {r.slug: r.title for r in mine}
        out += ["Chỉ tiêu chưa đối chiếu được (trang chưa đọc được nội dung của chúng, nên không đoán; xem đoạn văn):",
                "\n".join(f"- [{escape(titles[slug])}, {escape(location_label(anchor))}]"
                          f"({location_href(slug, anchor, COMMITTEES_DIR)}): {escape(', '.join(texts))}"
                          for (slug, anchor), texts in unread.items())]
    return "\n\n".join(out) + "\n"


def _issued(name: str, index: CitationIndex) -> list:
    """Directives the committee issued (its name in the issuer: "Ban Thường vụ Thành ủy Đông Hà")
    that some report cites."""
    key = committee_key(name)
    cited = {c.directive for cites in index.by_report.values() for c in cites}
    return sorted((d for d in index.directives.values() if d.id in cited and d.issuer and key in committee_key(d.issuer)),
                  key=lambda d: (d.date or "", d.id))


def _figures_table(columns: list[Report], figures: dict[str, KeyFigures]) -> str:
    if not columns:
        return ""
    labels: list[str] = []
    values: dict[tuple[str, str], Value] = {}
    for r in columns:
        for _, rows in figures[r.slug].groups:
            for row in rows:
                if row.result is not None:
                    if row.label not in labels:
                        labels.append(row.label)
                    values[(row.label, r.slug)] = row.result
    if not labels:
        return ""
    head = "| Nội dung | " + " | ".join(escape(vietnamese_date(r.date) if r.date else r.title) for r in columns) + " | |"
    lines = [head, "| --- |" + " ---: |" * len(columns) + " --- |"]
    for label in labels:
        cells = []
        for r in columns:
            v = values.get((label, r.slug))
            cells.append(f"[{escape(v.text)}]({location_href(r.slug, v.anchor, COMMITTEES_DIR)})" if v else "")
        series = [values[(label, r.slug)].number for r in columns if (label, r.slug) in values]
        lines.append(f"| {escape(label)} | " + " | ".join(cells) + f" | {_spark(label, series)} |")
    return "\n".join(lines)


def _spark(label: str, series: list[float]) -> str:
    """A small line of the values over the reports (inline SVG, no script); nothing for one value."""
    if len(series) < 2:
        return ""
    low, high = min(series), max(series)
    span = (high - low) or 1
    step = SPARK_WIDTH / (len(series) - 1)
    points = " ".join(f"{i * step:.1f},{SPARK_HEIGHT - 2 - (v - low) / span * (SPARK_HEIGHT - 4):.1f}"
                      for i, v in enumerate(series))
    return (f'<svg class="vb-spark" viewBox="0 0 {SPARK_WIDTH} {SPARK_HEIGHT}" width="{SPARK_WIDTH}" '
            f'height="{SPARK_HEIGHT}" role="img" aria-label="{escape(label)} qua các báo cáo">'
            f'<polyline fill="none" stroke="currentColor" stroke-width="1.5" points="{points}"/></svg>')


def target_table(checks: list[TargetCheck], from_dir: str) -> str:
    """Each target beside the next report's result: đạt, không đạt, or not paired."""
    lines = ["| Nội dung | Chỉ tiêu (báo cáo trước) | Kết quả (báo cáo sau) | Đánh giá |", "| --- | --- | --- | --- |"]
    for c in checks:
        target = f"[{escape(c.target.text)}]({location_href(c.earlier, c.target.anchor, from_dir)})"
        if c.result is None:
            result, verdict = "báo cáo sau không nêu", "chưa đối chiếu được"
        else:
            result = f"[{escape(c.result.text)}]({location_href(c.later, c.result.anchor, from_dir)})"
            verdict = "**đạt**" if c.met else "**không đạt**"
        lines.append(f"| {escape(c.label)} | {target} ({escape(location_label(c.target.anchor))}) | {result} | {verdict} |")
    return "\n".join(lines)
