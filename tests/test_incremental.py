"""An incremental `vanban build` (state under .vanban/state/) gives the site a build from nothing
gives, byte for byte and search index included, after each kind of change; and it does reuse:
untouched pages and search shards are the last build's files."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from conftest import SEED_SLUG, corpus, message_lines, run_vanban
from test_parallel import _differences, _project, _tree


def _edit_paragraph(root: Path) -> None:
    path = root / "data" / "reports" / "07-hanoi-chi-thi-quoc-phong-2010.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    i = max(range(len(lines)), key=lambda n: len(lines[n]))  # the longest paragraph
    lines[i] += " Câu này được thêm vào để thử bản dựng lại."
    path.write_text("\n".join(lines), encoding="utf-8")


def _add_report(root: Path) -> None:
    name = "11-tay-nguyen-sinh-hoat-chi-bo.txt"
    shutil.copy(corpus("extra", name), root / "data" / "reports" / name)


def _remove_report(root: Path) -> None:
    (root / "data" / "reports" / "13-binhdinh-hnqt-nq-tw11-2025.txt").unlink()


def _edit_glossary(root: Path) -> None:
    path = root / "data" / "glossary.yml"
    path.write_text(path.read_text(encoding="utf-8") + "- {abbr: BCĐTW, full: Ban Chỉ đạo Trung ương (thử)}\n", encoding="utf-8")


def _edit_hand_page(root: Path) -> None:
    path = root / "docs" / "gioi-thieu.md"
    assert "# Giới thiệu **trang**" in path.read_text(encoding="utf-8")
    path.write_text(path.read_text(encoding="utf-8").replace("# Giới thiệu **trang**", "# Giới thiệu **trang mới**"),
                    encoding="utf-8")


# (change, pages kept, search shards kept; None: as the pages fall): a page gone could be one a kept page links to (a
# build from nothing would refuse that link), so every page is built again; the glossary is an
# input that starts from nothing; a nav title shows on every page, but not in the articles
# Pagefind indexes: the shards of the unchanged articles are kept.
CHANGES = [
    ("a paragraph edited", _edit_paragraph, True, True),
    ("a report added", _add_report, True, None),
    ("a report removed", _remove_report, False, None),  # shards whose pages came out the same are kept
    ("the glossary changed", _edit_glossary, False, False),
    ("a nav page's title changed", _edit_hand_page, False, True),
]


def _small_shards(root: Path) -> None:
    """Shards of 0.2 MB of article HTML, so that the small project has several."""
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("shard_mb: 60", "shard_mb: 0.2"), encoding="utf-8")


@pytest.mark.parametrize("name, change, keeps, keeps_shards", CHANGES, ids=[c[0] for c in CHANGES])
def test_an_incremental_build_equals_a_build_from_nothing(tmp_path, name, change, keeps, keeps_shards):
    (tmp_path / "a").mkdir()
    root = _project(tmp_path / "a")
    _small_shards(root)
    first = run_vanban("--root", str(root), "build")
    assert first.returncode == 0, first.stderr
    assert (root / ".vanban" / "state" / "pages.pickle").is_file()
    before = {rel: os.stat(p).st_ino for rel, p in _tree(root / "site").items()}
    assert sum(rel.startswith("pagefind/s") and rel.endswith("pagefind-entry.json") for rel in before) >= 3
    change(root)
    again = run_vanban("--root", str(root), "build")
    assert again.returncode == 0, again.stderr

    reference = tmp_path / "b"
    shutil.copytree(root, reference, ignore=shutil.ignore_patterns(".vanban", "site"))
    clean = run_vanban("--root", str(reference), "build", "--jobs", "1")
    assert clean.returncode == 0, clean.stderr
    assert _differences(reference / "site", root / "site") == []
    assert message_lines(again.stderr)[:-1] == message_lines(clean.stderr)[:-1]

    after = {rel: os.stat(p).st_ino for rel, p in _tree(root / "site").items()}
    kept = {rel for rel in after if before.get(rel) == after[rel]}
    kept_pages = {rel for rel in kept if rel.endswith(".html")}
    kept_shards = {rel.split("/")[1] for rel in kept if rel.startswith("pagefind/s")}
    if keeps:  # most pages are the last build's files
        assert len(kept_pages) > sum(rel.endswith(".html") for rel in after) // 2, name
        assert f"bao-cao/{SEED_SLUG}/index.html" in kept_pages
    else:
        assert kept_pages == set()
    if keeps_shards is not None:
        assert bool(kept_shards) == keeps_shards


def test_an_unchanged_project_rebuilds_nothing(tmp_path):
    root = _project(tmp_path)
    _small_shards(root)
    assert run_vanban("--root", str(root), "build").returncode == 0
    before = {rel: os.stat(p).st_ino for rel, p in _tree(root / "site").items()}
    page = root / ".vanban" / "state" / "docs" / f"bao-cao/{SEED_SLUG}.md"
    kept = os.stat(page).st_ino
    assert run_vanban("--root", str(root), "build").returncode == 0
    after = {rel: os.stat(p).st_ino for rel, p in _tree(root / "site").items()}
    # An unchanged page is the last build's file, linked into the staging docs, not written again.
    assert os.stat(page).st_ino == kept
    pages = [rel for rel in after if rel.endswith(".html") and rel not in ("404.html",)]
    assert [rel for rel in pages if before.get(rel) != after[rel]] == []
    shards = [rel for rel in after if rel.startswith("pagefind/s") and rel.count("/") >= 2]
    assert shards and [rel for rel in shards if before.get(rel) != after[rel]] == []


@pytest.mark.parametrize("flag", [["--clean"], ["--jobs", "1"]])
def test_clean_and_serial_builds_start_from_nothing(tmp_path, flag):
    root = _project(tmp_path)
    assert run_vanban("--root", str(root), "build").returncode == 0
    before = {rel: os.stat(p).st_ino for rel, p in _tree(root / "site").items()}
    assert run_vanban("--root", str(root), "build", *flag).returncode == 0
    after = {rel: os.stat(p).st_ino for rel, p in _tree(root / "site").items()}
    assert [rel for rel in after if before.get(rel) == after[rel]] == []
    assert (root / ".vanban" / "state").exists() == (flag == ["--clean"])


def test_a_site_changed_by_hand_is_not_reused(tmp_path):
    root = _project(tmp_path)
    assert run_vanban("--root", str(root), "build").returncode == 0
    sitemap = root / "site" / "sitemap.xml"
    sitemap.unlink()
    sitemap.write_text("<urlset/>", encoding="utf-8")
    before = {rel: os.stat(p).st_ino for rel, p in _tree(root / "site").items()}
    assert run_vanban("--root", str(root), "build").returncode == 0
    after = {rel: os.stat(p).st_ino for rel, p in _tree(root / "site").items()}
    assert [rel for rel in after if before.get(rel) == after[rel]] == []


def test_the_state_keeps_pages_beside_their_caches(tmp_path):
    """The generation caches are pickled without the pages' Markdown (most of their size at
    scale); the pages are the last build's staged docs, kept beside them, and equal docs/."""
    root = _project(tmp_path)
    assert run_vanban("--root", str(root), "build").returncode == 0
    state = root / ".vanban" / "state"
    page = f"bao-cao/{SEED_SLUG}.md"
    kept = (state / "docs" / page).read_bytes()
    assert kept == (root / "docs" / page).read_bytes()
    pickled = (state / "generation.pickle").read_bytes()
    assert b"generated_by" in kept and b"generated_by" not in pickled
