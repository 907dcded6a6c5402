"""On a phone (390 px): a document's contents are at hand, and no page is wider than the screen
(a wide table scrolls by itself)."""

from __future__ import annotations

import pytest

from browser import serve
from conftest import SEED_SLUG


@pytest.fixture(scope="module")
def base(seed_site):
    with serve(seed_site / "site") as url:
        yield url


@pytest.mark.parametrize("width, shown", [(390, True), (1366, False)])
def test_contents_on_narrow_screens_only(browser, base, width, shown):
    page = browser.new_page(viewport={"width": width, "height": 800})
    try:
        page.goto(base + f"bao-cao/{SEED_SLUG}/")
        contents = page.locator("details.vb-contents")
        assert contents.is_visible() == shown
        if shown:
            contents.locator("summary").click()
            link = contents.locator("a", has_text="KẾT QUẢ THỰC HIỆN")
            assert link.get_attribute("href") == "#muc-i"
            link.click()
            page.wait_for_timeout(300)
            assert page.evaluate("location.hash") == "#muc-i"
    finally:
        page.close()


@pytest.mark.parametrize("path", ["", "bao-cao/", "van-ban/", f"bao-cao/{SEED_SLUG}/", "van-ban/chi-thi-05-ct-tw-2016/",
                                  f"kiem-tra/{SEED_SLUG}/", f"so-lieu/{SEED_SLUG}/"])
def test_no_page_is_wider_than_a_phone(browser, base, path):
    page = browser.new_page(viewport={"width": 390, "height": 800})
    try:
        page.goto(base + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        page.close()


@pytest.mark.parametrize("width, side_by_side", [(1366, True), (390, False)])
def test_report_header_laid_out_as_party_documents(browser, base, width, side_by_side):
    """Hướng dẫn 36-HD/VPTW: the issuer block left, the Party's name and the date right; stacked
    on a phone."""
    page = browser.new_page(viewport={"width": width, "height": 800})
    try:
        page.goto(base + f"bao-cao/{SEED_SLUG}/")
        issuer = page.locator(".vb-head--issuer").first.bounding_box()
        motto = page.locator(".vb-head--motto").first.bounding_box()
        if side_by_side:
            assert issuer["x"] + issuer["width"] <= motto["x"] and abs(issuer["y"] - motto["y"]) < 5
        else:
            assert motto["y"] > issuer["y"] + issuer["height"]
    finally:
        page.close()
