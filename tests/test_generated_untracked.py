"""Generated output is never tracked: what a build writes into docs/ is listed in the manifest
and kept out of git by the docs/.gitignore the build writes from it (checked with git itself);
a stale generated file of an older version is replaced, a hand-written one is refused."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import REPO, make_project, run_vanban
from vanban.docs_tree import ignore_text

GIT = shutil.which("git")
needs_git = pytest.mark.skipif(GIT is None, reason="git is not installed")


def _git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True).stdout


def _tree(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


# (hand-written files in docs/, generated paths) -> the patterns below the heading line
IGNORE_CASES = [
    ({"assets/a.css": ""}, {"index.md", "bao-cao/a.md", "bao-cao/b.md", "du-lieu/x.json"},
     ["/.gitignore", "/.vanban-generated.json", "/bao-cao/", "/du-lieu/", "/index.md"]),
    # a hand-written page beside generated ones: each generated file a line of its own
    ({"bao-cao/ghi-chu.md": ""}, {"bao-cao/a.md", "bao-cao/b/c.md"},
     ["/.gitignore", "/.vanban-generated.json", "/bao-cao/a.md", "/bao-cao/b/"]),
    # deeper: the folder below the mixed one is whole
    ({"a/b/viet-tay.md": ""}, {"a/b/c/d.md", "a/e/f.md"},
     ["/.gitignore", "/.vanban-generated.json", "/a/b/c/", "/a/e/"]),
    # names with gitignore's special characters are literal
    ({}, {"x[1]*.md"}, ["/.gitignore", "/.vanban-generated.json", "/x\\[1\\]\\*.md"]),
]


@pytest.mark.parametrize("hand, generated, expected", IGNORE_CASES)
def test_ignore_lines(tmp_path, hand, generated, expected):
    docs = _tree(tmp_path, {**hand, **{rel: "" for rel in generated}})
    lines = ignore_text(docs, generated).splitlines()
    assert lines[0].startswith("#") and lines[1:] == expected


@needs_git
def test_a_built_project_leaves_git_status_clean(tmp_path):
    """A project under git with the repository's .gitignore: after a build, git sees only the
    hand-written files, and git itself says every page of the manifest is ignored."""
    root = make_project(tmp_path, seed=True)
    (root / "docs" / "gioi-thieu.md").write_text("# Giới thiệu\n", encoding="utf-8")
    shutil.copy(REPO / ".gitignore", root / ".gitignore")
    _git(root, "init", "-q")
    before = sorted(_git(root, "status", "--porcelain", "--untracked-files=all").splitlines())
    assert run_vanban("--root", str(root), "build").returncode == 0
    after = sorted(_git(root, "status", "--porcelain", "--untracked-files=all").splitlines())
    assert after == before
    manifest = json.loads((root / "docs" / ".vanban-generated.json").read_text(encoding="utf-8"))
    assert "du-lieu/bao-cao.json" in manifest and "don-vi/index.md" in manifest
    ignored = _git(root, "check-ignore", *(f"docs/{rel}" for rel in manifest)).splitlines()
    assert len(ignored) == len(manifest)
    assert subprocess.run(["git", "check-ignore", "-q", "docs/gioi-thieu.md"], cwd=root).returncode == 1


@needs_git
def test_this_checkout_tracks_no_generated_page(seed_site):
    """The repository itself: no file a build generates is tracked (a clean clone must build)."""
    if not (REPO / ".git").exists():
        pytest.skip("not a git checkout")
    manifest = json.loads((seed_site / "docs" / ".vanban-generated.json").read_text(encoding="utf-8"))
    tracked = set(_git(REPO, "ls-files", "docs").splitlines())
    assert tracked, "git ls-files found nothing: the check would pass vacuously"
    assert not tracked & {f"docs/{rel}" for rel in manifest}


# (path in docs/, stale content, replaced?)
STALE_CASES = [
    # an older version's open data: rows with ids, a schema titled as ours, a CSV with our columns
    ("du-lieu/bao-cao.json", '[\n{"id":"cu","title":"Báo cáo cũ"}\n]\n', True),
    ("du-lieu/trich-dan.json", '[\n{"document":"cu","raw":"Chỉ thị 05"}\n]\n', True),
    ("du-lieu/kiem-tra.json", "[]\n", True),
    ("du-lieu/bao-cao.schema.json", '{"title": "bao-cao.json", "type": "array"}\n', True),
    ("du-lieu/trich-dan.csv", "document,anchor\ncu,p-1\n", True),
    ("don-vi/index.md", '---\ngenerated_by: "vanban, from data/reports"\n---\n# Cấp ủy\n', True),
    # hand-written files at those paths
    ("du-lieu/bao-cao.json", '{"ghi chú": "viết tay"}\n', False),
    ("du-lieu/trich-dan.json", '[{"ghi chú": "viết tay"}]\n', False),
    ("du-lieu/trich-dan.csv", "tên,ghi chú\n", False),
    ("don-vi/index.md", "# Các cấp ủy (viết tay)\n", False),
    (".gitignore", "*.bak\n", False),
]


@pytest.mark.parametrize("rel, content, replaced", STALE_CASES)
def test_stale_generated_files_replaced_hand_written_refused(tmp_path, rel, content, replaced):
    root = make_project(tmp_path, seed=True)
    _tree(root / "docs", {rel: content})
    result = run_vanban("--root", str(root), "build")
    after = (root / "docs" / rel).read_text(encoding="utf-8")
    if replaced:
        assert result.returncode == 0, result.stderr
        assert after != content
    else:
        assert result.returncode == 1 and f"docs/{rel}: error:" in result.stderr
        assert after == content and not (root / "site").exists()
