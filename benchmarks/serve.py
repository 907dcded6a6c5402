"""`vanban serve` at archive scale: time to the first answer, and from a saved edit to the page.

Usage: python benchmarks/serve.py N [--folder DIR] [--edits K]

On a synthetic archive of N reports (benchmarks/corpus.py; kept in DIR/nN and reused when it is
there), measures as an office clerk meets them:
- cold: `vanban serve` with no site built yet, until the home page answers;
- after a build: `vanban build`, then `vanban serve` until the home page answers;
- edit: a sentence added to a report (K times, each on the report before), from the file's
  save until its page shows the sentence;
- add: a new report saved, until the list of reports links to it and its page answers;
- remove: that report deleted, until its page answers 404;
- search: from the last edit's save until serve says the search index is updated;
- peak memory of serve's process tree (vanban, the engine's server, Pagefind) over the whole run,
  and of the `vanban build` before it (sum of proportional set sizes, sampled every 0.25 s).
Pages are fetched every 0.05 s; figures are wall seconds on this machine.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from jobs import _tree_pss_kb, add_one, run  # noqa: E402

POLL = 0.05
SENTENCE = "Câu đo thời gian phục vụ số {} lúc {}."


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _status(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, ""
    except OSError:
        return 0, ""


def _until(predicate, limit: float = 3600.0) -> float:
    """Seconds until `predicate()` holds (polled every POLL seconds)."""
    started = time.perf_counter()
    while not predicate():
        if time.perf_counter() - started > limit:
            raise SystemExit(f"gave up after {limit:.0f} s")
        time.sleep(POLL)
    return time.perf_counter() - started


class Server:
    """`vanban serve` in `root`, its output gathered and its process tree's memory sampled."""

    def __init__(self, root: Path, verbose: bool = False) -> None:
        self.verbose = verbose
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}/"
        self.started = time.perf_counter()
        self.proc = subprocess.Popen([sys.executable, "-m", "vanban", "--root", str(root), "serve", "-a",
                                      f"127.0.0.1:{self.port}"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                     text=True, start_new_session=True)
        self.lines: list[str] = []
        self.peak_kb = 0
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._sample, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.append(line)
            if self.verbose:
                print(f"  [{time.perf_counter() - self.started:7.1f} s] {line}", end="", flush=True)

    def _sample(self) -> None:
        while self.proc.poll() is None:
            self.peak_kb = max(self.peak_kb, _tree_pss_kb(self.proc.pid))
            time.sleep(0.25)

    def first_answer(self) -> float:
        _until(lambda: _status(self.base)[0] == 200 or self.proc.poll() is not None)
        if self.proc.poll() is not None:
            raise SystemExit("serve stopped: " + "".join(self.lines)[-2000:])
        return time.perf_counter() - self.started

    def said(self, text: str, after: int) -> bool:
        return any(text in line for line in self.lines[after:])

    def stop(self) -> None:
        os.killpg(self.proc.pid, signal.SIGTERM)
        self.proc.wait(timeout=120)


def _edit(path: Path, k: int) -> str:
    """A sentence added to the report's longest line; the sentence."""
    lines = path.read_text(encoding="utf-8").split("\n")
    i = max(range(len(lines)), key=lambda n: len(lines[n]))
    sentence = SENTENCE.format(k, time.time_ns())  # never on the page before
    lines[i] += " " + sentence
    path.write_text("\n".join(lines), encoding="utf-8")
    return sentence


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int)
    parser.add_argument("--folder", type=Path, default=Path("/tmp/vanban-serve-bench"))
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--no-cold", action="store_true", help="skip the cold start (the archive is built)")
    parser.add_argument("--log", action="store_true", help="print what serve said")
    args = parser.parse_args()
    from corpus import make_project

    root = args.folder / f"n{args.n}"
    if not (root / "data").is_dir():
        args.folder.mkdir(parents=True, exist_ok=True)
        make_project(root, args.n)
    figures: dict[str, str] = {}
    if not args.no_cold:
        for leftover in ("site", ".vanban"):
            subprocess.run(["rm", "-rf", str(root / leftover)], check=True)
        server = Server(root)
        figures["cold start, first answer"] = f"{server.first_answer():.1f} s"
        server.stop()
    build_s, build_mb = run(root)
    figures["vanban build before serve"] = f"{build_s:.1f} s, peak {build_mb:.0f} MiB"
    server = Server(root, args.log)
    try:
        figures["after a build, first answer"] = f"{server.first_answer():.1f} s"
        reports = sorted((root / "data" / "reports").glob("bao-cao-*.txt"))
        times, settled = [], []
        for k in range(args.edits):
            report = reports[k % len(reports)]
            url = server.base + f"bao-cao/{report.stem}/"
            saved = len(server.lines)
            sentence = _edit(report, k)
            times.append(_until(lambda: sentence in _status(url)[1]))
            # the rest of the archive rendered and built: the next edit comes to a server at rest
            settled.append(_until(lambda: server.said("dữ liệu đã thay đổi", saved)) + times[-1])
            time.sleep(1)
        figures[f"edit visible ({args.edits} edits, each once the last is done)"] = (
            f"median {statistics.median(times):.2f} s (min {min(times):.2f}, max {max(times):.2f})")
        figures["edit: every page it touches rendered"] = f"median {statistics.median(settled):.1f} s"
        searched = _until(lambda: server.said("chỉ mục tìm kiếm đã cập nhật", saved)) + times[-1]
        figures["search updated after the last edit"] = f"{searched:.1f} s"
        number = 9000 + args.n
        add_one(root, number)
        slug = f"bao-cao-{number:04d}"
        figures["add: listed and its page answers"] = (
            f"{_until(lambda: f'{slug}/' in _status(server.base + 'bao-cao/')[1] and _status(server.base + f'bao-cao/{slug}/')[0] == 200):.2f} s")
        for suffix in (".txt", ".yml"):
            (root / "data" / "reports" / f"{slug}{suffix}").unlink(missing_ok=True)
        figures["remove: its page answers 404"] = f"{_until(lambda: _status(server.base + f'bao-cao/{slug}/')[0] == 404):.2f} s"
        time.sleep(2)
    finally:
        server.stop()
    figures["serve's peak memory"] = f"{server.peak_kb / 1024:.0f} MiB"
    problems = [ln for ln in server.lines if "lỗi" in ln or "Traceback" in ln]
    print(f"N = {args.n} ({root})")
    for name, value in figures.items():
        print(f"  {name}: {value}")
    if problems:
        print("  problems:", *problems, sep="\n    ")


if __name__ == "__main__":
    main()
