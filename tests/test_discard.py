"""A folder a build replaces is gone from its place at once and deleted in the background; a
deletion cut short is finished by the next build; without `rm` it is deleted in place."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest

from vanban.discard import PREFIX, discard, sweep


def _tree(folder: Path, files: int = 200) -> Path:
    for i in range(files):
        path = folder / f"d{i % 20}" / f"f{i}.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x" * 100, encoding="utf-8")
    return folder


def _left(work: Path, wait: float = 20.0) -> list[str]:
    """What is still set aside in `work` once the background deletions had `wait` seconds."""
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline and list(work.glob(PREFIX + "*")):
        time.sleep(0.05)
    return [p.name for p in work.iterdir()]


@pytest.mark.parametrize("name", ["site", "state"])
def test_a_discarded_folder_is_gone_at_once_and_deleted_soon(tmp_path, name):
    work = tmp_path / ".vanban"
    work.mkdir()
    folder = _tree(tmp_path / name if name == "site" else work / name)
    discard(folder, work)
    assert not folder.exists()  # the build goes on as if it were deleted
    assert _left(work) == []


def test_discarding_nothing_sets_nothing_aside(tmp_path):
    discard(tmp_path / "site", tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_the_next_build_finishes_a_deletion_cut_short(tmp_path):
    _tree(tmp_path / f"{PREFIX}abc123" / "site")
    _tree(tmp_path / f"{PREFIX}def456" / "state")
    (tmp_path / "state").mkdir()
    sweep(tmp_path)
    assert _left(tmp_path) == ["state"]


def test_without_rm_the_folder_is_deleted_in_place(tmp_path, monkeypatch):
    def no_rm(*args, **kwargs):
        raise FileNotFoundError("rm")

    monkeypatch.setattr(subprocess, "Popen", no_rm)
    folder = _tree(tmp_path / "site")
    discard(folder, tmp_path)
    assert list(tmp_path.iterdir()) == []  # nothing left to wait for
