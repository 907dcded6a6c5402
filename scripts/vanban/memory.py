"""Give the memory of dropped objects back to the system, so the processes a build starts next
(the engine's workers, Pagefind) do not run beside a process still the size of the archive."""

from __future__ import annotations

import ctypes
import gc


def release(collect: bool = True) -> None:
    """Collect garbage (unless `collect` is false: what was dropped held no cycles, and a full
    pass over a generation of millions of objects takes a second or more), then ask the C
    library to return its free pages (glibc's malloc_trim; without it, what Python frees on its
    own)."""
    if collect:
        gc.collect()
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):
        pass
