"""Search index size, time to first results and bytes fetched in Chromium; prints figures,
asserts nothing. Works on a Pagefind site (`vanban build`) and a lunr one (`--offline`).

Usage: python benchmarks/search.py [SITE_DIR] [--query Q] [--runs N] [--keyed MS]
Builds the seed project into a temporary folder unless SITE_DIR (a built site/) is given.
--keyed MS: also the query typed a key at a time, MS apart, as a reader types (Material sends a
query per key): from the last key to the last change of the results.
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

from vanban.search.pagefind import INDEX_DIR, wants_index  # noqa: E402


def build_seed() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="vanban-bench-"))
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(ROOT / "docs" / "assets", folder / "docs" / "assets")
    shutil.copytree(ROOT / "data", folder / "data")
    subprocess.run([sys.executable, "-m", "vanban", "--root", str(folder), "build"], check=True,
                   capture_output=True)
    return folder / "site"


def index_figures(site: Path) -> None:
    if wants_index(site):
        files = [p for p in (site / INDEX_DIR).rglob("*") if p.is_file()]
        print(f"Pagefind index: {sum(p.stat().st_size for p in files):,} bytes in {len(files)} files "
              f"(the browser fetches only the shards and fragments a query needs)")
        return
    path = site / "search" / "search_index.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    total = path.stat().st_size
    pages = len({d["location"].split("#")[0] for d in data["docs"]})
    print(f"lunr search index: {total:,} bytes, {len(data['docs'])} entries, {pages} pages, "
          f"{total / pages:,.0f} bytes per page (every visitor downloads all of it)")


SEARCH_FILES = ("/pagefind/", "/search/search_index", "/workers/")

# Marks, in the page's own clock, when the query is in the box (the input event of the text typed)
# and when the first result is drawn. Playwright's click, fill and polling cost 0.3-0.5 s of
# wall time on this machine that a reader typing does not wait for.
_CLOCK = """
(() => {
  window.__vbTyped = null; window.__vbShown = null;
  document.addEventListener("input", (e) => {
    if (e.target.matches && e.target.matches("[data-md-component=search-query]") && window.__vbTyped === null &&
        e.target.value === window.__vbQuery) { window.__vbTyped = performance.now(); }
  }, true);
  new MutationObserver(() => {
    if (window.__vbTyped !== null && window.__vbShown === null && document.querySelector(".md-search-result__item")) {
      window.__vbShown = performance.now();
    }
  }).observe(document, { subtree: true, childList: true });
})();
"""


def typed_to_first_result(page, base: str, query: str) -> tuple[float, float]:
    """One cold query on a new page: (ms from the query in the box to the first result drawn,
    measured in the page; ms of wall time from the click on the box, as Playwright drives it)."""
    page.add_init_script(f"window.__vbQuery = {json.dumps(query)};" + _CLOCK)
    page.goto(base, wait_until="load")
    started = time.perf_counter()
    box = page.locator("input[data-md-component=search-query]")
    box.click()
    box.fill(query)
    box.press("End")  # Material reacts to key events, not to fill() alone
    page.wait_for_selector(".md-search-result__item", timeout=120000)
    wall = time.perf_counter() - started
    page.wait_for_function("window.__vbShown !== null", timeout=10000)
    return page.evaluate("window.__vbShown - window.__vbTyped"), wall * 1000


# Marks the last key's input event and the last change of the result list.
_LAST_CHANGE = """
(() => {
  window.__vbLastKey = null; window.__vbLastChange = null;
  document.addEventListener("input", (e) => {
    if (e.target.matches && e.target.matches("[data-md-component=search-query]")) { window.__vbLastKey = performance.now(); }
  }, true);
  new MutationObserver(() => {
    if (window.__vbLastKey !== null && document.querySelector(".md-search-result__item")) {
      window.__vbLastChange = performance.now();
    }
  }).observe(document, { subtree: true, childList: true });
})();
"""


def typed_key_by_key(page, base: str, query: str, delay_ms: int) -> float:
    """One cold query typed a key at a time, `delay_ms` apart, on a new page: ms from the last
    key to the last change of the results (those of the whole query), once they stay put 3 s."""
    page.add_init_script(_LAST_CHANGE)
    page.goto(base, wait_until="load")
    page.locator("input[data-md-component=search-query]").click()
    page.keyboard.type(query, delay=delay_ms)
    page.wait_for_selector(".md-search-result__item", timeout=120000)
    last = None
    while True:
        page.wait_for_timeout(3000)
        now = page.evaluate("window.__vbLastChange")
        if now == last:
            return now - page.evaluate("window.__vbLastKey")
        last = now


def keyed_figures(site: Path, query: str, runs: int = 5, delay_ms: int = 150) -> list[float]:
    """Cold runs of typed_key_by_key, a new browser context each: the times in ms."""
    times = []
    with serve(site) as base, chromium() as browser:
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            times.append(typed_key_by_key(context.new_page(), base, query, delay_ms))
            context.close()
    return times


def keyed_times(site: Path, query: str, runs: int, delay_ms: int) -> None:
    times = keyed_figures(site, query, runs, delay_ms)
    print(f"typed key by key ({delay_ms} ms apart) {query!r}: median {statistics.median(times):.0f} ms from the last "
          f"key to the last change of the results (min {min(times):.0f}, max {max(times):.0f}, {runs} cold runs)")


def query_figures(site: Path, query: str, runs: int = 5) -> dict:
    """Cold runs (a new browser context each): time from the query typed to the first result
    shown (in the page; and Playwright's wall time from the click); the bytes fetched for search
    and in all."""
    times, walls, search_bytes, total_bytes = [], [], [], []
    with serve(site) as base, chromium() as browser:
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            sizes: list[tuple[str, int]] = []
            page.on("response", lambda r: sizes.append((r.url, int(r.headers.get("content-length") or 0))))
            shown, wall = typed_to_first_result(page, base, query)
            times.append(shown)
            walls.append(wall)
            page.wait_for_timeout(300)
            search_bytes.append(sum(n for url, n in sizes if any(s in url for s in SEARCH_FILES)))
            total_bytes.append(sum(n for _, n in sizes))
            context.close()
    return {"first_ms": statistics.median(times), "min_ms": min(times), "max_ms": max(times),
            "wall_ms": statistics.median(walls), "search_kib": statistics.median(search_bytes) / 1024,
            "total_kib": statistics.median(total_bytes) / 1024, "runs": runs}


def first_result_times(site: Path, query: str, runs: int) -> None:
    f = query_figures(site, query, runs)
    print(f"first results for {query!r}: median {f['first_ms']:.0f} ms from the query typed "
          f"(min {f['min_ms']:.0f}, max {f['max_ms']:.0f}, {runs} cold runs; {f['wall_ms']:.0f} ms as Playwright "
          f"drives it, from the click); "
          f"{f['search_kib']:,.0f} KiB fetched for search, {f['total_kib']:,.0f} KiB in all")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("site", nargs="?", type=Path)
    parser.add_argument("--query", default="nghi quyet 35")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keyed", type=int, metavar="MS", help="also type the query a key at a time, MS apart")
    args = parser.parse_args()
    site = args.site or build_seed()
    index_figures(site)
    first_result_times(site, args.query, args.runs)
    if args.keyed is not None:
        keyed_times(site, args.query, args.runs, args.keyed)


if __name__ == "__main__":
    main()
