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
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


def measure(n: int, folder: Path) -> dict:
    from corpus import make_project

    from vanban.analyse import analyse
    from vanban.cite import extract_citations
    from vanban.docs_tree import sync_pages
    from vanban.glossary import load_glossary
    from vanban.mkdocs_config import write_config
    from vanban.render import generated_nav, render_pages
    from vanban.search.fold import folded_field, plain_text
    from vanban.site import WORK_DIR, build_epoch, run_mkdocs, write_abbreviations, Generated
    from vanban.sources import load_reports

    root = make_project(folder / f"n{n}", n)
    times: dict[str, float] = {}

    def stage(name, fn):
        started = time.perf_counter()
        value = fn()
        times[name] = time.perf_counter() - started
        return value

    reports = stage("read", lambda: load_reports(root))
    citations = stage("extract", lambda: extract_citations(reports, root))
    terms = load_glossary(root)
    analysis = stage("check", lambda: analyse(reports, citations, terms))
    findings = analysis.findings
    pages = stage("render", lambda: render_pages(reports, citations, findings, analysis.figures, terms))
    nav = generated_nav(reports)
    generated = Generated(reports, citations, findings, terms, pages, nav)

    def write():
        sync_pages(root / "docs", pages)
        write_abbreviations(root, generated)
        return write_config(root, root / WORK_DIR / "mkdocs.yml", root / "docs", root / "site", nav)

    config = stage("write", write)
    ours_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    stage("mkdocs", lambda: run_mkdocs(config, build_epoch(reports), cwd=root))
    mkdocs_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    index_path = root / "site" / "search" / "search_index.json"
    index = json.loads(index_path.read_text(encoding="utf-8"))
    import re

    separator = re.compile(index["config"]["separator"])
    stage("search fold", lambda: [folded_field(plain_text(d.get("title", "") + " " + d.get("text", "")), separator)
                                  for d in index["docs"]])
    site_bytes = sum(p.stat().st_size for p in (root / "site").rglob("*") if p.is_file())
    ours = sum(times[k] for k in ("read", "extract", "check", "render", "write"))
    return {"n": n, "pages": len(pages), "times": times, "ours": ours, "ratio": ours / times["mkdocs"],
            "peak_mb_ours": ours_rss, "peak_mb_mkdocs": mkdocs_rss, "site_mb": site_bytes / 1e6,
            "index_mb": index_path.stat().st_size / 1e6, "report_kb": sum(
                p.stat().st_size for p in (root / "data" / "reports").glob("*.txt")) / n / 1024}


def table(rows: list[dict]) -> str:
    head = ("| N | pages | read | extract | check | render | write | **ours** | MkDocs | ours ÷ MkDocs | "
            "search fold | peak MB (ours / MkDocs) | site MB | index MB |")
    lines = [head, "|" + " ---: |" * 14]
    for r in rows:
        t = r["times"]
        lines.append(f"| {r['n']} | {r['pages']} | {t['read']:.2f} | {t['extract']:.2f} | {t['check']:.2f} | "
                     f"{t['render']:.2f} | {t['write']:.2f} | **{r['ours']:.2f}** | {t['mkdocs']:.1f} | "
                     f"{100 * r['ratio']:.1f}% | {t['search fold']:.2f} | {r['peak_mb_ours']:.0f} / "
                     f"{r['peak_mb_mkdocs']:.0f} | {r['site_mb']:.1f} | {r['index_mb']:.1f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("n", nargs="*", type=int, default=[1, 10, 100, 1000])
    parser.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "results" / "build.json")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one is not None:
        print(json.dumps(measure(args.one, args.folder)))
        return
    rows = []
    folder = Path(tempfile.mkdtemp(prefix="vanban-scale-"))
    for n in args.n:
        out = subprocess.run([sys.executable, __file__, "--one", str(n), "--folder", str(folder)],
                             capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
        if out.returncode != 0:
            sys.exit(f"N={n} failed: {out.stderr.strip().splitlines()[-1] if out.stderr.strip() else out.returncode}")
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(f"N={n}: ours {rows[-1]['ours']:.2f} s, MkDocs {rows[-1]['times']['mkdocs']:.1f} s", file=sys.stderr)
    print(table(rows))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
