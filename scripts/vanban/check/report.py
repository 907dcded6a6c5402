"""Print the findings of `vanban check`, grouped by kind, as text or JSON."""

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
from vanban.sources import load_reports, read_source

SEVERITY_WORDS = {"error": "lỗi", "warning": "cần xem", "info": "ghi chú"}


def select_reports(root: Path, wanted: list[str]):
    """Reports named by slug (from data/reports) or by file path; all of data/reports if none."""
    if not wanted:
        return load_reports(root)
    known = None
    out = []
    for name in wanted:
        path = Path(name)
        if path.suffix or path.exists():
            out.append(read_source(path.resolve() if path.exists() else path, root))
            continue
        known = known if known is not None else {r.slug: r for r in load_reports(root)}
        if name not in known:
            raise VanbanError(f"no report with slug {name!r} in data/reports (known: {', '.join(sorted(known))})")
        out.append(known[name])
    return out


def run_check(root: Path, wanted: list[str], as_json: bool, strict: bool) -> int:
    reports = select_reports(root, wanted)
    catalog = load_catalog(root, load_patterns())
    shared = Shared(root, catalog, {d.id: d for d in catalog}, load_glossary(root))
    findings = [f for r in reports for f in analyse(r, shared).findings]
    if as_json:
        json.dump([f.to_json() for f in findings], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        _print_text(reports, findings)
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
