"""Search on a generated archive of 100 reports, in a real browser (issue: scale). The archive
is benchmarks/corpus.py's (deterministic); its index is cut into small shards, searched together."""

from __future__ import annotations

import json
import os
import re
import shutil
import sys

import pytest

from browser import search, served_page
from conftest import REPO, run_vanban

sys.path.insert(0, str(REPO / "benchmarks"))
from corpus import make_project as make_archive  # noqa: E402

N = 100


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    root = make_archive(tmp_path_factory.mktemp("archive") / "p", N)
    config = root / "mkdocs.yml"  # small shards, so that the search merges several
    config.write_text(config.read_text(encoding="utf-8").replace("shard_mb: 60", "shard_mb: 8"), encoding="utf-8")
    result = run_vanban("--root", str(root), "build")
    assert result.returncode == 0, result.stderr[-2000:]
    return root


@pytest.fixture(scope="module")
def site(archive, browser):
    with served_page(browser, archive / "site") as opened:
        yield opened


def test_the_archive_is_indexed_in_several_shards(archive):
    shards = json.loads((archive / "site" / "pagefind" / "shards.json").read_text(encoding="utf-8"))["shards"]
    assert len(shards) > 1
    assert not (archive / "site" / "search" / "search_index.json").read_text(encoding="utf-8").count('"location"')


def test_a_symbol_finds_its_directive_pages_first(archive, site):
    base, page = site
    text = (archive / "data" / "reports" / "bao-cao-0042.txt").read_text(encoding="utf-8")
    symbol = re.search(r"\b\d+-(?:NQ|CT|KL)/TW\b", text).group()
    results = search(page, base, symbol)
    assert results, symbol
    first = results[0]
    assert first["href"].startswith("van-ban/") and symbol in first["text"], (symbol, first)
    number, code = symbol.split("/")[0].split("-")
    again = search(page, base, f"{code.lower()}{number}")  # typed the short way: "ct07"
    assert again and again[0]["href"].startswith("van-ban/") and symbol in again[0]["text"], again[:2]


def test_a_prose_query_typed_without_diacritics(site):
    base, page = site
    results = search(page, base, "dang vien")
    assert len(results) >= 10
    assert sum("đảng viên" in r["text"].lower() for r in results[:10]) >= 5


def test_a_query_that_must_find_nothing(site):
    base, page = site
    assert search(page, base, "xyzzyqwv") == []


def _settled(page) -> list[dict]:
    """The results once the worker has posted its last batch: the list unchanged for a second."""
    read = ("els => els.map(e => ({href: e.href, text: e.textContent}))")
    shown, same = None, 0
    while same < 4:
        page.wait_for_timeout(250)
        now = page.eval_on_selector_all(".md-search-result__item > .md-search-result__link", read)
        same = same + 1 if now == shown else 0
        shown = now
    return shown


QUERIES = ["dang vien", "nghi quyet 35", "kết nạp đảng viên"]


@pytest.mark.parametrize("query", QUERIES)
def test_fragments_read_by_the_worker_give_what_pagefind_gives(archive, browser, query):
    """The worker reads a result's page from the shard its fragment list names; without the
    lists (a site built by an older vanban) Pagefind reads it: the same pages, in the same order,
    with the same passages (the page's own excerpt aside: Pagefind weighs its matches)."""
    index = archive / "site" / "pagefind"
    lists = sorted(index.glob("s*/vanban-fragments.txt"))
    assert len(lists) > 1
    results = []
    for hidden in (False, True):
        if hidden:
            for listed in lists:
                listed.rename(listed.with_suffix(".hidden"))
        try:
            with served_page(browser, archive / "site") as (base, page):
                answered = []
                page.on("response", lambda r: answered.append((r.url, r.status)))
                search(page, base, query)
                results.append([(r["href"].removeprefix(base), r["text"]) for r in _settled(page)])
                assert any(u.endswith(".pf_fragment") and status == 200 for u, status in answered)
                assert {status for u, status in answered if u.endswith("vanban-fragments.txt")} == \
                    ({404} if hidden else {200})
        finally:
            for listed in lists:
                if listed.with_suffix(".hidden").exists():
                    listed.with_suffix(".hidden").rename(listed)
    assert len(results[0]) >= 10
    assert [href for href, _ in results[0]] == [href for href, _ in results[1]]
    passages = [[item for item in found if "#" in item[0]] for found in results]
    assert passages[0] and passages[0] == passages[1]


def _linked_copy(site, to):
    """The built site at `to`, its files hard links (the archive's site is large)."""
    shutil.copytree(site, to, copy_function=os.link)
    return to


def _settled_search(browser, site, query) -> tuple[list[tuple[str, str]], int, int]:
    """The results of `query` once settled; how many workers searched (Material's and its
    helpers); how many cores the browser reports."""
    with served_page(browser, site) as (base, page):
        search(page, base, query)
        found = [(r["href"].removeprefix(base), r["text"]) for r in _settled(page)]
        return found, len(page.workers), page.evaluate("navigator.hardwareConcurrency")


@pytest.mark.parametrize("query", QUERIES)
def test_helper_workers_find_what_one_pagefind_over_every_shard_finds(archive, browser, tmp_path, query):
    """The shards are searched side by side, one run of them per core (up to 4), the others'
    in helper workers: the same pages, order and passages as one Pagefind over every shard
    (the same worker told to search alone)."""
    site = archive / "site"
    shards = len(json.loads((site / "pagefind" / "shards.json").read_text(encoding="utf-8"))["shards"])
    helped, workers, cores = _settled_search(browser, site, query)
    alone_site = _linked_copy(site, tmp_path / "alone")
    worker = alone_site / "assets" / "javascripts" / "workers" / "vanban-pagefind.js"
    source = worker.read_text(encoding="utf-8")
    worker.unlink()  # a hard link: the archive's own file stays as built
    assert source.count("var SEARCHERS = 4;") == 1
    worker.write_text(source.replace("var SEARCHERS = 4;", "var SEARCHERS = 1;"), encoding="utf-8")
    alone, alone_workers, _ = _settled_search(browser, alone_site, query)
    assert workers == min(shards, 4, cores) and alone_workers == 1, (workers, shards, cores)
    assert len(helped) >= 10 and helped == alone


def test_a_helper_that_cannot_load_leaves_its_shards_to_the_worker(archive, browser, tmp_path):
    """A helper loads Pagefind from the first shard of its run; where it cannot (here: no
    pagefind.js but the first shard's), its shards are searched in the worker: the same results."""
    site = archive / "site"
    expected, _, cores = _settled_search(browser, site, "dang vien")
    if cores < 2:
        pytest.skip("one core: the worker starts no helper")
    broken = _linked_copy(site, tmp_path / "broken")
    removed = [p for p in sorted((broken / "pagefind").glob("s*/pagefind.js")) if p.parent.name != "s0"]
    assert removed
    for script in removed:
        script.unlink()
    found, _, _ = _settled_search(browser, broken, "dang vien")
    assert len(expected) >= 10 and found == expected


def test_typing_key_by_key_ends_on_the_query_typed(site):
    """Material sends a query per key; the worker searches one at a time and then only the last
    one typed: the results shown at the end are those of the whole query."""
    base, page = site
    pasted = [r["href"] for r in (search(page, base, "dang vien") and _settled(page))]
    page.goto(base)
    box = page.locator("input[data-md-component=search-query]")
    box.click()
    page.keyboard.type("dang vien", delay=40)
    page.wait_for_selector(".md-search-result__item", timeout=30000)
    assert [r["href"] for r in _settled(page)] == pasted


@pytest.mark.parametrize("query, found", [("d", False), ("v", False), ("Đ", False), ("dang v", True), ("TW", True),
                                          ("5", True)])
def test_a_word_of_one_letter_is_not_searched_alone(site, query, found):
    """A one-letter word (typed on the way to a longer one) would match nearly every word of the
    index: alone it finds nothing; beside longer words every page shown holds it too. A digit is
    searched (it matches numbers only)."""
    base, page = site
    results = search(page, base, query)
    assert bool(results) is found, results[:3]


@pytest.mark.parametrize("width", [390, 1366])
@pytest.mark.parametrize("path", ["van-ban/theo-cap/", "van-ban/loai/nghi-quyet/", "van-ban/nam/2015/"])
def test_the_lists_of_a_large_archive_are_split_and_accessible(archive, browser, path, width):
    """Thousands of directives: each list is an overview and a page per group (the strict build
    checked their links), with no serious or critical WCAG 2.1 AA violation."""
    from browser import serious_violations, serve

    overview = (archive / "site" / "van-ban" / "theo-loai" / "index.html").read_text(encoding="utf-8")
    assert 'href="../loai/nghi-quyet/"' in overview and 'href="../nghi-quyet-' not in overview
    with serve(archive / "site") as base:
        page = browser.new_page(viewport={"width": width, "height": 900})
        try:
            page.goto(base + path)
            assert page.locator("article li a").count() > 5
            serious = serious_violations(page)
        finally:
            page.close()
    assert not serious, serious


@pytest.mark.parametrize("width", [390, 1366])
def test_a_much_cited_directive_lists_its_reports_by_year_accessibly(archive, browser, width):
    """A directive cited by more than SPLIT_CITED_AT of the 100 reports links to a page per year
    (the strict build checked their links); the largest year's page has no serious or critical
    WCAG 2.1 AA violation."""
    from browser import serious_violations, serve

    years = sorted((archive / "site" / "van-ban").glob("*/trich-dan-*/index.html"))
    assert years
    for page in years:
        main = (page.parent.parent / "index.html").read_text(encoding="utf-8")
        assert f'href="{page.parent.name}/"' in main
    largest = max(years, key=lambda p: (p.stat().st_size, p.as_posix()))
    with serve(archive / "site") as base:
        page = browser.new_page(viewport={"width": width, "height": 900})
        try:
            page.goto(base + largest.parent.relative_to(archive / "site").as_posix() + "/")
            assert page.locator("article h3").count() > 5
            serious = serious_violations(page)
        finally:
            page.close()
    assert not serious, serious
