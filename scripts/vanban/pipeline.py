"""The per-document stages: read a report file (or a directive's text), find and resolve its
citations against the catalog, check it and pick its key figures (a directive's text: tell which
directive it is, and type the links of its citations). Each document depends only on its own
file, the catalog and the glossary, so documents are processed independently: in parallel
processes when there are many, and cached by `vanban serve` between edits."""

from __future__ import annotations

import multiprocessing
import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from vanban.check import Finding, check_report
from vanban.facts.paragraphs import read_paragraphs
from vanban.cite import Directive, find_all, own_index
from vanban.cite.identify import identify
from vanban.cite.patterns import load_patterns
from vanban.cite.relations import type_relations
from vanban.cite.resolve import Resolution, resolve_alone
from vanban.glossary import Term
from vanban.keyfigures import KeyFigures, key_figures
from vanban.model import Report, text_key
from vanban.sources import ReportSource, read_document

# Below this many reports, starting worker processes costs more than it saves.
PARALLEL_FROM = 8


@dataclass
class Shared:
    """What every report's processing reads besides its own file."""

    root: Path
    catalog: list[Directive]
    by_id: dict[str, Directive]
    terms: list[Term]


@dataclass
class ReportWork:
    """What the per-report stages made of one report, and the seconds each stage took."""

    report: Report
    resolution: Resolution
    findings: list[Finding]
    figures: KeyFigures | None
    seconds: dict[str, float] = field(default_factory=dict)
    # A directive's text: the directive it is (catalog entry or built), with its text attached.
    directive: Directive | None = None


def analyse(report: Report, shared: Shared) -> ReportWork:
    """Extract (find and resolve) and check a report that is already read."""
    started = time.perf_counter()
    patterns = load_patterns()
    cites = find_all(report, shared.catalog, patterns)
    resolution = resolve_alone(report, cites, shared.catalog, shared.by_id, patterns)
    resolved = time.perf_counter()
    if report.kind == "directive":
        type_relations(report, resolution.citations)
        return ReportWork(report, resolution, [], None, {"extract": resolved - started})
    containers = read_paragraphs(report)
    findings = check_report(report, own_index(report, resolution, shared.by_id), shared.terms, containers)
    figures = key_figures(report, containers)
    return ReportWork(report, resolution, findings, figures,
                      {"extract": resolved - started, "check": time.perf_counter() - resolved})


def process(source: ReportSource, shared: Shared) -> ReportWork:
    """Read, extract and check one report file; read, identify and extract a directive's text."""
    started = time.perf_counter()
    report = read_document(source)
    directive = None
    if source.kind == "directive":
        directive = identify(report, source.directive_id, shared.catalog, shared.by_id, load_patterns()).directive
        report.slug = directive.text = text_key(directive.id)
        report.title = directive.label
    work = analyse(report, shared)
    work.directive = directive
    work.seconds["read"] = time.perf_counter() - started - sum(work.seconds.values())
    return work


_shared: Shared | None = None


def _start_worker(shared: Shared) -> None:
    global _shared
    _shared = shared


def _process_in_worker(source: ReportSource) -> ReportWork:
    return process(source, _shared)


def process_all(paths: list[ReportSource], shared: Shared, jobs: int | None = None) -> list[ReportWork]:
    """Process documents, in their order; in `jobs` processes (default: one per CPU) when there
    are enough of them. A bad file stops everything with its one-line error."""
    jobs = jobs or os.cpu_count() or 1
    if jobs < 2 or len(paths) < PARALLEL_FROM:
        return [process(path, shared) for path in paths]
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    workers = min(jobs, len(paths))
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=(shared,)) as pool:
        return list(pool.map(_process_in_worker, paths, chunksize=max(1, len(paths) // (workers * 4))))
