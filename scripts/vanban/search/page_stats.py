"""What the search steps learn of each built page (does Material's search run on it, how much
article HTML Pagefind indexes, a digest of what Pagefind reads), kept across builds by file
identity: an incremental build hard-links unchanged pages from the last site, so a page with
the same inode, modification time and size is the same file, and is not read again."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class PageStat:
    searched: bool  # Material's search runs on the page (it was prepared for Pagefind)
    article: int  # bytes of article HTML Pagefind indexes (0: not indexed)
    digest: bytes  # of what Pagefind reads of the page (vanban.search.pagefind.indexed_bytes)
    group: str | None = None  # the page it is indexed beside (its SHARD_WITH mark), if any


def identity(path: Path) -> tuple[int, int, int]:
    st = os.stat(path)
    return st.st_ino, st.st_mtime_ns, st.st_size


class PageStats:
    """The last build's stats (`known`, by path under the site) and this build's (`now`)."""

    def __init__(self, known: dict | None = None):
        self.known: dict[str, tuple[tuple, PageStat]] = known or {}
        self.now: dict[str, tuple[tuple, PageStat]] = {}

    def get(self, rel: str, path: Path) -> PageStat | None:
        """The stats of a file unchanged since this build or the last one learnt them, or None."""
        now = identity(path)
        for stats in (self.now, self.known):
            kept = stats.get(rel)
            if kept is not None and kept[0] == now:
                self.now[rel] = kept
                return kept[1]
        return None

    def put(self, rel: str, path: Path, stat: PageStat) -> PageStat:
        self.now[rel] = (identity(path), stat)
        return stat
