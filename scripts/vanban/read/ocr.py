"""Read a scanned PDF by OCR: each page rendered by Poppler's `pdftoppm` and recognised by
Tesseract with its Vietnamese data (Debian: poppler-utils, tesseract-ocr, tesseract-ocr-vie).

Both are called as programs, one per page, pages in parallel over the cores (one thread each).
Tesseract's TSV output gives every word's box, so the page's lines go through the same layout
steps as a text layer (vanban.read.pdf): header columns, page numbers, paragraphs.

What a page gives is kept in a store keyed by the file's content (SHA-256): a JSON file per PDF
under `.vanban/ocr/`, which `vanban ocr FILE…` fills too — on this machine or any other, then
copied here — so that an unchanged PDF is never recognised twice.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from vanban.errors import VanbanError

DPI = 260
LANGUAGE = "vie"
# One page: rendering and recognition together may take this long before the page is given up.
PAGE_SECONDS = 300
STORE_VERSION = 1


def engine(label: str | None = None) -> str:
    """Which programs recognise the text ("tesseract 5.3.0, vie, 260 dpi"); an error naming what is
    missing when they are not installed."""
    missing = [name for name in ("pdftoppm", "tesseract") if shutil.which(name) is None]
    if missing:
        raise VanbanError(f"cần nhận dạng chữ (OCR) nhưng máy này thiếu chương trình {', '.join(missing)}: cài các gói "
                          "poppler-utils, tesseract-ocr và tesseract-ocr-vie (Debian, Ubuntu)", label)
    langs = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=60).stdout.split()
    if LANGUAGE not in langs:
        raise VanbanError("cần nhận dạng chữ (OCR) nhưng Tesseract chưa có dữ liệu tiếng Việt: cài gói tesseract-ocr-vie",
                          label)
    version = subprocess.run(["tesseract", "--version"], capture_output=True, text=True, timeout=60)
    first = (version.stdout or version.stderr).splitlines()[0] if (version.stdout or version.stderr) else "tesseract"
    return f"{first.strip()}, {LANGUAGE}, {DPI} dpi"


def content_key(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def recognise(path: Path, label: str, pages: int, store: Path | None) -> tuple[list[str], str]:
    """Tesseract's TSV of each page of the PDF, and the engine that made it: from the store if it
    holds this file, else recognised now (and kept there)."""
    key = content_key(path)
    kept = _load(store, key, pages) if store is not None else None
    if kept is not None:
        return kept
    made_by = engine(label)
    started = time.perf_counter()
    print(f"vanban: nhận dạng chữ: {label}, {pages} trang…", file=sys.stderr, flush=True)
    with tempfile.TemporaryDirectory(prefix="vanban-ocr-") as tmp, \
            ThreadPoolExecutor(max_workers=max(1, os.cpu_count() or 1)) as pool:
        tsv = list(pool.map(lambda n: _page(path, label, n, Path(tmp)), range(1, pages + 1)))
    seconds = time.perf_counter() - started
    print(f"vanban: nhận dạng chữ: {label}, xong {pages} trang, {seconds:.0f} giây "
          f"({seconds / max(pages, 1):.1f} giây/trang)", file=sys.stderr, flush=True)
    if store is not None:
        _save(store, key, tsv, made_by)
    return tsv, made_by


def _page(path: Path, label: str, number: int, tmp: Path) -> str:
    """One page: rendered to a grey PNG, recognised to TSV."""
    image = tmp / f"p{number}"
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}  # pages run in parallel: one thread each
    try:
        subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", "-png", "-singlefile", "-f", str(number), "-l", str(number),
                        str(path), str(image)], check=True, capture_output=True, timeout=PAGE_SECONDS)
        done = subprocess.run(["tesseract", f"{image}.png", "stdout", "-l", LANGUAGE, "tsv"], check=True,
                              capture_output=True, timeout=PAGE_SECONDS, env=env)
    except subprocess.TimeoutExpired:
        raise VanbanError(f"nhận dạng chữ trang {number} quá lâu (hơn {PAGE_SECONDS} giây): bỏ dở", label) from None
    except subprocess.CalledProcessError as e:
        said = (e.stderr or b"").decode("utf-8", "replace").strip().splitlines()
        raise VanbanError(f"không nhận dạng được trang {number}: {said[-1] if said else e}", label) from None
    return done.stdout.decode("utf-8", "replace")


def _load(store: Path, key: str, pages: int) -> tuple[list[str], str] | None:
    try:
        data = json.loads((store / f"{key}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("version") != STORE_VERSION or len(data.get("pages", ())) != pages:
        return None
    return [str(p) for p in data["pages"]], str(data.get("engine", ""))


def _save(store: Path, key: str, tsv: list[str], made_by: str) -> None:
    """Write the entry whole or not at all (a file under another name, then renamed)."""
    store.mkdir(parents=True, exist_ok=True)
    part = store / f".{key}.{os.getpid()}.part"
    part.write_text(json.dumps({"version": STORE_VERSION, "engine": made_by, "dpi": DPI, "pages": tsv},
                               ensure_ascii=False), encoding="utf-8")
    part.replace(store / f"{key}.json")


def tsv_lines(tsv: str) -> list[tuple[float, float, float, float, str]]:
    """The text lines of one page's TSV, as (x0, x1, y0, y1, text) in points with y upwards (as a
    PDF's text layer gives them), top line first."""
    rows = [line.split("\t") for line in tsv.splitlines()[1:]]
    height = next((int(r[9]) for r in rows if len(r) >= 12 and r[0] == "1"), 0)
    words: dict[tuple[str, str, str], list[tuple[int, int, int, int, str]]] = {}
    for r in rows:
        if len(r) < 12 or r[0] != "5" or not r[11].strip():
            continue
        left, top, width, tall = (int(v) for v in r[6:10])
        words.setdefault((r[2], r[3], r[4]), []).append((left, top, width, tall, r[11].strip()))
    scale = 72 / DPI
    out = []
    for line in words.values():
        for piece in _apart(sorted(line)):
            x0 = min(w[0] for w in piece)
            x1 = max(w[0] + w[2] for w in piece)
            top = min(w[1] for w in piece)
            bottom = max(w[1] + w[3] for w in piece)
            text = " ".join(w[4] for w in piece)
            out.append((x0 * scale, x1 * scale, (height - bottom) * scale, (height - top) * scale, text))
    return sorted(out, key=lambda line: (-round(line[3]), line[0]))


def _apart(words: list[tuple[int, int, int, int, str]]) -> list[list[tuple[int, int, int, int, str]]]:
    """A recognised line cut where its words stand far apart (the header's two columns that OCR
    read as one line): a gap wider than three times the line's height."""
    tall = max(w[3] for w in words)
    pieces = [[words[0]]]
    for before, word in zip(words, words[1:]):
        if word[0] - (before[0] + before[2]) > 3 * tall:
            pieces.append([])
        pieces[-1].append(word)
    return pieces
