"""The 404 page: in Vietnamese, left out of search, and its links and styles working when the
site is published under a sub-path (site_url set, as the README says)."""

from __future__ import annotations

import re

import pytest
from conftest import make_project, run_vanban

PREFIX = "/vanban/"


@pytest.fixture(scope="module")
def sub_path_site(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("subpath"), seed=True)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + f"\nsite_url: https://example.org{PREFIX}\n",
                      encoding="utf-8")
    result = run_vanban("--root", str(root), "build")
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_404_page_is_vietnamese_and_not_searched(sub_path_site):
    html = (sub_path_site / "404.html").read_text(encoding="utf-8")
    article = html[html.index("<article"):html.index("</article>")]
    assert "Không tìm thấy trang" in article and "Not found" not in html
    assert "<title>Không tìm thấy trang" in html
    assert "data-pagefind-body" not in html
    local = [u for u in re.findall(r'(?:href|src)="([^"]+)"', html) if not u.startswith(("http", "#", "data:"))]
    assert local and all(u.startswith(PREFIX) for u in local), [u for u in local if not u.startswith(PREFIX)]


def test_404_links_and_styles_work_under_a_sub_path(browser, sub_path_site):
    from browser import serve_under

    with serve_under(sub_path_site, PREFIX) as root:
        page = browser.new_page(viewport={"width": 390, "height": 800})
        try:
            response = page.goto(f"{root}{PREFIX}bao-cao/khong-co-bao-cao-nay/")
            assert response.status == 404
            assert page.locator("h1").inner_text() == "Không tìm thấy trang"
            # Material's stylesheet loaded: the header bar is laid out, not a bare list
            assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") != "static"
            targets = page.eval_on_selector_all("article a", "els => els.map(e => e.href)")
            assert len(targets) == 3
            for target in targets:
                assert page.request.get(target).status == 200, target
            page.click("article a >> text=Danh sách báo cáo")
            page.wait_for_load_state()
            assert page.url == f"{root}{PREFIX}bao-cao/"
        finally:
            page.close()
