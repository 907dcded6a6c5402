"""Citations: find them in reports, resolve them to directives (the extract stage)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from vanban.cite.catalog import load_catalog
from vanban.cite.find import find_in_report
from vanban.cite.models import Citation, Conflict, Directive
from vanban.cite.patterns import load_patterns
from vanban.cite.resolve import Registry, resolve_report
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
    registry = Registry(load_catalog(root, patterns))
    index = CitationIndex()
    for report in reports:
        index.by_report[report.slug] = resolve_report(report, find_in_report(report, patterns), registry, patterns)
    index.directives = registry.directives
    index.conflicts = registry.conflicts
    return index
