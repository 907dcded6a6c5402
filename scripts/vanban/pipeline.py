"""The per-report stages: read a report file, find and resolve its citations against the
catalog, check it and pick its key figures. Each report depends only on its own file, the
catalog and the glossary, so reports are processed independently: in parallel processes when
there are many, and cached by `vanban serve` between edits."""

from __future__ import annotations

import multiprocessing
import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from vanban.check import Finding, check_report
from vanban.check.figures import report_containers
from vanban.cite import Directive, own_index
from vanban.cite.find import find_in_report
from vanban.cite.patterns import load_patterns
from vanban.cite.resolve import Resolution, resolve_alone
from vanban.glossary import Term
from vanban.keyfigures import KeyFigures, key_figures
from vanban.model import Report
from vanban.sources import read_source

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
    figures: KeyFigures
    seconds: dict[str, float] = field(default_factory=dict)


def analyse(report: Report, shared: Shared) -> ReportWork:
    """Extract (find and resolve) and check a report that is already read."""
    started = time.perf_counter()
    patterns = load_patterns()
    resolution = resolve_alone(report, find_in_report(report, patterns), shared.catalog, shared.by_id, patterns)
    resolved = time.perf_counter()
    containers = report_containers(report)
    findings = check_report(report, own_index(report, resolution, shared.by_id), shared.terms, containers)
    figures = key_figures(report, containers)
    return ReportWork(report, resolution, findings, figures,
                      {"extract": resolved - started, "check": time.perf_counter() - resolved})


def process(path: Path, shared: Shared) -> ReportWork:
    """Read, extract and check one report file."""
    started = time.perf_counter()
    report = read_source(path, shared.root)
    work = analyse(report, shared)
    work.seconds["read"] = time.perf_counter() - started - sum(work.seconds.values())
    return work


_shared: Shared | None = None


def _start_worker(shared: Shared) -> None:
    global _shared
    _shared = shared


def _process_in_worker(path: Path) -> ReportWork:
    return process(path, _shared)


def process_all(paths: list[Path], shared: Shared, jobs: int | None = None) -> list[ReportWork]:
    """Process report files, in their order; in `jobs` processes (default: one per CPU) when
    there are enough of them. A bad file stops everything with its one-line error."""
    jobs = jobs or os.cpu_count() or 1
    if jobs < 2 or len(paths) < PARALLEL_FROM:
        return [process(path, shared) for path in paths]
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    workers = min(jobs, len(paths))
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=(shared,)) as pool:
        return list(pool.map(_process_in_worker, paths, chunksize=max(1, len(paths) // (workers * 4))))
