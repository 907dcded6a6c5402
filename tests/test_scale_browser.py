"""Search on a generated archive of 100 reports, in a real browser (issue: scale). The archive
is benchmarks/corpus.py's (deterministic); its index is cut into small shards, searched together."""

from __future__ import annotations

import json
import re
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
