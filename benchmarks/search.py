"""Search index size and time to first results in Chromium; prints figures, asserts nothing.

Usage: python benchmarks/search.py [SITE_DIR] [--query Q] [--runs N]
Builds the seed project into a temporary folder unless SITE_DIR (a built site/) is given.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from browser import chromium, serve  # noqa: E402


def build_seed() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="vanban-bench-"))
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(ROOT / "docs" / "assets", folder / "docs" / "assets")
    shutil.copytree(ROOT / "data", folder / "data")
    subprocess.run([sys.executable, "-m", "vanban", "--root", str(folder), "build"], check=True,
                   capture_output=True)
    return folder / "site"


def index_figures(site: Path) -> None:
    path = site / "search" / "search_index.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    total = path.stat().st_size
    pages = len({d["location"].split("#")[0] for d in data["docs"]})
    plain = json.loads(json.dumps(data))
    for doc in plain["docs"]:
        doc.pop("folded", None)
        doc.pop("symbol", None)
    base = len(json.dumps(plain, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    print(f"search index: {total:,} bytes, {len(data['docs'])} entries, {pages} pages, "
          f"{total / pages:,.0f} bytes per page")
    print(f"folded and symbol fields add {total - base:,} bytes: {100 * (total - base) / base:.0f}% "
          f"over the index without them ({base:,} bytes)")


def first_result_times(site: Path, query: str, runs: int) -> None:
    times = []
    transferred = []
    with serve(site) as base, chromium() as browser:
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            sizes = []
            page.on("response", lambda r: sizes.append(int(r.headers.get("content-length") or 0)))
            page.goto(base, wait_until="load")
            started = time.perf_counter()
            box = page.locator("input[data-md-component=search-query]")
            box.click()
            box.fill(query)
            box.press("End")
            page.wait_for_selector(".md-search-result__item", timeout=60000)
            times.append(time.perf_counter() - started)
            transferred.append(sum(sizes))
            context.close()
    print(f"first results for {query!r}: median {statistics.median(times) * 1000:.0f} ms after page load "
          f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}, {runs} cold runs); "
          f"{statistics.median(transferred) / 1024:,.0f} KiB transferred per run")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("site", nargs="?", type=Path)
    parser.add_argument("--query", default="nghi quyet 35")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    site = args.site or build_seed()
    index_figures(site)
    first_result_times(site, args.query, args.runs)


if __name__ == "__main__":
    main()
