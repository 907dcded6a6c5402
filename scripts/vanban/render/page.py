"""Pieces every generated page shares: the front matter that marks it as generated."""

from __future__ import annotations

import json

GENERATED_KEY = "generated_by"
# Front matter of pages left out of search (Material's convention, honoured by both engines):
# pages that repeat what the report and directive pages say (checks, key figures, the lists of
# directives), so that a query finds the passage once, where it belongs.
NOT_SEARCHED = {"exclude": True}
# Sections of a page left out of search (Material's attribute, and Pagefind's).
UNSEARCHED_BLOCK = '<div class="vb-unsearched" data-search-exclude data-pagefind-ignore markdown>'

# MkDocs and Material put page and nav titles into HTML unescaped in places (the nav, <title>):
# a title never reaches them with a character that could open a tag or close an attribute.
_TITLE_ESCAPES = str.maketrans({"<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "\n": " ", "\r": " "})


def meta_title(text: str) -> str:
    """A title for front matter and nav: markup characters as references, one line."""
    return text.translate(_TITLE_ESCAPES)


def front_matter(title: str, source: str, **extra) -> str:
    """YAML front matter with the page title and a note that vanban wrote the page."""
    data = {"title": meta_title(title), GENERATED_KEY: f"vanban, from {source}; edit the source, not this page",
            **extra}
    # JSON values are YAML flow scalars, and far quicker to write than yaml.safe_dump.
    lines = [f"{key}: {json.dumps(data[key], ensure_ascii=False)}" for key in sorted(data)]
    return "---\n" + "\n".join(lines) + "\n---\n"
