"""How the office files read: for each PDF (and .docx, .doc) in a folder, how it was read (text layer,
OCR, refused), in how many seconds, and the share of its words that are well-formed Vietnamese
syllables (or numbers, acronyms); for a PDF with a Word or text version beside it (or named on the
command line), the share of that version's words the PDF's text gives, in order. Prints figures,
asserts nothing. OCR results are kept in a store of their own (so a second run measures reading
from the store, not recognising: pass --fresh for a new store).

Usage: python benchmarks/office.py [FOLDER] [--pair PDF=REFERENCE ...] [--fresh]
"""

from __future__ import annotations

import argparse
import difflib
import re
import tempfile
import time
from pathlib import Path

from vanban.errors import VanbanError
from vanban.read import read_directive
from vanban.syllable import well_formed_share

ROOT = Path(__file__).resolve().parents[1]
OFFICE = ROOT.parent / "shared" / "corpus" / "office"
PAIRS = {
    "tb-1894-tb-sct-2026-ban-ky.pdf": OFFICE / "tb-1894-tb-sct-2026.docx",
    "nghi-dinh-71-2019-nd-cp-ban-quet.pdf": ROOT.parent / "shared" / "corpus" / "directives" / "nghi-dinh-71-2019-nd-cp.txt",
}
WORD = re.compile(r"\w+", re.UNICODE)


def words(doc) -> list[str]:
    parts = [h.text for h in doc.header] + [f"{b.marker or ''} {b.text}" for b in doc.blocks]
    parts += [f.text for f in doc.footnotes]
    return [w.lower() for w in WORD.findall(" ".join(parts))]


def agreement(got: list[str], reference: list[str]) -> float:
    """The share of the reference's words the text gives, in order (difflib's matching blocks)."""
    matcher = difflib.SequenceMatcher(None, reference, got, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / max(len(reference), 1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", nargs="?", type=Path, default=OFFICE)
    parser.add_argument("--pair", action="append", default=[], help="PDF=REFERENCE")
    parser.add_argument("--fresh", action="store_true", help="recognise again (a new, empty OCR store)")
    args = parser.parse_args()
    pairs = {k: v for k, v in PAIRS.items()}
    pairs.update({a.split("=")[0]: Path(a.split("=", 1)[1]) for a in args.pair})
    store = Path(tempfile.mkdtemp(prefix="vanban-ocr-bench-")) if args.fresh else ROOT / ".vanban" / "ocr"
    print(f"{'file':48} {'read as':10} {'pages':>5} {'s':>7} {'s/page':>7} {'well-formed':>11} {'agrees':>7}")
    for path in sorted(args.folder.glob("*")):
        if path.suffix.lower() not in (".pdf", ".docx", ".doc"):
            continue
        started = time.perf_counter()
        try:
            doc = read_directive(path, label=path.name, ocr_store=store)
        except VanbanError as e:
            print(f"{path.name:48} refused    {'':>5} {time.perf_counter() - started:7.1f}   {str(e)[len(path.name) + 9:][:60]}")
            continue
        seconds = time.perf_counter() - started
        how = "OCR" if doc.recognised else "text"
        pages = _pages(path) if path.suffix.lower() == ".pdf" else 0
        text = " ".join(words(doc))
        line = (f"{path.name:48} {how:10} {pages or '':>5} {seconds:7.1f} "
                f"{(seconds / pages if pages else 0):7.2f} {well_formed_share(text):11.3f}")
        reference = pairs.get(path.name)
        if reference is not None and reference.exists():
            line += f" {agreement(words(doc), words(read_directive(reference, label=reference.name))):7.3f}"
        print(line)


def _pages(path: Path) -> int:
    from vanban.read.pdf import needs_ocr

    return needs_ocr(path, path.name)[0]


if __name__ == "__main__":
    main()
