"""`vanban serve`: build, then let MkDocs serve docs/ while vanban regenerates it when data/ changes.

vanban keeps its stages' results between edits (vanban.regenerate) and writes only the pages
whose text changed; MkDocs runs with `--dirty`, so it rebuilds only those pages, and the Pagefind
index is rebuilt in the background (vanban.search.plugin). A removed source restarts the server,
which would otherwise keep serving its pages. SIGTERM and SIGHUP stop it all, as Ctrl-C does.
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
from vanban.regenerate import Regenerator
from vanban.site import SERVE_CONFIG, WORK_DIR, Progress, build, engine_command, generate, write_docs

POLL_SECONDS = 1.0
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
        return f"address {address!r} must be HOST:PORT, such as 127.0.0.1:8000"
    if not port.isdigit() or not 0 < int(port) < 65536:
        return f"port {port!r} is not a port number (1 to 65535)"
    try:
        family = socket.AF_INET6 if ":" in host.strip("[]") else socket.AF_INET
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.bind((host.strip("[]"), int(port)))
    except socket.gaierror:
        return f"host {host!r} is not an address of this machine"
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            return f"{address} is in use by another program; stop it or choose another port with -a"
        if exc.errno == errno.EACCES:
            return f"port {port} needs administrator rights; choose a port above 1023 with -a"
        return f"host {host!r} is not an address of this machine"
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
# build is dirty, and the pages outside the nav (every report is reached from its list).
QUIET = re.compile(r"A 'dirty' build is being performed|are not included in the \"nav\" configuration|^\s+- \S+\.md$")


def _pump(stream, out) -> None:
    """Copy MkDocs' output to ours, without the lines in QUIET."""
    for line in stream:
        if not QUIET.search(line):
            out.write(line)
            out.flush()


def _start_server(root: Path, address: str, engine: str) -> subprocess.Popen:
    """MkDocs' (or ProperDocs') live-reload server on the pages vanban wrote, output filtered."""
    cmd = [*engine_command(engine), "serve", "--livereload", "--dirty", "-a", address,
           "-f", str(root / WORK_DIR / SERVE_CONFIG)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    # A session of its own: vanban alone stops it (a Ctrl-C at the terminal reaches vanban only),
    # in order, and kills it with what it started if it must.
    proc = subprocess.Popen(cmd, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            start_new_session=True)
    threading.Thread(target=_pump, args=(proc.stdout, sys.stderr), daemon=True).start()
    return proc


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


def serve(root: Path, address: str, engine: str = "mkdocs") -> int:
    """Build with progress lines, then run MkDocs' live-reload server and regenerate on edits."""
    _stop_on_signals()
    regenerator = Regenerator(root)
    pages = set(build(root, progress=Progress(), regenerator=regenerator, engine=engine).pages)
    proc = _start_server(root, address, engine)
    data = root / "data"
    seen = snapshot(data)
    interrupted = False
    try:
        while proc.poll() is None:
            time.sleep(POLL_SECONDS)
            now = snapshot(data)
            if now == seen:
                continue
            seen = now
            started = time.perf_counter()
            try:
                generated = generate(root, regenerator=regenerator)
                changed = write_docs(root, generated)
            except VanbanError as exc:
                print(exc, file=sys.stderr)
                continue
            print(f"vanban: data/ changed; {changed} page(s) regenerated in "
                  f"{time.perf_counter() - started:.2f} s", file=sys.stderr)
            if pages - set(generated.pages):
                # MkDocs' server keeps the pages of removed sources: start it again, afresh.
                print("vanban: pages were removed; restarting the server", file=sys.stderr)
                _stop(proc)
                proc = _start_server(root, address, engine)
            pages = set(generated.pages)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C again while it stops: killed, and done
            _stop(proc)
    if not interrupted and proc.returncode:
        print(f"vanban: error: MkDocs' server stopped (exit status {proc.returncode})", file=sys.stderr)
        return 1
    return 0
