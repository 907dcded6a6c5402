"""Time and memory of each build stage on synthetic archives of N reports; prints a table and
writes JSON. The MkDocs build of the same Markdown is the floor our stages are measured against.

Usage: python benchmarks/build.py [N ...] [--json benchmarks/results/build.json]
Each N is built in a fresh process (so peak memory is per N).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


# Wall-clock stages of ours: the per-report stages (read, extract, check, in parallel processes),
# render, and writing docs/. "read", "extract" and "check" are their CPU seconds, all processes.
OURS = ("reports", "render", "write")
# Queries timed in Chromium with --browser: a symbol, a folded phrase, a word typed without đ.
QUERIES = ("35-NQ/TW", "nghi quyet 35", "dang vien")


def measure(n: int, folder: Path, browser: bool = False) -> dict:
    from corpus import make_project

    from vanban.docs_tree import sync_pages
    from vanban.mkdocs_config import write_config
    from vanban.regenerate import Regenerator
    from vanban.mkdocs_config import plugin_options
    from vanban.search.pagefind import DEFAULT_SHARD_MB, INDEX_DIR, index_site
    from vanban.site import WORK_DIR, build_epoch, run_mkdocs, write_abbreviations

    root = make_project(folder / f"n{n}", n)
    times: dict[str, float] = {}

    def stage(name, fn):
        started = time.perf_counter()
        value = fn()
        times[name] = time.perf_counter() - started
        return value

    regenerator = Regenerator(root)
    generated = regenerator.run()
    times.update(regenerator.timings)
    reports, pages = generated.reports, generated.pages

    def write():
        sync_pages(root / "docs", pages)
        write_abbreviations(root, generated)
        return write_config(root, root / WORK_DIR / "mkdocs.yml", root / "docs", root / "site", generated.nav)

    config = stage("write", write)
    ours_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    stage("mkdocs", lambda: run_mkdocs(config, build_epoch(reports), cwd=root))
    mkdocs_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    site = root / "site"
    shard_mb = plugin_options(root, "vanban-search").get("shard_mb", DEFAULT_SHARD_MB)
    stage("search index", lambda: index_site(site, shard_mb))
    index_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    site_bytes = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    index_files = [p for p in (site / INDEX_DIR).rglob("*") if p.is_file()]
    ours = sum(times[k] for k in OURS)
    row = {"n": n, "pages": len(pages), "times": times, "ours": ours, "ratio": ours / times["mkdocs"],
           "peak_mb_ours": ours_rss, "peak_mb_mkdocs": mkdocs_rss,
           "peak_mb_index": index_rss if index_rss > mkdocs_rss else None, "site_mb": site_bytes / 1e6,
           "index_mb": sum(p.stat().st_size for p in index_files) / 1e6, "index_files": len(index_files),
           "report_kb": sum(p.stat().st_size for p in (root / "data" / "reports").glob("*.txt")) / n / 1024}
    if browser:
        from search import query_figures

        row["search"] = {}
        for q in QUERIES:
            try:
                row["search"][q] = query_figures(site, q, runs=3)
            except Exception as exc:  # a browser failure is reported in the table, not fatal
                row["search"][q] = {"error": str(exc).splitlines()[0]}
    return row


def table(rows: list[dict]) -> str:
    head = ("| N | pages | read | extract + resolve | check | reports (wall) | render | write | **ours** | MkDocs | "
            "**ours ÷ MkDocs** | read + extract + render ÷ MkDocs | search index | peak MB (ours / MkDocs / index) | "
            "site MB | index MB (files) |")
    lines = [head, "|" + " ---: |" * 16]
    for r in rows:
        t = r["times"]
        index_peak = f"{r['peak_mb_index']:.0f}" if r.get("peak_mb_index") else "≤ MkDocs"
        # The stages without our check stage: their share of the parallel phase's wall time.
        cpu = t["read"] + t["extract"] + t["check"]
        named = t["reports"] * (t["read"] + t["extract"]) / cpu + t["render"] if cpu else t["render"]
        lines.append(f"| {r['n']} | {r['pages']} | {t['read']:.2f} | {t['extract']:.2f} | {t['check']:.2f} | "
                     f"{t['reports']:.2f} | {t['render']:.2f} | {t['write']:.2f} | **{r['ours']:.2f}** | "
                     f"{t['mkdocs']:.1f} | **{100 * r['ratio']:.1f}%** | {100 * named / t['mkdocs']:.1f}% | "
                     f"{t['search index']:.1f} | {r['peak_mb_ours']:.0f} / "
                     f"{r['peak_mb_mkdocs']:.0f} / {index_peak} | {r['site_mb']:.1f} | "
                     f"{r['index_mb']:.1f} ({r['index_files']}) |")
    searched = [r for r in rows if r.get("search")]
    if searched:
        lines += ["", "| N | query | first results after page load | bytes the search fetched | whole page + search |",
                  "| ---: | --- | ---: | ---: | ---: |"]
        for r in searched:
            for q, f in r["search"].items():
                if "error" in f:
                    lines.append(f"| {r['n']} | `{q}` | failed: {f['error']} | | |")
                    continue
                lines.append(f"| {r['n']} | `{q}` | {f['first_ms']:.0f} ms | {f['search_kib']:,.0f} KiB | "
                             f"{f['total_kib']:,.0f} KiB |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("n", nargs="*", type=int, default=[1, 10, 100, 1000])
    parser.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "results" / "build.json")
    parser.add_argument("--browser", action="store_true", help="also time queries in Chromium")
    parser.add_argument("--table", type=Path, help="print the table of an earlier run's JSON, and stop")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.table:
        print(table(json.loads(args.table.read_text(encoding="utf-8"))))
        return
    if args.one is not None:
        print(json.dumps(measure(args.one, args.folder, args.browser)))
        return
    rows = []
    folder = Path(tempfile.mkdtemp(prefix="vanban-scale-"))
    for n in args.n:
        cmd = [sys.executable, __file__, "--one", str(n), "--folder", str(folder)] + (["--browser"] if args.browser else [])
        out = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
        if out.returncode != 0:
            sys.exit(f"N={n} failed: {out.stderr.strip().splitlines()[-1] if out.stderr.strip() else out.returncode}")
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
        shutil.rmtree(folder / f"n{n}", ignore_errors=True)
        print(f"N={n}: ours {rows[-1]['ours']:.2f} s, MkDocs {rows[-1]['times']['mkdocs']:.1f} s", file=sys.stderr)
    print(table(rows))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
