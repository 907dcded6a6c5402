"""Read a Word .docx report into the text lines the text reader understands.

A .docx is a zip of XML parts; the standard library reads it (see the README for why not
python-docx, mammoth or pandoc). Paragraphs become lines, auto-numbers and bullets are written
out (`I.`, `1.1.`, `- `), real Word footnotes become `[footnoteRef:ID]` markers with their bodies
`[ID: …]` at the end of the paragraph (IDs are the numbers Word's text export shows), the header
table becomes the issuer and date lines, and other tables become table blocks. Runs in legacy
fonts (TCVN3 `.VnTime`, VNI `VNI-Times`) are converted to Unicode and reported.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from xml.etree import ElementTree as ET


from vanban.errors import VanbanError
from vanban.model import Diagnostic
from vanban.read.decode import read_bytes
from vanban.read.rules import load_rules
from vanban.yamlfile import load_package_data

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
TABLE_MARK = "\ue000"
CHUNK = 1 << 20


@dataclass
class DocxText:
    """What a .docx holds, as lines for the text reader, plus its tables and notes."""

    lines: list[str]
    tables: dict[int, list[list[str]]] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # Paragraphs of Word's page headers and of text boxes: not part of the body's text, but where
    # a "MẬT" stamp or a "Lưu hành nội bộ" note often stands (read for marks only).
    page_headers: list[str] = field(default_factory=list)
    text_boxes: list[str] = field(default_factory=list)
    # For a PDF read by OCR: the engine that recognised it (vanban.read.ocr).
    recognised: str | None = None


def table_placeholder(index: int) -> str:
    """The line that stands for table `index` (private-use characters no report contains)."""
    return f"{TABLE_MARK}{index}{TABLE_MARK}"


TABLE_LINE = re.compile(rf"^{TABLE_MARK}(\d+){TABLE_MARK}$")


@lru_cache(maxsize=1)
def _legacy() -> list[tuple[str, tuple[str, ...], list[tuple[str, str]]]]:
    raw = load_package_data(Path(__file__).parent / "legacy_fonts.yml")
    return [(name, tuple(conf["fonts"]), sorted(conf["map"].items(), key=lambda kv: -len(kv[0])))
            for name, conf in raw.items()]


def convert_legacy(text: str, font: str) -> tuple[str, str | None]:
    """Text of a run in a legacy font, in Unicode; and the encoding's name (None if not legacy)."""
    for name, prefixes, mapping in _legacy():
        if font.startswith(prefixes):
            out, i = [], 0
            while i < len(text):
                for src, dst in mapping:
                    if text.startswith(src, i):
                        out.append(dst)
                        i += len(src)
                        break
                else:
                    out.append(text[i])
                    i += 1
            return "".join(out), name
    return text, None


def read_docx(path: Path, label: str) -> DocxText:
    parts = _open(path, label)
    document = _xml(parts, "word/document.xml", label, required=True)
    footnotes = _footnotes(_xml(parts, "word/footnotes.xml", label), label)
    numbering = _Numbering(_xml(parts, "word/numbering.xml", label))
    out = DocxText([])
    body = document.find(f"{W}body")
    if body is None:
        raise VanbanError("không phải tài liệu Word: word/document.xml không có phần thân", label)
    elements = [e for e in body if e.tag in (f"{W}p", f"{W}tbl")]
    for position, element in enumerate(elements):
        if element.tag == f"{W}tbl":
            rows = _rows(element, footnotes, numbering, out, label)
            # the header table: the document's first element, but for empty paragraphs before it
            first = not any(line.strip() for line in out.lines)
            if first and rows and len(rows[0]) == 2:
                for column in range(2):  # the header table: issuer column, then motto and date
                    for row in rows:
                        out.lines += [line for line in row[column].split("\n")]
                continue
            out.tables[len(out.lines)] = [[cell.replace("\n", " ") for cell in row] for row in rows]
            out.lines.append(table_placeholder(len(out.tables) - 1))
            continue
        out.lines.append(_paragraph(element, footnotes, numbering, out, label, len(out.lines) + 1))
    out.text_boxes = [_plain(p) for box in body.iter(f"{W}txbxContent") for p in box.iter(f"{W}p")]
    for name in sorted(n for n in parts.namelist() if re.fullmatch(r"word/header\d*\.xml", n)):
        header = _xml(parts, name, label)
        out.page_headers += [_plain(p) for p in header.iter(f"{W}p")] if header is not None else []
    return out


def _plain(p) -> str:
    """The text of a paragraph outside the body (page header, text box), for marks."""
    return "".join(t.text or "" for t in p.iter(f"{W}t"))


def _open(path: Path, label: str) -> zipfile.ZipFile:
    data = read_bytes(path, label)
    if data.startswith(OLE_SIGNATURE):
        if ENCRYPTED in data:
            raise VanbanError("tệp Word có mật khẩu: mở bằng Word, bỏ mật khẩu rồi lưu lại "
                              "dạng .docx", label)
        raise VanbanError("tệp Word .doc cũ (bị đổi tên thành .docx?): mở bằng Word và lưu lại dạng .docx", label)
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise VanbanError("không phải tệp .docx (tệp .docx là một tệp nén zip; tệp này không phải)", label) from None


def _inflate(parts: zipfile.ZipFile, name: str, label: str) -> bytes:
    """A part's bytes, inflated a chunk at a time and refused as soon as they pass the size limit
    of a report file (a zip bomb declares small sizes and inflates to gigabytes)."""
    limit = load_rules().max_bytes
    chunks, total = [], 0
    with parts.open(name) as stream:
        while chunk := stream.read(CHUNK):
            total += len(chunk)
            if total > limit:
                raise VanbanError(f"{name} giải nén ra hơn {limit / 1e6:.0f} MB: không phải một báo cáo thật "
                                  "(tệp .docx hỏng hoặc độc hại)", label)
            chunks.append(chunk)
    return b"".join(chunks)


def _xml(parts: zipfile.ZipFile, name: str, label: str, required: bool = False):
    try:
        data = _inflate(parts, name, label)
    except KeyError:
        if required:
            raise VanbanError(f"tệp nén zip nhưng không phải tài liệu Word (không có {name})", label) from None
        return None
    except (zipfile.BadZipFile, OSError, RuntimeError) as exc:
        raise VanbanError(f"tệp .docx hỏng: không đọc được {name} ({exc})", label) from None
    try:
        return ET.fromstring(data)
    except ET.ParseError as exc:
        raise VanbanError(f"tệp .docx hỏng: {name} không phải XML hợp lệ ({exc})", label) from None


def _footnotes(root, label: str) -> dict[str, list]:
    if root is None:
        return {}
    notes = {}
    for note in root.findall(f"{W}footnote"):
        if note.get(f"{W}type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        notes[note.get(f"{W}id")] = note.findall(f"{W}p")
    return notes


class _Numbering:
    """Word's list numbering: the text of each numbered paragraph's number (`I.`, `1.1.`, `- `)."""

    FORMATS = {"decimal", "upperRoman", "lowerRoman", "upperLetter", "lowerLetter", "bullet"}

    def __init__(self, root) -> None:
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.abstract_of: dict[str, str] = {}
        self.counters: dict[str, dict[int, int]] = {}
        if root is None:
            return
        for abstract in root.findall(f"{W}abstractNum"):
            aid = abstract.get(f"{W}abstractNumId")
            for lvl in abstract.findall(f"{W}lvl"):
                fmt = _val(lvl.find(f"{W}numFmt")) or "decimal"
                text = _val(lvl.find(f"{W}lvlText")) or ""
                start = int(_val(lvl.find(f"{W}start")) or 1)
                self.levels[(aid, int(lvl.get(f"{W}ilvl")))] = (fmt, text, start)
        for num in root.findall(f"{W}num"):
            self.abstract_of[num.get(f"{W}numId")] = _val(num.find(f"{W}abstractNumId"))

    def prefix(self, num_id: str, level: int) -> str:
        aid = self.abstract_of.get(num_id)
        if aid is None or (aid, level) not in self.levels:
            return ""
        fmt, text, start = self.levels[(aid, level)]
        counters = self.counters.setdefault(aid, {})
        counters[level] = counters.get(level, start - 1) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        if fmt == "bullet":
            return (text if text in ("-", "+", "–", "•") else "-") + " "

        def number(match: re.Match) -> str:
            lvl = int(match.group(1)) - 1
            f, _, s = self.levels.get((aid, lvl), ("decimal", "", 1))
            return _format(counters.get(lvl, s), f)

        return re.sub(r"%(\d)", number, text) + " "


def _format(n: int, fmt: str) -> str:
    if fmt in ("upperRoman", "lowerRoman"):
        out = ""
        for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                               (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
            while n >= value:
                out, n = out + letters, n - value
        return out if fmt == "upperRoman" else out.lower()
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (n - 1) % 26)
        return letter if fmt == "upperLetter" else letter.lower()
    return str(n)


def _val(element) -> str | None:
    return None if element is None else element.get(f"{W}val")


def _paragraph(p, footnotes, numbering, out: DocxText, label: str, line: int, in_note: bool = False) -> str:
    """One paragraph's text, its number or bullet first, its footnote bodies at the end."""
    prefix = ""
    num = p.find(f"{W}pPr/{W}numPr")
    if num is not None:
        prefix = numbering.prefix(_val(num.find(f"{W}numId")) or "", int(_val(num.find(f"{W}ilvl")) or 0))
    text, refs = [], []
    for run in _runs(p):
        font = ""
        fonts = run.find(f"{W}rPr/{W}rFonts")
        if fonts is not None:
            font = fonts.get(f"{W}ascii") or fonts.get(f"{W}hAnsi") or ""
        for child in run:
            if child.tag == f"{W}t":
                piece, legacy = convert_legacy(child.text or "", font)
                if legacy:
                    out.diagnostics.append(Diagnostic("info", "legacy-font",
                                                      f"chữ phông {font} ({legacy}) đã chuyển sang Unicode",
                                                      label, line))
                text.append(piece)
            elif child.tag == f"{W}tab":
                text.append("\t")
            elif child.tag in (f"{W}br", f"{W}cr"):
                text.append(" ")
            elif child.tag == f"{W}noBreakHyphen":
                text.append("-")
            elif child.tag == f"{W}footnoteReference" and not in_note:
                ident = child.get(f"{W}id")
                text.append(f"[footnoteRef:{ident}]")
                refs.append(ident)
    bodies = []
    for ident in refs:
        if ident in footnotes:
            body = " ".join(_paragraph(q, footnotes, numbering, out, label, line, in_note=True)
                            for q in footnotes[ident]).strip()
            bodies.append(f"[{ident}: {body}]")
    return prefix + "".join(text) + (" " + " ".join(bodies) if bodies else "")


def _runs(element):
    """The runs of a paragraph in order, leaving out tracked deletions and moved-away text."""
    for child in element:
        if child.tag in (f"{W}del", f"{W}moveFrom"):
            continue
        if child.tag == f"{W}r":
            yield child
        else:
            yield from _runs(child)


def _rows(table, footnotes, numbering, out: DocxText, label: str) -> list[list[str]]:
    rows = []
    for tr in table.findall(f"{W}tr"):
        cells = []
        for tc in tr.findall(f"{W}tc"):
            cells.append("\n".join(_paragraph(p, footnotes, numbering, out, label, len(out.lines) + 1)
                                   for p in tc.findall(f"{W}p")).strip())
        rows.append(cells)
    return rows
