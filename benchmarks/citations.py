"""Time the read and extract (find + resolve) stages on a report; prints figures, asserts nothing.

Usage: python benchmarks/citations.py [REPORT.txt] [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from vanban.cite import extract_citations
from vanban.sources import read_source

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "reports" / "dong-ha-2020-xay-dung-dang.txt"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("report", nargs="?", type=Path, default=SEED)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    read_times, extract_times = [], []
    for _ in range(args.runs):
        started = time.perf_counter()
        report = read_source(args.report.resolve(), ROOT)
        read_done = time.perf_counter()
        index = extract_citations([report], ROOT)
        extract_times.append(time.perf_counter() - read_done)
        read_times.append(read_done - started)
    cites = index.by_report[report.slug]
    size = args.report.stat().st_size
    print(f"report: {args.report.name} ({size / 1024:.0f} KiB)")
    print(f"citations: {len(cites)} of {len(index.cited())} directives, {len(index.conflicts)} conflicts")
    print(f"read:    median {statistics.median(read_times) * 1000:.1f} ms over {args.runs} runs")
    print(f"extract: median {statistics.median(extract_times) * 1000:.1f} ms over {args.runs} runs "
          f"(find + resolve, catalog load included)")


if __name__ == "__main__":
    main()
