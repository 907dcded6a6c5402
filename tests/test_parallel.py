"""`vanban build --jobs N`: pages built in N processes give the site MkDocs' own serial build gives,
byte for byte (search index included), and the same one-line failures; it fails the day MkDocs'
page-level steps it builds on change."""

from __future__ import annotations

import filecmp
import shutil
from pathlib import Path

import pytest

from conftest import corpus, make_project, message_lines, run_vanban

# Real texts of other shapes as reports, and real directive texts (their own pages, with provisions).
EXTRA = ["07-hanoi-chi-thi-quoc-phong-2010.txt", "13-binhdinh-hnqt-nq-tw11-2025.txt",
         "23-dbsh-phat-trien-dang-vien-co-dao.txt"]
DIRECTIVES = ["quy-dinh-383-qd-tw-2025.txt", "nghi-quyet-10-nq-tw-2022.txt", "ket-luan-212-kl-tw-2025.txt"]


def _project(folder: Path) -> Path:
    root = make_project(folder, seed=True)
    for name in EXTRA:
        shutil.copy(corpus("extra", name), root / "data" / "reports" / name)
    (root / "data" / "directives").mkdir()
    for name in DIRECTIVES:
        shutil.copy(corpus("directives", name), root / "data" / "directives" / name)
    # A hand-written page in the nav without a title: every page's nav shows the title and the
    # subtitle its own Markdown gives (rendered in one worker, shown by all: its heading, not its source).
    (root / "docs" / "gioi-thieu.md").write_text("---\nsubtitle: Trang viết tay\n---\n\n# Giới thiệu **trang** { #gioi-thieu-trang }\n\nNội dung.\n",
                                                 encoding="utf-8")
    # One whose front matter gives its title (read only for the nav, rendered with the other
    # pages): the nav shows that title, not its heading's.
    (root / "docs" / "huong-dan.md").write_text("---\ntitle: Hướng dẫn đọc\n---\n\n# Tiêu đề trong trang\n\n"
                                                "Xem [giới thiệu](gioi-thieu.md#gioi-thieu-trang).\n", encoding="utf-8")
    with open(root / "mkdocs.yml", "a", encoding="utf-8") as config:
        config.write("\nnav:\n  - gioi-thieu.md\n  - huong-dan.md\n")
    return root


def _tree(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*")) if p.is_file()}


def _differences(a: Path, b: Path) -> list[str]:
    """Files only in one site, or whose bytes differ."""
    left, right = _tree(a), _tree(b)
    out = sorted(set(left) ^ set(right))
    out += [rel for rel in sorted(set(left) & set(right)) if not filecmp.cmp(left[rel], right[rel], shallow=False)]
    return out


@pytest.fixture(scope="module")
def serial(tmp_path_factory) -> Path:
    """The project built by MkDocs itself, in one process."""
    root = _project(tmp_path_factory.mktemp("serial"))
    result = run_vanban("--root", str(root), "build", "--jobs", "1")
    assert result.returncode == 0, result.stderr
    return root


@pytest.mark.parametrize("jobs", ["2", "3"])
def test_pages_built_in_parallel_equal_mkdocs_own_build(serial, tmp_path, jobs):
    root = _project(tmp_path)
    result = run_vanban("--root", str(root), "build", "--jobs", jobs)
    assert result.returncode == 0, result.stderr
    pages = _tree(root / "site")
    assert sum(rel.endswith(".html") for rel in pages) > 100
    assert any(rel.startswith("pagefind/s0/") for rel in pages)
    assert _differences(serial / "site", root / "site") == []
    listing = (root / "site" / "bao-cao" / "index.html").read_text(encoding="utf-8")
    assert "Giới thiệu trang" in listing and "Hướng dẫn đọc" in listing and "Tiêu đề trong trang" not in listing
    again = run_vanban("--root", str(serial), "build", "--jobs", "1")
    assert message_lines(result.stderr)[:-1] == message_lines(again.stderr)[:-1]  # the warnings, in order


def test_properdocs_pages_in_parallel_equal_its_own_build(serial, tmp_path):
    root = _project(tmp_path)
    built = {}
    for jobs in ("1", "2"):
        result = run_vanban("--root", str(root), "build", "--engine", "properdocs", "--jobs", jobs)
        assert result.returncode == 0, result.stderr
        built[jobs] = tmp_path / f"site-{jobs}"
        shutil.move(root / "site", built[jobs])
    assert _differences(built["1"], built["2"]) == []


# A hand-written page with what MkDocs' strict mode refuses: each build, serial or parallel,
# fails with the same first line, and leaves the last site in place.
BROKEN = [
    ("[gone](khong-co.md)", "WARNING -  Doc file 'loi.md' contains a link 'khong-co.md', but the target is not found"),
    ("[no anchor](index.md#khong-co-muc-nay)",
     "WARNING -  Doc file 'loi.md' contains a link 'index.md#khong-co-muc-nay', but the doc 'index.md' does not contain an anchor '#khong-co-muc-nay'"),
]


@pytest.mark.parametrize("link, first", BROKEN)
def test_a_refused_page_fails_alike_with_any_jobs(serial, tmp_path, link, first):
    root = make_project(tmp_path, seed=True)
    assert run_vanban("--root", str(root), "build").returncode == 0
    before = {rel: p.read_bytes() for rel, p in _tree(root / "site").items() if rel.endswith(".html")}
    (root / "docs" / "loi.md").write_text(f"# Trang lỗi\n\n{link}\n", encoding="utf-8")
    for jobs in ("1", "2"):
        result = run_vanban("--root", str(root), "build", "--jobs", jobs)
        assert result.returncode == 1
        lines = message_lines(result.stderr)
        assert len(lines) == 1, result.stderr
        assert lines[0].startswith(f"mkdocs.yml: error: MkDocs không dựng được trang web: {first}"), lines[0]
        after = {rel: p.read_bytes() for rel, p in _tree(root / "site").items() if rel.endswith(".html")}
        assert after == before


def test_an_engine_that_writes_no_site_leaves_the_last_one(tmp_path, monkeypatch):
    """An engine that ends without an error but writes no site: the build fails naming
    mkdocs.yml, and the last site stays in place (it is not discarded for nothing)."""
    import vanban.site
    from vanban.errors import VanbanError

    root = make_project(tmp_path, seed=True)
    assert run_vanban("--root", str(root), "build").returncode == 0
    before = {rel: p.read_bytes() for rel, p in _tree(root / "site").items()}
    monkeypatch.setattr(vanban.site, "run_mkdocs", lambda *args, **kwargs: None)
    with pytest.raises(VanbanError) as failed:
        vanban.site.build(root, jobs=1)
    assert str(failed.value) == "mkdocs.yml: error: MkDocs chạy xong nhưng không tạo ra trang web nào"
    assert {rel: p.read_bytes() for rel, p in _tree(root / "site").items()} == before


@pytest.mark.parametrize("value", ["0", "-1", "two", "1.5"])
def test_jobs_wants_a_whole_number(tmp_path, value):
    result = run_vanban("--root", str(tmp_path), "build", "--jobs", value)
    assert result.returncode == 2
    assert "--jobs" in result.stderr and "Traceback" not in result.stderr
