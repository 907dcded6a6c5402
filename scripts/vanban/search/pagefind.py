"""Build the Pagefind search index of a built site: a sharded index the browser reads a few
small files of per query, however large the site (see README, "Search at scale").

Pagefind holds a whole index in memory while it builds it (about 20 MB per MB of the article
HTML it indexes: 2.3 GB for 800 reports at once), so a large site is indexed in shards of at
most `shard_mb` of article HTML each, a few at a time (SHARDS_AT_ONCE); the browser searches them together
(Pagefind's mergeIndex), each shard costing a few requests more per query.
`pagefind/shards.json` lists them.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from vanban.errors import VanbanError
from vanban.hardlink import link_or_copy
from vanban.search.fold import with_fold
from vanban.search.page_stats import PageStat, PageStats
from vanban.render.page import NOT_SEARCHED_CLASS, SHARD_WITH_ATTRIBUTE

INDEX_DIR = "pagefind"
SHARDS_FILE = "shards.json"
# In each shard's folder: the names of its page fragments, one per line, so that the worker fetches
# a result's fragment itself from the right shard (Pagefind's own loader also works out passages
# under every heading of the page, which vanban does not use: 20 ms a report).
FRAGMENTS_FILE = "vanban-fragments.txt"
# The worker the vanban-search plugin writes when Pagefind is the engine (Material's worker URL
# in every page is pointed at it).
WORKER = Path("assets") / "javascripts" / "workers" / "vanban-pagefind.js"
# `vanban build` sets this to false for MkDocs and indexes as a stage of its own.
INDEX_ENV = "VANBAN_SEARCH_INDEX"
# The element the pages mark for indexing (the article, not the nav, header or footer).
BODY_ATTRIBUTE = "data-pagefind-body"
# Not indexed: the ¶ permalinks of headings and paragraphs.
EXCLUDE = [".headerlink", ".vb-para-link", ".vb-cite-link"]
# Pagefind's own search interfaces, which vanban does not use (Material's is kept).
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")
DEFAULT_SHARD_MB = 60
# How full shards are planned, on average: room for a shard's share of the pages to vary.
SHARD_FILL = 0.8
# Shards indexed at the same time, at most: Pagefind keeps about one and a half cores busy on its
# own, and each holds its shard's index in memory (about 0.5 GB for a shard of 60 MB).
SHARDS_AT_ONCE = 2
# How often a shard's wait looks whether the index was asked to stop (seconds).
STOP_POLL = 0.1
# A site with at least this much article HTML is cut into SHARDS_AT_ONCE shards at least, however
# large a shard may be, so that they are indexed together (100 reports: 37 MB, 9 s in one shard).
MIN_SPLIT_BYTES = 16_000_000


# Material's search worker, named in every page's config; pointed at vanban's Pagefind worker.
WORKER_REF = re.compile(r'("search":\s*"[^"]*?/workers/)(search\.[0-9a-f]+\.min\.js)"')
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset"')
# What a page vanban leaves out of search carries in its HTML (vanban.render.page.front_matter),
# so that the mark survives whatever engine renders it.
NOT_SEARCHED_MARK = f'class="{NOT_SEARCHED_CLASS}"'


def prepare_page(html: str) -> str:
    """A built page ready for Pagefind: Material's search worker replaced by vanban's, and the
    article marked for indexing unless the page is left out of search. Idempotent."""
    html = WORKER_REF.sub(lambda m: f'{m.group(1)}{WORKER.name}"', html, count=1)
    if NOT_SEARCHED_MARK in html or BODY_ATTRIBUTE in html:
        return html
    return ARTICLE.sub(lambda m: f"{m.group()} {BODY_ATTRIBUTE}", html, count=1)


def prepare_site(site: Path, stats: PageStats | None = None) -> int:
    """Every built page prepared for Pagefind (prepare_page) and vanban's worker written: the
    engine-independent step after any engine built the site (MkDocs, ProperDocs, Zensical); the
    number of pages Material's search appears on (0: an offline or search-less build, left as is).
    A page `stats` knows unchanged since the last build was prepared then, and is not read."""
    pages = 0
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel.startswith(INDEX_DIR + "/"):
            continue
        known = stats.get(rel, path) if stats is not None else None
        if known is not None:
            pages += known.searched
            continue
        data = path.read_bytes()
        html = data.decode("utf-8")
        if WORKER_REF.search(html) or WORKER.name in html:
            pages += 1
            prepared = prepare_page(html)
            if prepared != html:
                data = prepared.encode("utf-8")
                path.write_bytes(data)
        if stats is not None:  # read once: the shards' plan and keys need it next
            stats.put(rel, path, _stat_of(data))
    if pages:
        write_worker(site)
    return pages


def write_worker(site: Path) -> None:
    """vanban's search worker (Material's worker protocol, answered from Pagefind's index)."""
    target = site / WORKER
    target.parent.mkdir(parents=True, exist_ok=True)
    source = (Path(__file__).parent / "pagefind_worker.js").read_text(encoding="utf-8")
    target.write_text(with_fold(source), encoding="utf-8")


def wants_index(site: Path) -> bool:
    """Whether the built site's pages search with Pagefind (the offline build does not)."""
    return (site / WORKER).is_file()


def _article(html: bytes) -> tuple[int, int] | None:
    """Where the article marked for Pagefind is: from its mark to its closing tag (or the page's
    end); None if the page is not marked."""
    start = html.find(BODY_ATTRIBUTE.encode())
    if start < 0:
        return None
    end = html.find(b"</article>", start)
    return start, end if end > 0 else len(html)


def article_size(html: bytes) -> int:
    """The bytes of the article Pagefind indexes on a page (0 if the page is not marked): what
    its memory grows with, nav and header aside."""
    span = _article(html)
    return span[1] - span[0] if span else 0


def plan_shards(site: Path, shard_bytes: int, stats: PageStats | None = None) -> list[list[str]]:
    """The site's pages marked for search, in shards of at most `shard_bytes` of article HTML
    (a larger page is a shard of its own). A page's shard is picked by a hash of its path (or of
    the path its SHARD_WITH mark names: a directive's page goes with the first report that cites
    it) among as many as the site needs at four fifths full (a bucket grown past the limit is
    cut in path order): the same site, the same shards; and adding or editing a page changes
    its own shard only (unless the site grows past another four fifths of a shard), so an
    incremental build indexes little again. A site past MIN_SPLIT_BYTES has SHARDS_AT_ONCE
    shards at least. `stats` gets each page's stats (read only if changed)."""
    stats = stats if stats is not None else PageStats()
    pages: list[tuple[str, int, str]] = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel.startswith(INDEX_DIR + "/"):
            continue
        stat = page_stat(site, rel, stats)
        if stat.article:
            pages.append((rel, stat.article, stat.group or _page_key(rel)))
    total = sum(length for _, length, _ in pages)
    count = max(1, math.ceil(total / (shard_bytes * SHARD_FILL)))
    if total >= MIN_SPLIT_BYTES:
        count = max(count, SHARDS_AT_ONCE)
    buckets: list[list[tuple[str, int]]] = [[] for _ in range(count)]
    for rel, length, group in pages:
        buckets[int.from_bytes(hashlib.sha256(group.encode()).digest()[:8], "big") % count].append((rel, length))
    shards: list[list[str]] = []
    for bucket in buckets:
        run: list[str] = []
        size = 0
        for rel, length in bucket:
            if run and size + length > shard_bytes:
                shards.append(run)
                run, size = [], 0
            run.append(rel)
            size += length
        if run:
            shards.append(run)
    return shards


class IndexStopped(Exception):
    """index_site was asked to stop (`vanban serve` stopping while it rebuilt the index)."""


def index_site(site: Path, shard_mb: float = DEFAULT_SHARD_MB, other_sites: list[str] | None = None,
               previous: tuple[Path, dict[str, str]] | None = None, keys: dict[str, str] | None = None,
               stats: PageStats | None = None, at_once: int = 1, stop: threading.Event | None = None) -> int:
    """Index `site` into `site/pagefind/s0/`, `s1/`… with the Pagefind binary (from the
    `pagefind[bin]` package), `at_once` shards at a time; return the number of pages indexed. `other_sites` are the root
    URLs of other vanban sites whose indexes the search box also searches (listed in
    shards.json). A shard whose pages are byte for byte those of a shard of `previous` (an
    index folder and its shards' keys, as filled in `keys`) is taken from it, not indexed
    again; `stats` spares reading the pages the last build's stats know unchanged. Fails with
    one line naming the site folder; raises IndexStopped, no Pagefind left running, once `stop`
    is set."""
    final = site / INDEX_DIR
    out = site / f"{INDEX_DIR}.new"  # built aside, then swapped in: a served site keeps its index meanwhile
    shutil.rmtree(out, ignore_errors=True)
    stats = stats if stats is not None else PageStats()
    shards = plan_shards(site, int(shard_mb * 1_000_000), stats)
    out.mkdir(parents=True)
    old_index, old_keys = previous or (None, {})
    running: list[_Shard] = []
    try:
        for number, pages in enumerate(shards):
            name = f"s{number}"
            key = shard_key(site, pages, stats)
            if keys is not None:
                keys[key] = name
            kept = old_index / old_keys[key] if old_index is not None and key in old_keys else None
            if kept is not None and all((kept / f).is_file() for f in ("pagefind-entry.json", FRAGMENTS_FILE)):
                shutil.copytree(kept, out / name, copy_function=link_or_copy)
                continue
            if len(running) >= max(1, at_once):
                running[0].finish(stop)  # left in `running` until it has finished: Ctrl-C meanwhile stops it
                running.pop(0)
            if stop is not None and stop.is_set():
                raise IndexStopped
            running.append(_Shard(site, pages, out / name))
        while running:
            running[0].finish(stop)
            running.pop(0)
    finally:
        for shard in running:  # a failure or Ctrl-C: no Pagefind left writing
            shard.stop()
    listed = {"shards": [f"s{n}" for n in range(len(shards))]}
    if other_sites:
        listed["others"] = [u if u.endswith("/") else u + "/" for u in other_sites]
    (out / SHARDS_FILE).write_text(json.dumps(listed) + "\n", encoding="utf-8")
    old = site / f"{INDEX_DIR}.old"
    shutil.rmtree(old, ignore_errors=True)
    if final.exists():
        os.replace(final, old)
    os.replace(out, final)
    shutil.rmtree(old, ignore_errors=True)
    return sum(len(s) for s in shards)


def write_fragment_list(shard: Path) -> None:
    """The shard's fragment names (Pagefind's page ids), sorted, in FRAGMENTS_FILE."""
    names = sorted(p.name.removesuffix(".pf_fragment") for p in (shard / "fragment").glob("*.pf_fragment"))
    (shard / FRAGMENTS_FILE).write_text("".join(name + "\n" for name in names), encoding="utf-8")


def page_stat(site: Path, rel: str, stats: PageStats) -> PageStat:
    """A built page's stats, from `stats` if the file is unchanged, else read."""
    path = site / rel
    known = stats.get(rel, path)
    if known is not None:
        return known
    return stats.put(rel, path, _stat_of(path.read_bytes()))


SHARD_WITH = re.compile(SHARD_WITH_ATTRIBUTE.encode() + rb'="([^"]*)"')


def _stat_of(html: bytes) -> PageStat:
    span = _article(html)
    group = SHARD_WITH.search(html, *span) if span else None
    return PageStat(WORKER.name.encode() in html, article_size(html), hashlib.sha256(indexed_bytes(html)).digest(),
                    group.group(1).decode() if group else None)


def _page_key(rel: str) -> str:
    """A built page's path as its source's, whatever the URL scheme: `bao-cao/x/index.html` and
    `bao-cao/x.html` are both `bao-cao/x`."""
    return rel.removesuffix("index.html").removesuffix(".html").rstrip("/")


def shard_key(site: Path, pages: list[str], stats: PageStats | None = None) -> str:
    """What a shard's index is made from: its pages' paths and what Pagefind reads of them."""
    stats = stats if stats is not None else PageStats()
    digest = hashlib.sha256()
    for rel in pages:
        digest.update(rel.encode() + b"\0" + page_stat(site, rel, stats).digest)
    return digest.hexdigest()


IGNORED_DIV = re.compile(rb"<div\b[^>]*\bdata-pagefind-ignore\b[^>]*>")
DIV_TAG = re.compile(rb"<(/?)div\b")
HTML_TAG = re.compile(rb"<html\b[^>]*>")


def indexed_bytes(html: bytes) -> bytes:
    """A page as far as its index can tell: the page's language (its <html> tag) and the article
    marked for Pagefind, with the divs Pagefind ignores emptied (a run of them made one).
    Nothing else reaches Pagefind's index or fragments (tests/test_shards.py asks Pagefind): not
    the title, nav or footer, which change on every page when a report is added, nor the citing
    passages on a directive's page, headings and ids included. A page not marked for Pagefind
    is taken whole."""
    span = _article(html)
    if span is None:
        return html
    start = html.rfind(b"<", 0, span[0])
    end = min(len(html), span[1] + len(b"</article>"))
    lang = HTML_TAG.search(html, 0, start)
    out, pos = [lang.group() if lang else b"", b"\n"], start
    ignored_until = -1  # where the last ignored div ended
    for opened in IGNORED_DIV.finditer(html, start, end):
        if opened.start() < pos:
            continue
        depth, close = 0, end
        for tag in DIV_TAG.finditer(html, opened.start(), end):
            depth += -1 if tag.group(1) else 1
            if depth == 0:
                close = html.find(b">", tag.end()) + 1 or end
                break
        # Ignored divs next to one another are one to Pagefind (a section that appears beside
        # another leaves the page's key as it was).
        if pos != ignored_until or html[pos:opened.start()].strip():
            out += [html[pos:opened.end()], b"</div>"]
        pos = ignored_until = close
    out.append(html[pos:end])
    return b"".join(out)


class _Shard:
    """The Pagefind command running on a folder holding just the shard's pages (same paths), so
    that it writes its files completely before it exits. (Pagefind's Python API once left an
    empty pagefind.js behind, and its globs fail past a few thousand paths.) Each page is given
    as what Pagefind reads of it (indexed_bytes): the same index, from a quarter of the HTML to
    parse (a shard of 1 000 reports' site: 28 instead of 104 MB, 5.6 instead of 7.2 s)."""

    def __init__(self, site: Path, pages: list[str], target: Path):
        self.site, self.pages, self.target = site, pages, target
        self.folder = Path(tempfile.mkdtemp(prefix="pagefind-", dir=site.parent))
        self.output = tempfile.TemporaryFile("w+", encoding="utf-8")  # a pipe could fill while another runs
        self.proc = None
        try:
            for rel in pages:
                dest = self.folder / rel
                dest.parent.mkdir(parents=True, exist_ok=True)
                dest.write_bytes(indexed_bytes((site / rel).read_bytes()))
            cmd = [sys.executable, "-m", "pagefind", "--site", str(self.folder), "--output-path", str(target),
                   "--silent"]
            for selector in EXCLUDE:
                cmd += ["--exclude-selectors", selector]
            self.proc = subprocess.Popen(cmd, stdout=self.output, stderr=subprocess.STDOUT, text=True)
        except OSError as exc:
            self.stop()
            raise VanbanError(f"không chạy được Pagefind: {exc}", site) from None
        except BaseException:  # Ctrl-C as it starts: none left running
            self.stop()
            raise

    def finish(self, stop: threading.Event | None = None) -> None:
        """Wait for Pagefind (unless `stop` is set meanwhile: IndexStopped), then check it
        indexed every page; fails with one line."""
        while True:
            try:
                returncode = self.proc.wait(timeout=STOP_POLL if stop is not None else None)
                break
            except subprocess.TimeoutExpired:
                if stop is not None and stop.is_set():
                    raise IndexStopped from None
        self.output.seek(0)
        lines = [ln.strip() for ln in self.output.read().splitlines() if ln.strip()]
        self.stop()
        if returncode != 0:
            raise VanbanError(f"Pagefind không lập được chỉ mục tìm kiếm: {lines[-1] if lines else returncode}", self.site)
        try:
            entry = json.loads((self.target / "pagefind-entry.json").read_text(encoding="utf-8"))
            indexed = sum(lang.get("page_count", 0) for lang in entry["languages"].values())
        except (OSError, ValueError, KeyError):
            indexed = -1
        if indexed != len(self.pages) or not (self.target / "pagefind.js").stat().st_size:
            raise VanbanError(f"chỉ mục tìm kiếm của Pagefind thiếu trang ({indexed} trên {len(self.pages)} trang)", self.target)
        for unused in UNUSED:
            (self.target / unused).unlink(missing_ok=True)
        write_fragment_list(self.target)

    def stop(self) -> None:
        """Pagefind stopped if still running; the shard's folder and output gone."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self.output.close()
        shutil.rmtree(self.folder, ignore_errors=True)
