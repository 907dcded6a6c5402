"""`vanban serve` regenerates after an edit by redoing only what the edit touches; the pages must
be exactly those of a generation from scratch (issue: scale)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import REPO, SEED_SLUG, corpus, make_project
from vanban.regenerate import Regenerator
from vanban.site import write_docs

sys.path.insert(0, str(REPO / "benchmarks"))
from corpus import make_project as make_archive  # noqa: E402

ADDED = " Đồng thời thực hiện Chỉ thị số 99-CT/TW ngày 02/3/2019 của Ban Bí thư về một việc mới."


@pytest.fixture()
def archive(tmp_path) -> Path:
    """Five synthetic reports and the seed: directives shared between reports, /TU of both kinds."""
    root = make_archive(tmp_path / "archive", 5)
    for path in (REPO / "data" / "reports").glob(f"{SEED_SLUG}.*"):
        (root / "data" / "reports" / path.name).write_bytes(path.read_bytes())
    return root


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _fresh(root: Path) -> dict[str, str]:
    return Regenerator(root).run().pages


def test_editing_one_report_redoes_only_its_pages_and_the_directives_it_touches(archive):
    regen = Regenerator(archive)
    first = regen.run()
    assert first.rendered == set(first.pages)
    edited = archive / "data" / "reports" / "bao-cao-0002.txt"
    line = next(ln for ln in edited.read_text(encoding="utf-8").splitlines() if len(ln) > 300)
    _edit(edited, line, line + ADDED)
    again = regen.run()
    assert again.pages == _fresh(archive)
    assert "bao-cao/bao-cao-0002.md" in again.rendered
    assert "van-ban/chi-thi-99-ct-tw-2019.md" in again.pages
    assert "van-ban/chi-thi-99-ct-tw-2019.md" in again.rendered
    untouched = {p for p in again.pages if p.startswith(("bao-cao/bao-cao-0001", "kiem-tra/bao-cao-0001",
                                                          "so-lieu/bao-cao-0001", f"bao-cao/{SEED_SLUG}"))}
    assert untouched and not untouched & again.rendered
    directives = [p for p in again.pages if p.startswith("van-ban/")]
    assert len([p for p in directives if p in again.rendered]) < len(directives) / 4


def test_a_second_run_with_nothing_changed_renders_only_the_archive_pages(archive):
    regen = Regenerator(archive)
    regen.run()
    again = regen.run()
    assert not any(p.startswith(("bao-cao/bao-cao-", "kiem-tra/", "so-lieu/")) for p in again.rendered)
    assert not any(p.startswith("van-ban/") and p.count("/") == 1 and p not in (
        "van-ban/index.md", "van-ban/theo-loai.md", "van-ban/theo-cap.md", "van-ban/theo-nam.md")
        for p in again.rendered)


TEXT_NAME = "quy-dinh-383-qd-tw-2025.txt"


@pytest.mark.parametrize("change", ["remove", "add", "sidecar", "catalog", "glossary", "retitle-directive",
                                    "add-text", "edit-text", "remove-text"])
def test_every_kind_of_change_gives_the_pages_of_a_fresh_run(archive, change):
    texts = archive / "data" / "directives"
    if "text" in change:
        TEXT = corpus("directives", TEXT_NAME)
    if change in ("edit-text", "remove-text"):
        texts.mkdir()
        (texts / TEXT.name).write_bytes(TEXT.read_bytes())
    regen = Regenerator(archive)
    regen.run()
    reports = archive / "data" / "reports"
    if change == "add-text":
        texts.mkdir()
        (texts / TEXT.name).write_bytes(TEXT.read_bytes())
    elif change == "edit-text":
        _edit(texts / TEXT.name, "Quy định này thay thế", "Quy định này bãi bỏ và thay thế")
    elif change == "remove-text":
        (texts / TEXT.name).unlink()
    elif change == "remove":
        (reports / "bao-cao-0001.txt").unlink()
        (reports / "bao-cao-0001.yml").unlink()
    elif change == "add":
        (reports / "moi.txt").write_text("BÁO CÁO\nmới\n-----\nThực hiện Nghị quyết số 35-NQ/TW của Bộ Chính trị."
                                         "\n", encoding="utf-8")
    elif change == "sidecar":
        _edit(reports / "bao-cao-0003.yml", "slug:", "title: Báo cáo đổi tên\nslug:")
    elif change == "catalog":
        _edit(archive / "data" / "directives.yml", "title: về tăng cường", "title: về việc tăng cường")
    elif change == "glossary":
        _edit(archive / "data" / "glossary.yml", "full: Ban Chấp hành}", "full: Ban Chấp hành đảng bộ}")
    elif change == "retitle-directive":  # a directive built from citations takes its title from the first report
        text = (reports / "bao-cao-0000.txt").read_text(encoding="utf-8")
        line = next(ln for ln in text.splitlines() if "về “" in ln or "về \"" in ln)
        _edit(reports / "bao-cao-0000.txt", line, line.replace("về “", "về “Việc ", 1).replace('về "', 'về "Việc ', 1))
    assert regen.run().pages == _fresh(archive)


def test_write_docs_writes_only_the_pages_whose_text_changed(tmp_path):
    root = make_project(tmp_path, seed=True)
    regen = Regenerator(root)
    write_docs(root, regen.run())
    docs = root / "docs"
    stamps = {p: p.stat().st_mtime_ns for p in docs.rglob("*.md")}
    edited = root / "data" / "reports" / f"{SEED_SLUG}.txt"
    _edit(edited, "tỷ lệ", "tỉ lệ")
    changed = write_docs(root, regen.run())
    written = {p for p in docs.rglob("*.md") if p.stat().st_mtime_ns != stamps.get(p)}
    assert sorted(changed) == sorted(p.relative_to(docs).as_posix() for p in written)
    assert docs / "bao-cao" / f"{SEED_SLUG}.md" in written
    assert 0 < len(written) <= 6, sorted(str(p.relative_to(docs)) for p in written)


def test_an_edited_reports_own_pages_come_first_and_equal_the_full_runs(archive):
    """`vanban serve` shows an edited report's own pages before rendering the rest: they are the
    pages the full run then gives (and that run still counts them as rendered, so they are
    written even when shown first was not possible); an added report, or an edited directive
    text, gives none first (every page may change)."""
    regen = Regenerator(archive)
    regen.run()
    edited = archive / "data" / "reports" / "bao-cao-0002.txt"
    line = next(ln for ln in edited.read_text(encoding="utf-8").splitlines() if len(ln) > 300)
    _edit(edited, line, line + ADDED)
    analysis = regen.analyse()
    first = regen.first_pages(analysis)
    assert set(first) == {"bao-cao/bao-cao-0002.md", "kiem-tra/bao-cao-0002.md", "so-lieu/bao-cao-0002.md"}
    full = regen.run(analysis=analysis)
    assert full.pages == _fresh(archive)
    for path, text in first.items():
        assert text == full.pages[path] and path in full.rendered
    (archive / "data" / "reports" / "moi.txt").write_text(
        "CHI BỘ X\nSố 01-BC/CB\nX, ngày 5 tháng 1 năm 2025\nBÁO CÁO\nvề việc thử\n-----\nI. KẾT QUẢ\nThử.\n",
        encoding="utf-8")
    assert regen.first_pages(regen.analyse()) == {}
    regen.run()
    _edit(edited, ADDED, "")
    (archive / "data" / "reports" / "moi.txt").unlink()
    assert regen.first_pages(regen.analyse()) == {}


@pytest.mark.parametrize("markdown, resolves", [
    ("[a](../van-ban/co.md) [b](../van-ban/co.md#dieu-1 \"tiêu đề\")", True),
    ("[a](../van-ban/khong-co.md)", False),
    ("[a](https://example.vn/x.md) [b](#muc-1) [c](/tuyet-doi.md)", True),
    ("[a](../goc/khong-co.pdf)", False),
])
def test_pages_shown_first_link_only_to_files_already_written(tmp_path, markdown, resolves):
    from vanban.docs_tree import links_resolve

    (tmp_path / "van-ban").mkdir()
    (tmp_path / "van-ban" / "co.md").write_text("# Có\n", encoding="utf-8")
    assert links_resolve(tmp_path, {"bao-cao/x.md": markdown.encode("utf-8")}) is resolves
