"""Citations: find them in reports, resolve them to directives (the extract stage)."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

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


def extract_citations(reports: list[Report], root: Path,
                      resolved: Callable[[Report, list[Directive], dict[str, Directive]], Resolution] | None = None
                      ) -> CitationIndex:
    """Find and resolve the citations of all reports against the catalog in `root/data`, then
    gather the directives: a field one report leaves empty is taken from the first report (in
    file order) that gives it. `resolved`, if given, resolves one report (a cache of it)."""
    patterns = load_patterns()
    catalog = load_catalog(root, patterns)
    by_id = {d.id: d for d in catalog}
    index = CitationIndex(directives=dict(by_id))
    completed: set[str] = set()  # directives copied here to be completed; the others are shared
    for report in reports:
        part = (resolved(report, catalog, by_id) if resolved
                else resolve_alone(report, find_in_report(report, patterns), catalog, by_id, patterns))
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
