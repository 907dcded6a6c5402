"""Folders a build replaces (the last site, the last state): renamed aside at once, so that the
build goes on as if they were gone, and deleted by a process of its own that the build does not
wait for (the last site's tens of thousands of files, most of them hard links the new site
shares, take seconds to unlink). A deletion cut short is started again by the next build."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

PREFIX = "discarded-"


def discard(folder: Path, work: Path) -> None:
    """Take `folder` away now (a rename into `work`, on the same file system) and delete it in
    the background; nothing if it does not exist."""
    if not folder.exists():
        return
    aside = Path(tempfile.mkdtemp(prefix=PREFIX, dir=work))
    folder.replace(aside / folder.name)
    _delete_in_background(aside)


def sweep(work: Path) -> None:
    """Delete in the background what a deletion cut short left in `work` (the machine stopped)."""
    for aside in sorted(work.glob(PREFIX + "*")):
        _delete_in_background(aside)


def _delete_in_background(folder: Path) -> None:
    try:
        subprocess.Popen(["rm", "-rf", "--", str(folder)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError:  # no `rm` (not a POSIX system): deleted here, waited for
        shutil.rmtree(folder, ignore_errors=True)
