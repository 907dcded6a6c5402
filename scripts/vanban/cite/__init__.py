"""Citations: find them in reports, resolve them to directives (the extract stage)."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path
from collections import ChainMap

from vanban.cite.catalog import load_catalog
from vanban.cite.find import find_in_report
from vanban.cite.models import Citation, Conflict, Directive
from vanban.cite.patterns import load_patterns
from vanban.cite.resolve import COMPLETED, Resolution, complete, resolve_alone
from vanban.model import Report

__all__ = ["CitationIndex", "Citation", "Conflict", "Directive", "extract_citations"]


@dataclass
class CitationIndex:
    """Every report's citations, the directives they resolve to, and the recorded conflicts."""

    by_report: dict[str, list[Citation]] = field(default_factory=dict)
    directives: dict[str, Directive] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)

    def cited(self) -> list[Directive]:
        """Directives that at least one report cites, sorted by id."""
        ids = {c.directive for cites in self.by_report.values() for c in cites}
        return [self.directives[i] for i in sorted(ids)]


def extract_citations(reports: list[Report], root: Path) -> CitationIndex:
    """Find and resolve the citations of all reports against the catalog in `root/data`."""
    patterns = load_patterns()
    catalog = load_catalog(root, patterns)
    by_id = {d.id: d for d in catalog}
    resolutions = [resolve_alone(r, find_in_report(r, patterns), catalog, by_id, patterns) for r in reports]
    return gather(reports, resolutions, by_id)


def gather(reports: list[Report], resolutions: list[Resolution], by_id: dict[str, Directive]) -> CitationIndex:
    """One index of the reports, each resolved on its own: a directive's field one report leaves
    empty is taken from the first report (in file order) that gives it."""
    index = CitationIndex(directives=dict(by_id))
    completed: set[str] = set()  # directives copied here to be completed; the others are shared
    for report, part in zip(reports, resolutions):
        index.by_report[report.slug] = part.citations
        index.conflicts += part.conflicts
        for d in part.directives:
            known = index.directives.get(d.id)
            if known is None or (known is by_id.get(d.id) and d.id not in completed):
                index.directives[d.id] = d
            elif any(getattr(known, n) is None and getattr(d, n) is not None for n in COMPLETED):
                if d.id not in completed:
                    known = index.directives[d.id] = copy.copy(known)
                    completed.add(d.id)
                complete(known, d)
    return index


def own_index(report: Report, part: Resolution, by_id: dict[str, Directive]) -> CitationIndex:
    """One report's citations as the report alone says them (the catalog and its own citations):
    what its checks read, so that checking a report depends on nothing else."""
    return CitationIndex({report.slug: part.citations}, ChainMap({d.id: d for d in part.directives}, by_id),
                         part.conflicts)
