"""`vanban serve`: the site is served, and an edit to a report reaches the served page after a
regeneration of only what changed (issue: scale)."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from conftest import SEED_SLUG, make_project


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _wait_for(predicate, seconds: float):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.5)
    return None


def _temp_folder(tmp_path) -> Path:
    """A temporary folder of the server's own: MkDocs' server keeps its copy of the site there,
    and must leave nothing behind once stopped."""
    temp = tmp_path / "tmp"
    temp.mkdir()
    return temp


def test_an_edit_reaches_the_served_page(tmp_path):
    root = make_project(tmp_path, seed=True)
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    temp = _temp_folder(tmp_path)
    proc = subprocess.Popen([sys.executable, "-m", "vanban", "--root", str(root), "serve", "-a", f"127.0.0.1:{port}"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
                            env={**os.environ, "TMPDIR": str(temp)})
    try:
        page = base + f"bao-cao/{SEED_SLUG}/"
        assert _wait_for(lambda: _get(page), 180), "the site was not served"
        assert "tỷ lệ" in _get(page) and "tỉ lệ" not in _get(page)
        shards = json.loads(_get(base + "pagefind/shards.json") or "{}").get("shards")
        assert shards and _get(base + f"pagefind/{shards[0]}/pagefind.js"), "the search index is not served"
        report = root / "data" / "reports" / f"{SEED_SLUG}.txt"
        report.write_text(report.read_text(encoding="utf-8").replace("tỷ lệ", "tỉ lệ"), encoding="utf-8")
        assert _wait_for(lambda: "tỉ lệ" in (_get(page) or ""), 60), "the edit did not reach the page"
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        output = proc.communicate(timeout=30)[0]
    lines = [ln for ln in output.splitlines() if "data/ changed" in ln]
    assert lines and "regenerated in" in lines[0], output[-2000:]
    assert "Aborted" not in output
    assert not list(temp.iterdir()), "the server left its copy of the site behind"


SMALL = ("CHI BỘ X\nSố 01-BC/CB\nX, ngày 5 tháng 1 năm 2025\nBÁO CÁO\nvề việc thử\n-----\n"
         "I. KẾT QUẢ\nChi bộ thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị về học tập.\n")


def _port_is_free(port: int) -> bool:
    """Nothing listens on the port any more (a connection is refused)."""
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
        return False
    except OSError:
        return True


def _collect(stream, lines: list[str]) -> threading.Thread:
    """What a running server prints, gathered as it comes (to wait for a line of it)."""
    thread = threading.Thread(target=lambda: lines.extend(stream), daemon=True)
    thread.start()
    return thread


def test_deletion_reaches_the_site_quiet_output_and_sigterm_stops_everything(tmp_path):
    root = make_project(tmp_path, {"nho.txt": SMALL, "khac.txt": SMALL.replace("01-BC", "02-BC")})
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    temp = _temp_folder(tmp_path)
    proc = subprocess.Popen([sys.executable, "-m", "vanban", "--root", str(root), "serve", "-a", f"127.0.0.1:{port}"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env={**os.environ, "TMPDIR": str(temp)})
    lines: list[str] = []
    reader = _collect(proc.stdout, lines)
    try:
        assert _wait_for(lambda: _get(base + "bao-cao/khac/"), 120), "the site was not served"
        (root / "data" / "reports" / "khac.txt").unlink()
        assert _wait_for(lambda: _get(base + "bao-cao/khac/") is None and _get(base + "bao-cao/nho/"), 60), \
            "the removed report is still served"
        report = root / "data" / "reports" / "nho.txt"
        report.write_text(report.read_text(encoding="utf-8").replace("học tập", "học tập và làm theo"),
                          encoding="utf-8")
        assert _wait_for(lambda: "làm theo" in (_get(base + "bao-cao/nho/") or ""), 60)
        # the search index is rebuilt in the background
        assert _wait_for(lambda: "search index refreshed" in "".join(lines), 60), "".join(lines)[-2000:]
    finally:
        proc.send_signal(signal.SIGTERM)  # to vanban alone: it must stop MkDocs' server too
        proc.wait(timeout=30)
        reader.join(timeout=10)
    output = "".join(lines)
    assert _wait_for(lambda: _port_is_free(port), 10), "the port is still held after SIGTERM"
    assert not list(temp.iterdir()), "a server (stopped, or restarted) left its copy of the site behind"
    assert "vanban: reports:" in output and "Serving on" in output
    assert "search index refreshed" in output, output[-2000:]
    for noise in ("end of life", "'dirty' build", 'not included in the "nav"', "Traceback"):
        assert noise not in output, noise


def test_a_server_that_does_not_stop_is_killed_with_what_it_started(tmp_path, monkeypatch):
    """A server that ignores Ctrl-C is killed once STOP_SECONDS have passed, the process it
    started with it (a Pagefind of a rebuild, say)."""
    import vanban.serve

    monkeypatch.setattr(vanban.serve, "STOP_SECONDS", 0.5)
    child = tmp_path / "child.pid"
    code = ("import signal, subprocess, sys, time; signal.signal(signal.SIGINT, signal.SIG_IGN); "
            "p = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)']); "
            f"open({str(child)!r}, 'w').write(str(p.pid)); time.sleep(60)")
    proc = subprocess.Popen([sys.executable, "-c", code], start_new_session=True)
    assert _wait_for(lambda: child.exists() and child.read_text(), 30)
    started = time.monotonic()
    vanban.serve._stop(proc)
    assert proc.returncode == -signal.SIGKILL and time.monotonic() - started < 10
    assert _wait_for(lambda: _gone(int(child.read_text())), 5), "the process it started still runs"


def _gone(pid: int) -> bool:
    """The process has ended (it may still wait to be reaped)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True
