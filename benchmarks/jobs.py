"""Whole builds as a user runs them, on synthetic archives of N reports: `vanban build --jobs 1`
(MkDocs' own serial build), `--jobs J --clean` (pages in J processes), then incremental builds
after one report is edited and after one is added; wall time and peak memory of the whole
process tree (the sum of proportional set sizes, sampled); with --browser, the three queries'
first results in Chromium (cold, median of --runs), and each typed a key at a time, 150 ms apart
(search.py --keyed: from the last key to the last change of the results). Prints Markdown
tables; asserts nothing.

Usage: python benchmarks/jobs.py [N ...] [--jobs J] [--browser] [--runs R] [--keep DIR] [--no-serial]
(--no-serial: leave out the serial build, whose figures do not change with vanban.parallel)
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
QUERIES = ("35-NQ/TW", "nghi quyet 35", "dang vien")


def _tree_pss_kb(pid: int) -> int:
    """Proportional set size of a process and all its descendants (shared pages counted once)."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat") as f:
                    parent = int(f.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(parent, []).append(int(entry.name))
            except (OSError, ValueError, IndexError):
                pass
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        todo += children.get(p, [])
        try:
            with open(f"/proc/{p}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
                        break
        except OSError:
            pass
    return total


def run(root: Path, *args: str) -> tuple[float, float]:
    """`vanban build ARGS` in `root`: wall seconds and peak MB of its process tree."""
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "vanban", "--root", str(root), "build", *args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = [0]

    def sample():
        while proc.poll() is None:
            peak[0] = max(peak[0], _tree_pss_kb(proc.pid))
            time.sleep(0.25)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    sampler.join()
    if proc.returncode:
        raise SystemExit(f"build failed in {root}: {err.strip().splitlines()[-1]}")
    return time.perf_counter() - started, peak[0] / 1024


def edit_one(root: Path) -> None:
    """A sentence added to the longest paragraph of the first report (as benchmarks/regenerate.py)."""
    path = sorted((root / "data" / "reports").glob("*.txt"))[0]
    lines = path.read_text(encoding="utf-8").split("\n")
    i = max(range(len(lines)), key=lambda n: len(lines[n]))
    lines[i] += " Câu này được thêm vào để đo bản dựng lại."
    path.write_text("\n".join(lines), encoding="utf-8")


def add_one(root: Path, n: int) -> None:
    """One more synthetic report, as the archive's own were made."""
    from corpus import directive_pool, report, sentences

    rng = random.Random(99)
    text, sidecar = report(n, rng, directive_pool(random.Random(2021)), sentences())
    (root / "data" / "reports" / f"bao-cao-{n:04d}.txt").write_text(text, encoding="utf-8")
    (root / "data" / "reports" / f"bao-cao-{n:04d}.yml").write_text(sidecar, encoding="utf-8")


def measure(n: int, folder: Path, jobs: int, browser: bool, runs: int, serial: bool = True) -> dict:
    from corpus import make_project

    root = make_project(folder / f"n{n}", n)
    row: dict = {"n": n, "serial_s": float("nan"), "serial_mb": float("nan")}
    if serial:
        row["serial_s"], row["serial_mb"] = run(root, "--jobs", "1")
        print(f"N={n}: --jobs 1: {row['serial_s']:.1f} s, {row['serial_mb']:.0f} MB", file=sys.stderr, flush=True)
    row["parallel_s"], row["parallel_mb"] = run(root, "--jobs", str(jobs), "--clean")
    print(f"N={n}: --jobs {jobs}: {row['parallel_s']:.1f} s, {row['parallel_mb']:.0f} MB", file=sys.stderr, flush=True)
    if browser:
        import statistics

        from search import keyed_figures, query_figures

        row["search"] = {q: query_figures(root / "site", q, runs=runs) for q in QUERIES}
        for q in QUERIES:
            row["search"][q]["keyed_ms"] = statistics.median(keyed_figures(root / "site", q, runs=runs))
    edit_one(root)
    row["edit_s"], row["edit_mb"] = run(root, "--jobs", str(jobs))
    add_one(root, n)
    row["add_s"], row["add_mb"] = run(root, "--jobs", str(jobs))
    print(f"N={n}: one report edited: {row['edit_s']:.1f} s; one added: {row['add_s']:.1f} s", file=sys.stderr, flush=True)
    return row


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("sizes", nargs="*", type=int, default=[1, 10, 100])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--browser", action="store_true")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="build the archives here and keep them")
    parser.add_argument("--no-serial", action="store_true", help="leave out the --jobs 1 build")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="vanban-jobs-"))
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    try:
        for n in args.sizes:
            rows.append(measure(n, folder, args.jobs, args.browser, args.runs, not args.no_serial))
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    j = args.jobs
    print(f"| N | `--jobs 1` | `--jobs {j}` | ratio | speed-up per added worker | peak MB (1 / {j}) "
          f"| one report edited (÷ full) | one added (÷ full) | peak MB (edited / added) |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        speedup = r["serial_s"] / r["parallel_s"]
        print(f"| {r['n']} | {r['serial_s']:.1f} s | {r['parallel_s']:.1f} s | {r['parallel_s'] / r['serial_s']:.2f} "
              f"| {(speedup - 1) / (j - 1):.2f} | {r['serial_mb']:.0f} / {r['parallel_mb']:.0f} "
              f"| {r['edit_s']:.1f} s ({r['edit_s'] / r['parallel_s']:.0%}) | {r['add_s']:.1f} s "
              f"({r['add_s'] / r['parallel_s']:.0%}) | {r['edit_mb']:.0f} / {r['add_mb']:.0f} |")
    if any("search" in r for r in rows):
        print("\n| N | query | first results (median) | bytes the search fetched | typed key by key: last key to last results |")
        print("| ---: | --- | ---: | ---: | ---: |")
        for r in rows:
            for q, f in r.get("search", {}).items():
                print(f"| {r['n']} | `{q}` | {f['first_ms']:.0f} ms | {f['search_kib']:,.0f} KiB | {f['keyed_ms']:.0f} ms |")


if __name__ == "__main__":
    main()
