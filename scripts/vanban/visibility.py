"""Who may read the site, and so which marked documents it may publish.

A `public` site (the default) refuses every document marked secret (MẬT, TỐI MẬT, TUYỆT MẬT),
and every document marked for internal circulation unless `allow_internal` says otherwise; a
directive marked only in the catalog is withheld (no page, citations to it left as plain text).
An `internal` site publishes them all, with a banner, and asks search engines not to index it.
Settings: `extra.vanban` in mkdocs.yml (README, "Secret and internal documents").
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from pathlib import Path

from vanban.cite import CitationIndex
from vanban.errors import VanbanError, VanbanErrors
from vanban.messages import WHERE_WORDS
from vanban.mkdocs_config import CONFIG, project_config
from vanban.model import Mark, Report

PUBLIC, INTERNAL = "public", "internal"
ROBOTS_META = '<meta name="robots" content="noindex, nofollow">'
ROBOTS_TXT = "User-agent: *\nDisallow: /\n"


@dataclass(frozen=True)
class Visibility:
    level: str = PUBLIC
    allow_internal: bool = False

    def publishes(self, marks: list[Mark]) -> bool:
        """Whether a document with these marks may be on this site."""
        if self.level == INTERNAL:
            return True
        kinds = {m.kind for m in marks}
        return "secret" not in kinds and ("internal" not in kinds or self.allow_internal)


def load_visibility(root: Path) -> Visibility:
    """The site's visibility from mkdocs.yml (`extra: vanban: {visibility, allow_internal}`)."""
    settings = ((project_config(root).get("extra") or {}).get("vanban")) or {}
    if not isinstance(settings, dict):
        raise VanbanError("extra.vanban phải là một bảng khóa (visibility, allow_internal)", CONFIG)
    level = settings.get("visibility", PUBLIC)
    if level not in (PUBLIC, INTERNAL):
        raise VanbanError(f"extra.vanban.visibility phải là {PUBLIC} hoặc {INTERNAL}, không phải {level!r}", CONFIG)
    allow = settings.get("allow_internal", False)
    if not isinstance(allow, bool):
        raise VanbanError(f"extra.vanban.allow_internal phải là true hoặc false, không phải {allow!r}", CONFIG)
    return Visibility(level, allow)


def refuse_marked(reports: list[Report], visibility: Visibility) -> None:
    """Stop the build when a document it may not publish is in data/: one error per document."""
    errors = [_refusal(r.source, r.marks, visibility) for r in reports if not visibility.publishes(r.marks)]
    if errors:
        raise VanbanErrors(errors)


def _refusal(source: str, marks: list[Mark], visibility: Visibility) -> VanbanError:
    blocking = [m for m in marks if m.kind == "secret"] or marks
    mark = blocking[0]
    where = "" if mark.where in ("text", "sidecar") else f" (trong {WHERE_WORDS.get(mark.where, mark.where)})"
    allowed = ("dựng trang nội bộ (extra.vanban.visibility: internal trong mkdocs.yml)" if mark.kind == "secret"
               else "cho phép tài liệu nội bộ (extra.vanban.allow_internal: true trong mkdocs.yml)")
    return VanbanError(f"có dấu {mark.label} ({mark.text!r}{where}): trang công khai không được đăng; "
                       f"bỏ tài liệu khỏi data/ hoặc {allowed} (README, \"Secret and internal documents\")",
                       mark.file or source, mark.line)


def public_view(index: CitationIndex, visibility: Visibility) -> CitationIndex:
    """The citation index without the directives this site withholds: no page, no title, no
    citation link (the citing text stays as it is, as plain text)."""
    withheld = {i for i, d in index.directives.items() if not visibility.publishes(d.marks)}
    if not withheld:
        return index
    hidden_texts = {d.text for i, d in index.directives.items() if i in withheld and d.text}
    by_report = {}
    for slug, cites in index.by_report.items():
        if slug in hidden_texts:
            continue
        kept = [i for i, c in enumerate(cites) if c.directive not in withheld]
        position = {old: new for new, old in enumerate(kept)}
        by_report[slug] = [
            dataclasses.replace(cites[i], in_title_of=position.get(cites[i].in_title_of),
                                alias_of=position.get(cites[i].alias_of))
            if cites[i].in_title_of is not None or cites[i].alias_of is not None else cites[i]
            for i in kept]
    return CitationIndex(by_report, {i: d for i, d in index.directives.items() if i not in withheld},
                         [k for k in index.conflicts if k.directive not in withheld],
                         {slug: cites for slug, cites in index.unresolved.items() if slug not in hidden_texts})


def mark_not_indexed(site: Path) -> None:
    """An internal site: every page asks search engines not to index it, and robots.txt too."""
    for folder, _, files in os.walk(site):
        for name in files:
            if name.endswith(".html"):
                path = Path(folder) / name
                html = path.read_text(encoding="utf-8")
                if ROBOTS_META not in html:
                    path.write_text(html.replace("<head>", f"<head>\n{ROBOTS_META}", 1), encoding="utf-8")
    (site / "robots.txt").write_text(ROBOTS_TXT, encoding="utf-8")
