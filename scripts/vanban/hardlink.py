"""A file a build keeps from the last one, or hands to another program: hard-linked (no copy of
its bytes), copied where the file system cannot link. Linked files are never written to
afterwards, so the original stays as it was."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path


def link_or_copy(source: str | os.PathLike, target: str | os.PathLike) -> None:
    """`target` (which must not exist) as a hard link to `source`, or a copy of it."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def link_tree(source: Path, target: Path, linked: Callable[[str], bool]) -> None:
    """`target` (replaced) as a copy of the folder `source`: the files whose path (POSIX,
    relative) is `linked` hard-linked (whoever writes there next must replace them, never write
    through), the others copied (a program may write those where they are)."""
    shutil.rmtree(target, ignore_errors=True)
    for folder, subfolders, names in os.walk(source):
        subfolders.sort()
        rel = Path(folder).relative_to(source).as_posix()
        out = target if rel == "." else target / rel
        out.mkdir(parents=True, exist_ok=True)
        for name in sorted(names):
            path = name if rel == "." else f"{rel}/{name}"
            if linked(path):
                try:
                    os.link(os.path.join(folder, name), out / name)
                    continue
                except OSError:
                    pass
            shutil.copy2(os.path.join(folder, name), out / name)
