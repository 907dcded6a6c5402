"""Several sites searched together: K synthetic sites of N reports each, built apart and served
on K ports (with CORS); the first site lists the others (`vanban-search: other_sites`). Prints,
for three queries, the time from typing to the first results in Chromium (median of cold runs)
and the bytes fetched for search, on the first site alone and with the others merged. Asserts
nothing.

Usage: python benchmarks/multisite.py [--sites K] [--reports N] [--runs R]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from browser import chromium, serve  # noqa: E402
from corpus import make_project  # noqa: E402
from search import typed_to_first_result  # noqa: E402

QUERIES = ("35-NQ/TW", "nghi quyet 35", "dang vien")


def build(root: Path, others: list[str]) -> float:
    if others:
        config = root / "mkdocs.yml"
        listed = "".join(f"\n        - {u}" for u in others)
        config.write_text(config.read_text(encoding="utf-8").replace(
            "      shard_mb: 60", f"      shard_mb: 60\n      other_sites:{listed}"), encoding="utf-8")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "vanban", "--root", str(root), "build"], check=True, capture_output=True)
    return time.perf_counter() - started


def first_results(browser, base: str, query: str, runs: int) -> tuple[float, float]:
    times, fetched = [], []
    for _ in range(runs):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        sizes: list[int] = []
        page.on("response", lambda r: sizes.append(int(r.headers.get("content-length") or 0))
                if "/pagefind/" in r.url else None)
        times.append(typed_to_first_result(page, base, query)[0])
        page.wait_for_timeout(300)
        fetched.append(sum(sizes))
        context.close()
    return statistics.median(times), statistics.median(fetched) / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sites", type=int, default=10)
    parser.add_argument("--reports", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="vanban-multisite-"))
    roots = [make_project(folder / f"site-{i}", args.reports, seed=2021 + i) for i in range(args.sites)]
    with ExitStack() as stack, chromium() as browser:
        for root in roots[1:]:
            print(f"{root.name}: built in {build(root, []):.1f} s", flush=True)
        urls = [stack.enter_context(serve(root / "site", cors=True)) for root in roots[1:]]
        alone = roots[0].parent / "alone"
        subprocess.run(["cp", "-r", str(roots[0]), str(alone)], check=True)
        print(f"site-0 alone: built in {build(alone, []):.1f} s; with {len(urls)} others listed: "
              f"built in {build(roots[0], urls):.1f} s", flush=True)
        for label, root in (("alone", alone), (f"with {len(urls)} others", roots[0])):
            base = stack.enter_context(serve(root / "site"))
            for query in QUERIES:
                ms, kib = first_results(browser, base, query, args.runs)
                print(f"{label:16} {query!r:16} first results {ms:6.0f} ms (median of {args.runs} cold runs), "
                      f"{kib:7.0f} KiB of index fetched", flush=True)


if __name__ == "__main__":
    main()
