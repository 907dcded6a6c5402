"""`vanban serve`: the site is served, and an edit to a report reaches the served page after a
regeneration of only what changed (issue: scale)."""

from __future__ import annotations

import json
import shutil
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import SEED_SLUG, make_project, run_vanban


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
    lines = [ln for ln in output.splitlines() if "báo cáo đã sửa" in ln or "dữ liệu đã thay đổi" in ln]
    assert lines and "trang được tạo lại trong" in lines[0], output[-2000:]
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
        assert _wait_for(lambda: "chỉ mục tìm kiếm đã cập nhật" in "".join(lines), 60), "".join(lines)[-2000:]
    finally:
        proc.send_signal(signal.SIGTERM)  # to vanban alone: it must stop MkDocs' server too
        proc.wait(timeout=30)
        reader.join(timeout=10)
    output = "".join(lines)
    assert _wait_for(lambda: _port_is_free(port), 10), "the port is still held after SIGTERM"
    assert not list(temp.iterdir()), "a server (stopped, or restarted) left its copy of the site behind"
    assert "vanban: văn bản:" in output and "đang phục vụ trang web tại" in output
    assert "chỉ mục tìm kiếm đã cập nhật" in output, output[-2000:]
    for noise in ("end of life", "'dirty' build", 'not included in the "nav"', "Traceback"):
        assert noise not in output, noise


def _serve(root: Path, tmp_path: Path) -> tuple[subprocess.Popen, str, list[str], threading.Thread]:
    """`vanban serve` on a free port in a session of its own (stopped with os.killpg), with a
    temporary folder of its own; its root URL, and its output gathered as it comes."""
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "vanban", "--root", str(root), "serve", "-a", f"127.0.0.1:{port}"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
                            env={**os.environ, "TMPDIR": str(_temp_folder(tmp_path))})
    lines: list[str] = []
    return proc, f"http://127.0.0.1:{port}/", lines, _collect(proc.stdout, lines)


def _numbered(i: int) -> str:
    """A small report citing two directives of its committee, the second also cited by the next."""
    return (f"THÀNH ỦY X\nSố {i}-BC/TU\nX, ngày 5 tháng 1 năm 2025\nBÁO CÁO\nvề việc thử số {i}\n-----\n"
            f"I. KẾT QUẢ\nThực hiện Chỉ thị số {i}-CT/TU ngày 2/3/2024 và Chỉ thị số {i + 1}-CT/TU "
            "ngày 3/3/2024 của Ban Thường vụ Thành ủy.\n")


def test_a_burst_of_added_files_is_taken_together_without_a_failed_rebuild(tmp_path):
    """Reports copied into data/ one after another while serve runs, as an office adds its archive:
    the server never builds from half-written pages (no strict-mode abort, no missing link target,
    no traceback), and every report ends up served and listed."""
    root = make_project(tmp_path, {"r00.txt": _numbered(0)})
    proc, base, lines, reader = _serve(root, tmp_path)
    count = 24
    try:
        assert _wait_for(lambda: _get(base + "bao-cao/r00/"), 120), "the site was not served"
        for i in range(1, count):
            (root / "data" / "reports" / f"r{i:02}.txt").write_text(_numbered(i), encoding="utf-8")
            time.sleep(0.25)
        listed = lambda: all(f"r{i:02}/" in (_get(base + "bao-cao/") or "") for i in range(count))  # noqa: E731
        assert _wait_for(listed, 120), "".join(lines)[-3000:]
        assert all(_get(base + f"bao-cao/r{i:02}/") for i in range(count))
        assert _get(base + f"van-ban/chi-thi-{count}-ct-tu-x-2024/")
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
        reader.join(timeout=10)
    output = "".join(lines)
    for failure in ("Aborted", "WARNING", "Traceback", "not found", "lỗi"):
        assert failure not in output, output[-3000:]
    regenerations = [ln for ln in output.splitlines() if "dữ liệu đã thay đổi" in ln]
    assert 1 <= len(regenerations) < count - 1, output[-3000:]  # files that came together, taken together


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


# MkDocs' server output (as 1.6 prints it) -> what vanban prints of it
SERVER_LOGS = [
    (["INFO    -  Building documentation...", "INFO    -  Documentation built in 0.37 seconds",
      "INFO    -  [21:10:29] Watching paths for changes: 'docs', '.vanban/mkdocs.yml'",
      "INFO    -  [21:10:29] Serving on http://127.0.0.1:8000/"],
     ["vanban: đang phục vụ trang web tại http://127.0.0.1:8000/ (Ctrl-C để dừng)"]),
    (["INFO    -  [21:03:04] Detected file changes", "INFO    -  Building documentation...",
      "INFO    -  Documentation built in 1.71 seconds", "INFO    -  [21:03:07] Reloading browsers"],
     ["vanban: trang web đã dựng lại trong 1,7 giây; trình duyệt tự tải lại"]),
    # a strict-mode failure: one line, its first problem, how many more
    (["INFO    -  [21:03:04] Detected file changes", "INFO    -  Building documentation...",
      "WARNING -  Doc file 'a.md' contains a link 'b.md', but the target 'b.md' is not found among documentation files.",
      "WARNING -  Doc file 'a.md' contains a link 'c.md', but the target 'c.md' is not found among documentation files.",
      "Aborted with 2 warnings in strict mode!",
      "ERROR   -  [21:03:05] An error happened during the rebuild. The server will appear stuck until build errors "
      "are resolved."],
     ["vanban: lỗi: trang web chưa dựng lại được: Doc file 'a.md' contains a link 'b.md', but the target 'b.md' is "
      "not found among documentation files. (và 1 lỗi khác); vẫn phục vụ bản trước, sửa rồi lưu lại để dựng lại"]),
    # an exception in a rebuild: its last line, not the traceback
    (["INFO    -  [21:03:04] Detected file changes", "Traceback (most recent call last):",
      '  File "x.py", line 1, in f', "TypeError: expected string", "ERROR   -  [21:03:05] An error happened during "
      "the rebuild. The server will appear stuck until build errors are resolved."],
     ["vanban: lỗi: trang web chưa dựng lại được: TypeError: expected string; vẫn phục vụ bản trước, sửa rồi lưu "
      "lại để dựng lại"]),
    (["INFO    -  vanban: chỉ mục tìm kiếm đã cập nhật (3 trang)"], ["vanban: chỉ mục tìm kiếm đã cập nhật (3 trang)"]),
    # vanban's live server: a failed rebuild, after which it goes on serving what it has (and
    # reloads the browsers): said once, as a failure
    (["INFO    -  [21:03:04] Detected file changes", "ERROR   -  RuntimeError: a worker process ended unexpectedly",
      "ERROR   -  An error happened during the rebuild.", "INFO    -  [21:03:05] Reloading browsers"],
     ["vanban: lỗi: trang web chưa dựng lại được: RuntimeError: a worker process ended unexpectedly; vẫn phục vụ "
      "bản trước, sửa rồi lưu lại để dựng lại"]),
    # vanban's own warning: said as it comes, and not taken at the end for a failed first build
    (["INFO    -  [21:10:29] Serving on http://127.0.0.1:8000/",
      "WARNING -  vanban: không cập nhật được chỉ mục tìm kiếm: lỗi x", "INFO    -  Shutting down..."],
     ["vanban: đang phục vụ trang web tại http://127.0.0.1:8000/ (Ctrl-C để dừng)",
      "vanban: không cập nhật được chỉ mục tìm kiếm: lỗi x", "vanban: đang dừng máy chủ…"]),
    # a visitor asking for a page that is not there is not a problem of the site
    (["INFO    -  [21:10:29] Serving on http://127.0.0.1:8000/", 'WARNING -  [21:10:40] "GET /bao-cao/x/ HTTP/1.1" code 404'],
     ["vanban: đang phục vụ trang web tại http://127.0.0.1:8000/ (Ctrl-C để dừng)"]),
]


@pytest.mark.parametrize("given, said", SERVER_LOGS)
def test_server_output_as_a_clerk_reads_it(given, said):
    import io

    from vanban.serve import ServerLog

    out = io.StringIO()
    log = ServerLog(out)
    log.pump(line + "\n" for line in given)
    assert out.getvalue().splitlines() == said


def _tree(folder: Path) -> dict[str, bytes]:
    """Every file of a site but its search index (rebuilt in the background, by shard)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.relative_to(folder).parts[0] != "pagefind"}


def test_what_serve_serves_after_edits_adds_and_removals_equals_a_clean_build(tmp_path):
    """Serve starts from the last build (no second build of every page) and builds only what an
    edit touches; after an edit, two reports added and one removed, the served tree is the one
    `vanban build --clean` makes of the same data, byte for byte (the search index aside), and
    the last build's site/ was never written through."""
    (tmp_path / "a").mkdir()
    root = make_project(tmp_path / "a", {f"r{i:02}.txt": _numbered(i) for i in range(4)}, seed=True)
    with open(root / "mkdocs.yml", "a", encoding="utf-8") as f:  # the sitemap then lists every page
        f.write("\nsite_url: https://vanban.example.vn/\n")
    assert run_vanban("--root", str(root), "build").returncode == 0
    before, docs = _tree(root / "site"), _tree(root / "docs")
    proc, base, lines, reader = _serve(root, tmp_path)
    reports = root / "data" / "reports"
    try:
        assert _wait_for(lambda: _get(base + "bao-cao/r01/"), 60), "".join(lines)[-2000:]
        (reports / "r01.txt").write_text(_numbered(1).replace("về học tập", "") + "Chi bộ làm theo.\n", encoding="utf-8")
        assert _wait_for(lambda: "làm theo" in (_get(base + "bao-cao/r01/") or ""), 30), "".join(lines)[-2000:]
        for i in (7, 8):
            (reports / f"r{i:02}.txt").write_text(_numbered(i), encoding="utf-8")
        assert _wait_for(lambda: "r08/" in (_get(base + "bao-cao/") or ""), 30), "".join(lines)[-2000:]
        (reports / "r02.txt").unlink()
        assert _wait_for(lambda: _get(base + "bao-cao/r02/") is None, 30), "".join(lines)[-2000:]
        assert _wait_for(lambda: "chỉ mục tìm kiếm đã cập nhật" in "".join(lines), 60)
        served = _tree(root / ".vanban" / "serve" / "site")
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
        reader.join(timeout=10)
    output = "".join(lines)
    assert "phục vụ ngay" in output and "vanban: dựng trang" not in output, output[-3000:]
    for failure in ("Aborted", "WARNING", "Traceback", "lỗi"):
        assert failure not in output, output[-3000:]
    assert _tree(root / "site") == before, "serve wrote into the last build's site"
    assert _tree(root / "docs") == docs, "serve wrote into docs/, which the next build takes for the last build's"
    (tmp_path / "b").mkdir()
    clean = make_project(tmp_path / "b", seed=True)
    shutil.rmtree(clean / "data")
    shutil.copytree(root / "data", clean / "data")
    shutil.copy(root / "mkdocs.yml", clean / "mkdocs.yml")
    assert run_vanban("--root", str(clean), "build", "--clean").returncode == 0
    expected = _tree(clean / "site")
    assert sorted(served) == sorted(expected)
    differ = [rel for rel in expected if served[rel] != expected[rel]]
    assert not differ, differ[:10]
    # and the next build, from the state the build before serve left, makes the same site
    assert run_vanban("--root", str(root), "build").returncode == 0
    assert _tree(root / "site") == expected


def test_a_hand_written_page_added_under_serve_builds_the_site_again_and_is_served(tmp_path):
    """A change to a hand-written page of docs/ (what every page may show changes) builds the
    site afresh and serves it; the generated pages stay served."""
    root = make_project(tmp_path, {"nho.txt": SMALL})
    proc, base, lines, reader = _serve(root, tmp_path)
    try:
        assert _wait_for(lambda: _get(base + "bao-cao/nho/"), 60), "".join(lines)[-2000:]
        (root / "docs" / "gioi-thieu.md").write_text("# Giới thiệu\n\nTrang viết tay của văn phòng.\n", encoding="utf-8")
        assert _wait_for(lambda: "văn phòng" in (_get(base + "gioi-thieu/") or ""), 60), "".join(lines)[-2000:]
        assert _get(base + "bao-cao/nho/")
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
        reader.join(timeout=10)
    output = "".join(lines)
    assert "dựng lại toàn bộ trang web" in output, output[-2000:]
    for failure in ("Traceback", "lỗi"):
        assert failure not in output, output[-2000:]
