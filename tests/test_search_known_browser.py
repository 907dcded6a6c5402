"""Search as a legal reference (issue 35): a query that names a document puts it first, one
that names a provision opens it; numbers match whole. On a site built from ../shared/corpus (the
seed, the report-like texts, the 13 directive texts), in Debian's chromium; served and offline."""

from __future__ import annotations

import shutil

import pytest

from browser import search, served_page
from conftest import REPO, corpus, make_project, run_vanban

# Query → the page shown first (its address, at the provision asked for), written by hand.
KNOWN = [
    ("Luật 42", "van-ban/luat-42-2024-qh15/"),
    ("luat 42", "van-ban/luat-42-2024-qh15/"),
    ("42/2024", "van-ban/luat-42-2024-qh15/"),
    ("42/2024/QH15", "van-ban/luat-42-2024-qh15/"),
    ("NĐ 71", "van-ban/nghi-dinh-71-2019-nd-cp/"),
    ("Nghị định 71/2019", "van-ban/nghi-dinh-71-2019-nd-cp/"),
    ("Hướng dẫn 45", "van-ban/huong-dan-45-hd-btctw-2025/"),   # not Hướng dẫn 456/HD-SNN
    ("Điều lệ Đảng", "van-ban/dieu-le-dang-2011/"),
    ("dieu le dang", "van-ban/dieu-le-dang-2011/"),
    ("Quy định 383", "van-ban/quy-dinh-383-qd-tw-2025/"),
    ("383-QĐ/TW", "van-ban/quy-dinh-383-qd-tw-2025/"),
    ("Chỉ thị số 05", "van-ban/chi-thi-05-ct-tw-2016/"),
    ("nq35", "van-ban/nghi-quyet-35-nq-tw-2018/"),
    # provisions: the text's anchor, which the page marks as the address's target
    ("khoản 2 Điều 3 Điều lệ Đảng", "van-ban/dieu-le-dang-2011/#dieu-3-khoan-2"),
    ("Điều 3 khoản 2 Điều lệ Đảng", "van-ban/dieu-le-dang-2011/#dieu-3-khoan-2"),
    ("Điều 10 Nghị định 71", "van-ban/nghi-dinh-71-2019-nd-cp/#dieu-10"),
    ("điều 5 luật 42", "van-ban/luat-42-2024-qh15/#dieu-5"),
]


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("known"), seed=True)
    for text in corpus("extra").glob("*.txt"):
        if not text.name.endswith(".source.txt"):
            shutil.copy(text, root / "data" / "reports" / text.name)
    (root / "data" / "directives").mkdir()
    for text in corpus("directives").glob("*"):
        if not text.name.endswith(".source.txt"):
            shutil.copy(text, root / "data" / "directives" / text.name)
    result = run_vanban("--root", str(root), "build")
    assert result.returncode == 0, result.stderr
    return root


@pytest.fixture(scope="module")
def served(corpus_site, browser):
    with served_page(browser, corpus_site / "site") as opened:
        yield opened


@pytest.mark.parametrize("query, expected", KNOWN)
def test_the_document_or_provision_named_comes_first(served, query, expected):
    base, page = served
    results = search(page, base, query)
    assert results and results[0]["href"] == expected, [r["href"] for r in results[:4]]


def test_a_provision_result_opens_it_marked(served):
    base, page = served
    search(page, base, "khoản 2 Điều 3 Điều lệ Đảng")
    page.locator(".md-search-result__item > .md-search-result__link").first.click()
    page.wait_for_url("**#dieu-3-khoan-2")
    assert page.evaluate("document.querySelector(':target') && document.querySelector(':target').id") == "dieu-3-khoan-2"


@pytest.mark.parametrize("query, expected", [
    ("đảng viên", []), ("kết nạp đảng viên", []), ("Điều 3", []), ("chỉ thị", []), ("kế hoạch 5 năm", []),
    ("45", []), ("kỷ luật 42", []),
    ("Hướng dẫn 45", ["van-ban/huong-dan-45-hd-btctw-2025/"]),
    ("Hướng dẫn 456", ["van-ban/huong-dan-456-hd-snn/"]),
])
def test_what_a_query_names(served, query, expected):
    """The reading of a query alone (scripts/vanban/search/known.js in the page, on the site's
    tim-kiem/van-ban.json): prose names nothing; a number names only the document of that number."""
    base, page = served
    page.goto(base)
    for script in ("fold.js", "known.js"):
        page.add_script_tag(path=str(REPO / "scripts" / "vanban" / "search" / script))
    got = page.evaluate("""async (q) => {
        const data = await (await fetch("tim-kiem/van-ban.json")).json();
        return vbKnownDocuments(q, data, 3).map(k => k.item.url);
    }""", query)
    assert got == expected


def test_search_strings_are_vietnamese(corpus_site):
    html = (corpus_site / "site" / "index.html").read_text(encoding="utf-8")
    assert "Initializing search" not in html and "từ khác trong trang" not in html
    assert "k\\u1ebft qu\\u1ea3 kh\\u00e1c trong trang" in html  # "kết quả khác trong trang", as Material's config holds it


@pytest.fixture(scope="module")
def offline(corpus_site, browser):
    result = run_vanban("--root", str(corpus_site), "build", "--offline")
    assert result.returncode == 0, result.stderr
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    yield (corpus_site / "site-offline").as_uri() + "/index.html", page
    page.close()


@pytest.mark.parametrize("query, expected", [
    ("Luật 42", "van-ban/luat-42-2024-qh15.html"),
    ("Hướng dẫn 45", "van-ban/huong-dan-45-hd-btctw-2025.html"),
    ("khoản 2 Điều 3 Điều lệ Đảng", "van-ban/dieu-le-dang-2011.html#dieu-3-khoan-2"),
])
def test_offline_the_document_named_comes_first(offline, query, expected):
    base, page = offline
    results = search(page, base, query)
    assert results and results[0]["href"].endswith(expected), [r["href"] for r in results[:4]]


def test_a_page_opened_for_words_apart_lands_on_the_passage_holding_them(served):
    """A page-level result for a query that is no phrase on the page ("Covid đổi mới") opens at
    the passage holding most of its words, marked there, not at the top of the text."""
    base, page = served
    page.goto(f"{base}bao-cao/dong-ha-2020-xay-dung-dang/?h=Covid%20%C4%91%E1%BB%95i%20m%E1%BB%9Bi")
    page.wait_for_timeout(400)
    marks = page.eval_on_selector_all("article mark.vb-hit", "els => els.map(e => e.textContent)")
    assert marks and {m.lower() for m in marks} <= {"covid", "đổi", "mới"}, marks
    box = page.evaluate("() => { const r = document.querySelector('article mark.vb-hit').getBoundingClientRect();"
                        " return [r.top, innerHeight, scrollY]; }")
    assert 0 <= box[0] < box[1] and box[2] > 0, box


def test_the_citation_of_a_provision_names_it_first(corpus_site, browser):
    """In a legal text "❝" copies the provision smallest first, then the document (issue 36)."""
    from browser import serve

    with serve(corpus_site / "site") as base:
        context = browser.new_context()
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base.rstrip("/"))
        page = context.new_page()
        try:
            page.goto(f"{base}van-ban/dieu-le-dang-2011/")
            link = page.locator("#dieu-3-khoan-2 a.vb-cite-link").first
            assert link.get_attribute("href") == "#dieu-3-khoan-2"
            link.click()
            page.wait_for_selector("#dieu-3-khoan-2 a.vb-cite-link[data-vb-copied]")
            copied = page.evaluate("navigator.clipboard.readText()")
            assert copied == f"khoản 2 Điều 3 Điều lệ Đảng (2011). {base}van-ban/dieu-le-dang-2011/#dieu-3-khoan-2"
        finally:
            context.close()
