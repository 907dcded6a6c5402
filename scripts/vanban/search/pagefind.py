"""Build the Pagefind search index of a built site: a sharded index the browser reads a few
small files of per query, however large the site (see README, "Search at scale").

Pagefind holds a whole index in memory while it builds it (about 20 MB per MB of the article
HTML it indexes: 2.3 GB for 800 reports at once), so a large site is indexed in shards of at
most `shard_mb` of article HTML each, one after the other; the browser searches them together
(Pagefind's mergeIndex), each shard costing a few requests more per query.
`pagefind/shards.json` lists them.
"""

from __future__ import annotations

import asyncio
import json
import shutil
from pathlib import Path

from vanban.errors import VanbanError

INDEX_DIR = "pagefind"
SHARDS_FILE = "shards.json"
# The worker the vanban-search plugin writes when Pagefind is the engine (Material's worker URL
# in every page is pointed at it).
WORKER = Path("assets") / "javascripts" / "workers" / "vanban-pagefind.js"
# `vanban build` sets this to false for MkDocs and indexes as a stage of its own.
INDEX_ENV = "VANBAN_SEARCH_INDEX"
# The element the pages mark for indexing (the article, not the nav, header or footer).
BODY_ATTRIBUTE = "data-pagefind-body"
# Not indexed: the ¶ permalinks of headings and paragraphs.
EXCLUDE = [".headerlink", ".vb-para-link"]
# Pagefind's own search interfaces, which vanban does not use (Material's is kept).
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")
DEFAULT_SHARD_MB = 60
# Pages named in one glob when adding them to a shard.
GLOB_PAGES = 1000


def wants_index(site: Path) -> bool:
    """Whether the built site's pages search with Pagefind (the offline build does not)."""
    return (site / WORKER).is_file()


def article_size(html: bytes) -> int:
    """The bytes of the article Pagefind indexes on a page (0 if the page is not marked): what
    its memory grows with, nav and header aside."""
    start = html.find(BODY_ATTRIBUTE.encode())
    if start < 0:
        return 0
    end = html.find(b"</article>", start)
    return (end if end > 0 else len(html)) - start


def plan_shards(site: Path, shard_bytes: int) -> list[list[str]]:
    """The site's pages marked for search, in path order, cut into runs of at most `shard_bytes`
    of article HTML (a larger page is a shard of its own). Deterministic: the same site, the
    same shards."""
    shards: list[list[str]] = [[]]
    size = 0
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        length = 0 if rel.startswith(INDEX_DIR + "/") else article_size(path.read_bytes())
        if not length:
            continue
        if shards[-1] and size + length > shard_bytes:
            shards.append([])
            size = 0
        shards[-1].append(rel)
        size += length
    return [s for s in shards if s]


def index_site(site: Path, shard_mb: float = DEFAULT_SHARD_MB) -> int:
    """Index `site` into `site/pagefind/s0/`, `s1/`… with the Pagefind binary (from the
    `pagefind[bin]` package); return the number of pages indexed. Fails with one line naming
    the site folder."""
    out = site / INDEX_DIR
    shutil.rmtree(out, ignore_errors=True)
    shards = plan_shards(site, int(shard_mb * 1_000_000))
    try:
        for number, pages in enumerate(shards):
            asyncio.run(_index_shard(site, pages, out / f"s{number}"))
    except VanbanError:
        raise
    except Exception as exc:  # the Pagefind service's errors have no common type
        raise VanbanError(f"Pagefind failed to index the site: {exc}", site) from None
    for number in range(len(shards)):
        for name in UNUSED:
            (out / f"s{number}" / name).unlink(missing_ok=True)
    (out / SHARDS_FILE).write_text(json.dumps({"shards": [f"s{n}" for n in range(len(shards))]}) + "\n",
                                   encoding="utf-8")
    return sum(len(s) for s in shards)


async def _index_shard(site: Path, pages: list[str], target: Path) -> None:
    from pagefind.index import IndexConfig, PagefindIndex

    config = IndexConfig(exclude_selectors=EXCLUDE, output_path=str(target))
    async with PagefindIndex(config=config) as index:
        indexed = 0
        for start in range(0, len(pages), GLOB_PAGES):  # Pagefind refuses globs of many thousand paths
            result = await index.add_directory(str(site), glob="{" + ",".join(pages[start : start + GLOB_PAGES]) + "}")
            indexed += result.get("page_count") or 0
        if indexed != len(pages):
            raise VanbanError(f"Pagefind indexed {indexed} of {len(pages)} pages of a shard", site)
    if not (target / "pagefind.js").is_file():
        raise VanbanError("Pagefind wrote no index", target)
