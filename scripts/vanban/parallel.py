"""MkDocs' own build with the pages read, rendered and written by N forked processes.

`python -m vanban.parallel --jobs N -f CONFIG [--engine mkdocs|properdocs]` runs the steps of
`mkdocs build --strict` (mkdocs.commands.build.build) from the engine's own page-level
functions (`_populate_page`, `_build_page`): the main process loads the config, the files and
the nav; N workers forked from it read the nav's pages (all that a page shows of other pages
is the nav: their titles and metadata; a page whose front matter gives its title is not
rendered for it, only read); the main process writes the static files and theme templates;
then each worker reads, renders, lays out and writes its share of the other pages one at a
time, keeping of each only its title, anchors and log (so memory does not grow with the site,
where MkDocs holds every page's HTML until it writes the first); anchor
links are validated and `post_build` runs in the main process. Log records are replayed in
MkDocs' order (every page read, then written), so the log, like the site, is the same for any
N (tests/test_parallel.py compares the trees with MkDocs' own build and fails the day these
internals change). With the page cache of the last build, a page whose Markdown and nav are
unchanged is not built again: its HTML is hard-linked from the last site (vanban.state).

Plugins see every page event in a worker: a plugin that gathers pages for `post_build` (the lunr
search index of the offline build) sees only its worker's share, so that build stays serial.
"""

from __future__ import annotations

import argparse
import hashlib
import heapq
import importlib
import logging
import multiprocessing
import os
import pickle
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from vanban.hardlink import link_or_copy

log = logging.getLogger("mkdocs.vanban.parallel")
CACHE_VERSION = 1


@dataclass
class PageSummary:
    """What other pages' templates and the anchor check need of a page read in a worker, and
    what the page logged (replayed when the page is reused)."""

    title: str | None
    meta: dict
    present_anchor_ids: set | None
    links_to_anchors: dict | None  # {target src_uri: {anchor: original link}}
    records: list = field(default_factory=list)  # (phase, sequence, levelno, logger name, message)


class _Records(logging.Handler):
    """Collects log records, tagged with the phase (MkDocs reads every page, then writes every
    page) and the page being processed."""

    def __init__(self):
        super().__init__()
        self.page = -1
        self.phase = "read"
        self.records: list = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((self.phase, self.page, len(self.records), record.levelno, record.name, record.getMessage()))

    def take(self) -> list:
        taken, self.records = self.records, []
        return taken


def _summary(page) -> PageSummary:
    links = page.links_to_anchors
    return PageSummary(page.title, page.meta, page.present_anchor_ids,
                       None if links is None else {f.src_uri: dict(v) for f, v in links.items()})


# Plugin events that may change a page's title or metadata before it is rendered.
BEFORE_RENDER = ("pre_page", "page_markdown", "page_content")


def _titled(page, config) -> bool:
    """Whether the page's source alone gives its title and metadata (a `title` in its front
    matter; no plugin handles BEFORE_RENDER): what the nav shows of it is then known without
    rendering it, and it is rendered with the other pages, in parallel (a list of every
    directive: seconds, which all the other pages would wait for)."""
    try:
        page.read_source(config)
    except Exception:  # reported as MkDocs reports it, by the page's full read
        return False
    return "title" in page.meta


def _worker(conn, state: dict) -> None:
    """Answer the main process: read the nav's pages it names (their summaries back, and which
    of them it rendered); then, given their titles and metadata, read, render, lay out and write
    the pages it names, one at a time, keeping of each only its summary."""
    build, config, files, nav, env, doc_files = (state[k] for k in ("build", "config", "files", "nav", "env", "docs"))
    records = _Records()
    logger = logging.getLogger(state["logger"])
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
    logger.addHandler(records)
    try:
        message = conn.recv()
        records.phase = "read"
        read = set()
        titled = not any(config.plugins.events.get(event) for event in BEFORE_RENDER)
        for i in message[1]:
            records.page = i
            if not (titled and _titled(doc_files[i].page, config)):
                build._populate_page(doc_files[i].page, config, files)
                read.add(i)
        conn.send(("read", ({i: _summary(doc_files[i].page) for i in message[1]}, read), records.take()))
        message = conn.recv()
        if message[0] != "build":
            return
        for i, (title, meta) in message[1].items():
            page = doc_files[i].page
            page.title, page.meta = title, meta
        records.page, records.phase = -1, "built"
        env = config.plugins.on_env(env, config=config, files=files)
        summaries = {}
        for i in message[2]:
            file = doc_files[i]
            records.page = i
            if i not in read:
                records.phase = "read"
                build._populate_page(file.page, config, files)
                summaries[i] = _summary(file.page)
            records.phase = "built"
            build._build_page(file.page, config, doc_files, nav, env, False, excluded=file.inclusion.is_excluded())
            file.page.content, file.page.markdown, file.page.toc = None, None, []  # what the next needs is its own
        conn.send(("built", summaries, records.take()))
    except BaseException as exc:  # reported to the main process, which stops the build
        conn.send(("failed", f"{type(exc).__name__}: {exc}", records.take()))
    finally:
        conn.close()


class _Workers:
    """N forked workers, each with a pipe; each page is read and written by the worker that
    read it (round robin)."""

    def __init__(self, jobs: int, state: dict):
        context = multiprocessing.get_context("fork")
        self.pipes, self.procs = [], []
        self.owner: dict[int, int] = {}
        for _ in range(jobs):
            ours, theirs = context.Pipe()
            proc = context.Process(target=_worker, args=(theirs, state), daemon=True)
            proc.start()
            theirs.close()
            self.pipes.append(ours)
            self.procs.append(proc)

    def read(self, pages: list[int]) -> tuple[dict[int, PageSummary], list]:
        """Read `pages` (the nav's), shared out round robin, rendering those whose source does not
        give their title; their summaries, and the records."""
        jobs = len(self.pipes)
        for k, pipe in enumerate(self.pipes):
            mine = pages[k::jobs]
            self.owner.update((i, k) for i in mine)
            pipe.send(("read", mine))
        summaries: dict[int, PageSummary] = {}
        records: list = []
        for answer, read in self._gather("read", records):
            summaries.update(answer)
            for i in set(answer) - read:  # only its source read: shared out with the other pages
                del self.owner[i]
        return summaries, records

    def build(self, titles: dict, pages: list[int], sizes: dict[int, int]) -> tuple[dict[int, PageSummary], list]:
        """Lay out and write `pages`: those read already by their reader, the others (read first)
        shared out by their `sizes`, largest first, each to the worker with the least to do so
        far (after an edit, a few pages of very different sizes are built again: dealt round
        robin, one worker could get the largest few); the summaries of the pages read here, and
        the records."""
        jobs = len(self.pipes)
        load = [0] * jobs
        for i in pages:
            if i in self.owner:
                load[self.owner[i]] += sizes[i]
        queue = [(size, k) for k, size in enumerate(load)]
        heapq.heapify(queue)
        for i in sorted((i for i in pages if i not in self.owner), key=lambda i: (-sizes[i], i)):
            size, k = heapq.heappop(queue)
            self.owner[i] = k
            heapq.heappush(queue, (size + sizes[i], k))
        for k, pipe in enumerate(self.pipes):
            pipe.send(("build", titles, [i for i in pages if self.owner[i] == k]))
        summaries: dict[int, PageSummary] = {}
        records: list = []
        for answer in self._gather("built", records):
            summaries.update(answer)
        return summaries, records

    def _gather(self, expected: str, records: list) -> list:
        answers, failure = [], None
        for pipe in self.pipes:
            try:
                kind, payload, recs = pipe.recv()
            except EOFError:
                kind, payload, recs = "failed", "a worker process ended unexpectedly", []
            records += recs
            if kind == expected:
                answers.append(payload)
            elif failure is None:
                failure = payload
        if failure is not None:
            _replay(records)
            raise RuntimeError(failure)
        return answers

    def stop(self) -> None:
        for pipe in self.pipes:
            try:
                pipe.send(("stop",))
            except OSError:
                pass
        for proc in self.procs:
            proc.join(timeout=5)
            if proc.is_alive():
                proc.kill()
                proc.join()


PHASES = {"read": 0, "main": 1, "built": 2}


def _replay(records: list) -> None:
    """Log records gathered from workers, kept with reused pages or held back in the main
    process, in MkDocs' order: every page read, the main process's steps, every page written."""
    for _, _, _, levelno, name, message in sorted(records, key=lambda r: (PHASES[r[0]], r[1], r[2])):
        logger = logging.getLogger(name)
        logger.handle(logger.makeRecord(name, levelno, "(worker)", 0, message, None, None))


def _digest(path: str) -> str:
    with open(path, "rb") as f:
        return hashlib.sha1(f.read()).hexdigest()


def _nav_key(nav, summaries: dict[str, PageSummary]) -> str:
    """What every page shows of the others: the nav's structure, titles, URLs and metadata."""
    def walk(items):
        for item in items:
            if item.is_page:
                summary = summaries.get(item.file.src_uri)
                yield ("page", item.file.src_uri, item.url, summary.title if summary else item.title,
                       repr(summary.meta) if summary else "")
            else:
                yield ("section" if item.is_section else "link", item.title, getattr(item, "url", ""))
                yield from walk(item.children or [])
    return hashlib.sha1(repr(list(walk(nav.items))).encode()).hexdigest()


def _env_key(config) -> str:
    """What a page's layout may show besides the pages: the build date, if a theme template
    (other than the sitemap, rebuilt every time) shows it."""
    for folder in config.theme.dirs:
        for path in sorted(Path(folder).rglob("*.html")):
            if path.name != "sitemap.xml" and re.search(r"build_date_utc|update_date", path.read_text(encoding="utf-8")):
                return "date " + os.environ.get("SOURCE_DATE_EPOCH", "now")
    return "no date"


def _reusable(cache: dict | None, reuse_site: str | None, env: str, files, doc_files,
              digests: dict[int, str]) -> dict[int, PageSummary]:
    """Pages whose source is the one the last build rendered, whose output it left, in a build
    where no file went away (a link that pointed at it must warn again)."""
    if (not cache or not reuse_site or cache.get("env") != env
            or not set(cache["files"]) <= {f.src_uri for f in files}):
        return {}
    out = {}
    for i, file in enumerate(doc_files):
        kept = cache["pages"].get(file.src_uri)
        if kept and kept[0] == digests[i] and os.path.isfile(os.path.join(reuse_site, file.dest_uri)):
            out[i] = kept[1]
    return out


def _kept(reused: dict[int, PageSummary]) -> list:
    """The records reused pages logged when they were last built, as gathered ones."""
    return [(phase, i, seq, levelno, name, message) for i, summary in reused.items()
            for phase, seq, levelno, name, message in summary.records]


def _load(path: str | None) -> dict | None:
    if not path:
        return None
    try:
        with open(path, "rb") as f:
            cache = pickle.load(f)
        return cache if isinstance(cache, dict) and cache.get("version") == CACHE_VERSION else None
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None


def _save(path: str, files, doc_files, digests: dict[int, str], summaries: dict[int, PageSummary],
          reused: dict[int, PageSummary], env: str, nav_key: str, records: list) -> None:
    """What the next build needs to reuse this one's pages."""
    for phase, page, seq, levelno, name, message in records:
        if page >= 0 and page not in reused and phase != "main":
            summaries[page].records.append((phase, seq, levelno, name, message))
    pages = {doc_files[i].src_uri: (digests[i], summary) for i, summary in summaries.items()}
    cache = {"version": CACHE_VERSION, "env": env, "files": sorted(f.src_uri for f in files), "nav": nav_key, "pages": pages}
    with open(path, "wb") as f:
        pickle.dump(cache, f, protocol=pickle.HIGHEST_PROTOCOL)


def _link(source: str, target: str) -> None:
    """The output of a reused page, hard-linked (never written to: the old site stays intact)."""
    os.makedirs(os.path.dirname(target), exist_ok=True)
    if os.path.lexists(target):
        os.unlink(target)
    link_or_copy(source, target)


def build(engine: str, config, jobs: int, reuse_site: str | None = None, cache_in: str | None = None,
          cache_out: str | None = None) -> None:
    """The engine's build (mkdocs.commands.build.build, not dirty, not serving), pages in `jobs`
    processes. With `reuse_site` and `cache_in` (what the build of that site kept: cache_out),
    a page whose source, and whatever it shows of other pages, are unchanged is not rendered
    again: its output is hard-linked from `reuse_site`."""
    build = importlib.import_module(f"{engine}.commands.build")
    files_mod = importlib.import_module(f"{engine}.structure.files")
    pages_mod = importlib.import_module(f"{engine}.structure.pages")
    nav_mod = importlib.import_module(f"{engine}.structure.nav")
    utils = importlib.import_module(f"{engine}.utils")
    exceptions = importlib.import_module(f"{engine}.exceptions")

    logger = logging.getLogger(engine)
    counter = utils.CountHandler()
    counter.setLevel(logging.WARNING)
    if config.strict:
        logger.addHandler(counter)
    inclusion = files_mod.InclusionLevel.is_included
    workers = None
    try:
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        utils.clean_directory(config.site_dir)
        files = files_mod.get_files(config)
        env = config.theme.get_env()
        files.add_files_from_theme(env, config)
        files = config.plugins.on_files(files, config=config)
        files_mod.set_exclusions(files, config)
        nav = nav_mod.get_navigation(files, config)
        nav = config.plugins.on_nav(nav, config=config, files=files)
        for file in files.documentation_pages(inclusion=inclusion):
            if file.page is None and file.inclusion.is_not_in_nav():
                pages_mod.Page(None, file, config)
        doc_files = files.documentation_pages(inclusion=inclusion)
        digests = {i: _digest(f.abs_src_path) for i, f in enumerate(doc_files)}
        cache = _load(cache_in)
        env_key = _env_key(config)
        reused = _reusable(cache, reuse_site, env_key, files, doc_files, digests)
        state = {"build": build, "config": config, "files": files, "nav": nav, "env": env,
                 "docs": doc_files, "logger": engine}
        workers = _Workers(max(1, min(jobs, len(doc_files))), state)
        in_nav = {id(p) for p in nav.pages}
        nav_pages = [i for i, f in enumerate(doc_files) if id(f.page) in in_nav]
        summaries, records = workers.read([i for i in nav_pages if i not in reused])
        shown = {i: summaries.get(i) or reused[i] for i in nav_pages}  # an unchanged page's title is its last one
        nav_key = _nav_key(nav, {doc_files[i].src_uri: s for i, s in shown.items()})
        if cache is None or cache.get("nav") != nav_key:  # the nav every page shows changed: no page is kept
            reused = {}
        for i, summary in shown.items():
            page = doc_files[i].page
            page.title, page.meta = summary.title, summary.meta
        held = _Records()  # the main process's own steps, logged in MkDocs' order with the workers'
        held.phase = "main"
        logger.addHandler(held)
        try:
            env = config.plugins.on_env(env, config=config, files=files)
            files.copy_static_files(dirty=False, inclusion=inclusion)
            for template in config.theme.static_templates:
                build._build_theme_template(template, env, files, config, nav)
            for template in config.extra_templates:
                build._build_extra_template(template, files, config, nav)
        finally:
            logger.removeHandler(held)
        for i in reused:
            _link(os.path.join(reuse_site, doc_files[i].dest_uri), os.path.join(config.site_dir, doc_files[i].dest_uri))
        todo = [i for i in range(len(doc_files)) if i not in reused]
        more, built = workers.build({i: (s.title, s.meta) for i, s in shown.items()}, todo,
                                    {i: os.path.getsize(doc_files[i].abs_src_path) for i in todo})
        summaries.update(more)
        summaries.update(reused)
        records += built
        _replay(records + held.take() + _kept(reused))
        for i, summary in summaries.items():
            page = doc_files[i].page
            page.title, page.meta, page.present_anchor_ids = summary.title, summary.meta, summary.present_anchor_ids
            if summary.links_to_anchors is not None:
                page.links_to_anchors = {files.get_file_from_path(uri): links
                                         for uri, links in summary.links_to_anchors.items()}
        level = config.validation.links.anchors
        for file in doc_files:
            file.page.validate_anchor_links(files=files, log_level=level)
        config.plugins.on_post_build(config=config)
        if counts := counter.get_counts():
            msg = ", ".join(f"{v} {k.lower()}s" for k, v in counts)
            raise exceptions.Abort(f"Aborted with {msg} in strict mode!")
        if cache_out:
            _save(cache_out, files, doc_files, digests, summaries, reused, env_key, nav_key, records)
    except Exception as e:
        config.plugins.on_build_error(error=e)
        if isinstance(e, exceptions.BuildError):
            log.error(str(e))
            raise exceptions.Abort("Aborted with a BuildError!")
        raise
    finally:
        if workers is not None:
            workers.stop()
        logger.removeHandler(counter)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m vanban.parallel")
    parser.add_argument("-f", "--config-file", required=True)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--engine", choices=("mkdocs", "properdocs"), default="mkdocs")
    parser.add_argument("--reuse-site", help="the site the last build wrote, whose unchanged pages are kept")
    parser.add_argument("--cache-in", help="what the last build kept (its --cache-out)")
    parser.add_argument("--cache-out", help="where to keep what the next build needs to reuse this one's pages")
    args = parser.parse_args(argv)
    return run_engine(args.engine, args.config_file,
                      lambda config: build(args.engine, config, args.jobs, args.reuse_site, args.cache_in, args.cache_out),
                      quiet_duplicates=True)


def run_engine(engine: str, config_file: str, run, quiet_duplicates: bool = False, stream=None) -> int:
    """An engine's command as its own CLI runs one: its log as `LEVEL - message` lines on `stream`
    (stderr by default; ProperDocs: plugins importing mkdocs.* log and import under it), the
    config loaded in strict mode, the plugins started and shut down around `run(config)`; a
    failure is one logged line and exit status 1. `quiet_duplicates`: a message said once per
    run (MkDocs' build; a server that rebuilds must say a problem again)."""
    if engine != "mkdocs":  # ProperDocs: plugins importing mkdocs.* get properdocs.* (as its CLI does)
        importlib.import_module(f"{engine}.replacement")
        mkdocs_logger = logging.getLogger("mkdocs")
        mkdocs_logger.parent, mkdocs_logger.propagate = logging.getLogger(engine), True
        mkdocs_logger.setLevel(logging.NOTSET)
    logger = logging.getLogger(engine)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
    logger.addHandler(handler)
    if quiet_duplicates:
        importlib.import_module(f"{engine}.commands.build").log.addFilter(
            importlib.import_module(f"{engine}.utils").DuplicateFilter())
    config_mod = importlib.import_module(f"{engine}.config")
    exceptions = importlib.import_module(f"{engine}.exceptions")
    try:
        config = config_mod.load_config(config_file=config_file, strict=True)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            run(config)
        finally:
            config.plugins.on_shutdown()
    except exceptions.Abort as exc:
        logger.error(str(exc))
        return 1
    except exceptions.ConfigurationError as exc:
        logger.error(f"Config value error: {exc}")
        return 1
    except Exception as exc:
        logger.error(f"{type(exc).__name__}: {exc}")
        return 1
    return 0

if __name__ == "__main__":
    # Run from the module as imported, not from __main__: what it pickles (PageSummary) is then
    # found by any process that loads it.
    from vanban.parallel import main as _main

    sys.exit(_main())
