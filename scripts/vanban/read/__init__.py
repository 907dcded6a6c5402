"""Read a report's text file into the document model (the first stage of the pipeline)."""

from __future__ import annotations

from pathlib import Path

from vanban.errors import VanbanError
from vanban.messages import KIND_WORDS
from vanban.model import Diagnostic, Report
from vanban.normalize import count_artefacts, display
from vanban.read.decode import read_text
from vanban.read.doc import read_doc
from vanban.read.docx import TABLE_LINE, read_docx
from vanban.read.footnotes import extract
from vanban.read.header import read_header
from vanban.read.marks import find_marks, loose_marks
from vanban.read.pdf import read_pdf
from vanban.read.signatures import read_signatures
from vanban.read.provisions import build_provisions
from vanban.read.rules import load_rules
from vanban.read.structure import build_blocks

__all__ = ["read_directive", "read_report"]


def read_report(path: Path, slug: str | None = None, label: str | None = None,
                ocr_store: Path | None = None) -> Report:
    """Read one report file; `label` is how diagnostics name the file (default: the path);
    `ocr_store` keeps what OCR recognised in a scanned PDF (vanban.read.ocr)."""
    return _read(path, slug, label, "report", ocr_store)


def read_directive(path: Path, slug: str | None = None, label: str | None = None,
                   ocr_store: Path | None = None) -> Report:
    """Read one directive's text: the same header, footnotes and marks as a report, and a body
    of provisions (Chương, Điều, khoản, điểm; or I., 1., 1.1., a)) with their anchors."""
    return _read(path, slug, label, "directive", ocr_store)


def _read(path: Path, slug: str | None, label: str | None, kind: str, ocr_store: Path | None = None) -> Report:
    rules = load_rules()
    name = label or str(path)
    diags: list[Diagnostic] = []
    tables: dict[int, list[list[str]]] = {}
    marks = []
    recognised, signatures, original = None, [], None
    if not path.exists():  # every format: one line, as for a text file (vanban.read.decode)
        raise VanbanError("không thấy tệp (hoặc liên kết tới tệp không còn)", name)
    if path.suffix.lower() == ".pdf":
        pdf = read_pdf(path, name, ocr_store)
        raw_lines, diags, recognised = pdf.lines, pdf.diagnostics, pdf.recognised
        signatures, original = read_signatures(path), str(path.resolve())
    elif path.suffix.lower() in (".docx", ".doc"):
        docx = read_docx(path, name) if path.suffix.lower() == ".docx" else read_doc(path, name)
        raw_lines, tables, diags = docx.lines, docx.tables, docx.diagnostics
        marks = loose_marks(docx.page_headers, "Word page header") + loose_marks(docx.text_boxes, "text box")
        if not any(line.strip() for line in raw_lines):
            raise VanbanError(f"{KIND_WORDS[kind]} rỗng: tài liệu không có chữ nào", name)
    else:
        raw_lines = read_text(path, name).split("\n")
    lines: list[tuple[int, str]] = []
    for number, raw_line in enumerate(raw_lines, start=1):
        diags += _encoding_notes(raw_line, number, name)
        text = display(raw_line)
        for pattern in rules.artefacts:
            for m in pattern.finditer(text):
                diags.append(Diagnostic("info", "word-artefact", f"đã bỏ dấu vết của Word {m.group()!r}",
                                        name, number))
            text = pattern.sub("", text)
        lines.append((number, text))
    header, meta, body_at = read_header(lines, rules)
    marks = find_marks(lines, body_at) + marks
    paragraphs, footnotes, notes = extract(lines[body_at:], name, rules)
    body = build_blocks(paragraphs, rules) if kind == "report" else build_provisions(paragraphs, rules)
    blocks = _tables(body, tables)
    title = " ".join(filter(None, [(meta.doc_type or "").capitalize(), meta.title])) or _first_words(blocks)
    return Report(
        slug=slug or path.stem,
        source=name,
        meta=meta,
        header=header,
        blocks=blocks,
        footnotes=footnotes,
        diagnostics=diags + notes,
        marks=marks,
        title=title,
        kind=kind,
        recognised=recognised,
        original=original,
        signatures=signatures,
    )


def _tables(blocks, tables: dict[int, list[list[str]]]):
    """Put each table of a .docx back in place of the line that stood for it."""
    if not tables:
        return blocks
    rows_by_index = list(tables.values())
    for b in blocks:
        m = TABLE_LINE.match(b.text)
        if m:
            b.kind, b.rows = "table", rows_by_index[int(m.group(1))]
            b.text = " ".join(cell for row in b.rows for cell in row)
    return blocks


def _encoding_notes(raw_line: str, number: int, name: str) -> list[Diagnostic]:
    """Report the encoding artefacts the display form fixes, so nobody has to guess."""
    counts = count_artefacts(raw_line)
    notes = []
    if counts["nfd"]:
        notes.append(Diagnostic("info", "nfd", f"{counts['nfd']} dấu tách rời (NFD), hiển thị dạng dựng sẵn (NFC)",
                                name, number))
    if counts["lookalike"]:
        notes.append(Diagnostic("info", "lookalike", f"{counts['lookalike']} chữ giống Ð/ð, hiển thị là Đ/đ",
                                name, number))
    return notes


def _first_words(blocks, limit: int = 12) -> str:
    """A fallback title: the first words of the first block."""
    words = blocks[0].text.split() if blocks else []
    return " ".join(words[:limit]) + ("…" if len(words) > limit else "")
