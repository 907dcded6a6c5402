"""MkDocs plugin `vanban-search`: Material's search box, answering the way Vietnamese cadres type.

Two engines behind Material's own search interface (list this plugin after `search`):

- `pagefind` (the default): Material's lunr index is not built; pages are prepared for Pagefind
  (vanban.search.pagefind.prepare_page: the article marked, Material's worker replaced by one
  speaking its protocol that answers from Pagefind's index, fetching only what a query needs).
  `vanban build` runs the same step on the built HTML whatever the engine, then the index.
- `lunr`, used when the `offline` plugin is on (Pagefind cannot load from file://): after
  Material writes its index, every entry gets a `folded` field (diacritic-free tokens, symbol
  variants) and directive pages a `symbol` field; a small worker expands each query, then runs
  Material's own worker.
"""

from __future__ import annotations

import json
import logging
import re
import threading
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from vanban.errors import VanbanError
from vanban.search.fold import folded_field, plain_text, symbol_field, with_fold
from vanban.search.passages import entries, split
from vanban.search.pagefind import DEFAULT_SHARD_MB, WORKER_REF, IndexStopped, index_site, prepare_page, write_worker

log = logging.getLogger("mkdocs.plugins.vanban-search")
WORKER_NAME = "vanban-search.js"
# How long a stopping server waits for a search index rebuild to stop (its Pagefind killed).
SHUTDOWN_SECONDS = 10
SYMBOL_META = "search_symbol"


class SearchConfig(Config):
    engine = c.Choice(("pagefind", "lunr"), default="pagefind")
    # Run Pagefind after the build; `vanban build` turns this off and indexes as its own stage.
    index = c.Type(bool, default=True)
    # Pagefind keeps a whole index in memory while building it: index at most this many MB of
    # article HTML at a time (in shards the browser searches together).
    shard_mb = c.Type((int, float), default=DEFAULT_SHARD_MB)
    # Other vanban sites (their root URLs) whose indexes this site's search box also searches:
    # one site per committee, built apart, searched together (README, "Several sites").
    other_sites = c.Type(list, default=[])


def _dirty_notice(record: logging.LogRecord) -> bool:
    """`vanban serve` runs MkDocs with --dirty on purpose (vanban rewrites only changed pages):
    MkDocs' warning about it is shown as information, so that strict mode does not abort."""
    if record.levelno == logging.WARNING and "'dirty' build" in record.getMessage():
        record.levelno, record.levelname = logging.INFO, "INFO"
    return True


class _NoIndex:
    """Stands in for Material's lunr index when Pagefind answers: pages are not parsed for it,
    and search_index.json carries only the search settings."""

    def __init__(self, config: dict):
        self.config = config
        self.entries: list = []

    def add_entry_from_context(self, page) -> None:
        pass

    def generate_search_index(self, prev) -> str:
        keys = ("lang", "separator", "pipeline", "fields")
        return json.dumps({"config": {k: self.config[k] for k in keys}, "docs": []}, separators=(",", ":"))


class SearchFolding(BasePlugin[SearchConfig]):
    def on_startup(self, *, command, dirty):
        """Kept across `mkdocs serve` rebuilds (MkDocs calls this only on plugins it keeps)."""
        self.serve_dirty = command == "serve" and dirty
        self.indexed = False
        self._lock = threading.Lock()
        self._indexer: threading.Thread | None = None
        self._wanted = False
        self._stopping = threading.Event()
        if self.serve_dirty:
            logging.getLogger("mkdocs.commands.build").addFilter(_dirty_notice)

    def on_config(self, config):
        self.separator = None
        material = None
        for name, plugin in config.plugins.items():
            if name.endswith("search") and hasattr(plugin.config, "separator"):
                material = plugin
                self.separator = re.compile(plugin.config.separator)
        if material is None:
            log.warning("vanban-search: mkdocs.yml phải khai báo plugin search của Material trước vanban-search")
        offline = next((p for n, p in config.plugins.items() if n.endswith("offline")), None)
        self.engine = self.config.engine
        if offline is not None and offline.config.enabled:
            self.engine = "lunr"
        if self.engine == "pagefind" and material is not None:
            material.search_index = _NoIndex(material.search_index.config)
        self.material_worker = None
        self.symbols: dict[str, list[str]] = {}
        self.passages: dict[str, list] = {}
        return config

    def on_page_context(self, context, *, page, config, nav):
        words = page.meta.get(SYMBOL_META)
        if words:
            self.symbols[page.url] = [str(w) for w in words]
        return context

    def on_post_page(self, output, *, page, config):
        match = WORKER_REF.search(output)
        if not match:
            return output
        self.material_worker = match.group(2)
        if self.engine == "lunr":
            if page is not None:
                self.passages[page.url] = split(output)
            return WORKER_REF.sub(lambda m: f'{m.group(1)}{WORKER_NAME}"', output, count=1)
        # The same step vanban runs on the built HTML after any engine (prepare_site); here, page
        # by page, so that `mkdocs serve` rebuilds stay cheap.
        return prepare_page(output)

    def on_post_template(self, output_content, *, template_name, config):
        """The 404 page (a theme template, not a page) searches with the same worker."""
        return self.on_post_page(output_content, page=None, config=config)

    def on_post_build(self, *, config):
        if self.engine == "pagefind":
            self._pagefind(Path(config.site_dir))
            return
        if self.separator is None:
            return
        site = Path(config.site_dir)
        index_path = site / "search" / "search_index.json"
        data = json.loads(index_path.read_text(encoding="utf-8"))
        data["docs"] = self._by_passage(data["docs"])
        for entry in data["docs"]:
            folded = folded_field(plain_text(entry.get("title", "") + " " + entry.get("text", "")), self.separator)
            if folded:
                entry["folded"] = folded
            if "#" in entry["location"] and entry.get("title"):  # a heading's words, folded, rank as a title does
                entry["title_folded"] = folded_field(plain_text(entry["title"]), self.separator)
            words = self.symbols.get(entry["location"])
            if words:
                entry["symbol"] = symbol_field(words, self.separator)
        index_path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        if self.material_worker is None:
            log.warning("vanban-search: không tìm thấy worker tìm kiếm của Material trong trang web")
            return
        template = (Path(__file__).parent / "worker.js").read_text(encoding="utf-8")
        worker = site / "assets" / "javascripts" / "workers" / WORKER_NAME
        worker.write_text(with_fold(template).replace("__MATERIAL_WORKER__", self.material_worker), encoding="utf-8")

    def _by_passage(self, docs: list[dict]) -> list[dict]:
        """Material's entries (one per heading) replaced, page by page, by one per passage
        (vanban.search.passages); pages not split keep Material's."""
        out: list[dict] = []
        done: set[str] = set()
        for entry in docs:
            page = entry["location"].split("#")[0]
            passages = self.passages.get(page)
            if passages is None or not any(p.anchor and not p.heading for p in passages):
                out.append(entry)
            elif page not in done:
                done.add(page)
                out += entries(page, plain_text(entry.get("title", "")), passages)
        return out

    def _pagefind(self, site: Path) -> None:
        if self.material_worker is None:
            log.warning("vanban-search: không tìm thấy worker tìm kiếm của Material trong trang web")
            return
        write_worker(site)
        if not self.config.index:
            return
        if getattr(self, "serve_dirty", False) and self.indexed:
            self._reindex_in_background(site)
            return
        try:
            index_site(site, self.config.shard_mb, self.config.other_sites)
        except VanbanError as exc:
            raise PluginError(str(exc)) from None
        self.indexed = True

    def on_shutdown(self) -> None:
        """The server stops (before it removes its site): a rebuild of the index under way is
        stopped, and its Pagefind with it."""
        self._stopping.set()
        if self._indexer is not None:
            self._indexer.join(timeout=SHUTDOWN_SECONDS)

    def _reindex_in_background(self, site: Path) -> None:
        """`vanban serve` after an edit: the search index is rebuilt beside the served one and
        swapped in, while pages reload at once; edits during a rebuild queue one more."""
        with self._lock:
            self._wanted = True
            if self._indexer is not None and self._indexer.is_alive():
                return
            self._indexer = threading.Thread(target=self._reindex, args=(site,), daemon=True)
            self._indexer.start()

    def _reindex(self, site: Path) -> None:
        while True:
            with self._lock:
                if not self._wanted:
                    return
                self._wanted = False
            try:
                count = index_site(site, self.config.shard_mb, self.config.other_sites, stop=self._stopping)
                log.info(f"vanban: chỉ mục tìm kiếm đã cập nhật ({count} trang)")
            except IndexStopped:
                return
            except VanbanError as exc:
                log.warning(f"vanban: không cập nhật được chỉ mục tìm kiếm: {exc}")
