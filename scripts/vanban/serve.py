"""`vanban serve`: serve the last build, and after each edit build only the pages it touches.

When site/ and the build state are current (nothing under data/ or docs/ changed since the build:
vanban.state.sources_stamp), the site is served at once; otherwise it is built first as `vanban
build` builds it (parallel, incremental). The engine's live server (vanban.live, a process of its
own) serves a hard-linked copy of site/ under .vanban/serve/, so the last build and its state stay
as they were. When data/ changes and has settled (a burst of copied files is one change), vanban
regenerates what the change touches (vanban.regenerate, its caches loaded from the state while the
server starts): an edited report's own pages first, then the rest; it writes the pages whose text
changed into its own copy of the last build's docs (never while the server is building from it;
docs/ stays the last build's, as the next build expects) and tells the server which, which builds
them and reloads the browsers; the search index follows in the background. A change to
mkdocs.yml or to a hand-written page of docs/ builds everything again. SIGTERM and SIGHUP stop it
all, as Ctrl-C does.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from vanban.discard import discard
from vanban.docs_tree import IGNORE_FILE, MANIFEST, generated_paths, links_resolve, update_pages
from vanban.errors import VanbanError
from vanban.glossary import ABBREVIATIONS_FILE
from vanban.hardlink import link_tree
from vanban.messages import seconds
from vanban.mkdocs_config import CONFIG, write_config
from vanban.regenerate import Regenerator
from vanban.search.pagefind import INDEX_ENV
from vanban.site import (OFFLINE_ENV, SERVE_CONFIG, SITE_DIR, WORK_DIR, Progress, build, build_epoch, default_jobs,
                         engine_command, write_docs)
from vanban.state import DOCS as STATE_DOCS
from vanban.state import SHARDS, SITE_STATS, BuildState

POLL_SECONDS = 0.25
# mkdocs.yml and the hand-written pages are looked at every this many polls.
HAND_WRITTEN_EVERY = 4
# An edit is taken once data/ has been quiet this long, so that files copied in together are
# regenerated together; at most SETTLE_SECONDS of changes are waited out.
QUIET_SECONDS = 0.3
SETTLE_SECONDS = 10.0
# At most this long waiting for the server to finish a rebuild before docs/ is written again.
REBUILD_WAIT_SECONDS = 120.0
# How long the server may take to stop (a search index rebuild stopped, its site copy removed).
STOP_SECONDS = 30.0


def snapshot(folder: Path, skip: set[str] | None = None) -> dict[str, tuple[float, int]]:
    """Modification time and size of every file under `folder` (but the relative paths `skip`)."""
    out = {}
    for parent, subfolders, names in os.walk(folder, followlinks=True):
        subfolders.sort()
        prefix = Path(parent).relative_to(folder).as_posix()
        for name in sorted(names):
            rel = name if prefix == "." else f"{prefix}/{name}"
            if skip and rel in skip:
                continue
            path = os.path.join(parent, name)
            try:
                st = os.stat(path)
            except FileNotFoundError:
                continue
            out[path] = (st.st_mtime, st.st_size)
    return out


def address_problem(address: str) -> str | None:
    """What is wrong with `-a HOST:PORT` (checked before building, by binding it for a moment),
    or None."""
    host, sep, port = address.rpartition(":")
    if not sep or not host:
        return f"địa chỉ {address!r} phải có dạng MÁY:CỔNG, như 127.0.0.1:8000"
    if not port.isdigit() or not 0 < int(port) < 65536:
        return f"{port!r} không phải số cổng (từ 1 đến 65535)"
    try:
        family = socket.AF_INET6 if ":" in host.strip("[]") else socket.AF_INET
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.bind((host.strip("[]"), int(port)))
    except socket.gaierror:
        return f"{host!r} không phải địa chỉ của máy này"
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            return f"{address} đang được chương trình khác dùng; dừng chương trình đó hoặc chọn cổng khác bằng -a"
        if exc.errno == errno.EACCES:
            return f"cổng {port} cần quyền quản trị; chọn cổng lớn hơn 1023 bằng -a"
        return f"{host!r} không phải địa chỉ của máy này"
    return None


def _stop_on_signals() -> None:
    """SIGTERM and SIGHUP stop `vanban serve` as Ctrl-C does, MkDocs' server with it. Ctrl-C
    itself is caught even where it was ignored (a command started in a shell's background), so
    that the server, started from here with Ctrl-C's default action, can be stopped by it."""
    def stop(signum, frame):
        raise KeyboardInterrupt
    signal.signal(signal.SIGINT, signal.default_int_handler)
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), stop)


# Lines of MkDocs' server output that say nothing to a user of vanban: the notice that a dirty
# build is dirty, the pages outside the nav (every report is reached from its list), the paths
# watched, the steps of a rebuild (its end is said once, below), and a request for a page that
# does not exist (the visitor sees the 404 page).
QUIET = re.compile(r"A 'dirty' build is being performed|are not included in the \"nav\" configuration|^\s+- \S+\.md$"
                   r"|Watching paths for changes|Building documentation|^\"[A-Z]+ \S+ HTTP/[\d.]+\" code \d+$")
# A line of MkDocs' log: its level and its message, without the time stamp.
LOG_LINE = re.compile(r"^(INFO|WARNING|ERROR|DEBUG)\s+-\s+(?:\[[\d:]+\]\s+)?(.*)$")


class ServerLog:
    """MkDocs' server output as an office clerk reads it: in Vietnamese, one line a rebuild, and a
    rebuild that fails (strict mode) one line naming its first problem, not hundreds and a
    traceback; the server keeps serving what it had. It also knows whether a rebuild is under way:
    vanban does not write docs/ while the server reads it."""

    def __init__(self, out) -> None:
        self.out = out
        self.idle = threading.Event()  # no build under way in the server
        self._problems: list[str] = []
        self._last = ""
        self._seconds = ""
        self._failed = False  # the last rebuild failed (the server then reloads what it has)

    def expect_rebuild(self) -> None:
        """docs/ was just written: the server will rebuild (until it says it is done, it is busy)."""
        self.idle.clear()

    def pump(self, stream) -> None:
        try:
            for line in stream:
                self.feed(line.rstrip("\n"))
        finally:
            if self._problems or self._last:  # the server stopped on them (its first build failed)
                self._fail("máy chủ không dựng được trang web", "sửa lỗi rồi chạy lại")
            self.idle.set()  # the server is gone: nothing to wait for

    def _fail(self, what: str, then: str) -> None:
        """One line for a failed build: its first problem, how many more, and what now."""
        first = self._problems[0] if self._problems else self._last or "không rõ lỗi"
        more = f" (và {len(self._problems) - 1} lỗi khác)" if len(self._problems) > 1 else ""
        self._say(f"vanban: lỗi: {what}: {first}{more}; {then}")
        self._problems, self._last = [], ""

    def feed(self, line: str) -> None:
        match = LOG_LINE.match(line)
        level, message = match.groups() if match else ("", line)
        if "Detected file changes" in message:
            self.idle.clear()
            self._problems, self._last = [], ""
        elif message.startswith("Documentation built in "):
            self._seconds = message.split()[3]
        elif message.startswith("Serving on "):
            self._say(f"vanban: đang phục vụ trang web tại {message.split()[2]} (Ctrl-C để dừng)")
            self.idle.set()
        elif message.startswith("Shutting down"):
            self._say("vanban: đang dừng máy chủ…")
        elif "Reloading browsers" in message:
            if not self._failed:
                self._say(f"vanban: trang web đã dựng lại trong {_seconds(self._seconds)}; trình duyệt tự tải lại")
            self._failed = False
            self.idle.set()
        elif "An error happened during the rebuild" in message:
            self._fail("trang web chưa dựng lại được", "vẫn phục vụ bản trước, sửa rồi lưu lại để dựng lại")
            self._failed = True
            self.idle.set()
        elif level == "WARNING" and message.startswith("vanban:"):  # vanban's own, already one line a clerk reads
            self._say(message)
        elif level in ("WARNING", "ERROR") and not QUIET.search(message):
            self._problems.append(message)
        elif line.strip() and not QUIET.search(line) and not level:
            # an exception's lines or "Aborted with …": the last one left is what it says
            if not line.startswith((" ", "Traceback", "Aborted with ")):
                self._last = line.strip()
            if self.idle.is_set() and not line.startswith((" ", "Traceback")):
                self._say(line)
        elif level == "INFO" and not QUIET.search(message):
            self._say(f"vanban: {message}" if not message.startswith("vanban") else message)

    def _say(self, line: str) -> None:
        self.out.write(line + "\n")
        self.out.flush()


def _seconds(text: str) -> str:
    """MkDocs' "1.71" (seconds) as Vietnamese writes it: "1,7 giây"."""
    try:
        return seconds(float(text))
    except ValueError:
        return "chưa rõ bao lâu"


SERVE_DIR = "serve"
SIGNAL = "changes.jsonl"


@dataclass
class Served:
    """Where `vanban serve` keeps what it serves: a copy of the last site (vanban.live.copy_site)
    that the engine's live server builds into, its config, and the file vanban signals changes in."""

    folder: Path

    @property
    def site(self) -> Path:
        return self.folder / "site"

    @property
    def config(self) -> Path:
        return self.folder / SERVE_CONFIG

    @property
    def signal(self) -> Path:
        return self.folder / "signal" / SIGNAL

    @property
    def docs(self) -> Path:
        return self.folder / "docs"

    def prepare(self, root: Path, state: BuildState) -> None:
        """The copy of site/, the docs it was built from (the state keeps the last build's:
        docs/ itself is the last build's too, but serve leaves it as it is, so that the next
        build finds it as it left it), and a config that builds the one from the other with the
        nav the last build used."""
        from vanban.live import copy_site

        copy_site(root / SITE_DIR, self.site)
        kept = state.folder / STATE_DOCS
        link_tree(kept if kept.is_dir() else root / "docs", self.docs, lambda rel: rel not in (MANIFEST, IGNORE_FILE))
        if (root / "docs" / MANIFEST).is_file():
            shutil.copy2(root / "docs" / MANIFEST, self.docs / MANIFEST)
        built = yaml.safe_load((root / WORK_DIR / SERVE_CONFIG).read_text(encoding="utf-8"))
        write_config(root, self.config, self.docs, self.site, built.get("nav") or [])
        self.signal.parent.mkdir(parents=True, exist_ok=True)
        self.signal.write_text("", encoding="utf-8")

    def tell(self, paths: list[str], epoch: int) -> None:
        """Tell the live server which docs/ paths changed (written or removed)."""
        with open(self.signal, "a", encoding="utf-8") as f:
            f.write(json.dumps({"paths": paths, "epoch": epoch}, ensure_ascii=False) + "\n")


def _start_server(root: Path, address: str, engine: str, served: Served,
                  state: BuildState) -> tuple[subprocess.Popen, ServerLog]:
    """The engine's live-reload server (vanban.live) on the copy of the last site, its output read
    by a ServerLog."""
    engine_command(engine)  # installed?
    cmd = [sys.executable, "-m", "vanban.live", "--engine", engine, "-a", address, "-f", str(served.config),
           "--root", str(root), "--signal", str(served.signal), "--jobs", str(default_jobs())]
    for option, path in (("--cache", state.pages()), ("--shards", state.folder / SHARDS),
                         ("--stats", state.folder / SITE_STATS)):
        if path is not None and path.is_file():
            cmd += [option, str(path)]
    epoch = state.epoch()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONIOENCODING": "utf-8", INDEX_ENV: "false",
           OFFLINE_ENV: "false", **({"SOURCE_DATE_EPOCH": str(epoch)} if epoch is not None else {})}
    # A session of its own: vanban alone stops it (a Ctrl-C at the terminal reaches vanban only),
    # in order, and kills it with what it started if it must.
    proc = subprocess.Popen(cmd, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            encoding="utf-8", errors="replace", start_new_session=True)
    log = ServerLog(sys.stderr)
    threading.Thread(target=log.pump, args=(proc.stdout,), daemon=True).start()
    return proc, log


def _stop(proc: subprocess.Popen) -> None:
    """The server stopped as Ctrl-C stops it, so that it stops a search index rebuild and removes
    its temporary copy of the site (SIGTERM would kill it before, leaving the copy, as large as the
    site, in the temporary folder); killed with what it started if it does not end within
    STOP_SECONDS or Ctrl-C comes again."""
    if proc.poll() is not None:
        return
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=STOP_SECONDS)
    except subprocess.TimeoutExpired:
        pass
    finally:
        if proc.poll() is None:  # not ended in time, or Ctrl-C again (which goes on up)
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def settle(folder: Path, seen: dict[str, tuple[float, int]]) -> dict[str, tuple[float, int]]:
    """The snapshot of `folder` once it has stopped changing for QUIET_SECONDS (files copied in
    together are taken together), or after SETTLE_SECONDS of changes (what follows is taken next)."""
    deadline = time.monotonic() + SETTLE_SECONDS
    while True:
        time.sleep(QUIET_SECONDS)
        now = snapshot(folder)
        if now == seen or time.monotonic() > deadline:
            return now
        seen = now


def _hand_written(root: Path) -> dict:
    """What builds everything again when it changes: mkdocs.yml and the hand-written pages of docs/."""
    docs = root / "docs"
    out = snapshot(docs, generated_paths(docs) | {MANIFEST, IGNORE_FILE}) if docs.is_dir() else {}
    config = root / CONFIG
    if config.is_file():
        out[str(config)] = (config.stat().st_mtime, config.stat().st_size)
    return out


class _Generation:
    """The generation caches of the last build, loaded in a thread while the server starts (an
    edit waits for them)."""

    def __init__(self, root: Path, state: BuildState) -> None:
        self._value: Regenerator | None = None
        self._thread = threading.Thread(target=self._load, args=(root, state), daemon=True)
        self._thread.start()

    def _load(self, root: Path, state: BuildState) -> None:
        self._value = state.generation() or Regenerator(root)

    def get(self) -> Regenerator:
        self._thread.join()
        assert self._value is not None
        return self._value


def _build_and_serve(root: Path, address: str, engine: str, served: Served, fresh: bool):
    """Build as `vanban build` does unless the last build is current, then start the live server
    on a copy of the site; the server, its log and the generation caches (loading)."""
    state = BuildState(root / WORK_DIR, root, engine)
    if fresh or not state.current(root) or not (root / SITE_DIR / "index.html").is_file():
        build(root, progress=Progress(), engine=engine)
        state = BuildState(root / WORK_DIR, root, engine)
    else:
        print("vanban: trang web đã dựng khớp với dữ liệu; phục vụ ngay bản đó", file=sys.stderr, flush=True)
    served.prepare(root, state)
    proc, log = _start_server(root, address, engine, served, state)
    return proc, log, _Generation(root, state)


def serve(root: Path, address: str, engine: str = "mkdocs") -> int:
    """Serve the last build (building first if data/ changed since), and on each edit build only
    the pages it touches."""
    _stop_on_signals()
    served = Served(root / WORK_DIR / SERVE_DIR)
    proc = None
    interrupted = False
    try:
        # taken before building: what changes while it builds is taken by the first poll
        data, hand = snapshot(root / "data"), _hand_written(root)
        proc, log, generation = _build_and_serve(root, address, engine, served, fresh=False)
        polls = 0
        while proc.poll() is None:
            time.sleep(POLL_SECONDS)
            polls += 1
            now = snapshot(root / "data")
            # docs/ holds every generated page too (tens of thousands): looked at once a second
            if polls % HAND_WRITTEN_EVERY == 0 and _hand_written(root) != hand:
                # mkdocs.yml or a hand-written page: what every page shows may change, built afresh
                print("vanban: mkdocs.yml hoặc trang viết tay đã thay đổi; dựng lại toàn bộ trang web", file=sys.stderr)
                _stop(proc)
                data, hand = snapshot(root / "data"), _hand_written(root)
                try:
                    proc, log, generation = _build_and_serve(root, address, engine, served, fresh=True)
                except VanbanError as exc:
                    print(exc, file=sys.stderr)
                    print("vanban: lỗi: không dựng lại được trang web; sửa lỗi trên rồi chạy lại vanban serve",
                          file=sys.stderr)
                    return 1
                continue
            if now == data:
                continue
            data = settle(root / "data", now)
            started = time.perf_counter()
            try:
                waited = time.perf_counter()
                regenerator = generation.get()  # the last build's caches, loading since the start
                started += time.perf_counter() - waited
                analysis = regenerator.analyse()
                first = regenerator.first_pages(analysis)
                if first and links_resolve(served.docs, first):
                    # an edited report's own pages first, then the rest of the archive
                    waited = time.perf_counter()
                    log.idle.wait(REBUILD_WAIT_SECONDS)
                    started += time.perf_counter() - waited
                    shown = update_pages(served.docs, first)
                    if shown:
                        log.expect_rebuild()
                        served.tell(shown, build_epoch([d for d in analysis.documents if d.kind == "report"]))
                        print(f"vanban: báo cáo đã sửa: {len(shown)} trang được tạo lại trong "
                              f"{seconds(time.perf_counter() - started)}; tiếp theo là các trang liên quan",
                              file=sys.stderr)
                generated = regenerator.run(analysis=analysis)
                # docs/ is not written while the server builds from it (it would read half an edit)
                waited = time.perf_counter()
                log.idle.wait(REBUILD_WAIT_SECONDS)
                started += time.perf_counter() - waited
                inputs = _inputs(root)
                changed = write_docs(root, generated, served.docs)
            except VanbanError as exc:
                print(exc, file=sys.stderr)
                print("vanban: trang web giữ nguyên bản trước; sửa lỗi trên rồi lưu lại", file=sys.stderr)
                continue
            if _inputs(root) != inputs:  # the abbreviations every page carries changed
                print("vanban: danh mục chữ viết tắt đã thay đổi; dựng lại toàn bộ trang web", file=sys.stderr)
                _stop(proc)
                data, hand = snapshot(root / "data"), _hand_written(root)
                proc, log, generation = _build_and_serve(root, address, engine, served, fresh=True)
                continue
            if changed:
                log.expect_rebuild()
                served.tell(changed, build_epoch(generated.reports))
            print(f"vanban: dữ liệu đã thay đổi; {len(changed)} trang được tạo lại trong "
                  f"{seconds(time.perf_counter() - started)}", file=sys.stderr)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C again while it stops: killed, and done
            if proc is not None:
                _stop(proc)
            discard(served.folder, root / WORK_DIR)
    if not interrupted and proc is not None and proc.returncode:
        print(f"vanban: lỗi: máy chủ đã dừng (mã thoát {proc.returncode})", file=sys.stderr)
        return 1
    return 0


def _inputs(root: Path) -> bytes:
    """The abbreviations file every page appends (vanban.site.write_abbreviations)."""
    try:
        return (root / WORK_DIR / ABBREVIATIONS_FILE).read_bytes()
    except FileNotFoundError:
        return b""
