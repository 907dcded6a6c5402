"""Build the Pagefind search index of a built site: a sharded index the browser reads a few
small files of per query, however large the site (see README, "Search at scale")."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from vanban.errors import VanbanError

INDEX_DIR = "pagefind"
# The worker the vanban-search plugin writes when Pagefind is the engine (Material's worker URL
# in every page is pointed at it).
WORKER = Path("assets") / "javascripts" / "workers" / "vanban-pagefind.js"
# `vanban build` sets this to false for MkDocs and indexes as a stage of its own.
INDEX_ENV = "VANBAN_SEARCH_INDEX"
# The element the pages mark for indexing (the article, not the nav, header or footer).
BODY_ATTRIBUTE = "data-pagefind-body"
# Not indexed: the ¶ permalinks of headings and paragraphs.
EXCLUDE = ".headerlink, .vb-para-link"


def wants_index(site: Path) -> bool:
    """Whether the built site's pages search with Pagefind (the offline build does not)."""
    return (site / WORKER).is_file()


def index_site(site: Path) -> None:
    """Run the Pagefind binary (from the `pagefind[bin]` package) over `site`; its index goes to
    `site/pagefind/`. Fails with one line naming the site folder."""
    cmd = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", INDEX_DIR,
           "--exclude-selectors", EXCLUDE, "--silent"]
    try:
        result = subprocess.run(cmd, capture_output=True, text=True)
    except OSError as exc:
        raise VanbanError(f"cannot run Pagefind: {exc}", site) from None
    if result.returncode != 0 or not (site / INDEX_DIR / "pagefind.js").is_file():
        lines = [ln.strip() for ln in (result.stderr + result.stdout).splitlines() if ln.strip()]
        raise VanbanError(f"Pagefind failed to index the site: {lines[-1] if lines else result.returncode}", site)
