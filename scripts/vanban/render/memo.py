"""Pages kept from the previous generation with the inputs they were rendered from: a page whose
inputs compare equal is not rendered again. `vanban serve` keeps one across edits, so editing a
report re-renders its own pages and the pages of the directives it touches, not the archive.
A file made of one block per document (the open data's rows) is kept block by block. A page
rendered is kept, and given, as its UTF-8 bytes: Vietnamese text takes two bytes a character
in a Python string, about 1.5 in UTF-8 (at 1 000 reports, 0.8 GB of pages held at once as
strings, 0.5 GB as bytes).

Pickled (vanban.state), a memo keeps its pages' inputs but not their texts, which are most of
its size (the build keeps the pages it wrote instead): once loaded, a page whose inputs are
unchanged is its file in `source` (a StoredText, read only if asked for: the build links the
file), and is rendered again if the file is not there."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Hashable


class StoredText:
    """A page's text that is the file the last build kept: linked by the build, read if asked."""

    __slots__ = ("path",)

    def __init__(self, path: Path) -> None:
        self.path = path

    def read(self) -> str:
        return self.path.read_bytes().decode("utf-8")


class PageMemo:
    def __init__(self) -> None:
        # path -> (inputs, UTF-8 text); the text is None in a memo loaded from a pickle.
        self._pages: dict[str, tuple[object, bytes | None]] = {}
        # path -> (head, sep, tail, [(block name, inputs, length)]), for files made of blocks.
        self._blocks: dict[str, tuple[str, str, str, list[tuple[str, object, int]]]] = {}
        self.rendered: set[str] = set()
        self.source: Path | None = None  # where the texts of a loaded memo's pages are
        self.stored: set[str] = set()  # pages of this generation whose text is their file in `source`

    def __getstate__(self) -> dict:
        """Pickled with its pages' inputs only, as a fresh memo (see the module's docstring)."""
        fresh = PageMemo()
        fresh._pages = self._inputs_only()
        fresh._blocks = self._blocks
        return vars(fresh)

    def _inputs_only(self) -> dict[str, tuple[object, None]]:
        return {path: (key, None) for path, (key, _) in self._pages.items()}

    def start(self) -> None:
        """Begin a generation: nothing rendered yet."""
        self.rendered = set()
        self.stored = set()

    def __call__(self, path: str, key: Hashable | object, render: Callable[[], str]) -> bytes | StoredText:
        """The page at `path` (UTF-8), rendered again only if `key` (its inputs) differs from last
        time. Keys compare with ==; unchanged inputs are the same objects, so the check is cheap."""
        old = self._pages.get(path)
        if old is not None and old[0] == key:
            if old[1] is not None:
                return old[1]
            if self.source is not None and (self.source / path).is_file():
                self.stored.add(path)
                return StoredText(self.source / path)
        text = render().encode("utf-8")
        self._pages[path] = (key, text)
        self.rendered.add(path)
        return text

    def blocks(self, path: str, head: str, sep: str, tail: str,
               parts: list[tuple[str, Hashable | object, Callable[[], str]]]) -> bytes:
        """The file at `path` (UTF-8): `head`, the texts of `parts` (name, inputs, render) that
        are not empty joined by `sep`, then `tail`. A part whose inputs are unchanged takes its
        text from the file the last generation made; the others are rendered again."""
        old = self._pages.get(path)
        live = old[1].decode("utf-8") if old is not None and old[1] is not None else None
        last_text = live if live is not None else self._stored(path) if path in self._blocks else None
        last = self._last_blocks(path, head, sep, tail, last_text)
        texts, kept = [], []
        for name, key, render in parts:
            before = last.get(name)
            text = before[1] if before is not None and before[0] == key else render()
            texts.append(text)
            kept.append((name, key, len(text)))
        out = head + sep.join(t for t in texts if t) + tail
        self._blocks[path] = (head, sep, tail, kept)
        if out != last_text:
            self.rendered.add(path)
        elif live is None:
            self.stored.add(path)  # the file the last build kept, linked
        del texts, last, last_text, live
        data = out.encode("utf-8")
        self._pages[path] = (None, data)
        return data

    def _last_blocks(self, path: str, head: str, sep: str, tail: str,
                     text: str | None) -> dict[str, tuple[object, str]]:
        """The blocks of the last generation's file at `path` (its `text`), by name: (inputs,
        text); none if the file is missing or not as the memo recorded it."""
        recorded = self._blocks.get(path)
        if text is None or recorded is None or recorded[:3] != (head, sep, tail):
            return {}
        blocks = recorded[3]
        filled = sum(1 for _, _, length in blocks if length)
        size = len(head) + sum(length for _, _, length in blocks) + len(sep) * max(filled - 1, 0) + len(tail)
        if len(text) != size or not text.startswith(head) or not text.endswith(tail):
            return {}
        out, at = {}, len(head)
        for name, key, length in blocks:
            if length and at > len(head):
                at += len(sep)
            out[name] = (key, text[at:at + length])
            at += length
        return out

    def drop_texts(self) -> None:
        """Forget the pages' texts, keeping their inputs (a build that has written the pages lets
        them go before it pickles the memo); a page asked for again is its file in `source`."""
        self._pages = self._inputs_only()

    def _stored(self, path: str) -> str | None:
        """The text the last build wrote for `path`, or None if it cannot be read."""
        if self.source is None:
            return None
        try:
            return (self.source / path).read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError):
            return None

    def keep_only(self, paths) -> None:
        """Forget pages the current generation no longer has."""
        for path in set(self._pages) - set(paths):
            del self._pages[path]
        for path in set(self._blocks) - set(paths):
            del self._blocks[path]
