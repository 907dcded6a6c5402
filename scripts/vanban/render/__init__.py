"""Render the document models into the site's generated Markdown pages and navigation."""

from __future__ import annotations

from vanban.model import Report
from vanban.render.home import HOME_TITLE, render_home
from vanban.render.report_page import render_report, report_path

REPORTS_SECTION = "Báo cáo"


def render_pages(reports: list[Report]) -> dict[str, str]:
    """Every generated page, by its path under docs/ (POSIX separators)."""
    pages = {"index.md": render_home(reports)}
    for report in reports:
        pages[report_path(report.slug)] = render_report(report)
    return pages


def generated_nav(reports: list[Report]) -> list:
    """The nav entries for the generated pages, in the order cadres expect."""
    nav: list = [{HOME_TITLE: "index.md"}]
    if reports:
        nav.append({REPORTS_SECTION: [{r.title: report_path(r.slug)} for r in reports]})
    return nav
