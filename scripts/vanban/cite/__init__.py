"""Citations: find them in reports, resolve them to directives (the extract stage)."""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from collections import ChainMap

from vanban.cite.catalog import load_catalog
from vanban.cite.find import find_in_report, find_names
from vanban.cite.models import Citation, Conflict, Directive
from vanban.cite.patterns import load_patterns
from vanban.cite.relations import type_relations
from vanban.cite.resolve import COMPLETED, Resolution, complete, resolve_alone
from vanban.errors import VanbanError
from vanban.model import Report
from vanban.normalize import matching

__all__ = ["CitationIndex", "Citation", "Conflict", "Directive", "attach_texts", "extract_citations", "find_all"]


def find_all(report: Report, catalog: list[Directive], patterns=None) -> list[Citation]:
    """Every citation of a document: symbols, short forms, aliases, then documents known by name."""
    found = find_in_report(report, patterns)
    return found + find_names(report, catalog, found, patterns)


@dataclass
class CitationIndex:
    """Every report's citations, the directives they resolve to, and the recorded conflicts."""

    by_report: dict[str, list[Citation]] = field(default_factory=dict)
    directives: dict[str, Directive] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    # Citations no text or catalog resolves ("Nghị quyết số 52"): shown as written, with a note.
    unresolved: dict[str, list[Citation]] = field(default_factory=dict)

    def cited(self) -> list[Directive]:
        """Directives that at least one report cites, sorted by id."""
        ids = {c.directive for cites in self.by_report.values() for c in cites}
        return [self.directives[i] for i in sorted(ids)]


def extract_citations(reports: list[Report], root: Path) -> CitationIndex:
    """Find and resolve the citations of all reports against the catalog in `root/data`."""
    patterns = load_patterns()
    catalog = load_catalog(root, patterns)
    by_id = {d.id: d for d in catalog}
    resolutions = [resolve_alone(r, find_all(r, catalog, patterns), catalog, by_id, patterns) for r in reports]
    for report, part in zip(reports, resolutions):
        if report.kind == "directive":  # as the build types them (vanban.pipeline): what the site shows
            type_relations(report, part.citations)
    return gather(reports, resolutions, by_id)


def gather(reports: list[Report], resolutions: list[Resolution], by_id: dict[str, Directive]) -> CitationIndex:
    """One index of the reports, each resolved on its own: a directive's field one report leaves
    empty is taken from the first report (in file order) that gives it."""
    index = CitationIndex(directives=dict(by_id))
    completed: set[str] = set()  # directives copied here to be completed; the others are shared
    for report, part in zip(reports, resolutions):
        index.by_report[report.slug] = part.citations
        if part.unresolved:
            index.unresolved[report.slug] = part.unresolved
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
                         part.conflicts, {report.slug: part.unresolved} if part.unresolved else {})


def attach_texts(index: CitationIndex, texts: list[Directive], patterns=None) -> CitationIndex:
    """The index with each directive whose text data/directives/ holds: its entry completed from
    the text, and what citations built for the same document (same type, symbol, issuer scope
    and place, no other date or term) merged into it. Two texts of one directive are an error."""
    if not texts:
        return index
    p = patterns or load_patterns()
    seen: dict[str, Directive] = {}
    for t in texts:
        if t.id in seen:
            raise VanbanError(f"hai tệp cùng là toàn văn của {t.label}: {seen[t.id].text_source} và {t.text_source}; "
                              "chỉ giữ một", t.text_source)
        seen[t.id] = t
    directives = dict(index.directives)
    moved: dict[str, str] = {}
    for t in texts:
        known = directives.get(t.id)
        merged = copy.copy(known) if known is not None else t
        if known is not None:
            merged.text, merged.text_source, merged.force = t.text, t.text_source, t.force
            if not known.in_catalog and t.issuer:  # its own header says who issued it better than a citation
                merged.issuer = t.issuer
            merged.marks = list(dict.fromkeys([*known.marks, *t.marks]))
            complete(merged, t)
        directives[t.id] = merged
        for other in list(directives.values()):
            if other.id != t.id and not other.in_catalog and not other.text and _same_document(other, merged, p):
                moved[other.id] = t.id
                del directives[other.id]
                # the page the citations made had that address: it now leads to the text's page
                if merged is t:
                    merged = directives[t.id] = copy.copy(t)
                merged.formerly = list(dict.fromkeys([*merged.formerly, other.id, *other.formerly]))
    by_report = {slug: [dataclasses.replace(c, directive=moved[c.directive]) if c.directive in moved else c
                        for c in cites] for slug, cites in index.by_report.items()}
    conflicts = [dataclasses.replace(k, directive=moved.get(k.directive, k.directive)) for k in index.conflicts]
    return CitationIndex(by_report, directives, conflicts, index.unresolved)


def _same_document(cited: Directive, text: Directive, p) -> bool:
    """A directive built from citations that is the one a text is: same type and symbol, and
    neither its date nor its term contradicts the text's date."""
    if cited.type != text.type or not cited.symbol or not text.symbol:
        return False
    if matching(cited.symbol) != matching(text.symbol) or (cited.scope and text.scope and cited.scope != text.scope):
        return False
    if cited.place and text.place and cited.place != text.place:
        return False
    if cited.date and text.date:
        return cited.date == text.date
    if cited.term and text.date:
        return p.term_of(text.date, "central" if cited.scope == "central" else "local") == cited.term
    return True
