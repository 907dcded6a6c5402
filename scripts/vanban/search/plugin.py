"""MkDocs plugin `vanban-search`: make Material's search match the way Vietnamese cadres type.

After Material's search plugin writes its index, add to every entry a `folded` field (diacritic-
free tokens and symbol variants) and, on directive pages, a `symbol` field; the boosts of both
are set in mkdocs.yml. Pages load a small worker that expands each query with its folded form,
then runs Material's own worker. List it after `search` in mkdocs.yml.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

from mkdocs.plugins import BasePlugin

from vanban.search.fold import folded_field, plain_text, symbol_field

log = logging.getLogger("mkdocs.plugins.vanban-search")
WORKER_REF = re.compile(r'("search":\s*"[^"]*?/workers/)(search\.[0-9a-f]+\.min\.js)"')
WORKER_NAME = "vanban-search.js"
SYMBOL_META = "search_symbol"


class SearchFolding(BasePlugin):
    def on_config(self, config):
        self.separator = None
        for name, plugin in config.plugins.items():
            if name.endswith("search") and hasattr(plugin.config, "separator"):
                self.separator = re.compile(plugin.config.separator)
        if self.separator is None:
            log.warning("vanban-search: Material's search plugin is not configured before it")
        self.material_worker = None
        self.symbols: dict[str, list[str]] = {}
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
        return WORKER_REF.sub(lambda m: f'{m.group(1)}{WORKER_NAME}"', output, count=1)

    def on_post_build(self, *, config):
        if self.separator is None:
            return
        site = Path(config.site_dir)
        index_path = site / "search" / "search_index.json"
        data = json.loads(index_path.read_text(encoding="utf-8"))
        for entry in data["docs"]:
            folded = folded_field(plain_text(entry.get("title", "") + " " + entry.get("text", "")), self.separator)
            if folded:
                entry["folded"] = folded
            words = self.symbols.get(entry["location"])
            if words:
                entry["symbol"] = symbol_field(words, self.separator)
        index_path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        if self.material_worker is None:
            log.warning("vanban-search: Material's search worker was not found in the pages")
            return
        template = (Path(__file__).parent / "worker.js").read_text(encoding="utf-8")
        worker = site / "assets" / "javascripts" / "workers" / WORKER_NAME
        worker.write_text(template.replace("__MATERIAL_WORKER__", self.material_worker), encoding="utf-8")
