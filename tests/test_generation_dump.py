"""The generation's caches pickled in a thread while the engine runs: written, then let go (or
kept, for vanban serve); a dump that fails says so, and the build keeps no caches instead."""

from __future__ import annotations

import pickle

import pytest

from vanban.state import GenerationDump

CACHES = {"bao-cao/a.md": ("inputs", [1, 2, 3]), "đ": "Đảng bộ"}


@pytest.mark.parametrize("keep, released", [(False, ["released"]), (True, [])])
def test_a_dump_writes_the_caches_then_lets_them_go(tmp_path, keep, released):
    calls: list[str] = []
    dump = GenerationDump(CACHES, tmp_path / "generation.pickle", lambda: calls.append("released"), keep=keep)
    assert dump.wait() is True
    assert pickle.loads((tmp_path / "generation.pickle").read_bytes()) == CACHES
    assert calls == released


def test_a_dump_that_fails_says_so(tmp_path):
    calls: list[str] = []
    dump = GenerationDump(CACHES, tmp_path / "missing" / "generation.pickle", lambda: calls.append("released"))
    assert dump.wait() is False
    assert dump.wait() is False  # waiting again (the build's last step) answers the same
    assert calls == ["released"]  # let go all the same


def test_an_unpicklable_generation_is_a_failed_dump(tmp_path):
    dump = GenerationDump({"f": lambda: None}, tmp_path / "generation.pickle", lambda: None)
    assert dump.wait() is False
