"""Time reading a long .docx (the seed report repeated to about 50 pages); prints figures.

Usage: python benchmarks/docx_read.py [--copies 2] [--runs 10]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "fixtures"))

import make_docx  # noqa: E402
from vanban.read import read_report  # noqa: E402

WORDS_PER_PAGE = 500  # a Word page of 13-pt Times New Roman prose


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=2)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    path = Path(tempfile.mkdtemp()) / "long.docx"
    make_docx.seed_docx(path, copies=args.copies)
    times = []
    for _ in range(args.runs):
        started = time.perf_counter()
        report = read_report(path)
        times.append(time.perf_counter() - started)
    words = sum(len(b.text.split()) for b in report.blocks) + sum(len(f.text.split()) for f in report.footnotes)
    print(f"{path.name}: {path.stat().st_size / 1024:.0f} KiB, {words:,} words (about {words / WORDS_PER_PAGE:.0f} "
          f"pages), {len(report.blocks)} blocks, {len(report.footnotes)} footnotes")
    print(f"read: median {statistics.median(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms over {args.runs} runs")


if __name__ == "__main__":
    main()
