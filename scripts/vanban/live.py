"""The engine's live server for `vanban serve`: the last build's site served at once, and after an
edit only the pages it touches built again.

`python -m vanban.live -f CONFIG --root ROOT --signal FILE -a HOST:PORT [--engine E] [--jobs N]
[--cache PAGES] [--shards JSON] [--stats PICKLE]` loads the config, the files and the nav as the
engine's build does (vanban.parallel), gives every page the title, metadata and anchors the last
build's page cache kept (a page whose source changed since is built again first), and serves the
config's site_dir with the engine's own live-reload server. That folder is a copy of the last
site whose pages are hard links (vanban.serve): a file is never written through; one about to be
written is first made a file of its own.

vanban appends one JSON line per regeneration to the signal FILE: the paths of its docs folder it
wrote or removed, and the build date (SOURCE_DATE_EPOCH). The server watches the file's folder
and calls `LiveSite.rebuild`, which reads the new lines and builds the pages named (many of them
in forked processes, as vanban.parallel does), every page when what they all show of the others
changed (the nav's titles, or a template's build date), the theme's templates (sitemap, 404),
checks every anchor link in strict mode, and then reloads the browsers; a rebuild that fails is
said, and the server goes on serving what it has. The search index follows in a process of its
own at a lower priority (`--reindex`), a shard whose pages are unchanged kept. What it serves
equals a clean build of the same data (tests/test_serve.py).

Engine internals used here, beside vanban.parallel's (all pinned by that test, which compares
the served tree with a clean build byte for byte): the live-reload server
(`livereload.LiveReloadServer`: `watch`, `serve`, `shutdown`, `error_handler`, and its holding
requests while its builder runs), `commands.build._populate_page`, `_build_page`,
`_build_theme_template` and `_build_extra_template`, `structure.files.File`, `Files`,
`set_exclusions` and the order `get_files` lists docs/ in (`_walk_order`).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import json
import logging
import os
import shutil
import subprocess
import sys
import threading
import time
import traceback
from pathlib import Path
from signal import SIGKILL
from urllib.parse import urlsplit

from vanban.hardlink import link_tree
from vanban.parallel import (BEFORE_RENDER, PageSummary, _digest, _env_key, _load, _nav_key, _replay, _summary, _titled,
                             _Workers, run_engine)

log = logging.getLogger("mkdocs.vanban.live")
# From this many pages to build, they are shared out among forked processes.
PARALLEL_FROM = 16


class LiveSite:
    """The engine's config, files, nav and every page's summary, kept between rebuilds."""

    def __init__(self, engine: str, config, root: Path, cache: dict | None, signal: Path, shards: dict[str, str],
                 stats: dict | None = None, jobs: int = 1) -> None:
        self.m = {name: importlib.import_module(f"{engine}.{name}")
                  for name in ("commands.build", "structure.files", "structure.pages", "structure.nav", "utils",
                               "exceptions")}
        self.engine = engine
        self.root = root
        self.jobs = jobs
        self.site = Path(config.site_dir)
        self.signal = signal
        self.done = 0  # lines of the signal file already taken
        self.rebuilds = 0  # rebuilds started so far (a search index made meanwhile may have read half of one)
        self.config = config.plugins.on_config(config)
        self.config.plugins.on_pre_build(config=self.config)
        self._load_files()
        self.summaries: dict[str, PageSummary] = {}
        stale = set()
        for file in self.doc_files:
            kept = cache["pages"].get(file.src_uri) if cache else None
            if kept and kept[0] == _digest(file.abs_src_path) and (self.site / file.dest_uri).is_file():
                self.summaries[file.src_uri] = kept[1]
            else:
                stale.add(file.src_uri)
        self.nav_key = cache.get("nav") if cache else None
        self.env_key = cache.get("env") if cache else None
        self._apply_summaries()
        self.shards = shards
        # Beside the signal's folder (the server watches that one): what reindexing keeps.
        self.index_work = signal.parent.parent / "index"
        self.index_work.mkdir(parents=True, exist_ok=True)
        if stats is not None:
            import pickle
            with open(self.index_work / "stats.pickle", "wb") as f:
                pickle.dump(stats, f, protocol=pickle.HIGHEST_PROTOCOL)
        self._indexer: threading.Thread | None = None
        self._index_wanted = False
        self._index_lock = threading.Lock()
        self.stopping = threading.Event()
        if stale:  # the pages whose source is not the one the last build built: built before serving
            self.rebuild_pages(stale, set(), set())

    # --- the files and the pages

    def _load_files(self) -> None:
        files_mod, nav_mod, pages_mod = self.m["structure.files"], self.m["structure.nav"], self.m["structure.pages"]
        config = self.config
        files = files_mod.get_files(config)
        env = config.theme.get_env()
        files.add_files_from_theme(env, config)
        files = config.plugins.on_files(files, config=config)
        files_mod.set_exclusions(files, config)
        nav = nav_mod.get_navigation(files, config)
        nav = config.plugins.on_nav(nav, config=config, files=files)
        inclusion = files_mod.InclusionLevel.is_included
        for file in files.documentation_pages(inclusion=inclusion):
            if file.page is None and file.inclusion.is_not_in_nav():
                pages_mod.Page(None, file, config)
        self.files, self.nav = files, nav
        self.doc_files = files.documentation_pages(inclusion=inclusion)
        self.by_uri = {f.src_uri: f for f in files}
        self.env = config.plugins.on_env(env, config=config, files=files)

    def _add_remove(self, added: set[str], removed: set[str]) -> bool:
        """Files added to and removed from the engine's list as its build lists them, without
        walking docs/ again; False (nothing done) where that may not be so: a plugin that sees
        the whole list (on_files), or a page the nav names."""
        if self.config.plugins.events.get("files") or (added | removed) & _nav_paths(self.config.nav):
            return False
        files_mod, pages_mod = self.m["structure.files"], self.m["structure.pages"]
        for rel in sorted(removed):
            if rel in self.by_uri:
                self.files.remove(self.by_uri.pop(rel))
        new = []
        for rel in sorted(added):
            file = files_mod.File(rel, self.config.docs_dir, self.config.site_dir, self.config.use_directory_urls)
            self.by_uri[rel] = file
            new.append(file)
        # In the order the engine lists them (the sitemap's): docs/ as walked, then the theme's.
        docs = os.path.abspath(self.config.docs_dir) + os.sep
        listed = list(self.files)
        walked = [f for f in listed if f.abs_src_path and f.abs_src_path.startswith(docs)]
        others = [f for f in listed if not (f.abs_src_path and f.abs_src_path.startswith(docs))]
        self.files = files_mod.Files(sorted(walked + new, key=_walk_order) + others)
        files_mod.set_exclusions(new, self.config)
        for file in new:
            if file.is_documentation_page() and file.inclusion.is_included():
                pages_mod.Page(None, file, self.config)
        self.doc_files = self.files.documentation_pages(inclusion=files_mod.InclusionLevel.is_included)
        return True

    def _apply_summaries(self, files=None) -> None:
        """Each page's title, metadata and anchors as last built (what the others show of it)."""
        for file in self.doc_files if files is None else files:
            summary = self.summaries.get(file.src_uri)
            if summary is None:
                continue
            page = file.page
            page.title, page.meta, page.present_anchor_ids = summary.title, summary.meta, summary.present_anchor_ids
            if summary.links_to_anchors is not None:
                page.links_to_anchors = {self.by_uri[uri]: links for uri, links in summary.links_to_anchors.items()
                                         if uri in self.by_uri}

    # --- a rebuild

    def rebuild(self) -> None:
        """The server's builder: the changes vanban has signalled since the last call."""
        try:
            lines = self.signal.read_text(encoding="utf-8").split("\n")
        except FileNotFoundError:
            lines = []
        complete = lines[:-1]  # the last piece has no newline yet (or is empty)
        changed: set[str] = set()
        for line in complete[self.done:]:
            change = json.loads(line)
            changed.update(change["paths"])
            os.environ["SOURCE_DATE_EPOCH"] = str(change["epoch"])
        self.done = len(complete)
        if not changed:
            return
        docs = Path(self.config.docs_dir)
        removed = {rel for rel in changed if not (docs / rel).is_file()}
        added = {rel for rel in changed - removed if rel not in self.by_uri}
        try:
            self.rebuild_pages(changed - removed - added, added, removed)
        except Exception as exc:
            # Not raised to the server, which would then hold every request until a rebuild
            # succeeds: it goes on serving what it has, and says the rebuild failed.
            if isinstance(exc, self.m["exceptions"].Abort):
                log.error(str(exc))
            else:
                traceback.print_exc()
                log.error(f"{type(exc).__name__}: {exc}")
            log.error("An error happened during the rebuild.")

    def rebuild_pages(self, changed: set[str], added: set[str], removed: set[str]) -> None:
        started = time.perf_counter()
        build, utils = self.m["commands.build"], self.m["utils"]
        config = self.config
        logger = logging.getLogger(self.engine)
        counter = utils.CountHandler()
        counter.setLevel(logging.WARNING)
        here = threading.get_ident()
        counter.addFilter(lambda record: record.thread == here)  # not the search index's, logged meanwhile
        logger.addHandler(counter)
        self.rebuilds += 1
        try:
            for rel in removed:
                file = self.by_uri.get(rel)
                if file is not None:
                    _remove(self.site / file.dest_uri)
                self.summaries.pop(rel, None)
            if (added or removed) and not self._add_remove(added, removed):
                self._load_files()
                self._apply_summaries()
            in_nav = {id(p) for p in self.nav.pages}
            titled = not any(config.plugins.events.get(event) for event in BEFORE_RENDER)
            todo = set()
            for rel in sorted(changed | added):
                file = self.by_uri.get(rel)
                if file is None:
                    continue
                if file.is_documentation_page():
                    todo.add(rel)
                    if id(file.page) in in_nav:  # read now: its title is what every page shows of it
                        if titled and _titled(file.page, config):  # its front matter says it: rendered later
                            self.summaries[rel] = PageSummary(file.page.title, file.page.meta, None, None)
                        else:
                            build._populate_page(file.page, config, self.files)
                            self.summaries[rel] = _summary(file.page)
                else:
                    _unshare(Path(file.abs_dest_path))
                    file.copy_file(dirty=False)
            nav_key = _nav_key(self.nav, self.summaries)
            env_key = _env_key(config)
            if (nav_key, env_key) != (self.nav_key, self.env_key):  # what every page shows of the others changed
                todo = {f.src_uri for f in self.doc_files}
                self.nav_key, self.env_key = nav_key, env_key
            for template in config.theme.static_templates:
                _unshare(self.site / template)
                _unshare(self.site / f"{template}.gz")
                build._build_theme_template(template, self.env, self.files, config, self.nav)
            for template in config.extra_templates:
                _unshare(self.site / template)
                build._build_extra_template(template, self.files, config, self.nav)
            self._build([i for i, f in enumerate(self.doc_files) if f.src_uri in todo])
            level = config.validation.links.anchors
            for file in self.doc_files:
                file.page.validate_anchor_links(files=self.files, log_level=level)
            config.plugins.on_post_build(config=config)
            if counts := counter.get_counts():
                msg = ", ".join(f"{v} {k.lower()}s" for k, v in counts)
                raise self.m["exceptions"].Abort(f"Aborted with {msg} in strict mode!")
        finally:
            logger.removeHandler(counter)
        log.info(f"Documentation built in {time.perf_counter() - started:.2f} seconds")
        self.reindex()

    def _build(self, todo: list[int]) -> None:
        """Read, lay out and write the pages `todo` (indices into doc_files), in `jobs` processes
        forked from this one when there are many (vanban.parallel's workers)."""
        build = self.m["commands.build"]
        for i in todo:
            _unshare(Path(self.doc_files[i].abs_dest_path))
        if self.jobs > 1 and len(todo) >= PARALLEL_FROM:
            state = {"build": build, "config": self.config, "files": self.files, "nav": self.nav, "env": self.env,
                     "docs": self.doc_files, "logger": self.engine}
            workers = _Workers(min(self.jobs, len(todo)), state)
            try:
                workers.read([])
                summaries, records = workers.build({}, todo, {i: os.path.getsize(self.doc_files[i].abs_src_path)
                                                              for i in todo})
            finally:
                workers.stop()
            _replay(records)
            for i, summary in summaries.items():
                self.summaries[self.doc_files[i].src_uri] = summary
            self._apply_summaries([self.doc_files[i] for i in summaries])
        else:
            for i in todo:
                file = self.doc_files[i]
                page = file.page
                if page.content is None:  # not rendered yet (its source may have been read for its title)
                    build._populate_page(page, self.config, self.files)
                    self.summaries[file.src_uri] = _summary(page)
                build._build_page(page, self.config, self.doc_files, self.nav, self.env, False,
                                  excluded=file.inclusion.is_excluded())
        for i in todo:
            page = self.doc_files[i].page
            page.content, page.markdown, page.toc = None, None, []

    # --- the search index, in the background

    def reindex(self) -> None:
        """Rebuild the search index beside the served one and swap it in; an edit meanwhile
        queues one more rebuild of it."""
        if not (self.site / "pagefind").is_dir():
            return
        with self._index_lock:
            self._index_wanted = True
            if self._indexer is not None and self._indexer.is_alive():
                return
            self._indexer = threading.Thread(target=self._reindex, daemon=True)
            self._indexer.start()

    def _reindex(self) -> None:
        """Index in a process of its own at a lower priority (`python -m vanban.live --reindex`),
        so that pages built meanwhile get the processor first; the shards' keys and what it
        learnt of the pages come back in files."""
        from vanban.messages import seconds
        keys, stats = self.index_work / "shards.json", self.index_work / "stats.pickle"
        while True:
            with self._index_lock:
                if not self._index_wanted:
                    return
                self._index_wanted = False
            started = time.perf_counter()
            rebuilds = self.rebuilds
            keys.write_text(json.dumps(self.shards), encoding="utf-8")
            cmd = [sys.executable, "-m", "vanban.live", "--reindex", str(self.site), "--root", str(self.root),
                   "--shards", str(keys), "--stats", str(stats)]
            if shutil.which("nice"):
                cmd = ["nice", "-n", "10", *cmd]
            proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                    encoding="utf-8", errors="replace", start_new_session=True)
            while proc.poll() is None:
                if self.stopping.wait(0.1):
                    with contextlib.suppress(ProcessLookupError):
                        os.killpg(proc.pid, SIGKILL)
                    proc.wait()
                    return
            said = (proc.stdout.read() if proc.stdout else "").strip().splitlines()
            if proc.returncode == 0 and said:
                self.shards = json.loads(keys.read_text(encoding="utf-8"))
                log.info(f"vanban: chỉ mục tìm kiếm đã cập nhật ({said[-1]} trang, "
                         f"{seconds(time.perf_counter() - started)})")
                continue
            if self.rebuilds != rebuilds:  # pages changed under it (one removed, say): indexed again
                with self._index_lock:
                    self._index_wanted = True
                continue
            log.warning(f"vanban: không cập nhật được chỉ mục tìm kiếm: {said[-1] if said else proc.returncode}")

    def stop(self) -> None:
        self.stopping.set()
        if self._indexer is not None:
            self._indexer.join(timeout=10)


def _walk_order(file) -> tuple:
    """Where the engine's walk of docs/ meets a file: folders top down in name order, in each
    folder its index (or README) first, then by name (mkdocs.structure.files.get_files)."""
    folder, _, name = file.src_uri.rpartition("/")
    return (tuple(folder.split("/")) if folder else (), os.path.splitext(name)[0] not in ("index", "README"), name)


def _nav_paths(nav) -> set[str]:
    """The pages a config's nav names."""
    if isinstance(nav, str):
        return {nav}
    if isinstance(nav, dict):
        return set().union(*(_nav_paths(v) for v in nav.values())) if nav else set()
    if isinstance(nav, list):
        return set().union(*(_nav_paths(v) for v in nav)) if nav else set()
    return set()


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass


def _unshare(path: Path) -> None:
    """A file about to be written where it is: if it is a hard link of the last site's, made a
    file of its own first (a copy put in its place in one step), so that the last site is never
    written through and the file is never missing meanwhile (the search index reads it)."""
    try:
        if os.stat(path).st_nlink < 2:
            return
    except FileNotFoundError:
        return
    tmp = path.with_name(f".{path.name}.vanban-tmp")
    shutil.copyfile(path, tmp)
    os.replace(tmp, path)


def copy_site(site: Path, target: Path) -> None:
    """`target`, a copy of `site` to serve and build into: its pages and search index hard-linked
    (LiveSite never writes a file where it is), every other file (assets, sitemap, the 404 page,
    data files, which plugins may write in place) copied."""
    link_tree(site, target, lambda rel: rel.startswith("pagefind/") or (rel.endswith(".html") and rel != "404.html"))


def reindex(site: Path, root: Path, keys: Path, stats: Path) -> int:
    """`python -m vanban.live --reindex SITE`: the search index of SITE rebuilt beside it and
    swapped in, a shard whose pages are those of a shard in `keys` kept (the file then holds the
    new keys), reading only the pages `stats` does not know unchanged (updated too); prints the
    number of pages indexed, or one line saying what failed."""
    import pickle

    from vanban.errors import VanbanError
    from vanban.mkdocs_config import plugin_options
    from vanban.search.page_stats import PageStats
    from vanban.search.pagefind import DEFAULT_SHARD_MB, INDEX_DIR, index_site

    options = plugin_options(root, "vanban-search")
    try:
        with open(stats, "rb") as f:
            known = pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError):
        known = None
    page_stats = PageStats(known)
    new: dict[str, str] = {}
    try:
        count = index_site(site, options.get("shard_mb", DEFAULT_SHARD_MB), options.get("other_sites"),
                           previous=(site / INDEX_DIR, json.loads(keys.read_text(encoding="utf-8"))), keys=new,
                           stats=page_stats)
    except VanbanError as exc:
        print(exc)
        return 1
    keys.write_text(json.dumps(new), encoding="utf-8")
    with open(stats, "wb") as f:
        pickle.dump(page_stats.now, f, protocol=pickle.HIGHEST_PROTOCOL)
    print(count)
    return 0


def main(argv: list[str] | None = None) -> int:
    if argv is None and sys.argv[1:2] == ["--reindex"]:
        site, rest = Path(sys.argv[2]), dict(zip(sys.argv[3::2], sys.argv[4::2]))
        return reindex(site, Path(rest["--root"]), Path(rest["--shards"]), Path(rest["--stats"]))
    parser = argparse.ArgumentParser(prog="python -m vanban.live")
    parser.add_argument("-f", "--config-file", required=True)
    parser.add_argument("-a", "--address", required=True)
    parser.add_argument("--root", required=True, help="the project (its mkdocs.yml gives the search options)")
    parser.add_argument("--signal", required=True, help="the file vanban appends its changes to")
    parser.add_argument("--engine", choices=("mkdocs", "properdocs"), default="mkdocs")
    parser.add_argument("--cache", help="the page cache the last build kept (vanban.parallel --cache-out)")
    parser.add_argument("--shards", help="the search shards' keys the last build kept")
    parser.add_argument("--stats", help="what the last build learnt of its pages for search")
    parser.add_argument("--jobs", type=int, default=1, help="processes to build many pages in")
    args = parser.parse_args(argv)
    signal = Path(args.signal)
    shards = json.loads(Path(args.shards).read_text(encoding="utf-8")) if args.shards else {}
    stats = None
    if args.stats:
        import pickle
        with open(args.stats, "rb") as f:
            stats = pickle.load(f)

    def serve(config) -> None:
        livereload = importlib.import_module(f"{args.engine}.livereload")
        live = LiveSite(args.engine, config, Path(args.root), _load(args.cache), signal, shards, stats, args.jobs)
        try:
            live.done = len(signal.read_text(encoding="utf-8").split("\n")[:-1]) if signal.is_file() else 0
            site = str(live.site)
            host, _, port = args.address.rpartition(":")
            server = livereload.LiveReloadServer(builder=live.rebuild, host=host.strip("[]"), port=int(port),
                                                 root=site, mount_path=urlsplit(config.site_url or "/").path,
                                                 polling_interval=0.1)

            def error_page(code: int) -> bytes | None:
                page = os.path.join(site, f"{code}.html")
                if code in (404, 500) and os.path.isfile(page):
                    with open(page, "rb") as f:
                        return f.read()
                return None

            server.error_handler = error_page
            server.watch(str(signal.parent), recursive=False)
            try:
                server.serve()
            except KeyboardInterrupt:
                log.info("Shutting down...")
            finally:
                server.shutdown()
        finally:
            live.stop()

    return run_engine(args.engine, args.config_file, serve, stream=sys.stdout)

if __name__ == "__main__":
    # Run from the module as imported, not from __main__: what it pickles (PageSummary) is then
    # found by any process that loads it.
    from vanban.live import main as _main

    sys.exit(_main())
