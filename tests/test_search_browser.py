"""Search as cadres type, in a real browser (Debian's chromium driven by Playwright)."""

from __future__ import annotations

import unicodedata

import pytest

from browser import search, serve, served_page
from conftest import SEED_SLUG, make_project, run_vanban

NQ35 = "van-ban/nghi-quyet-35-nq-tw-2018/"


@pytest.fixture(scope="module")
def site(seed_site, browser):
    with served_page(browser, seed_site / "site") as opened:
        yield opened


@pytest.mark.parametrize(
    "query, expected",
    [
        ("nghi quyet 35", NQ35),
        ("chi thi 05", "van-ban/chi-thi-05-ct-tw-2016/"),
        ("35-NQ/TW", NQ35),
        ("35 NQ TW", NQ35),
        ("35-nq/tw", NQ35),
        ("NQ 35", NQ35),
        ("nq35", NQ35),
        ("115-KH/TU", "van-ban/ke-hoach-115-kh-tu-dong-ha-2019/"),
        (unicodedata.normalize("NFD", "Nghị quyết 35"), NQ35),
        ("Nghị quyết 35", NQ35),
    ],
)
def test_query_finds_the_directive_first(site, query, expected):
    base, page = site
    results = search(page, base, query)
    assert results, f"no result for {query!r}"
    assert results[0]["href"] == expected, [r["href"] for r in results[:5]]


def test_tw_alone_finds_central_directives_first(site):
    base, page = site
    results = search(page, base, "TW")
    assert results[0]["href"].startswith("van-ban/") and "-tw-" in results[0]["href"]


@pytest.mark.parametrize("query", ["dang vien", "đảng viên", "Dang vien", "DANG VIEN"])
def test_diacritic_free_prose_queries(site, query):
    base, page = site
    results = search(page, base, query)
    assert len(results) >= 3
    assert any("đảng viên" in r["text"].lower() for r in results[:3])


@pytest.mark.parametrize("query", ["hoà bình", "hòa bình", "hoa binh"])
def test_old_and_new_tone_placement_match(site, query):
    base, page = site
    results = search(page, base, query)
    assert any("hòa bình" in r["text"].lower() for r in results[:5]), [r["text"][:80] for r in results[:3]]


def test_words_next_to_brackets_and_quotes_are_found(site):
    base, page = site
    results = search(page, base, "Diễn đàn")  # written “Diễn đàn” / (…) in the report
    assert results and any(f"bao-cao/{SEED_SLUG}/" in r["href"] for r in results)


def test_a_query_that_must_find_nothing(site):
    base, page = site
    assert search(page, base, "xyzzyqwv") == []
    assert "Không tìm thấy" in page.inner_text(".md-search-result__meta")


def test_clicking_a_result_opens_the_page_at_the_anchor(site):
    base, page = site
    results = search(page, base, "Công tác kiểm tra, giám sát")
    position = next(i for i, r in enumerate(results) if r["href"].endswith("#muc-i-2-3"))
    page.locator(".md-search-result__item > .md-search-result__link").nth(position).click()
    page.wait_for_url(lambda url: f"/bao-cao/{SEED_SLUG}/" in url and url.endswith("#muc-i-2-3"))
    assert page.evaluate("location.hash") == "#muc-i-2-3"
    assert page.evaluate("document.getElementById('muc-i-2-3').getBoundingClientRect().top") < 300


def test_exact_diacritics_rank_first(tmp_path, browser):
    root = make_project(tmp_path, {"a.txt": "BÁO CÁO\nthứ nhất\n-----\nCa sĩ hát hay.\n",
                                   "b.txt": "BÁO CÁO\nthứ hai\n-----\nCá sỉ bán buôn.\n"})
    assert run_vanban("--root", str(root), "build").returncode == 0
    with serve(root / "site") as base:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        def reports(query):
            return [r["href"] for r in search(page, base, query) if r["href"] in ("bao-cao/a/", "bao-cao/b/")]

        assert reports("cá sỉ")[0] == "bao-cao/b/"  # the exact diacritics rank above the folded match
        assert reports("ca sĩ")[0] == "bao-cao/a/"
        found = {r["href"] for r in search(page, base, "ca si")}
        assert {"bao-cao/a/", "bao-cao/b/"} <= found


def test_a_report_is_found_by_its_title_not_its_type_line(site):
    base, page = site
    results = search(page, base, "Đông Hà xây dựng Đảng")
    report = next(r for r in results if r["href"] == f"bao-cao/{SEED_SLUG}/")
    assert report["text"].startswith("Báo cáo tổng kết công tác xây dựng Đảng năm 2020"), report["text"][:80]
    assert "Thành ủy Đông Hà" in report["text"] and "tháng 01/2021" in report["text"]


@pytest.mark.parametrize("how", ["paste", "composition"])
def test_text_not_typed_key_by_key_is_searched(site, how):
    """Pasted text, or text an input method composes, is searched without any key release."""
    base, page = site
    page.goto(base)
    box = page.locator("input[data-md-component=search-query]")
    box.click()
    page.wait_for_function("() => /Nhập để/.test(document.querySelector('.md-search-result__meta').textContent)",
                           timeout=15000)
    if how == "paste":
        box.fill("Đông Hà")  # an `input` event, no key event
    else:
        box.evaluate("""e => { e.dispatchEvent(new CompositionEvent('compositionstart'));
                               e.value = 'Đông Hà';
                               e.dispatchEvent(new InputEvent('input', {isComposing: true}));
                               e.dispatchEvent(new CompositionEvent('compositionend', {data: 'Hà'})); }""")
    page.wait_for_function(
        "() => { const m = document.querySelector('.md-search-result__meta');"
        " return m && /\\d/.test(m.textContent) && !/Nhập để/.test(m.textContent); }", timeout=15000)
    assert page.locator(".md-search-result__item").count() > 0
