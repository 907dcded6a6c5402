"""The analysis stage: read each report's figures once, then derive from them both the data
checks and the key figures page, so no later stage re-reads the text."""

from __future__ import annotations

from dataclasses import dataclass

from vanban.check import Finding, check_report
from vanban.check.figures import report_containers
from vanban.cite import CitationIndex
from vanban.glossary import Term
from vanban.keyfigures import KeyFigures, key_figures
from vanban.model import Report


@dataclass
class Analysis:
    findings: dict[str, list[Finding]]
    figures: dict[str, KeyFigures]


def analyse(reports: list[Report], index: CitationIndex, terms: list[Term]) -> Analysis:
    """Findings and key figures of every report, by slug."""
    out = Analysis({}, {})
    for report in reports:
        containers = report_containers(report)
        out.findings[report.slug] = check_report(report, index, terms, containers)
        out.figures[report.slug] = key_figures(report, containers)
    return out
