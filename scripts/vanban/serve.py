"""`vanban serve`: build, then let MkDocs serve docs/ while vanban regenerates it when data/ changes.

vanban keeps its stages' results between edits (vanban.regenerate) and writes only the pages
whose text changed; MkDocs runs with `--dirty`, so it rebuilds only those pages. The Pagefind
search index is built once, at start.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from vanban.errors import VanbanError
from vanban.regenerate import Regenerator
from vanban.site import SERVE_CONFIG, WORK_DIR, build, generate, write_docs

POLL_SECONDS = 1.0


def snapshot(folder: Path) -> dict[str, tuple[float, int]]:
    """Modification time and size of every file under `folder`."""
    return {
        str(p): (p.stat().st_mtime, p.stat().st_size)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def serve(root: Path, address: str) -> int:
    regenerator = Regenerator(root)
    build(root, regenerator=regenerator)
    cmd = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dirty", "-a", address,
           "-f", str(root / WORK_DIR / SERVE_CONFIG)]
    proc = subprocess.Popen(cmd, cwd=root)
    data = root / "data"
    seen = snapshot(data)
    try:
        while proc.poll() is None:
            time.sleep(POLL_SECONDS)
            now = snapshot(data)
            if now == seen:
                continue
            seen = now
            started = time.perf_counter()
            try:
                changed = write_docs(root, generate(root, regenerator=regenerator))
            except VanbanError as exc:
                print(exc, file=sys.stderr)
                continue
            print(f"vanban: data/ changed; {changed} page(s) regenerated in "
                  f"{time.perf_counter() - started:.2f} s", file=sys.stderr)
    except KeyboardInterrupt:
        pass
    finally:
        if proc.poll() is None:
            proc.terminate()
            proc.wait()
    return 0
