"""Pieces every generated page shares: the front matter that marks it as generated."""

from __future__ import annotations

import yaml

GENERATED_KEY = "generated_by"


def front_matter(title: str, source: str, **extra) -> str:
    """YAML front matter with the page title and a note that vanban wrote the page."""
    data = {"title": title, GENERATED_KEY: f"vanban, from {source}; edit the source, not this page", **extra}
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=True, width=10**6) + "---\n"
