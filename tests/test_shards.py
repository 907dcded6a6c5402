"""The search index's shards: bounded, a pure function of the site, and local: adding or editing a
page changes its own shard and at most the next, so an incremental build indexes little again.
What a shard's key reads of a page: not the passages Pagefind ignores."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from vanban.errors import VanbanError
from vanban.search import pagefind
from vanban.search.page_stats import PageStats
from vanban.render.page import shard_with
from vanban.search.pagefind import index_site, indexed_bytes, page_stat, plan_shards, prepare_site

# Pages of up to 4% of a shard's limit, as a report's page is (130 KB of article HTML in 60 MB).
LIMIT = 400_000


def _page(site: Path, rel: str, size: int) -> None:
    path = site / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('<html><body><nav>menu</nav><article class="md-content__inner md-typeset" data-pagefind-body>'
                    + "x" * size + "</article></body></html>", encoding="utf-8")


def _site(folder: Path, seed: int = 7, pages: int = 600) -> Path:
    rng = random.Random(seed)
    for i in range(pages):
        kind = "bao-cao" if i % 10 == 0 else "van-ban"
        _page(folder, f"{kind}/p{i:04d}/index.html", rng.choice([300, 800, 2_000, 6_000, 15_000]))
    _page(folder, "so-lieu/khong-tim/index.html", 0)  # not marked: not in any shard
    (folder / "so-lieu/khong-tim/index.html").write_text("<html><body>no article</body></html>", encoding="utf-8")
    return folder


def _sizes(site: Path, shard: list[str]) -> int:
    return sum(len((site / rel).read_text(encoding="utf-8")) for rel in shard)


def test_shards_are_bounded_and_cover_every_marked_page_once(tmp_path):
    site = _site(tmp_path)
    shards = plan_shards(site, LIMIT)
    flat = [rel for shard in shards for rel in shard]
    assert len(flat) == len(set(flat)) == 600 and all(shard == sorted(shard) for shard in shards)
    assert "so-lieu/khong-tim/index.html" not in flat
    assert len(shards) >= 8
    for shard in shards:
        assert len(shard) == 1 or _sizes(site, shard) <= LIMIT + 200 * len(shard)  # article bytes plus the tags
    assert plan_shards(site, LIMIT) == shards


# (pages of 3 000 bytes, shards): below the split threshold (50 KB here) one shard; past it, two
# even though one would hold them (indexed together); past two shards' worth, as many as needed.
COUNTS = [(10, 1), (30, 2), (100, 2), (200, 2), (400, 4)]


@pytest.mark.parametrize("pages, count", COUNTS)
def test_a_site_past_the_split_threshold_has_two_shards_at_least(tmp_path, monkeypatch, pages, count):
    monkeypatch.setattr(pagefind, "MIN_SPLIT_BYTES", 50_000)
    for i in range(pages):
        _page(tmp_path, f"van-ban/p{i:04d}/index.html", 3_000)
    shards = plan_shards(tmp_path, LIMIT)
    assert len(shards) == count
    assert sorted(rel for shard in shards for rel in shard) == sorted(
        p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.html"))


def _grouped_page(site: Path, rel: str, size: int, beside: str) -> None:
    """A page marked to be indexed beside the page `beside` (its source path, as the renderer writes it)."""
    _page(site, rel, size)
    path = site / rel
    path.write_text(path.read_text(encoding="utf-8").replace(
        "data-pagefind-body>", f"data-pagefind-body>{shard_with(beside)}"), encoding="utf-8")


def test_a_report_added_with_the_directives_it_first_cites_changes_one_shard(tmp_path):
    """Pages marked to go beside a report share its shard (under either URL scheme), and a
    report added with three directive pages marked for it changes that shard only."""
    site = _site(tmp_path)
    for i in range(0, 600, 10):
        _grouped_page(site, f"van-ban/q{i:04d}/index.html", 2_000, f"bao-cao/p{i:04d}")
    _grouped_page(site, "van-ban/offline.html", 2_000, "bao-cao/p0010")
    shards = plan_shards(site, LIMIT)
    where = {rel: n for n, shard in enumerate(shards) for rel in shard}
    for i in range(0, 600, 10):
        assert where[f"van-ban/q{i:04d}/index.html"] == where[f"bao-cao/p{i:04d}/index.html"]
    assert where["van-ban/offline.html"] == where["bao-cao/p0010/index.html"]
    spread = {where[f"bao-cao/p{i:04d}/index.html"] for i in range(0, 600, 10)}
    assert len(spread) >= len(shards) // 2  # grouped, not all in one shard
    _page(site, "bao-cao/moi/index.html", 15_000)
    for name in ("a", "b", "c"):
        _grouped_page(site, f"van-ban/moi-{name}/index.html", 3_000, "bao-cao/moi")
    after = plan_shards(site, LIMIT)
    new = [s for s in after if s not in shards]
    assert len(new) == 1 and {"bao-cao/moi/index.html", "van-ban/moi-a/index.html"} <= set(new[0])
    assert len([s for s in shards if s not in after]) == 1


# (where, what): a page added, grown or shrunk at the start, the middle and the end of the site
CHANGES = [
    ("bao-cao/p0000a/index.html", 15_000), ("van-ban/p0300a/index.html", 3_000), ("van-ban/p0599a/index.html", 500),
    ("van-ban/p0301/index.html", 15_000), ("van-ban/p0077/index.html", 100), ("bao-cao/p0200/index.html", 20),
]


@pytest.mark.parametrize("rel, size", CHANGES)
def test_a_page_added_or_changed_moves_its_own_shard_only(tmp_path, rel, size):
    site = _site(tmp_path)
    before = plan_shards(site, LIMIT)
    existed = any(rel in s for s in before)
    _page(site, rel, size)
    after = plan_shards(site, LIMIT)
    new = [s for s in after if s not in before]
    gone = [s for s in before if s not in after]
    if existed and not new:  # the same pages in every shard: only the page's own shard is indexed again
        assert gone == []
    else:  # its own shard (cut in two if it grew past the limit) and no other
        assert 1 <= len(new) <= 2 and len(gone) <= 2 and any(rel in s for s in new), (rel, new, gone)
        assert all(set(s) & set(new[0] + (new[1] if len(new) > 1 else [])) for s in gone)


IGNORED = [
    # the citing passages of a directive's page: changed text, same key
    ('<p>a</p><div class="vb-unsearched" data-pagefind-ignore><p>old</p></div>',
     '<p>a</p><div class="vb-unsearched" data-pagefind-ignore><p>new, longer</p></div>', True),
    # nested divs inside the ignored one
    ('<div data-pagefind-ignore><div class="x"><div>1</div></div></div><p>z</p>',
     '<div data-pagefind-ignore><div class="x"><div>2</div></div></div><p>z</p>', True),
    # a second ignored div beside the first (a section added to a directive's page)
    ('<p>a</p><div data-pagefind-ignore><p>x</p></div>',
     '<p>a</p><div data-pagefind-ignore><p>x</p></div>\n\n<div data-pagefind-ignore><h2 id="s">S</h2><p>y</p></div>', True),
    # text after the ignored div counts
    ('<div data-pagefind-ignore><p>x</p></div><p>after</p>', '<div data-pagefind-ignore><p>x</p></div><p>AFTER</p>', False),
    # a heading inside it, its id, a paragraph's id: Pagefind keeps none of them (a report added
    # to a directive's citing passages leaves the directive's shard as it was)
    ('<div data-pagefind-ignore><h3 id="a">Báo cáo A</h3></div>', '<div data-pagefind-ignore><h3 id="a">Báo cáo B</h3></div>', True),
    ('<div data-pagefind-ignore><h3 id="a">A</h3></div>', '<div data-pagefind-ignore><h3 id="a">A</h3><h4 id="b">B</h4></div>', True),
    ('<div data-pagefind-ignore><p id="p-1">x</p></div>', '<div data-pagefind-ignore><p id="p-2">x</p></div>', True),
    # a heading or an id outside it counts
    ('<h2 id="a">Một</h2><p>x</p>', '<h2 id="b">Một</h2><p>x</p>', False),
    # text outside any ignored div
    ("<p>một</p>", "<p>hai</p>", False),
    # outside the article: the title, the nav (a report added to every page's nav), the footer
    ("<p>x</p>", ("<p>x</p>", "Trang khác", '<a href="/bao-cao/moi/">Báo cáo mới</a>'), True),
    # the page's language
    ("<p>x</p>", ("<p>x</p>", "Trang", "", "en"), False),
]


def _html(page) -> str:
    """A page from its article body, or from (body, title, nav[, lang])."""
    body, title, nav, lang = (page, "Trang", "", "vi") if isinstance(page, str) else (*page, "vi")[:4]
    return (f'<html lang="{lang}"><head><title>{title}</title></head><body><nav>{nav}</nav>'
            f'<article class="md-content__inner md-typeset" data-pagefind-body><h1 id="t">Trang</h1>{body}'
            f"</article><footer>{nav}</footer></body></html>")


def _tree_bytes(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _pagefind_output(folder: Path, html: str) -> dict[str, bytes]:
    """What Pagefind writes for a one-page site of `html`."""
    page = folder / "site" / "p" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text(html, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(folder / "site"), "--output-path",
                    str(folder / "out"), "--silent"], check=True)
    return _tree_bytes(folder / "out")


@pytest.mark.parametrize("old, new, same", IGNORED)
def test_a_shard_key_reads_what_pagefind_reads(tmp_path, old, new, same):
    """Pages with the same key give Pagefind's same files, and the other way round: Pagefind
    itself is the oracle."""
    old, new = _html(old), _html(new)
    assert (indexed_bytes(old.encode()) == indexed_bytes(new.encode())) == same
    assert (_pagefind_output(tmp_path / "old", old) == _pagefind_output(tmp_path / "new", new)) == same


def test_pagefind_given_what_it_reads_of_real_pages_writes_the_same_index(seed_site, tmp_path):
    """The shards are indexed from each page's indexed_bytes, not the whole page: on the seed
    site's pages of every kind, Pagefind writes the same files either way."""
    from conftest import SEED_SLUG

    site = seed_site / "site"
    pages = [f"bao-cao/{SEED_SLUG}/index.html", "van-ban/chi-thi-05-ct-tw-2016/index.html", "index.html",
             "thuat-ngu/index.html", f"kiem-tra/{SEED_SLUG}/index.html"]
    outputs = []
    for name, given in (("whole", lambda b: b), ("read", indexed_bytes)):
        folder = tmp_path / name
        for rel in pages:
            target = folder / "site" / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(given(pagefind.prepare_page((site / rel).read_text(encoding="utf-8")).encode()))
        cmd = [sys.executable, "-m", "pagefind", "--site", str(folder / "site"), "--output-path", str(folder / "out"),
               "--silent"]
        for selector in pagefind.EXCLUDE:
            cmd += ["--exclude-selectors", selector]
        subprocess.run(cmd, check=True)
        outputs.append(_tree_bytes(folder / "out"))
    assert len(outputs[0]) > 5 and outputs[0] == outputs[1]


def test_preparing_a_site_learns_each_page_as_the_plan_would(tmp_path):
    """prepare_site reads every page once and keeps its stats for the shards' plan and keys: the
    same stats a build that did not prepare the site reads afresh, after the page was prepared."""
    site = _site(tmp_path / "site", pages=40)
    worker = '<script>var __config={"search": "../assets/javascripts/workers/search.0123abcd.min.js"}</script>'
    for path in list(site.rglob("*.html"))[:5]:  # pages Material's search runs on: prepared, so rewritten
        path.write_text(path.read_text(encoding="utf-8").replace("<body>", "<body>" + worker), encoding="utf-8")
    stats = PageStats()
    prepare_site(site, stats)
    fresh = PageStats()
    rels = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assert sorted(stats.now) == rels
    assert [stats.now[rel][1] for rel in rels] == [page_stat(site, rel, fresh) for rel in rels]
    assert sum(stats.now[rel][1].searched for rel in rels) == 5
    assert plan_shards(site, LIMIT, stats) == plan_shards(site, LIMIT)


def test_shards_indexed_together_give_the_same_index(tmp_path):
    """Two Pagefind processes at once (a build's default on two cores or more) write the index
    one at a time writes, byte for byte."""
    indexes = []
    for at_once in (1, 2):
        site = _site(tmp_path / f"site{at_once}", pages=120)
        assert index_site(site, shard_mb=0.1, at_once=at_once) == 120
        indexes.append(_tree_bytes(site / "pagefind"))
    assert len(json.loads(indexes[0]["shards.json"])["shards"]) >= 3
    assert indexes[0] == indexes[1]


def test_a_shard_that_fails_stops_the_others_and_leaves_nothing(tmp_path, monkeypatch):
    """Pagefind failing on one shard: one line naming the site, no other Pagefind left running in
    the background, no shard folders left beside the site."""
    site = _site(tmp_path / "site", pages=120)
    fake = tmp_path / "python"
    fake.write_text(f"#!/bin/sh\nif [ -e \"$4/bao-cao/p0000/index.html\" ]; then echo 'Error: boom' >&2; exit 3; fi\n"
                    f"exec {sys.executable} \"$@\"\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setattr(pagefind.sys, "executable", str(fake))
    with pytest.raises(VanbanError, match="Pagefind không lập được chỉ mục tìm kiếm: Error: boom"):
        index_site(site, shard_mb=0.1, at_once=2)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("pagefind-")] == []


def test_each_shard_lists_its_own_fragments(tmp_path):
    """vanban-fragments.txt names, one per line, the fragment files Pagefind wrote in that shard
    and no other: the worker fetches a result's fragment from the shard the list names."""
    site = _site(tmp_path / "site", pages=120)
    index_site(site, shard_mb=0.1)
    index = site / "pagefind"
    shards = json.loads((index / "shards.json").read_text(encoding="utf-8"))["shards"]
    seen: set[str] = set()
    for name in shards:
        listed = (index / name / "vanban-fragments.txt").read_text(encoding="utf-8").splitlines()
        files = sorted(p.name[:-len(".pf_fragment")] for p in (index / name / "fragment").iterdir())
        assert listed == files and listed
        assert not seen & set(listed)
        seen |= set(listed)
    assert len(seen) == 120


def test_a_kept_shard_without_its_fragment_list_is_indexed_again(tmp_path):
    """A shard kept from an index without fragment lists (written by an older vanban) is not
    reused: the index an incremental build writes is the one a clean build writes."""
    site = _site(tmp_path / "site", pages=120)
    keys: dict[str, str] = {}
    index_site(site, shard_mb=0.1, keys=keys)
    old = tmp_path / "old"
    (site / "pagefind").rename(old)
    for listed in old.glob("s*/vanban-fragments.txt"):
        listed.unlink()
    index_site(site, shard_mb=0.1, previous=(old, keys))
    assert all((shard / "vanban-fragments.txt").is_file() for shard in (site / "pagefind").glob("s*/"))


SECTIONS = ("duoc-trich-dan-tai", "van-ban-lien-quan", "van-ban-nay-trich-dan", "quan-he", "mau-thuan")


def test_a_directive_pages_sections_on_other_documents_are_not_indexed_headings_included(seed_site):
    """The sections listing other documents (where the directive is cited, related ones,
    relations, conflicts) come and go as reports are added: their headings are outside what
    Pagefind reads, so the page's shard stays as it was. Each section shows on some seed page."""
    seen = set()
    for page in sorted((seed_site / "site" / "van-ban").glob("*/index.html")):
        html = page.read_bytes()
        read = indexed_bytes(html)
        for section in SECTIONS:
            if f'id="{section}"'.encode() in html:
                seen.add(section)
                assert f'id="{section}"'.encode() not in read, (page, section)
        assert b'id="van-ban"' in read  # the title is read
    assert seen >= {"duoc-trich-dan-tai", "van-ban-lien-quan"}
