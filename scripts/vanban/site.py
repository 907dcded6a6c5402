"""The build stage: generate pages, build them with MkDocs in a staging folder, swap in on success.

A failed read, render or MkDocs build leaves docs/ and site/ exactly as they were.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from vanban.discard import discard, sweep
from vanban.docs_tree import StagedPages, check_no_clash, copy_hand_written, sync_pages, write_pages
from vanban.errors import VanbanError
from vanban.messages import seconds
from vanban.glossary import ABBREVIATIONS_FILE, abbreviation_definitions
from vanban.memory import release as release_memory
from vanban.mkdocs_config import plugin_options, write_config
from vanban.model import Report
from vanban.regenerate import Generated, Regenerator
from vanban.search.pagefind import (DEFAULT_SHARD_MB, INDEX_DIR, INDEX_ENV, SHARDS_AT_ONCE, index_site, prepare_site,
                                    wants_index)
from vanban.search.page_stats import PageStats
from vanban.state import GENERATION, BuildState, GenerationDump, clear_state, sources_stamp
from vanban.visibility import INTERNAL, mark_not_indexed

WORK_DIR = ".vanban"
SERVE_CONFIG = "mkdocs.yml"
SITE_DIR = "site"
OFFLINE_SITE_DIR = "site-offline"
OFFLINE_ENV = "VANBAN_OFFLINE"
SEARCH_PLUGIN = "vanban-search"
ENGINES = ("mkdocs", "properdocs")
# Where the engine keeps, during a build, the page cache the next build reuses (vanban.state).
PAGE_CACHE = "pages.pickle"


# During a long MkDocs build, a line this often with the pages written so far.
PROGRESS_EVERY = 30.0


class Progress:
    """Plain lines on stderr (readable in a log as on a terminal): per stage, what was done, how
    many, how long it took and the time since the start; during a long stage, a line now and then."""

    def __init__(self, quiet: bool = False):
        self.quiet = quiet
        self.started = self.begun = time.perf_counter()

    def __call__(self, stage: str, count: int, what: str) -> None:
        if not self.quiet:
            now = time.perf_counter()
            print(f"vanban: {stage}: {count} {what}, {seconds(now - self.started)} "
                  f"(từ đầu: {seconds(now - self.begun)})", file=sys.stderr, flush=True)
            self.started = now

    def meanwhile(self, stage: str, done: int, total: int, what: str) -> None:
        if not self.quiet:
            now = time.perf_counter()
            print(f"vanban: {stage}: đến giờ {done} trên {total} {what}, {seconds(now - self.started)} "
                  f"(từ đầu: {seconds(now - self.begun)})", file=sys.stderr, flush=True)


def generate(root: Path, progress: Progress | None = None, regenerator: Regenerator | None = None) -> Generated:
    """Read every report, extract its citations, check and render every page, in memory; with
    the `regenerator` of an earlier run, redo only what changed since (vanban serve)."""
    return (regenerator or Regenerator(root)).run(progress or Progress(quiet=True))


def write_abbreviations(folder: Path, text: str) -> None:
    """The abbr definitions pymdownx.snippets appends to every page (mkdocs.yml: base_path)."""
    target = folder / WORK_DIR / ABBREVIATIONS_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")


def write_docs(root: Path, generated: Generated, docs: Path | None = None) -> list[str]:
    """Put the generated pages in docs/ (or `docs`: vanban serve's copy of it; only changed
    files) and write the engine's config; the paths written or removed."""
    check_no_clash(root / "docs", generated.pages)
    return _update_docs(root, generated.pages, generated.rendered, abbreviation_definitions(generated.terms),
                        generated.nav, docs)


def _update_docs(root: Path, pages: Mapping[str, str | bytes], rendered: set[str], abbreviations: str,
                 nav: list, docs: Path | None = None) -> list[str]:
    """Sync docs/ (or `docs`) with the pages (only changed files), the abbreviations and the
    engine's config for docs/."""
    changed = sync_pages(docs or root / "docs", pages, rendered)
    write_abbreviations(root, abbreviations)
    write_config(root, root / WORK_DIR / SERVE_CONFIG, root / "docs", root / "site", nav)
    return changed


@dataclass
class Built:
    """What a build keeps of the generation once its pages are staged: enough to finish the
    build and to report on it (the rest is let go before the engine runs)."""

    reports: int
    pages: list[str]
    # The reports' diagnostics worth showing on a build, one line each.
    warnings: list[str]
    rendered: set[str]
    nav: list
    abbreviations: str
    epoch: int
    internal: bool
    withheld: bool

    @classmethod
    def of(cls, generated: Generated) -> Built:
        return cls(len(generated.reports), list(generated.pages),
                   [str(d) for r in generated.reports for d in r.warnings], generated.rendered, generated.nav,
                   abbreviation_definitions(generated.terms), build_epoch(generated.reports),
                   generated.visibility.level == INTERNAL, generated.withheld)


def default_jobs() -> int:
    """One process per CPU this process may run on."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def build(root: Path, offline: bool = False, progress: Progress | None = None,
          regenerator: Regenerator | None = None, engine: str = "mkdocs", jobs: int | None = None,
          clean: bool = False) -> Built:
    """Generate and build the whole site into site/ (or site-offline/, for file://), atomically,
    in `jobs` processes (default: one per CPU). By default the build keeps state under
    .vanban/state/ and the next one redoes only what changed (vanban.state; `clean`: start from
    nothing); `jobs=1` is MkDocs' own serial build, from nothing, the reference. Once the pages
    are staged (and the state's caches dumped), the generation is let go unless the caller
    keeps `regenerator` (vanban serve): the engine and Pagefind then run in the memory it held."""
    progress = progress or Progress(quiet=True)
    work = root / WORK_DIR
    state = BuildState(work, root, engine) if not offline and jobs != 1 else None
    if state is not None and clean:
        state.clear()
        state.valid = False
    jobs = jobs or default_jobs()
    kept = regenerator
    if regenerator is None:
        regenerator = (state.generation() if state is not None else None) or Regenerator(root, jobs)
        regenerator.jobs = jobs
    sources = sources_stamp(root) if state is not None else ""  # before reading: an edit meanwhile is seen later
    work.mkdir(exist_ok=True)
    sweep(work)
    stage = Path(tempfile.mkdtemp(prefix="stage-", dir=work))
    site = root / (OFFLINE_SITE_DIR if offline else SITE_DIR)
    dump = None
    try:
        built, config = _stage(root, stage, generate(root, progress, regenerator))
        if kept is None:  # the pages are written: their texts (bytes, no cycles) go before the caches are pickled
            regenerator.drop_texts()
            release_memory(collect=False)
        generation = None
        # A public site that withholds marked material keeps no generation caches (they hold it).
        if state is not None and not built.withheld:
            generation = stage / GENERATION
            dump = GenerationDump(regenerator, generation, release_memory, keep=kept is not None)
        if kept is None:  # let go here; a dump lets its own reference go once written
            del regenerator
            if dump is None:
                release_memory()
        reuse = None
        if state is not None:
            reuse = Reuse(site if state.valid else None, state.pages(), stage / PAGE_CACHE)
        run_mkdocs(config, built.epoch, offline, cwd=stage, engine=engine, jobs=jobs, reuse=reuse,
                   meanwhile=lambda: progress.meanwhile("dựng trang", _count_pages(stage / "site"),
                                                        len(built.pages), "trang đã ghi"))
        progress("dựng trang", len(built.pages), "trang đã dựng")
        if not (stage / "site").is_dir():  # an engine (or a plugin of it) that ends well but writes nothing
            raise VanbanError("MkDocs chạy xong nhưng không tạo ra trang web nào", "mkdocs.yml")
        if built.internal:
            mark_not_indexed(stage / "site")
        stats = PageStats(state.page_stats() if state is not None else None)
        if not offline:  # the offline site searches with lunr (Pagefind cannot load from file://)
            prepare_site(stage / "site", stats)
        shards: dict[str, str] = {}
        if not offline and wants_index(stage / "site"):
            options = plugin_options(root, SEARCH_PLUGIN)
            previous = (site / INDEX_DIR, state.shards()) if state is not None and state.valid else None
            indexed = index_site(stage / "site", options.get("shard_mb", DEFAULT_SHARD_MB), options.get("other_sites"),
                                 previous=previous, keys=shards, stats=stats, at_once=min(jobs, SHARDS_AT_ONCE))
            progress("tìm kiếm", indexed, "trang đã lập chỉ mục")
        _update_docs(root, StagedPages(stage / "docs", built.pages), built.rendered, built.abbreviations, built.nav)
        if not offline:
            clear_state(work)  # whatever happens next, no state is left for the old site
        discard(site, work)
        os.replace(stage / "site", site)
        if dump is not None and not dump.wait():
            generation = None  # not written: the state keeps no caches, the next build reads all again
        if state is not None:
            state.save(site, generation, stage / "docs", stage / PAGE_CACHE, shards, stats.now, sources, built.epoch)
    finally:
        if dump is not None:
            dump.wait()
        shutil.rmtree(stage, ignore_errors=True)
    return built


def _stage(root: Path, stage: Path, generated: Generated) -> tuple[Built, Path]:
    """Write the generated pages, the hand-written ones and the config into the staging folder;
    what the build needs next of the generation, and the config's path."""
    docs = root / "docs"
    check_no_clash(docs, generated.pages)
    copy_hand_written(docs, stage / "docs")
    write_pages(stage / "docs", generated.pages, generated.stored)
    config = write_config(root, stage / "mkdocs.yml", stage / "docs", stage / "site", generated.nav)
    built = Built.of(generated)
    write_abbreviations(stage, built.abbreviations)
    return built, config


def build_epoch(reports: list[Report]) -> int:
    """The build date MkDocs stamps (sitemap, gzip): the newest report's date, so equal input
    gives byte-identical output."""
    dates = sorted(r.date for r in reports if r.date)
    if not dates:
        return 0
    parts = [int(p) for p in dates[-1].split("-")] + [1, 1]
    return int(datetime(parts[0], parts[1], parts[2], tzinfo=timezone.utc).timestamp())


def engine_command(engine: str) -> list[str]:
    """The command that runs a site engine: MkDocs, or ProperDocs (its maintained fork, the same
    pages; an optional extra, README "The engine")."""
    if engine not in ENGINES:
        raise VanbanError(f"không có bộ dựng {engine!r}; chọn một trong: {', '.join(ENGINES)}")
    if importlib.util.find_spec(engine) is None:
        raise VanbanError(f"chưa cài {engine}: pip install -e '.[{engine}]'")
    return [sys.executable, "-m", engine]


@dataclass
class Reuse:
    """For vanban.parallel: the site the last build wrote, the page cache it kept, and where this
    build keeps its own."""

    site: Path | None
    cache_in: Path | None
    cache_out: Path


def run_mkdocs(config: Path, epoch: int, offline: bool = False, cwd: Path | None = None,
               meanwhile=None, engine: str = "mkdocs", jobs: int = 1, reuse: Reuse | None = None) -> None:
    """`mkdocs build --strict`, its pages in `jobs` processes, reusing unchanged pages of the
    last build with `reuse` (vanban.parallel; the offline build's lunr index needs every page in
    one process, so it stays serial); any warning fails it, reported as one line. The search
    index is not built here (see index_site): it is a stage of its own. `meanwhile` is called
    every PROGRESS_EVERY seconds while MkDocs runs."""
    if (jobs > 1 or reuse is not None) and not offline:
        engine_command(engine)  # installed?
        cmd = [sys.executable, "-m", "vanban.parallel", "--engine", engine, "--jobs", str(jobs), "-f", str(config)]
        if reuse is not None:
            cmd += ["--cache-out", str(reuse.cache_out)]
            if reuse.site is not None and reuse.cache_in is not None:
                cmd += ["--reuse-site", str(reuse.site), "--cache-in", str(reuse.cache_in)]
    else:
        cmd = [*engine_command(engine), "build", "--strict", "-f", str(config)]
    env = {"SOURCE_DATE_EPOCH": str(epoch), **os.environ, "NO_MKDOCS_2_WARNING": "1",
           OFFLINE_ENV: "true" if offline else "false", INDEX_ENV: "false"}
    with tempfile.TemporaryFile("w+", encoding="utf-8") as log:  # a pipe could fill and block MkDocs
        # A session of its own: on Ctrl-C or a failure here, the engine and its workers are
        # stopped together, before the staging folder is removed.
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, text=True, env=env, cwd=cwd,
                                start_new_session=True)
        try:
            while True:
                try:
                    returncode = proc.wait(timeout=PROGRESS_EVERY)
                    break
                except subprocess.TimeoutExpired:
                    if meanwhile:
                        meanwhile()
        except BaseException:  # Ctrl-C: stop MkDocs before the staging folder is removed
            with contextlib.suppress(ProcessLookupError):  # Ctrl-C as it ended: nothing left
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            raise
        log.seek(0)
        output = log.read()
    if returncode != 0:
        lines = [ln.strip() for ln in output.splitlines()]
        problems = [ln for ln in lines if ln.startswith(("WARNING", "ERROR", "Aborted", "Error"))]
        first = problems[0] if problems else (lines[-1] if lines else "không có thông báo nào")
        more = f" (và {len(problems) - 1} lỗi khác)" if len(problems) > 1 else ""
        raise VanbanError(f"MkDocs không dựng được trang web: {first}{more}", "mkdocs.yml")


def _count_pages(site: Path) -> int:
    """HTML pages written so far under `site` (MkDocs renders every page before writing any)."""
    count, folders = 0, [site]
    while folders:
        try:
            entries = list(os.scandir(folders.pop()))
        except FileNotFoundError:
            continue
        count += sum(1 for e in entries if e.name == "index.html")
        folders += [e.path for e in entries if e.is_dir()]
    return count
