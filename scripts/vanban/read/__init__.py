"""Read a report's text file into the document model (the first stage of the pipeline)."""

from __future__ import annotations

from pathlib import Path

from vanban.model import Diagnostic, Report
from vanban.normalize import count_artefacts, display
from vanban.read.decode import read_text
from vanban.read.footnotes import extract
from vanban.read.header import read_header
from vanban.read.rules import load_rules
from vanban.read.structure import build_blocks

__all__ = ["read_report"]


def read_report(path: Path, slug: str | None = None, label: str | None = None) -> Report:
    """Read one report file; `label` is how diagnostics name the file (default: the path)."""
    rules = load_rules()
    name = label or str(path)
    raw = read_text(path)
    diags: list[Diagnostic] = []
    lines: list[tuple[int, str]] = []
    for number, raw_line in enumerate(raw.split("\n"), start=1):
        diags += _encoding_notes(raw_line, number, name)
        text = display(raw_line)
        for pattern in rules.artefacts:
            for m in pattern.finditer(text):
                diags.append(Diagnostic("info", "word-artefact", f"dropped Word artefact {m.group()!r}",
                                        name, number))
            text = pattern.sub("", text)
        lines.append((number, text))
    header, meta, body_at = read_header(lines, rules)
    paragraphs, footnotes, notes = extract(lines[body_at:], name, rules)
    blocks = build_blocks(paragraphs, rules)
    title = " ".join(filter(None, [(meta.doc_type or "").capitalize(), meta.title])) or _first_words(blocks)
    return Report(
        slug=slug or path.stem,
        source=name,
        meta=meta,
        header=header,
        blocks=blocks,
        footnotes=footnotes,
        diagnostics=diags + notes,
        title=title,
    )


def _encoding_notes(raw_line: str, number: int, name: str) -> list[Diagnostic]:
    """Report the encoding artefacts the display form fixes, so nobody has to guess."""
    counts = count_artefacts(raw_line)
    notes = []
    if counts["nfd"]:
        notes.append(Diagnostic("info", "nfd", f"{counts['nfd']} decomposed (NFD) accents, shown composed (NFC)",
                                name, number))
    if counts["lookalike"]:
        notes.append(Diagnostic("info", "lookalike", f"{counts['lookalike']} look-alike letters Ð/ð, shown as Đ/đ",
                                name, number))
    return notes


def _first_words(blocks, limit: int = 12) -> str:
    """A fallback title: the first words of the first block."""
    words = blocks[0].text.split() if blocks else []
    return " ".join(words[:limit]) + ("…" if len(words) > limit else "")
