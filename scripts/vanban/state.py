"""What `vanban build` keeps under .vanban/state/ for the next build to redo only what changed.

The state holds the generation caches (vanban.regenerate) with the pages they rendered (docs/,
the staging docs of the last build), the engine's page cache (vanban.parallel), the search
shards' keys and what the search steps learnt of each built page (vanban.search); it is valid
only for the site/ it built and the fingerprint it was made with: vanban's code and the versions
of the engine, theme and Pagefind, mkdocs.yml, the catalog and the glossary. Any change of
these, a build that does not keep state (`--jobs 1`, the reference), or a site/ changed by
hand, and the next build starts from nothing. A build with state gives the same site as a
clean one (tests/test_incremental.py).
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import pickle
import shutil
import threading
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

import vanban
from vanban.discard import discard

STATE_DIR = "state"
FINGERPRINT = "fingerprint"
GENERATION = "generation.pickle"
DOCS = "docs"
PAGES = "pages.pickle"
SHARDS = "shards.json"
SITE_STATS = "site.pickle"
SITE_MARK = "site"
SOURCES = "sources"
EPOCH = "epoch"
# The packages whose versions shape the pages or the index.
PACKAGES = ("mkdocs", "properdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2", "pagefind", "pyyaml")
# The project's inputs that are not documents: a change of any starts from nothing.
INPUTS = ("mkdocs.yml", "data/directives.yml", "data/glossary.yml")


def fingerprint(root: Path, engine: str) -> str:
    """A digest of everything but the documents that the site depends on."""
    digest = hashlib.sha256(f"engine {engine}\n".encode())
    code = Path(vanban.__file__).parent
    for path in sorted(code.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(code).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for name in PACKAGES:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{name} {version}\n".encode())
    for name in INPUTS:
        path = root / name
        digest.update(name.encode() + b"\0" + (path.read_bytes() if path.is_file() else b"-") + b"\0")
    return digest.hexdigest()


def sources_stamp(root: Path) -> str:
    """Which documents and hand-written pages a build read: a digest of the path, modification
    time and size of every file under data/ and docs/ but the pages vanban generated there.
    `vanban serve` serves the last site at once when this is unchanged since its build."""
    from vanban.docs_tree import IGNORE_FILE, MANIFEST, generated_paths

    generated = generated_paths(root / "docs") | {MANIFEST, IGNORE_FILE}
    digest = hashlib.sha256()
    for top in ("data", "docs"):
        base = root / top
        for folder, subfolders, names in os.walk(base, followlinks=True):
            subfolders.sort()
            prefix = Path(folder).relative_to(base).as_posix()
            for name in sorted(names):
                rel = name if prefix == "." else f"{prefix}/{name}"
                if top == "docs" and rel in generated:
                    continue
                try:
                    st = os.stat(os.path.join(folder, name))
                except FileNotFoundError:
                    continue
                digest.update(f"{top}/{rel}\0{st.st_mtime_ns}\0{st.st_size}\n".encode())
    return digest.hexdigest()


def site_mark(site: Path) -> str | None:
    """Which build a site/ is: its sitemap is a new file each build (None: no site or no sitemap)."""
    try:
        st = os.stat(site / "sitemap.xml")
    except FileNotFoundError:
        return None
    return f"{st.st_ino}:{st.st_mtime_ns}:{st.st_size}"


def clear_state(work: Path) -> None:
    """No state: the next build starts from nothing (the old one is deleted in the background)."""
    discard(work / STATE_DIR, work)


class BuildState:
    """The state of the last build of a project's site/, if it is still valid."""

    def __init__(self, work: Path, root: Path, engine: str):
        self.folder = work / STATE_DIR
        self.key = fingerprint(root, engine)
        self.valid = self._read(FINGERPRINT) == self.key and self._read(SITE_MARK) == site_mark(root / "site")

    def _read(self, name: str) -> str | None:
        try:
            return (self.folder / name).read_text(encoding="utf-8")
        except (FileNotFoundError, UnicodeDecodeError):
            return None

    def generation(self):
        """The generation caches (a vanban.regenerate.Regenerator), or None."""
        if not self.valid:
            return None
        collecting = gc.isenabled()
        gc.disable()  # millions of objects that all live on: the collector's passes would double the time
        try:
            with open(self.folder / GENERATION, "rb") as f:
                regenerator = pickle.load(f)
        except Exception:  # a state from an interrupted write or another version: start from nothing
            return None
        finally:
            if collecting:
                gc.enable()
        regenerator.texts_in(self.folder / DOCS)
        return regenerator

    def current(self, root: Path) -> bool:
        """Whether the last build's site/ is what a build would make now: the state is valid and
        no document or hand-written page changed since the build read them."""
        return self.valid and self._read(SOURCES) == sources_stamp(root)

    def epoch(self) -> int | None:
        """The build date the last build stamped (vanban.site.build_epoch), or None."""
        try:
            return int(self._read(EPOCH) or "")
        except ValueError:
            return None

    def pages(self) -> Path | None:
        """The engine's page cache of the last build, or None."""
        path = self.folder / PAGES
        return path if self.valid and path.is_file() else None

    def shards(self) -> dict[str, str]:
        """The search shards of the last build: {key: shard folder name}."""
        if not self.valid:
            return {}
        try:
            return json.loads(self._read(SHARDS) or "{}")
        except ValueError:
            return {}

    def page_stats(self) -> dict:
        """What the search steps learnt of the last site's pages (vanban.search.page_stats)."""
        if not self.valid:
            return {}
        try:
            with open(self.folder / SITE_STATS, "rb") as f:
                return pickle.load(f)
        except Exception:
            return {}

    def clear(self) -> None:
        clear_state(self.folder.parent)

    def save(self, site: Path, generation: Path | None, docs: Path, pages: Path | None, shards: dict[str, str],
             stats: dict, sources: str = "", epoch: int = 0) -> None:
        """Keep what this build made, for the site it just put in place: the `generation` caches
        (dumped by dump_generation; None: the next build reads every document again) with the
        `docs` they rendered, moved in; written aside, then swapped in, so an interrupted save
        leaves no state rather than a wrong one."""
        new = self.folder.with_name(STATE_DIR + ".new")
        shutil.rmtree(new, ignore_errors=True)
        new.mkdir(parents=True)
        if generation is not None and generation.is_file():
            os.replace(generation, new / GENERATION)
            os.replace(docs, new / DOCS)
        if pages is not None and pages.is_file():
            os.replace(pages, new / PAGES)
        (new / SHARDS).write_text(json.dumps(shards, sort_keys=True), encoding="utf-8")
        with open(new / SITE_STATS, "wb") as f:
            pickle.dump(stats, f, protocol=pickle.HIGHEST_PROTOCOL)
        (new / FINGERPRINT).write_text(self.key, encoding="utf-8")
        (new / SOURCES).write_text(sources, encoding="utf-8")
        (new / EPOCH).write_text(str(epoch), encoding="utf-8")
        (new / SITE_MARK).write_text(site_mark(site) or "", encoding="utf-8")
        self.clear()
        os.replace(new, self.folder)


def dump_generation(regenerator, path: Path) -> None:
    """Pickle the generation caches for BuildState.save (the memo leaves its pages' texts out)."""
    with open(path, "wb") as f:
        pickle.dump(regenerator, f, protocol=pickle.HIGHEST_PROTOCOL)


class GenerationDump:
    """dump_generation in a thread of its own, while the engine builds the pages in other
    processes (this one only waits for them); then, unless `keep`, the generation is let go and
    its memory handed back (`release`). `wait` before the state is saved, and before the build
    ends whatever happens."""

    def __init__(self, regenerator, path: Path, release: Callable[[], None], keep: bool = False) -> None:
        self._regenerator, self._path, self._release, self._keep = regenerator, path, release, keep
        self._failed = False
        self._thread = threading.Thread(target=self._run, name="vanban-dump", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        regenerator, self._regenerator = self._regenerator, None
        try:
            dump_generation(regenerator, self._path)
        except Exception:  # a cache not written: the next build reads every document again
            self._failed = True
        finally:
            del regenerator
            if not self._keep:
                self._release()

    def wait(self) -> bool:
        """Whether the caches were written."""
        self._thread.join()
        return not self._failed
