"""Read a PDF's text layer (pdfminer.six) into the lines the text reader takes, as a .docx is read.

A page's text comes as positioned lines. What is laid out side by side — the header's two
columns (issuer and number left; motto, place and date right, as NĐ 30/2020 and HD 36-HD/VPTW
prescribe) and the closing's (Nơi nhận left, the signature right) — is read a column at a time,
left first, as the .docx reader reads the header's table. Page numbers and running headers are
not text. Lines of one paragraph are joined: a paragraph starts where a line is indented, where
the previous line stopped short of the right margin, or after a wider gap.

A scan (no text at all), and a text layer that is not text — glyphs with no Unicode (a font
embedded by a printer driver without its ToUnicode map: "(cid:55)(cid:1228)…") — are read by
OCR (vanban.read.ocr), and the document says so. Words that are not Vietnamese syllables (a font
encoded wrongly) are refused, never published, with one line that says what to supply instead.
Cost is bounded: file size, page count, what its streams inflate to, time per OCR page.
"""

from __future__ import annotations

import logging
import re
import statistics
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

from vanban.errors import VanbanError
from vanban.model import Diagnostic
from vanban.read.docx import DocxText
from vanban.read.ocr import recognise, tsv_lines
from vanban.syllable import well_formed_share

MAX_BYTES = 200 * 1024 * 1024
MAX_PAGES = 2000
# What the compressed streams of one file may inflate to, together (a small file can hold a
# "bomb" of gigabytes): checked before the text is read.
MAX_INFLATED = 512 * 1024 * 1024
CHUNK = 1 << 20
# Below this share of well-formed syllables a text layer is not Vietnamese text (a legible
# Vietnamese document scores above 0.95; the garbled layers of printer drivers 0.2–0.5).
MIN_WELL_FORMED = 0.85
UNMAPPED = re.compile(r"\(cid:\d+\)")
PAGE_NUMBER = re.compile(r"^(?:[-–—]\s*)?(?:trang\s+)?\d{1,4}(?:\s*/\s*\d{1,4})?(?:\s*[-–—])?$", re.IGNORECASE)
SPACES = re.compile(r"\s+")
# A line that opens a new paragraph whatever its indent: a numbered provision or item.
OPENS = re.compile(r"^(?:Điều\s+\d|Chương\s+[IVXLC\d]|Mục\s+\d|[IVXLC]+[.\-–]\s|\d+(?:\.\d+)*[.)]\s|[a-zđ][)]\s|[-–+•*]\s)")


@dataclass
class _Line:
    page: int
    x0: float
    x1: float
    y0: float
    y1: float
    text: str
    middle: float  # of the page, across

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


def read_pdf(path: Path, label: str, ocr_store: Path | None = None) -> DocxText:
    """The text of a PDF, as lines (one per paragraph or header line): its text layer, or, for a
    scan or a text layer without Unicode, what OCR recognises on its pages (`recognised` then
    names the engine; `ocr_store` keeps what was recognised, by the file's content)."""
    if path.stat().st_size > MAX_BYTES:
        raise VanbanError(f"tệp PDF quá lớn ({path.stat().st_size // (1024 * 1024)} MB; tối đa "
                          f"{MAX_BYTES // (1024 * 1024)} MB)", label)
    pages = _pages(path, label)
    out = DocxText([])
    text = " ".join(line.text for lines, _, _ in pages for line in lines)
    unmapped = len(UNMAPPED.findall(text))
    if not text.strip() or unmapped:
        why = ("bản quét, không có lớp chữ" if not text.strip() else
               f"lớp chữ hỏng: {unmapped} ký tự không có mã Unicode (phông chữ nhúng thiếu bảng mã, thường do in ra "
               "PDF qua trình điều khiển máy in)")
        tsv, made_by = recognise(path, label, len(pages), ocr_store)
        pages = [([_Line(n, *line, middle) for line in tsv_lines(page)], 0, middle)
                 for n, (page, (_, _, middle)) in enumerate(zip(tsv, pages), start=1)]
        out.recognised = made_by
        out.diagnostics.append(Diagnostic("info", "ocr", f"{why}: chữ được nhận dạng từ hình trang ({made_by}); "
                                          "có thể còn sai sót, cần đối chiếu bản gốc", label, None))
        if not any(lines for lines, _, _ in pages):
            raise VanbanError("tệp PDF không có chữ nào, kể cả khi nhận dạng chữ từ hình trang", label)
    else:
        share = well_formed_share(text)
        if share < MIN_WELL_FORMED:
            raise VanbanError(f"lớp chữ của tệp PDF không phải chữ tiếng Việt đọc được (chỉ {share:.0%} số từ là âm "
                              "tiết tiếng Việt): phông chữ nhúng mã hóa sai; hãy dùng bản Word gốc (.docx)", label)
        empty = [number for number, (lines, images, _) in enumerate(pages, start=1) if not lines and images]
        if empty:
            out.diagnostics.append(Diagnostic(
                "warning", "pdf-image-page", f"trang {', '.join(map(str, empty))} của tệp PDF chỉ có ảnh, không có "
                "chữ: nội dung các trang này không có trên trang web", label, None))
    running = _running(pages)
    ordered = []
    for lines, _, _ in pages:
        ordered += _reading_order([line for line in lines if not _is_page_furniture(line, lines, running)])
    out.lines = _paragraphs(ordered)
    return out


def needs_ocr(path: Path, label: str) -> tuple[int, bool]:
    """A PDF's number of pages, and whether it is read by OCR (a scan, or a text layer without
    Unicode)."""
    pages = _pages(path, label)
    text = " ".join(line.text for lines, _, _ in pages for line in lines)
    return len(pages), not text.strip() or bool(UNMAPPED.search(text))


def _pages(path: Path, label: str) -> list[tuple[list[_Line], int, float]]:
    """Each page's text lines (top to bottom), its number of images and its middle, across."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTFigure, LTImage, LTTextLine
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psexceptions import PSException

    out = []

    def walk(obj, number: int, middle: float, lines: list[_Line], images: list[int]) -> None:
        if isinstance(obj, LTTextLine):
            text = SPACES.sub(" ", obj.get_text()).strip()
            if text:
                lines.append(_Line(number, obj.x0, obj.x1, obj.y0, obj.y1, text, middle))
            return
        if isinstance(obj, (LTImage, LTFigure)):
            images[0] += 1
        for child in getattr(obj, "_objs", ()):
            walk(child, number, middle, lines, images)

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # its notes on odd fonts are not the reader's
    try:
        _check_inflated(path, label)
        for number, page in enumerate(extract_pages(str(path), laparams=LAParams()), start=1):
            if number > MAX_PAGES:
                raise VanbanError(f"tệp PDF quá dài (hơn {MAX_PAGES} trang)", label)
            lines: list[_Line] = []
            images = [0]
            middle = (page.x0 + page.x1) / 2
            walk(page, number, middle, lines, images)
            lines.sort(key=lambda line: (-round(line.y1), line.x0))
            out.append((lines, images[0], middle))
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise VanbanError("tệp PDF được bảo vệ bằng mật khẩu hoặc mã hóa: không đọc được; hãy dùng bản không khóa",
                          label) from None
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError, AssertionError, IndexError,
            OverflowError, RecursionError, zlib.error, struct.error) as e:
        raise VanbanError(f"tệp PDF hỏng, không đọc được ({type(e).__name__})", label) from None
    if not out:
        raise VanbanError("tệp PDF không có trang nào", label)
    return out


def _check_inflated(path: Path, label: str) -> None:
    """Refuse a file whose Flate streams inflate to more than MAX_INFLATED, inflating at most
    that much to find out."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import LITERALS_FLATE_DECODE, PDFStream

    total = 0
    with path.open("rb") as f:
        doc = PDFDocument(PDFParser(f))
        for xref in doc.xrefs:
            for objid in xref.get_objids():
                try:
                    obj = doc.getobj(objid)
                except Exception:  # noqa: BLE001 — an object pdfminer cannot read; the pages may still be
                    continue
                if not isinstance(obj, PDFStream) or not any(f in LITERALS_FLATE_DECODE for f, _ in obj.get_filters()):
                    continue
                inflate = zlib.decompressobj()
                data = obj.rawdata or b""
                try:
                    while data and total <= MAX_INFLATED:
                        total += len(inflate.decompress(data, CHUNK))
                        data = inflate.unconsumed_tail
                except zlib.error:
                    continue  # pdfminer reads what it can of a damaged stream
                if total > MAX_INFLATED:
                    raise VanbanError(f"tệp PDF chứa dữ liệu nén giải ra quá lớn (hơn {MAX_INFLATED // (1024 * 1024)} MB): "
                                      "không đọc", label)


def _running(pages: list[tuple[list[_Line], int, float]]) -> set[str]:
    """Lines that stand first or last on at least half the pages (of two or more): running
    headers and footers, their numbers aside."""
    if len(pages) < 3:
        return set()
    seen: dict[str, int] = {}
    for lines, _, _ in pages:
        for line in {lines[0].text, lines[-1].text} if lines else set():
            key = re.sub(r"\d+", "#", line)
            seen[key] = seen.get(key, 0) + 1
    return {key for key, n in seen.items() if n >= max(2, len(pages) // 2)}


def _is_page_furniture(line: _Line, lines: list[_Line], running: set[str]) -> bool:
    """A page number or a running header: the first or last line of its page."""
    if line is not lines[0] and line is not lines[-1]:
        return False
    return bool(PAGE_NUMBER.match(line.text)) or re.sub(r"\d+", "#", line.text) in running


def _reading_order(lines: list[_Line]) -> list[tuple[_Line, bool]]:
    """The page's lines in reading order, each with whether it stands in a column: where lines
    stand side by side (a row holds two with a gutter between), the block they form is read a
    column at a time, left first."""
    out: list[tuple[_Line, bool]] = []
    i = 0
    while i < len(lines):
        block = _columns(lines, i)
        if block is None:
            out.append((lines[i], False))
            i += 1
            continue
        left, right, end = block
        out += [(line, True) for line in left] + [(line, True) for line in right]
        i = end
    return out


def _columns(lines: list[_Line], start: int) -> tuple[list[_Line], list[_Line], int] | None:
    """The two-column block starting at `start`, if the line there has a partner beside it: the
    lines below that stay on one side of the gutter, nearer their column than the page's middle
    (a centred title below the header ends it, as does a wide gap)."""
    first = lines[start]
    partner = next((line for line in lines[start + 1 : start + 4] if _beside(first, line)), None)
    if partner is None:
        return None
    a, b = sorted((first, partner), key=lambda line: line.x0)
    gutter = [a.x1, b.x0]
    left: list[_Line] = []
    right: list[_Line] = []
    last = first
    end = start
    for line in lines[start:]:
        if last.y0 - line.y1 > 3 * max(last.height, line.height):
            break
        side = _side(line, gutter, left or [a], right or [b])
        if side is None:
            break
        (left if side == "left" else right).append(line)
        if side == "left":
            gutter[0] = max(gutter[0], line.x1)
        else:
            gutter[1] = min(gutter[1], line.x0)
        last = line
        end += 1
    if not left or not right:
        return None
    return left, right, end


def _side(line: _Line, gutter: list[float], left: list[_Line], right: list[_Line]) -> str | None:
    """Which column a line belongs to, or None if it crosses the gutter or stands at the middle."""
    def nearer(column: list[_Line]) -> bool:
        centre = statistics.mean(x.centre for x in column)
        return abs(line.centre - centre) < abs(line.centre - line.middle)
    if line.x1 < gutter[1] and nearer(left):
        return "left"
    if line.x0 > gutter[0] and nearer(right):
        return "right"
    return None


def _beside(a: _Line, b: _Line) -> bool:
    """Two lines in one row with a gutter between them."""
    overlap = min(a.y1, b.y1) - max(a.y0, b.y0)
    apart = b.x0 - a.x1 if a.x0 < b.x0 else a.x0 - b.x1
    return overlap > 0.5 * min(a.height, b.height) and apart > 2 * min(a.height, b.height)


def _margins(lines: list[_Line]) -> tuple[float, float]:
    """A page's left and right margins, as its body lines reach them (pages differ: a landscape
    appendix is wider). Left: where continuation lines start — in a text whose paragraphs open
    indented most lines may be first lines, so a low share of the starts, not their median.
    Right: the end most full lines reach (not a wide table's)."""
    starts = sorted(round(line.x0) for line in lines)
    ends = sorted(round(line.x1) for line in lines)
    return starts[int(0.1 * (len(starts) - 1))], ends[int(0.9 * (len(ends) - 1))]


def _paragraphs(ordered: list[tuple[_Line, bool]]) -> list[str]:
    """Lines joined into paragraphs: a line in a column stands alone; a body line continues the
    one before it if that one ran to the right margin and this one starts at the left margin,
    close below it, and does not open a provision or an item."""
    body = [line for line, in_column in ordered if not in_column]
    if not body:
        return [line.text for line, _ in ordered]
    margins = {page: _margins([line for line in body if line.page == page]) for page in {line.page for line in body}}
    out: list[str] = []
    previous: _Line | None = None
    for line, in_column in ordered:
        close = previous is not None and (previous.page != line.page or previous.y0 - line.y1 < 1.2 * line.height)
        left = margins[line.page][0] if line.page in margins else line.x0
        joins = (previous is not None and not in_column and previous.x1 >= margins[previous.page][1] - 2 * previous.height
                 and abs(line.x0 - left) < line.height and close and not OPENS.match(line.text))
        if joins and out:
            out[-1] += line.text if out[-1].endswith("-") else " " + line.text
        else:
            out.append(line.text)
        previous = None if in_column else line
    return out
