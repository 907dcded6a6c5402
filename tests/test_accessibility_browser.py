"""Accessibility, measured with axe-core in Chromium (axe-playwright-python): no serious or
critical WCAG 2.1 AA violation on any kind of page, at phone and desktop widths."""

from __future__ import annotations

import shutil

import pytest

from browser import serve, serious_violations
from conftest import SEED_SLUG, corpus, make_project, run_vanban

SEED_PAGES = ["", "bao-cao/", f"bao-cao/{SEED_SLUG}/", f"kiem-tra/{SEED_SLUG}/", f"so-lieu/{SEED_SLUG}/",
              "van-ban/", "van-ban/theo-loai/", "van-ban/theo-cap/", "van-ban/theo-nam/",
              "van-ban/chi-thi-05-ct-tw-2016/", "thuat-ngu/", "404.html", "don-vi/", "don-vi/thanh-uy-dong-ha/",
              # the page a search result opens, its query marked
              f"bao-cao/{SEED_SLUG}/?h=k%E1%BA%BFt%20n%E1%BA%A1p%20%C4%91%E1%BA%A3ng%20vi%C3%AAn#p-i-2-2-11"]
MARKED = ("MẬT\nCHI BỘ X\nSố 01-BC/CB\nX, ngày 5 tháng 1 năm 2025\nBÁO CÁO\nvề việc thử\n-----\n"
          "I. KẾT QUẢ\nThực hiện khoản 2 Điều 3 của Quy định số 383-QĐ/TW ngày 19/11/2025 của Ban Bí thư.\n")


@pytest.fixture(scope="module")
def sites(seed_site, tmp_path_factory):
    """The seed site, and an internal site with a marked report and a directive's text."""
    root = make_project(tmp_path_factory.mktemp("a11y"), {"mat.txt": MARKED})
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("visibility: public", "visibility: internal"),
                      encoding="utf-8")
    (root / "data" / "directives").mkdir()
    shutil.copy(corpus("directives", "quy-dinh-383-qd-tw-2025.txt"),
                root / "data" / "directives")
    result = run_vanban("--root", str(root), "build")
    assert result.returncode == 0, result.stderr
    return {"seed": seed_site / "site", "texts": root / "site"}


CASES = [("seed", p) for p in SEED_PAGES] + [("texts", "bao-cao/mat/"), ("texts", "van-ban/quy-dinh-383-qd-tw-2025/")]


@pytest.mark.parametrize("width", [390, 1366])
@pytest.mark.parametrize("site, path", CASES)
def test_no_serious_accessibility_violation(browser, sites, site, path, width):
    with serve(sites[site]) as base:
        page = browser.new_page(viewport={"width": width, "height": 900})
        try:
            page.goto(base + path)
            serious = serious_violations(page)
        finally:
            page.close()
    assert not serious, serious
