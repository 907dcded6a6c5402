"""Pages kept from the previous generation with the inputs they were rendered from: a page whose
inputs compare equal is not rendered again. `vanban serve` keeps one across edits, so editing a
report re-renders its own pages and the pages of the directives it touches, not the archive."""

from __future__ import annotations

from typing import Callable, Hashable


class PageMemo:
    def __init__(self) -> None:
        self._pages: dict[str, tuple[object, str]] = {}
        self.rendered: set[str] = set()

    def start(self) -> None:
        """Begin a generation: nothing rendered yet."""
        self.rendered = set()

    def __call__(self, path: str, key: Hashable | object, render: Callable[[], str]) -> str:
        """The page at `path`, rendered again only if `key` (its inputs) differs from last time.
        Keys compare with ==; unchanged inputs are the same objects, so the check is cheap."""
        old = self._pages.get(path)
        if old is not None and old[0] == key:
            return old[1]
        text = render()
        self._pages[path] = (key, text)
        self.rendered.add(path)
        return text

    def keep_only(self, paths) -> None:
        """Forget pages the current generation no longer has."""
        for path in set(self._pages) - set(paths):
            del self._pages[path]
