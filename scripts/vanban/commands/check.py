"""`vanban check`: the findings of every report and directive text (or of the ones named),
grouped by kind, as text or JSON."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from vanban.check import KIND_TITLES
from vanban.cite.catalog import load_catalog
from vanban.cite.patterns import load_patterns
from vanban.errors import VanbanError
from vanban.glossary import load_glossary
from vanban.pipeline import Shared, analyse
from vanban.regenerate import Regenerator
from vanban.sources import read_source

SEVERITY_WORDS = {"error": "lỗi", "warning": "cần xem", "info": "ghi chú"}


def run_check(root: Path, wanted: list[str], as_json: bool, strict: bool) -> int:
    """Check the documents of data/ (all, or those named by slug), with the checks that read
    several documents; a file named by path outside data/ is checked on its own."""
    named_files = wanted and all(Path(n).suffix or Path(n).exists() for n in wanted)
    everything = None if named_files else Regenerator(root).analyse()
    by_slug = {d.slug: d for d in everything.documents} if everything else {}
    documents, findings = [], []
    for name in wanted or list(by_slug):
        path = Path(name)
        if name in by_slug:
            documents.append(by_slug[name])
            findings += everything.findings[name]
        elif path.suffix or path.exists():
            report = read_source(path.resolve() if path.exists() else path, root)
            catalog = load_catalog(root, load_patterns())
            shared = Shared(root, catalog, {d.id: d for d in catalog}, load_glossary(root))
            documents.append(report)
            findings += analyse(report, shared).findings
        else:
            known = ", ".join(sorted(d.slug for d in everything.documents if d.kind == "report"))
            raise VanbanError(f"không có báo cáo nào có slug {name!r} trong data/reports (có: {known})")
    if as_json:
        json.dump([f.to_json() for f in findings], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        _print_text(documents, findings)
    if strict and any(f.severity == "error" for f in findings):
        return 1
    return 0


def _print_text(reports, findings) -> None:
    sources = {r.slug: r.source for r in reports}
    for report in reports:
        mine = [f for f in findings if f.report == report.slug]
        counts = Counter(f.severity for f in mine)
        print(f"{report.source}: {counts['error']} lỗi, {counts['warning']} cần xem, {counts['info']} ghi chú")
        current = None
        for f in mine:
            if f.kind != current:
                current = f.kind
                n = sum(1 for x in mine if x.kind == f.kind)
                print(f"\n  {KIND_TITLES.get(f.kind, f.kind)} [{f.kind}] ({n})")
            where = f"{sources[f.report]}:{f.line}" if f.line else sources[f.report]
            print(f"    {SEVERITY_WORDS[f.severity]}: {where} #{f.anchor}: {f.message}")
            if f.expected is not None and f.stated is not None:
                print(f"      ghi: {f.stated}; đúng ra: {f.expected}")
        print()
