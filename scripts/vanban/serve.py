"""`vanban serve`: build, then let MkDocs serve docs/ while vanban regenerates it when data/ changes.

vanban keeps its stages' results between edits (vanban.regenerate) and writes only the pages
whose text changed, once data/ has settled (a burst of copied files is one regeneration) and
never while the server is building from docs/ (it would read half an edit); MkDocs runs with
`--dirty`, so it rebuilds only those pages, and the Pagefind index is rebuilt in the background
(vanban.search.plugin). A removed source restarts the server, which would otherwise keep serving
its pages. SIGTERM and SIGHUP stop it all, as Ctrl-C does.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from vanban.errors import VanbanError
from vanban.messages import seconds
from vanban.regenerate import Regenerator
from vanban.site import SERVE_CONFIG, WORK_DIR, Progress, build, engine_command, generate, write_docs

POLL_SECONDS = 1.0
# An edit is taken once data/ has been quiet this long, so that files copied in together are
# regenerated together; at most SETTLE_SECONDS of changes are waited out.
QUIET_SECONDS = 0.5
SETTLE_SECONDS = 10.0
# At most this long waiting for the server to finish a rebuild before docs/ is written again.
REBUILD_WAIT_SECONDS = 120.0
# How long the server may take to stop (a search index rebuild stopped, its site copy removed).
STOP_SECONDS = 30.0


def snapshot(folder: Path) -> dict[str, tuple[float, int]]:
    """Modification time and size of every file under `folder`."""
    return {
        str(p): (p.stat().st_mtime, p.stat().st_size)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


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
# watched, and the steps of a rebuild (its end is said once, below).
QUIET = re.compile(r"A 'dirty' build is being performed|are not included in the \"nav\" configuration|^\s+- \S+\.md$"
                   r"|Watching paths for changes|Building documentation")
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
            self._say(f"vanban: trang web đã dựng lại trong {_seconds(self._seconds)}; trình duyệt tự tải lại")
            self.idle.set()
        elif "An error happened during the rebuild" in message:
            self._fail("trang web chưa dựng lại được", "vẫn phục vụ bản trước, sửa rồi lưu lại để dựng lại")
            self.idle.set()
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


def _start_server(root: Path, address: str, engine: str) -> tuple[subprocess.Popen, ServerLog]:
    """MkDocs' (or ProperDocs') live-reload server on the pages vanban wrote, its output read by a
    ServerLog."""
    cmd = [*engine_command(engine), "serve", "--livereload", "--dirty", "-a", address,
           "-f", str(root / WORK_DIR / SERVE_CONFIG)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONIOENCODING": "utf-8"}
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


def serve(root: Path, address: str, engine: str = "mkdocs") -> int:
    """Build with progress lines, then run MkDocs' live-reload server and regenerate on edits."""
    _stop_on_signals()
    regenerator = Regenerator(root)
    pages = set(build(root, progress=Progress(), regenerator=regenerator, engine=engine).pages)
    proc, log = _start_server(root, address, engine)
    data = root / "data"
    seen = snapshot(data)
    interrupted = False
    try:
        while proc.poll() is None:
            time.sleep(POLL_SECONDS)
            now = snapshot(data)
            if now == seen:
                continue
            seen = settle(data, now)
            started = time.perf_counter()
            try:
                generated = generate(root, regenerator=regenerator)
                # docs/ is not written while the server builds from it (it would read half an edit)
                waited = time.perf_counter()
                log.idle.wait(REBUILD_WAIT_SECONDS)
                started += time.perf_counter() - waited
                changed = write_docs(root, generated)
            except VanbanError as exc:
                print(exc, file=sys.stderr)
                print("vanban: trang web giữ nguyên bản trước; sửa lỗi trên rồi lưu lại", file=sys.stderr)
                continue
            if changed:
                log.expect_rebuild()
            print(f"vanban: dữ liệu đã thay đổi; {changed} trang được tạo lại trong "
                  f"{seconds(time.perf_counter() - started)}", file=sys.stderr)
            if pages - set(generated.pages):
                # MkDocs' server keeps the pages of removed sources: start it again, afresh.
                print("vanban: có trang bị bỏ đi; khởi động lại máy chủ", file=sys.stderr)
                _stop(proc)
                proc, log = _start_server(root, address, engine)
            pages = set(generated.pages)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C again while it stops: killed, and done
            _stop(proc)
    if not interrupted and proc.returncode:
        print(f"vanban: lỗi: máy chủ MkDocs đã dừng (mã thoát {proc.returncode})", file=sys.stderr)
        return 1
    return 0
