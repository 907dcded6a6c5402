"""Shared fixtures: the seed report, and throw-away copies of the project to build."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "data" / "reports" / "dong-ha-2020-xay-dung-dang.txt"
SEED_SLUG = "dong-ha-2020-xay-dung-dang"

# The real texts (../shared/corpus, beside the checkout: CI and developers have it, a user's
# clone does not). A test that reads them asks for them here and is skipped, with this reason,
# when they are absent.
CORPUS = REPO.parent / "shared" / "corpus"
NO_CORPUS = "needs the real texts of ../shared/corpus beside the checkout (CI and developers have them)"


def corpus(*parts: str) -> Path:
    """A file or folder of the shared corpus; skips the calling test when the corpus is absent."""
    if not CORPUS.is_dir():
        pytest.skip(NO_CORPUS)
    return CORPUS.joinpath(*parts)


def corpus_texts(folder: str = "") -> list:
    """The texts under a folder of the corpus (not their .source.txt), as test parameters named
    by file; without the corpus, one parameter skipped with NO_CORPUS."""
    if not CORPUS.is_dir():
        return [pytest.param(None, id="no-corpus", marks=pytest.mark.skip(reason=NO_CORPUS))]
    return [pytest.param(p, id=p.name) for p in sorted((CORPUS / folder).rglob("*.txt"))
            if not p.name.endswith(".source.txt")]


def make_project(folder: Path, reports: dict[str, str | bytes] | None = None, seed: bool = False) -> Path:
    """A project folder with the repo's mkdocs.yml and assets, and the given report files
    (with `seed`, also the seed report, the directive catalog and the glossary)."""
    shutil.copy(REPO / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(REPO / "docs" / "assets", folder / "docs" / "assets")
    reports_dir = folder / "data" / "reports"
    reports_dir.mkdir(parents=True)
    if seed:
        for path in (REPO / "data" / "reports").glob(f"{SEED_SLUG}.*"):
            shutil.copy(path, reports_dir / path.name)
        for name in ("directives.yml", "glossary.yml"):
            shutil.copy(REPO / "data" / name, folder / "data" / name)
    for name, content in (reports or {}).items():
        target = reports_dir / name
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    return folder


PROGRESS = re.compile(r"^vanban: (văn bản|tạo trang|dựng trang|tìm kiếm|nhận dạng chữ): ")


def message_lines(stderr: str) -> list[str]:
    """The lines of stderr that are messages, not the per-stage progress lines of a build."""
    return [ln for ln in stderr.splitlines() if ln.strip() and not PROGRESS.match(ln)]


def run_vanban(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run the CLI as a user would, in a subprocess."""
    return subprocess.run([sys.executable, "-m", "vanban", *args], cwd=cwd, capture_output=True, text=True)


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory) -> Path:
    """The seed project, built once for the whole test session."""
    root = make_project(tmp_path_factory.mktemp("seed"), seed=True)
    result = run_vanban("--root", str(root), "build")
    assert result.returncode == 0, result.stderr
    return root


@pytest.fixture(scope="session")
def offline_site(seed_site) -> Path:
    """The seed project's offline build (lunr search, works from file://)."""
    result = run_vanban("--root", str(seed_site), "build", "--offline")
    assert result.returncode == 0, result.stderr
    return seed_site / "site-offline"


@pytest.fixture(scope="session")
def seed_report():
    from vanban.read import read_report

    return read_report(SEED)


@pytest.fixture(scope="session")
def browser():
    """One headless Debian chromium for the whole session (Playwright allows one per thread)."""
    from browser import chromium

    with chromium() as instance:
        yield instance
