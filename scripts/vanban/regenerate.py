"""Generate the site's pages, keeping what each stage made for the next run: after an edit to
one report, `vanban serve` processes that report again, redoes only the work its change touches,
and writes only the pages whose text changed.

Every cache is keyed by the stage's inputs, so a run with caches gives the same pages as a run
without (tests/test_regenerate.py checks this): a report is processed again (read, extract,
check: vanban.pipeline) when its file or sidecar, the catalog or the glossary changed; the
directives are gathered again every run; a page is rendered again when its inputs differ.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

from vanban.check import Finding
from vanban.cite import CitationIndex, gather
from vanban.cite.catalog import load_catalog
from vanban.cite.patterns import load_patterns
from vanban.glossary import Term, load_glossary
from vanban.model import Report
from vanban.pipeline import ReportWork, Shared, process_all
from vanban.render import generated_nav, render_pages
from vanban.render.memo import PageMemo
from vanban.sources import discover
from vanban.visibility import Visibility, load_visibility, public_view, refuse_marked


@dataclass
class Generated:
    reports: list[Report]
    citations: CitationIndex
    findings: dict[str, list[Finding]]
    terms: list[Term]
    pages: dict[str, str]
    nav: list
    # Paths of the pages rendered in this run (the others are the previous run's text).
    rendered: set[str]
    visibility: Visibility


def _stamp(path: Path) -> tuple | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_mtime_ns, st.st_size)


class Regenerator:
    """The generation pipeline with its caches; one per `vanban serve`, a fresh one per build."""

    def __init__(self, root: Path, jobs: int | None = None):
        self.root = root
        self.jobs = jobs
        self._work: dict[Path, tuple[tuple, ReportWork]] = {}
        self._inputs: tuple | None = None  # the catalog and glossary the cached work read
        self._memo = PageMemo()
        # Seconds of the last run: wall time of each phase, and the time the per-report stages
        # took in all processes together (for benchmarks/build.py).
        self.timings: dict[str, float] = {}

    def run(self, progress=None) -> Generated:
        """Read, extract, check and render, redoing only what changed since the last run."""
        progress = progress or (lambda *args: None)
        started = time.perf_counter()
        visibility = load_visibility(self.root)
        sources = discover(self.root)
        catalog = load_catalog(self.root, load_patterns())
        terms = load_glossary(self.root)
        if self._inputs != (catalog, terms):
            self._work.clear()
            self._inputs = (catalog, terms)
        stamps = {s.path: (_stamp(s.path), _stamp(s.path.with_suffix(".yml")), s.slug) for s in sources}
        stale = [s.path for s in sources if self._work.get(s.path, (None,))[0] != stamps[s.path]]
        shared = Shared(self.root, catalog, {d.id: d for d in catalog}, terms)
        for path, work in zip(stale, process_all(stale, shared, self.jobs)):
            self._work[path] = (stamps[path], work)
        for path in set(self._work) - set(stamps):
            del self._work[path]
        works = [self._work[s.path][1] for s in sources]
        reports = [w.report for w in works]
        refuse_marked(reports, visibility)
        citations = public_view(gather(reports, [w.resolution for w in works], shared.by_id), visibility)
        findings = {w.report.slug: w.findings for w in works}
        figures = {w.report.slug: w.figures for w in works}
        now = time.perf_counter()
        self.timings = {"reports": now - started}
        for stage in ("read", "extract", "check"):
            self.timings[stage] = sum(self._work[p][1].seconds.get(stage, 0) for p in stale)
        progress("reports", len(stale),
                 f"read, extracted and checked ({sum(len(c) for c in citations.by_report.values())} citations, "
                 f"{sum(len(f) for f in findings.values())} findings in all)")
        pages = render_pages(reports, citations, findings, figures, terms, self._memo)
        self.timings["render"] = time.perf_counter() - now
        progress("render", len(pages), "pages")
        return Generated(reports, citations, findings, terms, pages, generated_nav(reports), set(self._memo.rendered),
                         visibility)
