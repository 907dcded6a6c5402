"""Pages kept from the previous generation with the inputs they were rendered from: a page whose
inputs compare equal is not rendered again. `vanban serve` keeps one across edits, so editing a
report re-renders its own pages and the pages of the directives it touches, not the archive.

Pickled (vanban.state), a memo keeps its pages' inputs but not their texts, which are most of
its size (the build keeps the pages it wrote instead): once loaded, it reads a page's text from
`source` when its inputs are unchanged, and renders it again if the file is not there."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Hashable


class PageMemo:
    def __init__(self) -> None:
        # path -> (inputs, text); the text is None in a memo loaded from a pickle.
        self._pages: dict[str, tuple[object, str | None]] = {}
        self.rendered: set[str] = set()
        self.source: Path | None = None  # where the texts of a loaded memo's pages are
        self.stored: set[str] = set()  # pages of this generation whose text is their file in `source`

    def __getstate__(self) -> dict:
        """Pickled with its pages' inputs only, as a fresh memo (see the module's docstring)."""
        fresh = PageMemo()
        fresh._pages = self._inputs_only()
        return vars(fresh)

    def _inputs_only(self) -> dict[str, tuple[object, None]]:
        return {path: (key, None) for path, (key, _) in self._pages.items()}

    def start(self) -> None:
        """Begin a generation: nothing rendered yet."""
        self.rendered = set()
        self.stored = set()

    def __call__(self, path: str, key: Hashable | object, render: Callable[[], str]) -> str:
        """The page at `path`, rendered again only if `key` (its inputs) differs from last time.
        Keys compare with ==; unchanged inputs are the same objects, so the check is cheap."""
        old = self._pages.get(path)
        if old is not None and old[0] == key:
            if old[1] is not None:
                return old[1]
            text = self._stored(path)
            if text is not None:
                self.stored.add(path)
                return text
        text = render()
        self._pages[path] = (key, text)
        self.rendered.add(path)
        return text

    def drop_texts(self) -> None:
        """Forget the pages' texts, keeping their inputs (a build that has written the pages lets
        them go before it pickles the memo); a page asked for again is read from `source`."""
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
