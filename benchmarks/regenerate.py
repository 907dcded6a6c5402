"""Time `vanban serve`'s regeneration after an edit to one report, on a synthetic archive.

Usage: python benchmarks/regenerate.py [N] [--edits K]
Generates the archive's pages once (as `vanban serve` does at start), then for K reports: adds a
sentence citing a new directive, regenerates and writes docs/, then takes it out and does it
again (two real edits each); prints the time of each run and the pages rendered and written.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import make_project  # noqa: E402

from vanban.regenerate import Regenerator  # noqa: E402
from vanban.site import write_docs  # noqa: E402

ADDED = " Đồng thời thực hiện Chỉ thị số 99-CT/TW ngày 02/3/2019 của Ban Bí thư."


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("n", nargs="?", type=int, default=100)
    parser.add_argument("--edits", type=int, default=6)
    args = parser.parse_args()
    root = make_project(Path(tempfile.mkdtemp(prefix="vanban-regen-")) / "p", args.n)
    regen = Regenerator(root)
    started = time.perf_counter()
    first = regen.run()
    write_docs(root, first)
    print(f"N={args.n}: first generation {time.perf_counter() - started:.2f} s, {len(first.pages)} pages")
    reports = sorted((root / "data" / "reports").glob("*.txt"))
    times = []
    for i in range(args.edits):
        path = reports[(i * 7919) % len(reports)]
        original = path.read_text(encoding="utf-8")
        line = max(original.splitlines()[20:], key=len)
        # Two real edits per report: the sentence added, then taken out again (each changes the
        # file; a rewrite of unchanged text would time nothing).
        for label, text in (("edit", original.replace(line, line + ADDED, 1)), ("undo", original)):
            path.write_text(text, encoding="utf-8")
            started = time.perf_counter()
            generated = regen.run()
            written = write_docs(root, generated)
            times.append(time.perf_counter() - started)
            print(f"{label} {i + 1} ({path.name}): {times[-1]:.3f} s, {len(generated.rendered)} pages rendered, "
                  f"{len(written)} files written")
    print(f"regeneration after one edit: median {statistics.median(times):.3f} s "
          f"(min {min(times):.3f}, max {max(times):.3f})")


if __name__ == "__main__":
    main()
