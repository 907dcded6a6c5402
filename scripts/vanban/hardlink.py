"""A file a build keeps from the last one, or hands to another program: hard-linked (no copy of
its bytes), copied where the file system cannot link. Linked files are never written to
afterwards, so the original stays as it was."""

from __future__ import annotations

import os
import shutil


def link_or_copy(source: str | os.PathLike, target: str | os.PathLike) -> None:
    """`target` (which must not exist) as a hard link to `source`, or a copy of it."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
