"""MkDocs' own build with the pages read, rendered and written by N forked processes.

`python -m vanban.parallel --jobs N -f CONFIG [--engine mkdocs|properdocs]` runs the steps of
`mkdocs build --strict` (mkdocs.commands.build.build) in their order, from the engine's own
page-level functions (`_populate_page`, `_build_page`): the main process loads the config, the
files and the nav; N workers forked from it each read and render a share of the pages (round
robin); the main process gathers every page's title, metadata and anchors, writes the static
files and theme templates, and lets the workers lay out and write their pages; anchor links are
validated and `post_build` runs in the main process. Warnings are replayed in page order, so the
log, like the site, is the same for any N (tests/test_parallel.py compares the trees with
MkDocs' own build and fails the day these internals change).

Plugins see every page event in a worker: a plugin that gathers pages for `post_build` (the lunr
search index of the offline build) sees only its worker's share, so that build stays serial.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import multiprocessing
import os
import sys
from dataclasses import dataclass

log = logging.getLogger("mkdocs.vanban.parallel")


@dataclass
class PageSummary:
    """What other pages' templates and the anchor check need of a page read in a worker."""

    title: str | None
    meta: dict
    present_anchor_ids: set | None
    links_to_anchors: dict | None  # {target src_uri: {anchor: original link}}


class _Records(logging.Handler):
    """Collects a worker's log records, tagged with the page being processed."""

    def __init__(self):
        super().__init__()
        self.page = -1
        self.records: list = []

    def emit(self, record: logging.LogRecord) -> None:
        record.msg, record.args, record.exc_info, record.exc_text = record.getMessage(), None, None, None
        self.records.append((self.page, len(self.records), record))

    def take(self) -> list:
        taken, self.records = self.records, []
        return taken


def _summary(page) -> PageSummary:
    links = page.links_to_anchors
    return PageSummary(page.title, page.meta, page.present_anchor_ids,
                       None if links is None else {f.src_uri: dict(v) for f, v in links.items()})


def _worker(conn, mine: list[int], state: dict) -> None:
    """Read and render this worker's pages, report their summaries; then, given every page's
    title and metadata, lay out and write them."""
    build, config, files, nav, env, doc_files = (state[k] for k in ("build", "config", "files", "nav", "env", "docs"))
    records = _Records()
    logger = logging.getLogger(state["logger"])
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
    logger.addHandler(records)
    try:
        for i in mine:
            records.page = i
            build._populate_page(doc_files[i].page, config, files)
        conn.send(("read", {i: _summary(doc_files[i].page) for i in mine}, records.take()))
        message = conn.recv()
        if message[0] != "build":
            return
        for i, (title, meta) in message[1].items():
            page = doc_files[i].page
            page.title, page.meta = title, meta
        records.page = -1
        env = config.plugins.on_env(env, config=config, files=files)
        for i in mine:
            records.page = i
            file = doc_files[i]
            build._build_page(file.page, config, doc_files, nav, env, False, excluded=file.inclusion.is_excluded())
        conn.send(("built", None, records.take()))
    except BaseException as exc:  # reported to the main process, which stops the build
        conn.send(("failed", f"{type(exc).__name__}: {exc}", records.take()))
    finally:
        conn.close()


class _Workers:
    """N forked workers, each with a pipe; messages are gathered in worker order."""

    def __init__(self, jobs: int, count: int, state: dict):
        context = multiprocessing.get_context("fork")
        self.pipes, self.procs = [], []
        for k in range(jobs):
            mine = list(range(k, count, jobs))
            ours, theirs = context.Pipe()
            proc = context.Process(target=_worker, args=(theirs, mine, state), daemon=True)
            proc.start()
            theirs.close()
            self.pipes.append(ours)
            self.procs.append(proc)

    def gather(self, expected: str) -> tuple[list, list]:
        """Every worker's answer; the records of all, in page order; fails on any failure."""
        answers, records, failure = [], [], None
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
        records.sort(key=lambda r: (r[0], r[1]))
        for _, _, record in records:
            logging.getLogger(record.name).handle(record)
        if failure is not None:
            raise RuntimeError(failure)
        return answers, records

    def send(self, message) -> None:
        for pipe in self.pipes:
            pipe.send(message)

    def stop(self) -> None:
        for proc in self.procs:
            if proc.is_alive():
                proc.kill()
            proc.join()


def build(engine: str, config, jobs: int) -> None:
    """The engine's build (mkdocs.commands.build.build, not dirty, not serving), pages in `jobs`
    processes."""
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
        state = {"build": build, "config": config, "files": files, "nav": nav, "env": env,
                 "docs": doc_files, "logger": engine}
        workers = _Workers(max(1, min(jobs, len(doc_files))), len(doc_files), state)
        summaries: dict[int, PageSummary] = {}
        for answer in workers.gather("read")[0]:
            summaries.update(answer)
        for i, summary in summaries.items():
            page = doc_files[i].page
            page.title, page.meta, page.present_anchor_ids = summary.title, summary.meta, summary.present_anchor_ids
            if summary.links_to_anchors is not None:
                page.links_to_anchors = {files.get_file_from_path(uri): links
                                         for uri, links in summary.links_to_anchors.items()}
        env = config.plugins.on_env(env, config=config, files=files)
        files.copy_static_files(dirty=False, inclusion=inclusion)
        for template in config.theme.static_templates:
            build._build_theme_template(template, env, files, config, nav)
        for template in config.extra_templates:
            build._build_extra_template(template, files, config, nav)
        workers.send(("build", {i: (s.title, s.meta) for i, s in summaries.items()}))
        workers.gather("built")
        level = config.validation.links.anchors
        for file in doc_files:
            file.page.validate_anchor_links(files=files, log_level=level)
        config.plugins.on_post_build(config=config)
        if counts := counter.get_counts():
            msg = ", ".join(f"{v} {k.lower()}s" for k, v in counts)
            raise exceptions.Abort(f"Aborted with {msg} in strict mode!")
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
    args = parser.parse_args(argv)
    engine = args.engine
    if engine != "mkdocs":  # ProperDocs: plugins importing mkdocs.* get properdocs.* (as its CLI does)
        importlib.import_module(f"{engine}.replacement")
        mkdocs_logger = logging.getLogger("mkdocs")
        mkdocs_logger.parent, mkdocs_logger.propagate = logging.getLogger(engine), True
        mkdocs_logger.setLevel(logging.NOTSET)
    logger = logging.getLogger(engine)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    stream = logging.StreamHandler()
    stream.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
    logger.addHandler(stream)
    importlib.import_module(f"{engine}.commands.build").log.addFilter(
        importlib.import_module(f"{engine}.utils").DuplicateFilter())
    config_mod = importlib.import_module(f"{engine}.config")
    exceptions = importlib.import_module(f"{engine}.exceptions")
    try:
        config = config_mod.load_config(config_file=args.config_file, strict=True)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(engine, config, args.jobs)
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
    sys.exit(main())
