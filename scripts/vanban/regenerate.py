"""Generate the site's pages, keeping what each stage made for the next run: after an edit to
one report, `vanban serve` re-reads that report, redoes only the work its change touches, and
writes only the pages whose text changed.

Every cache is keyed by the stage's inputs, so a run with caches gives the same pages as a run
without (tests/test_regenerate.py checks this): a report is re-read when its file or sidecar
changed; its citations are found and resolved again when it was re-read or the catalog changed
(each report is resolved on its own); checks and pages are redone when their inputs differ.
"""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from vanban.check import Finding, check_report
from vanban.check.figures import report_containers
from vanban.cite import CitationIndex, Directive, extract_citations
from vanban.cite.find import find_in_report
from vanban.cite.patterns import load_patterns
from vanban.cite.resolve import Resolution, resolve_alone
from vanban.glossary import Term, load_glossary
from vanban.keyfigures import KeyFigures, key_figures
from vanban.model import Report
from vanban.render import generated_nav, render_pages
from vanban.render.memo import PageMemo
from vanban.sources import ReportSource, discover, read_source


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


def _stamp(path: Path) -> tuple | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_mtime_ns, st.st_size)


class Regenerator:
    """The generation pipeline with its caches; one per `vanban serve`, a fresh one per build."""

    def __init__(self, root: Path):
        self.root = root
        self._reports: dict[Path, tuple[tuple, Report]] = {}
        self._resolved: dict[str, tuple[Report, Resolution]] = {}
        self._catalog: list[Directive] | None = None
        self._catalog_now: list[Directive] | None = None
        self._analysis: dict[str, tuple[tuple, list[Finding], KeyFigures]] = {}
        self._memo = PageMemo()

    def run(self, progress=None) -> Generated:
        """Read, extract, check and render, redoing only what changed since the last run."""
        progress = progress or (lambda *args: None)
        reports = [self._read(source) for source in discover(self.root)]
        progress("read", len(reports), "reports")
        citations = extract_citations(reports, self.root, self._resolve)
        progress("extract", sum(len(c) for c in citations.by_report.values()), "citations")
        terms = load_glossary(self.root)
        findings, figures = self._analyse(reports, citations, terms)
        progress("check", sum(len(f) for f in findings.values()), "findings")
        pages = render_pages(reports, citations, findings, figures, terms, self._memo)
        progress("render", len(pages), "pages")
        keep = {r.slug for r in reports}
        for cache in (self._resolved, self._analysis):
            for slug in set(cache) - keep:
                del cache[slug]
        return Generated(reports, citations, findings, terms, pages, generated_nav(reports), set(self._memo.rendered))

    def _read(self, source: ReportSource) -> Report:
        stamp = (_stamp(source.path), _stamp(source.path.with_suffix(".yml")))
        cached = self._reports.get(source.path)
        if cached is not None and cached[0] == stamp and cached[1].slug == source.slug:
            return cached[1]
        report = read_source(source.path, self.root)
        self._reports[source.path] = (stamp, report)
        return report

    def _resolve(self, report: Report, catalog: list[Directive], by_id: dict[str, Directive]) -> Resolution:
        """The report's citations found and resolved; redone when the report or the catalog changed
        (resolving depends on nothing else)."""
        if catalog is not self._catalog_now:
            if catalog != self._catalog:
                self._resolved.clear()
            self._catalog = self._catalog_now = catalog
        cached = self._resolved.get(report.slug)
        if cached is None or cached[0] is not report:
            patterns = load_patterns()
            cached = (report, resolve_alone(report, find_in_report(report, patterns), catalog, by_id, patterns))
            self._resolved[report.slug] = cached
        return cached[1]

    def _analyse(self, reports: list[Report], index: CitationIndex, terms: list[Term]):
        """Findings and key figures of each report, redone when the report, its resolved
        citations, the directives they name, its conflicts or the glossary changed."""
        conflicts: dict[str, list] = defaultdict(list)
        for k in index.conflicts:
            conflicts[k.report].append(k)
        findings, figures = {}, {}
        for report in reports:
            cites = index.by_report.get(report.slug, [])
            key = (report, cites, [index.directives[c.directive] for c in cites], conflicts[report.slug], terms)
            cached = self._analysis.get(report.slug)
            if cached is None or cached[0] != key:
                containers = report_containers(report)
                cached = (key, check_report(report, index, terms, containers), key_figures(report, containers))
                self._analysis[report.slug] = cached
            findings[report.slug], figures[report.slug] = cached[1], cached[2]
        return findings, figures
