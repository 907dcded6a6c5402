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


def _fold(text: str) -> str:
    """Lower case, no tone marks, đ as d: the oracle's own folding (not vanban's)."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn").lower()


def _phrase(query: str) -> str:
    import re

    return r"(?<!\w)" + r"\W+".join(re.escape(w) for w in _fold(query).split()) + r"\w*"


def _report_results(page, base, query):
    search(page, base, query)
    return page.eval_on_selector_all(
        ".md-search-result a.md-search-result__link",
        "els => els.map(e => ({href: e.href, marks: Array.from(e.querySelectorAll('mark')).map(m => m.textContent)}))")


@pytest.mark.parametrize("query", ["kết nạp đảng viên", "dang vien", "Công tác kiểm tra, giám sát",
                                   "phòng chống dịch Covid-19", "thuc hanh tiet kiem"])
def test_a_result_lands_on_the_paragraph_that_holds_the_query(seed_site, site, query):
    """The report's best passage is the paragraph (or heading, or footnote) holding the query as
    a phrase, not the heading of its section; clicking it brings that element into view."""
    import re

    from htmltext import page_text

    base, page = site
    html = (seed_site / "site" / "bao-cao" / SEED_SLUG / "index.html").read_text(encoding="utf-8")
    found = [r for r in _report_results(page, base, query) if f"/bao-cao/{SEED_SLUG}/" in r["href"] and "#" in r["href"]]
    assert found, query
    anchor = found[0]["href"].split("#")[1]
    assert re.match(r"(p-|muc-|fn:)", anchor), anchor
    # the oracle: the element with that id, read from the built page, holds the phrase
    start = html.index(f'id="{anchor}"')
    element = html[html.rindex("<", 0, start):]
    tag = re.match(r"<(\w+)", element).group(1)
    text = page_text(f"<article>{element[:element.index(f'</{tag}>')]}</article>")[0]
    text += page_text(f"<article><div class='footnote'>{element[:element.index(f'</{tag}>')]}</div></article>")[1]
    assert re.search(_phrase(query), _fold(text)), (anchor, text[:200])
    # the excerpt of that passage marks the phrase as one piece
    assert any(re.fullmatch(_phrase(query), _fold(m)) for m in found[0]["marks"]), found[0]["marks"]
    page.goto(found[0]["href"])
    box = page.evaluate("id => { const r = document.getElementById(id).getBoundingClientRect();"
                        " return [r.top, r.bottom, innerHeight]; }", anchor)
    assert box[0] < box[2] and box[1] > 0, box


@pytest.mark.parametrize("query", ["kết nạp đảng viên", "dang vien", "Đảng viên", "kiem tra giam sat"])
def test_the_landing_page_marks_the_phrase_not_every_word(seed_site, site, query):
    """On the page a result opens, each mark is the whole query (with or without its diacritics),
    as many as the phrase occurs in the report — not every "đảng" of 33 000 px of text."""
    import re
    from urllib.parse import quote

    from htmltext import page_text

    base, page = site
    main, notes = page_text((seed_site / "site" / "bao-cao" / SEED_SLUG / "index.html").read_text(encoding="utf-8"))
    expected = len(re.findall(_phrase(query), _fold(main + " " + notes)))
    assert expected > 0
    page.goto(f"{base}bao-cao/{SEED_SLUG}/?h={quote(query)}")
    page.wait_for_selector("mark.vb-hit", state="attached")
    marks = page.eval_on_selector_all("article mark.vb-hit", "els => els.map(e => e.textContent)")
    joined = [m for m in marks]
    assert all(re.fullmatch(_phrase(query), _fold(m)) or len(_fold(m).split()) < len(query.split()) for m in joined)
    whole = [m for m in joined if re.fullmatch(_phrase(query), _fold(m))]
    assert len(whole) == expected, (len(whole), expected, marks[:5])


def test_words_far_apart_are_marked_only_in_the_opened_passage(site):
    """A query whose words never stand together is marked word by word, but only inside the
    passage the result opened."""
    base, page = site
    page.goto(f"{base}bao-cao/{SEED_SLUG}/?h=Covid%20%C4%91%E1%BB%95i%20m%E1%BB%9Bi#p-i-1-2")
    page.wait_for_timeout(300)
    outside = page.evaluate("Array.from(document.querySelectorAll('article mark.vb-hit'))"
                            ".filter(m => !m.closest('#p-i-1-2')).length")
    inside = page.eval_on_selector_all("#p-i-1-2 mark.vb-hit", "els => els.map(e => e.textContent)")
    assert outside == 0 and inside, inside


@pytest.fixture(scope="module")
def offline(offline_site, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    yield offline_site.as_uri() + "/index.html", page
    page.close()


def _all_results(page, base, query):
    search(page, base, query)
    return page.eval_on_selector_all(
        ".md-search-result a.md-search-result__link",
        "els => els.map(e => ({href: e.href, text: e.textContent,"
        " marks: Array.from(e.querySelectorAll('mark')).map(m => m.textContent)}))")


@pytest.mark.parametrize("query", ["dang vien", "kết nạp đảng viên", "kiem tra giam sat"])
def test_offline_search_ranks_and_lands_as_the_served_site(offline_site, offline, query):
    """Offline (lunr, from file://): the report among the first five pages for a folded query,
    its best result a paragraph holding the query as a phrase, the query carried to the page for
    the highlighter, and the excerpt marking the phrase."""
    import re

    from htmltext import page_text

    base, page = offline
    results = _all_results(page, base, query)
    pages = []
    for r in results:
        path = r["href"].split("?")[0].split("#")[0]
        if path not in pages:
            pages.append(path)
    report = next(i for i, p in enumerate(pages) if p.endswith(f"bao-cao/{SEED_SLUG}.html"))
    assert report < 5, pages[:6]
    assert all("?h=" in r["href"] for r in results)
    passages = [r for r in results if f"bao-cao/{SEED_SLUG}.html" in r["href"] and "#" in r["href"]]
    anchor = passages[0]["href"].split("#")[1]
    html = (offline_site / "bao-cao" / f"{SEED_SLUG}.html").read_text(encoding="utf-8")
    start = html.index(f'id="{anchor}"')
    element = html[html.rindex("<", 0, start):]
    tag = re.match(r"<(\w+)", element).group(1)
    body = element[:element.index(f"</{tag}>")]
    text = page_text(f"<article>{body}</article>")[0] + page_text(f"<article><div class='footnote'>{body}</div></article>")[1]
    assert re.search(_phrase(query), _fold(text)), (anchor, text[:120])
    assert any(re.fullmatch(_phrase(query), _fold(m)) for r in passages for m in r["marks"]), passages[0]["marks"]


def test_offline_search_shows_only_pages_holding_every_word(offline):
    base, page = offline
    assert _all_results(page, base, "đảng viên xyzzyqwv") == []
    found = _all_results(page, base, "hoa binh")
    assert found and "hoa binh" in _fold(found[1]["text"]), found[:2]  # the first page's best passage


def test_a_search_index_that_fails_to_load_says_so(seed_site, browser, tmp_path):
    """No index (a site copied without pagefind/): the box says the index did not load, never
    "nothing found", so a query that must find nothing cannot pass on a broken index."""
    import shutil

    site = tmp_path / "site"
    shutil.copytree(seed_site / "site", site)
    shutil.rmtree(site / "pagefind")
    with served_page(browser, site) as (base, page):
        results = search(page, base, "dang vien")
    assert [r["text"].strip()[:31] for r in results] == ["Không tải được chỉ mục tìm kiếm"]


def test_the_index_loads_with_the_worker_not_when_material_sets_it_up(seed_site, browser):
    """Pagefind and every shard's entry start loading when the search worker starts with the
    page, without waiting for Material's set-up message (which comes after Material's own
    index file, held back here), so that a query typed at once does not wait for them."""
    with serve(seed_site / "site") as base:
        context = browser.new_context()
        page = context.new_page()
        page.route("**/search/search_index.json", lambda route: None)  # never answered: no set-up message
        fetched: list[str] = []
        page.on("requestfinished", lambda r: fetched.append(r.url))
        page.goto(f"{base}/{NQ35}", wait_until="load")
        page.wait_for_timeout(1500)
        shards = (seed_site / "site" / "pagefind" / "shards.json").read_text(encoding="utf-8")
        names = __import__("json").loads(shards)["shards"]
        assert any(u.endswith("/pagefind/s0/pagefind.js") for u in fetched), fetched
        for name in names:
            assert any(f"/pagefind/{name}/pagefind-entry.json" in u for u in fetched), (name, fetched)
        assert page.evaluate("document.activeElement.tagName") != "INPUT"  # nobody opened the search box
        context.close()
