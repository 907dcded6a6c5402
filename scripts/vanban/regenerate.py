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
from dataclasses import dataclass, field
from pathlib import Path

from vanban.check import Finding, sort_findings
from vanban.check.directives import check_directive_text, check_links
from vanban.cite import CitationIndex, attach_texts, gather
from vanban.cite.catalog import load_catalog
from vanban.cite.patterns import load_patterns
from vanban.glossary import Term, load_glossary
from vanban.model import Report
from vanban.pipeline import ReportWork, Shared, process_all
from vanban.render import generated_nav, render_pages, report_pages
from vanban.cite.relations import statuses
from vanban.render.memo import PageMemo, StoredText
from vanban.shared_strings import share_strings
from vanban.sources import discover, discover_directives
from vanban.visibility import Visibility, load_visibility, public_view, refuse_marked


@dataclass
class Generated:
    reports: list[Report]
    texts: list[Report]
    citations: CitationIndex
    findings: dict[str, list[Finding]]
    terms: list[Term]
    # A page's text, or the file the last build kept that is its text (linked, see `stored`).
    pages: dict[str, str | bytes | StoredText]
    nav: list
    # Paths of the pages rendered in this run (the others are the previous run's text).
    rendered: set[str]
    visibility: Visibility
    # The site leaves out documents or catalog entries the caches hold (a marked directive on a
    # public site): such caches must not be written where the site's outputs go.
    withheld: bool = False
    # Pages whose text is a file the last build kept (vanban.state), by path: linked, not written.
    stored: dict[str, Path] = field(default_factory=dict)


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
        self._first: set[str] = set()  # pages first_pages rendered since the last run
        self._strings: dict[str, str] = {}  # the strings of the cached work, one object per value
        # Seconds of the last run: wall time of each phase, and the time the per-report stages
        # took in all processes together (for benchmarks/build.py).
        self.timings: dict[str, float] = {}

    def texts_in(self, folder: Path) -> None:
        """Where the pages of a pickled Regenerator are (vanban.state keeps them apart)."""
        self._memo.source = folder

    def drop_texts(self) -> None:
        """Let the rendered pages go once they are written (a kept page is then its file under `texts_in`)."""
        self._memo.drop_texts()

    def analyse(self) -> Analysis:
        """Read, extract and check every report and directive text, redoing only what changed
        since the last run; then the checks that need several documents."""
        started = time.perf_counter()
        sources = discover(self.root) + discover_directives(self.root)
        catalog = load_catalog(self.root, load_patterns())
        terms = load_glossary(self.root)
        fresh = self._inputs != (catalog, terms)
        if fresh:
            self._work.clear()
            self._strings.clear()
            self._inputs = (catalog, terms)
        stamps = {s.path: (_stamp(s.path), _stamp(s.path.with_suffix(".yml")), s.slug) for s in sources}
        stale = [s for s in sources if self._work.get(s.path, (None,))[0] != stamps[s.path]]
        known = set(self._work)
        # Reports read again that the last run had, when nothing else changed: their own pages
        # may be shown before the rest is rendered (first_pages).
        edited = set() if fresh or known != set(stamps) or any(s.kind != "report" for s in stale) else \
            {s.slug for s in stale}
        shared = Shared(self.root, catalog, {d.id: d for d in catalog}, terms)
        for source, work in zip(stale, process_all(stale, shared, self.jobs)):
            share_strings(work, self._strings)
            self._work[source.path] = (stamps[source.path], work)
        for path in set(self._work) - set(stamps):
            del self._work[path]
        works = [self._work[s.path][1] for s in sources]
        documents = [w.report for w in works]
        gathered = gather(documents, [w.resolution for w in works], shared.by_id)
        index = attach_texts(gathered, [w.directive for w in works if w.directive])
        findings = _cross_checks(works, index, shared.by_id)
        self.timings = {"reports": time.perf_counter() - started}
        for stage in ("read", "extract", "check"):
            self.timings[stage] = sum(self._work[s.path][1].seconds.get(stage, 0) for s in stale)
        return Analysis(documents, index, findings, {w.report.slug: w.figures for w in works if w.figures},
                        terms, len(stale), edited)

    def first_pages(self, a: Analysis) -> dict[str, bytes | StoredText]:
        """The own pages of the reports an edit changed (each report's page, checks, key
        figures), rendered before the rest of the archive, as `run` then renders them; none when
        the change was not only to reports the last run had (a document added or removed, a
        directive's text, the catalog or the glossary)."""
        if not a.edited:
            return {}
        visibility = load_visibility(self.root)
        refuse_marked(a.documents, visibility)
        reports = [d for d in a.documents if d.kind == "report"]
        texts = [d for d in a.documents if d.kind == "directive"]
        pages = report_pages(a.edited, reports, public_view(a.index, visibility), a.findings, a.figures, texts,
                             self._memo)
        self._first |= set(pages)
        return pages

    def run(self, progress=None, analysis: Analysis | None = None) -> Generated:
        """Analyse (unless given the `analysis` of this run), keep to what the site may publish,
        and render, redoing only what changed."""
        progress = progress or (lambda *args: None)
        visibility = load_visibility(self.root)
        a = analysis or self.analyse()
        refuse_marked(a.documents, visibility)
        citations = public_view(a.index, visibility)
        reports = [d for d in a.documents if d.kind == "report"]
        texts = [d for d in a.documents if d.kind == "directive"]
        findings = {r.slug: a.findings[r.slug] for r in reports}
        now = time.perf_counter()
        progress("văn bản", a.processed,
                 f"đã đọc, trích dẫn và kiểm tra ({sum(len(c) for c in citations.by_report.values())} trích dẫn, "
                 f"{sum(len(f) for f in findings.values())} phát hiện)")
        pages = render_pages(reports, citations, findings, a.figures, a.terms, self._memo, texts)
        self._memo.rendered |= self._first & set(pages)  # rendered by first_pages: this run's too
        self._first = set()
        self.timings["render"] = time.perf_counter() - now
        progress("tạo trang", len(pages), "trang")
        withheld = citations is not a.index or any(not visibility.publishes(d.marks) for d in self._inputs[0])
        memo = self._memo
        stored = {path: memo.source / path for path in sorted(memo.stored)} if memo.source else {}
        return Generated(reports, texts, citations, findings, a.terms, pages, generated_nav(reports),
                         set(memo.rendered), visibility, withheld, stored)


@dataclass
class Analysis:
    """Every document read, extracted and checked, before rendering (what `vanban check` prints)."""

    documents: list[Report]
    index: CitationIndex
    findings: dict[str, list[Finding]]
    figures: dict
    terms: list[Term]
    processed: int
    # Reports read again that the last run had, when nothing else changed (Regenerator.first_pages).
    edited: set[str] = field(default_factory=set)


def _cross_checks(works: list[ReportWork], index: CitationIndex, by_id: dict) -> dict[str, list[Finding]]:
    """Each document's own findings, with those that read other documents: pins against the
    directives' texts, citations of replaced directives, a text against its catalog entry."""
    anchors = {w.report.slug: {b.anchor for b in w.report.blocks} for w in works if w.directive}
    status = statuses(index)
    out = {}
    for w in works:
        mine = list(w.findings) + check_links(w.report, index, anchors, status)
        if w.directive is not None:
            mine += check_directive_text(w.report, w.directive, by_id.get(w.directive.id))
        out[w.report.slug] = sort_findings(w.report, mine)
    return out
