"""The render memo (vanban.render.memo): a page whose inputs are unchanged is not rendered again;
pickled, the memo keeps the inputs but not the texts, and once loaded takes an unchanged page's
text to be its file in the folder the build kept (linked, read only if asked for), rendering the
page again when that file is missing. The memo gives a page rendered as its UTF-8 bytes (half the
memory of a Python string of Vietnamese text)."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from vanban.render.memo import PageMemo, StoredText

PATH = "bao-cao/mot/index.md"
TEXT = "# Báo cáo một\n\nĐoạn văn của trang, đã dựng.\r\n"
NEW = "# Báo cáo một (dựng lại)\n"


def _loaded(folder: Path, stored: bytes | str | None) -> PageMemo:
    memo = PageMemo()
    memo.start()
    assert memo(PATH, ("inputs", 1), lambda: TEXT) == TEXT.encode("utf-8")
    data = pickle.dumps(memo)
    assert TEXT.encode("utf-8") not in data and "Đoạn văn".encode("utf-8") not in data
    if stored == "folder":
        (folder / PATH).mkdir(parents=True)
    elif stored is not None:
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
    ("unchanged inputs, a folder where the text was", "folder", ("inputs", 1), NEW, True),
    ("changed inputs", TEXT.encode("utf-8"), ("inputs", 2), NEW, True),
]


@pytest.mark.parametrize("case, stored, key, expected, again", CASES, ids=[c[0] for c in CASES])
def test_a_loaded_memo_reads_kept_texts(tmp_path, case, stored, key, expected, again):
    memo = _loaded(tmp_path, stored)
    calls = []
    text = memo(PATH, key, lambda: calls.append(1) or NEW)
    assert isinstance(text, StoredText) != again  # a kept text is its file, not read
    assert (text.read() if isinstance(text, StoredText) else text.decode("utf-8")) == expected
    assert bool(calls) == again
    assert (PATH in memo.rendered) == again
    assert (PATH in memo.stored) == (not again)  # a build links the kept file instead of writing it


def test_a_memo_in_use_keeps_its_texts(tmp_path):
    """Pickling (vanban.state) leaves the live memo whole: vanban serve renders on with it."""
    memo = PageMemo()
    memo(PATH, ("inputs", 1), lambda: TEXT)
    pickle.dumps(memo)
    assert memo(PATH, ("inputs", 1), lambda: NEW) == TEXT.encode("utf-8")


# A file of blocks, as the open data's rows per document: head, non-empty blocks joined, tail.
FILE = "du-lieu/trich-dan.json"
HEAD, SEP, TAIL = "[\n", ",\n", "\n]\n"
FIRST = [("a", 1, '{"r":"a1"},\n{"r":"á2"}'), ("b", 1, ""), ("c", 1, '{"r":"c1"}'), ("đ", 1, '{"r":"đ1"}')]


def _blocks(memo: PageMemo, blocks: list[tuple[str, int, str]], calls: list[str]) -> str:
    data = memo.blocks(FILE, HEAD, SEP, TAIL,
                       [(name, key, lambda n=name, t=text: calls.append(n) or t) for name, key, text in blocks])
    assert isinstance(data, bytes)
    return data.decode("utf-8")


def _loaded_blocks(folder: Path, stored: str | None) -> PageMemo:
    memo = PageMemo()
    memo.start()
    made = _blocks(memo, FIRST, [])
    assert made == '[\n{"r":"a1"},\n{"r":"á2"},\n{"r":"c1"},\n{"r":"đ1"}\n]\n'  # the empty block leaves no comma
    memo.drop_texts()
    loaded = pickle.loads(pickle.dumps(memo))
    if stored is not None:
        (folder / FILE).parent.mkdir(parents=True)
        (folder / FILE).write_text(made if stored == "same" else stored, encoding="utf-8")
    loaded.source = folder
    loaded.start()
    return loaded


# (case, the kept file, blocks this time, blocks rendered again)
BLOCK_CASES = [
    ("nothing changed", "same", FIRST, []),
    ("one block changed", "same", [FIRST[0], FIRST[1], ("c", 2, '{"r":"c1 mới"}'), FIRST[3]], ["c"]),
    ("a block emptied", "same", [FIRST[0], FIRST[1], ("c", 2, ""), FIRST[3]], ["c"]),
    ("an empty block filled", "same", [FIRST[0], ("b", 2, '{"r":"b1"}'), FIRST[2], FIRST[3]], ["b"]),
    ("a block removed", "same", [FIRST[0], FIRST[2], FIRST[3]], []),
    ("a block added first", "same", [("0", 1, '{"r":"01"}')] + FIRST, ["0"]),
    ("blocks in another order", "same", [FIRST[3], FIRST[0], FIRST[2], FIRST[1]], []),
    ("kept file missing", None, FIRST, ["a", "b", "c", "đ"]),
    ("kept file edited", '[\n{"r":"a1"}\n]\n', FIRST, ["a", "b", "c", "đ"]),
]


@pytest.mark.parametrize("case, stored, blocks, again", BLOCK_CASES, ids=[c[0] for c in BLOCK_CASES])
def test_a_file_of_blocks_renders_again_only_the_changed_blocks(tmp_path, case, stored, blocks, again):
    memo = _loaded_blocks(tmp_path, stored)
    calls: list[str] = []
    text = _blocks(memo, blocks, calls)
    assert text == HEAD + SEP.join(t for _, _, t in blocks if t) + TAIL
    assert calls == again
    unchanged = text == (tmp_path / FILE).read_text(encoding="utf-8") if stored == "same" else False
    assert (FILE in memo.stored) == unchanged  # the kept file is linked, not written again
    assert (FILE in memo.rendered) == (not unchanged)


def test_a_file_of_blocks_pickles_without_its_text(tmp_path):
    memo = PageMemo()
    _blocks(memo, FIRST, [])
    assert '"r":"c1"'.encode("utf-8") not in pickle.dumps(memo)
    calls: list[str] = []
    memo.start()
    assert _blocks(memo, FIRST, calls).count("c1") == 1 and calls == []  # the live memo keeps it
    assert FILE not in memo.rendered | memo.stored  # unchanged in a memo in use: nothing to write
