"""The built seed site: every citation is a link to its directive, and every directive page lists
every place it is cited (links are checked by the strict MkDocs build itself)."""

from __future__ import annotations

import html
import posixpath
import re
from collections import Counter

import pytest

from conftest import SEED_SLUG, run_vanban
from vanban.cite import extract_citations
from vanban.render import directive_index
from vanban.sources import load_reports

LINK = re.compile(r'<a href="([^"]*)"(?: title="([^"]*)")?>(.*?)</a>', re.DOTALL)


@pytest.fixture(scope="module")
def seed(seed_site):
    reports = load_reports(seed_site)
    return seed_site, reports, extract_citations(reports, seed_site)


def _article(path):
    page = path.read_text(encoding="utf-8")
    return page[page.index("<article") : page.index("</article>")]


def _text(path) -> str:
    """The article's text: tags (links, abbreviations) removed, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", _article(path)))


def test_every_citation_is_a_link_to_its_directive(seed):
    root, _, index = seed
    article = _article(root / "site" / "bao-cao" / SEED_SLUG / "index.html")
    links = Counter()
    titles = {}
    for href, title, text in LINK.findall(article):
        if href.startswith("../../van-ban/"):
            ident = href.split("/")[3]
            links[(ident, html.unescape(re.sub(r"<[^>]+>", "", text)))] += 1
            titles[ident] = html.unescape(title)
    expected = Counter((c.directive, c.raw) for c in index.by_report[SEED_SLUG])
    assert links == expected
    assert titles["chi-thi-05-ct-tw-2016"].startswith("Chỉ thị số 05-CT/TW: Về đẩy mạnh học tập")  # as its page shows it


def test_every_directive_page_lists_every_place_it_is_cited(seed):
    root, _, index = seed
    by_directive = Counter(c.directive for c in index.by_report[SEED_SLUG])
    for ident, count in by_directive.items():
        article = _article(root / "site" / "van-ban" / ident / "index.html")
        section = article[article.index('id="duoc-trich-dan-tai"') :]
        section = section[: section.find("<h2", 10)] if "<h2" in section[10:] else section
        places = [href for href, _, _ in LINK.findall(section) if f"bao-cao/{SEED_SLUG}/#" in href]
        mine = [c for c in index.by_report[SEED_SLUG] if c.directive == ident]
        assert len(places) == len({c.container for c in mine}), ident  # one entry per citing paragraph
        for c in mine:
            assert any(href.endswith("#" + c.container) for href in places), (ident, c.container)


def test_directive_page_metadata_conflicts_and_relations(seed):
    root, _, _ = seed
    page = _text(root / "site" / "van-ban" / "chi-thi-35-ct-tw-2019" / "index.html")
    for text in ("Số hiệu", "35-CT/TW", "Bộ Chính trị", "30/05/2019", "XII", "Được trích dẫn tại",
                 "Văn bản thực hiện văn bản này", "Kế hoạch số 115-KH/TU"):
        assert text in page
    qd = _text(root / "site" / "van-ban" / "quy-dinh-01-qd-tu-dong-ha-2017" / "index.html")
    assert "Điểm chưa thống nhất" in qd and "8/4/2017" in qd and "8/5/2017" in qd
    unconfirmed = _text(root / "site" / "van-ban" / "chi-thi-10-ct-tw-2007" / "index.html")
    assert "30/03/2007 (chưa xác minh)" in unconfirmed


def test_index_pages_list_every_directive(seed):
    root, _, index = seed
    table = _article(root / "site" / "van-ban" / "index.html")
    assert 'class="vb-sortable"' in table
    for ident in index.directives:
        assert f'href="{ident}/"' in table
    for page in ("theo-loai", "theo-cap", "theo-nam"):
        listing = _article(root / "site" / "van-ban" / page / "index.html")
        assert all(f'href="../{ident}/"' in listing for ident in index.directives), page


def test_citations_cli_json_fields(seed):
    root, _, _ = seed
    result = run_vanban("--root", str(root), "citations", str(root / "data" / "reports" / f"{SEED_SLUG}.txt"), "--json")
    assert result.returncode == 0, result.stderr
    import json

    cites = json.loads(result.stdout)
    assert len([c for c in cites if c["kind"] not in ("name", "congress")]) == 79
    keys = {"raw", "start", "end", "type", "number", "symbol", "date", "issuer", "term", "title", "directive",
            "in_footnote"}
    assert all(keys <= set(c) for c in cites)
    footnoted = [c for c in cites if c["in_footnote"]]
    assert footnoted and all(c["container"].startswith("fn:") for c in footnoted)


def test_directive_pages_quote_each_paragraph_once_at_word_boundaries(seed):
    """'Được trích dẫn tại': one entry per citing paragraph, quotes cut between words."""
    import re

    root = seed[0]
    words = set(re.findall(r"\w+", (root / "data" / "reports" / f"{SEED_SLUG}.txt").read_text(encoding="utf-8")))
    checked = 0
    for page in sorted((root / "docs" / "van-ban").glob("*.md")):
        text = page.read_text(encoding="utf-8")
        if "## Được trích dẫn tại" not in text:
            continue
        cited = text.split("## Được trích dẫn tại", 1)[1].split("\n## ", 1)[0]
        targets = re.findall(r"^- \[[^\]]+\]\(([^)]+)\)", cited, re.MULTILINE)
        assert len(targets) == len(set(targets)), page.name
        for quote in re.findall(r": “(.*)”$", cited, re.MULTILINE):
            plain = re.sub(r"\*\*|&#\d+;", " ", quote)
            ends = re.findall(r"…(\w+)", plain) + re.findall(r"(\w+)…", plain)
            assert all(w in words for w in ends), (page.name, ends)
            checked += 1
    assert checked > 50


def _targets(path: str, text: str) -> list[str]:
    """The docs/ paths the Markdown links of a generated page lead to."""
    return [posixpath.normpath(posixpath.join(posixpath.dirname(path), link))
            for link in re.findall(r"\]\(([^)#]+\.md)\)", text)]


@pytest.mark.parametrize("overview, folder", [("van-ban/theo-loai.md", "van-ban/loai/"),
                                              ("van-ban/theo-cap.md", "van-ban/co-quan/"),
                                              ("van-ban/theo-nam.md", "van-ban/nam/")])
def test_a_long_list_is_an_overview_of_group_pages(seed, monkeypatch, overview, folder):
    """Past SPLIT_AT directives (10 here, the seed has 62), each list links to a page per group:
    every directive on exactly one group page, every group page linked from the overview, and
    each page's links back lead where they should."""
    _, _, index = seed
    monkeypatch.setattr(directive_index, "SPLIT_AT", 10)
    pages = {path: text.decode("utf-8") if isinstance(text, bytes) else text
             for path, text in directive_index.index_pages(index).items()}
    groups = sorted(p for p in pages if p.startswith(folder))
    assert len(groups) >= 5
    assert sorted(_targets(overview, pages[overview])) == groups
    listed = Counter(t for g in groups for t in _targets(g, pages[g]) if t != overview)
    assert listed == Counter({f"van-ban/{ident}.md": 1 for ident in index.directives})
    assert all(_targets(g, pages[g]).count(overview) == 1 for g in groups)
    assert "](" not in pages[overview].split("# ", 1)[1].split("\n\n", 2)[1]  # the count line has no link
    monkeypatch.setattr(directive_index, "SPLIT_AT", len(index.directives))
    whole = directive_index.index_pages(index)
    assert not any(p.startswith(folder) for p in whole)
    assert sorted(_targets(overview, whole[overview])) == sorted(f"van-ban/{i}.md" for i in index.directives)
