"""The "❝" beside each paragraph's "¶" (issue 36, item 1): it copies the passage's citation as
minutes and slides write it, with its URL — plain text, and a link for Word — and says so in a
confirmation that fits a phone. In Debian's chromium, on the served seed site."""

from __future__ import annotations

import pytest

from browser import serve
from conftest import SEED_SLUG

# What a cadre writes for the seed report (its header gives no number, its sidecar the month and
# the committee), written out by hand.
SEED_NAME = ("Báo cáo tổng kết công tác xây dựng Đảng năm 2020, phương hướng, nhiệm vụ năm 2021 tháng 01/2021 "
             "của Thành ủy Đông Hà (Đảng bộ tỉnh Quảng Trị)")


@pytest.fixture(scope="module")
def served(seed_site, browser):
    with serve(seed_site / "site") as base:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base.rstrip("/"))
        page = context.new_page()
        try:
            yield base, page
        finally:
            context.close()


@pytest.mark.parametrize("anchor, where", [("p-i-2-2-3", "mục I.2.2, đoạn 3"), ("p-0-1", "phần mở đầu, đoạn 1")])
def test_the_citation_of_a_paragraph_is_copied(served, anchor, where):
    base, page = served
    page.goto(f"{base}bao-cao/{SEED_SLUG}/")
    page.locator(f"#{anchor} a.vb-cite-link").click()
    page.wait_for_selector(f"#{anchor} a.vb-cite-link[data-vb-copied]")  # the copy is done
    url = f"{base}bao-cao/{SEED_SLUG}/#{anchor}"
    assert page.evaluate("navigator.clipboard.readText()") == f"{SEED_NAME}, {where}. {url}"
    said = page.locator(f"#{anchor} a.vb-cite-link").get_attribute("data-vb-copied")
    assert said == f"Đã sao chép trích dẫn: {SEED_NAME}, {where}"
    html = page.evaluate("""async () => {
        const items = await navigator.clipboard.read();
        return await (await items[0].getType("text/html")).text();
    }""")
    assert f'href="{url}"' in html and "Thành ủy Đông Hà" in html


def test_the_confirmation_fits_a_phone(seed_site, browser):
    with serve(seed_site / "site") as base:
        context = browser.new_context(viewport={"width": 390, "height": 800}, is_mobile=True, has_touch=True)
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base.rstrip("/"))
        page = context.new_page()
        try:
            page.goto(f"{base}bao-cao/{SEED_SLUG}/")
            link = page.locator("#p-i-2-2-3 a.vb-cite-link")
            link.scroll_into_view_if_needed()
            link.tap()
            page.wait_for_selector("#p-i-2-2-3 a.vb-cite-link[data-vb-copied]")
            style = page.evaluate("""() => {
                const s = getComputedStyle(document.querySelector('#p-i-2-2-3 a.vb-cite-link'), '::after');
                return [s.position, s.left, s.right, s.whiteSpace, s.content.length];
            }""")
            assert style[0] == "fixed" and style[1] == style[2] and style[3] == "normal" and style[4] > 20, style
        finally:
            context.close()
