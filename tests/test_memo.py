"""The render memo (vanban.render.memo): a page whose inputs are unchanged is not rendered again;
pickled, the memo keeps the inputs but not the texts, and once loaded reads a text from the
folder the build kept, rendering the page again when that file is missing or unreadable."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from vanban.render.memo import PageMemo

PATH = "bao-cao/mot/index.md"
TEXT = "# Báo cáo một\n\nĐoạn văn của trang, đã dựng.\r\n"
NEW = "# Báo cáo một (dựng lại)\n"


def _loaded(folder: Path, stored: bytes | None) -> PageMemo:
    memo = PageMemo()
    memo.start()
    assert memo(PATH, ("inputs", 1), lambda: TEXT) == TEXT
    data = pickle.dumps(memo)
    assert TEXT.encode("utf-8") not in data and "Đoạn văn".encode("utf-8") not in data
    if stored is not None:
        (folder / PATH).parent.mkdir(parents=True)
        (folder / PATH).write_bytes(stored)
    loaded = pickle.loads(data)
    loaded.source = folder
    loaded.start()
    return loaded


# (case, bytes in the kept folder, inputs this time, text expected, rendered again)
CASES = [
    ("unchanged inputs, text kept", TEXT.encode("utf-8"), ("inputs", 1), TEXT, False),
    ("unchanged inputs, text missing", None, ("inputs", 1), NEW, True),
    ("unchanged inputs, text not UTF-8", b"\xff\xfe bad", ("inputs", 1), NEW, True),
    ("changed inputs", TEXT.encode("utf-8"), ("inputs", 2), NEW, True),
]


@pytest.mark.parametrize("case, stored, key, expected, again", CASES, ids=[c[0] for c in CASES])
def test_a_loaded_memo_reads_kept_texts(tmp_path, case, stored, key, expected, again):
    memo = _loaded(tmp_path, stored)
    calls = []
    text = memo(PATH, key, lambda: calls.append(1) or NEW)
    assert text == expected
    assert bool(calls) == again
    assert (PATH in memo.rendered) == again
    assert (PATH in memo.stored) == (not again)  # a build links the kept file instead of writing it


def test_a_memo_in_use_keeps_its_texts(tmp_path):
    """Pickling (vanban.state) leaves the live memo whole: vanban serve renders on with it."""
    memo = PageMemo()
    memo(PATH, ("inputs", 1), lambda: TEXT)
    pickle.dumps(memo)
    assert memo(PATH, ("inputs", 1), lambda: NEW) == TEXT
