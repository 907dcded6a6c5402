"""PDF documents: a text layer read into the same model as .txt and .docx (header columns in
order, paragraphs joined, page numbers and running headers left out); a text layer that is not
text, a scan, and broken or hostile files refused in one line."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from conftest import corpus, make_project, message_lines, run_vanban
from vanban.syllable import well_formed_share

PAGE = """<div class="page">{running}{body}<div class="no">{number}</div></div>"""
STYLE = """<!doctype html><html lang="vi"><meta charset="utf-8"><style>
@page { size: A4; margin: 0 }
body { margin: 0; font: 13pt "Liberation Serif", "DejaVu Serif", serif; }
.page { height: 297mm; box-sizing: border-box; padding: 20mm 20mm 15mm 30mm; position: relative;
        page-break-after: always; }
.run { text-align: center; font-size: 10pt; margin-bottom: 6mm }
.no { position: absolute; bottom: 8mm; left: 0; right: 0; text-align: center; font-size: 11pt }
.head { display: flex; justify-content: space-between; text-align: center }
.head div { width: 47% }
.sign { display: flex; justify-content: space-between; margin-top: 8mm }
.sign div { width: 45% }
p { text-align: justify; margin: 0 0 6pt; text-indent: 12mm }
p.flat { text-indent: 0 }
h1 { text-align: center; font-size: 14pt; margin: 10mm 0 2mm }
.t { text-align: center; font-weight: bold; margin: 0 0 8mm }
</style>"""
HEAD = ('<div class="head"><div>ỦY BAN NHÂN DÂN<br>TỈNH BÌNH ĐỊNH<br>Số: 15/QĐ-UBND</div>'
        '<div>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc<br>'
        '<i>Bình Định, ngày 2 tháng 3 năm 2021</i></div></div>'
        '<h1>QUYẾT ĐỊNH</h1><div class="t">Về việc thử đọc tệp PDF</div>')
LONG = ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; căn cứ các quy định hiện hành về "
        "công tác văn thư, lưu trữ và việc ban hành văn bản của các cơ quan nhà nước ở địa phương;")
ARTICLE_1 = ("Điều 1. Quyết định này có hiệu lực từ ngày 01 tháng 4 năm 2021 và áp dụng đối với các cơ quan, đơn "
             "vị trên địa bàn tỉnh, bao gồm các sở, ban, ngành và Ủy ban nhân dân các huyện, thị xã, thành phố.")
ARTICLE_2 = ("Điều 2. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở, Thủ trưởng các cơ quan, đơn vị có "
             "liên quan chịu trách nhiệm thi hành Quyết định này kể từ ngày ký ban hành.")
SIGN = ('<div class="sign"><div>Nơi nhận:<br>- Như Điều 2;<br>- Lưu: VT.</div>'
        '<div style="text-align:center">TM. ỦY BAN NHÂN DÂN<br>CHỦ TỊCH<br><br>Nguyễn Văn A</div></div>')


def _print(tmp_path: Path, pages: list[str], name: str = "qd.pdf") -> Path:
    """A PDF of HTML pages, printed by Debian's chromium (embedded fonts with their Unicode maps)."""
    executable = shutil.which("chromium")
    if executable is None:
        pytest.skip("needs Debian's chromium to print test PDFs (apt-get install chromium)")
    html = tmp_path / "doc.html"
    html.write_text(STYLE + "".join(pages) + "</html>", encoding="utf-8")
    out = tmp_path / name
    subprocess.run([executable, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={out}", html.as_uri()], capture_output=True, timeout=120, check=True)
    return out


def _decision(tmp_path: Path) -> Path:
    running = '<div class="run">Quyết định số 15/QĐ-UBND</div>'
    return _print(tmp_path, [
        PAGE.format(running="", body=HEAD + f"<p>{LONG}</p><p>{ARTICLE_1}</p>", number=1),
        PAGE.format(running=running, body=f"<p>{ARTICLE_2}</p>", number=2),
        PAGE.format(running=running, body="<p>Điều 3. Giao Sở Nội vụ hướng dẫn thực hiện.</p>" + SIGN, number=3),
    ])


# What a reader sees in the printed decision, in reading order, a line per paragraph or header
# line (written out by hand: no code shared with the reader)
EXPECTED = [
    "ỦY BAN NHÂN DÂN", "TỈNH BÌNH ĐỊNH", "Số: 15/QĐ-UBND",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Bình Định, ngày 2 tháng 3 năm 2021",
    "QUYẾT ĐỊNH", "Về việc thử đọc tệp PDF", LONG, ARTICLE_1, ARTICLE_2,
    "Điều 3. Giao Sở Nội vụ hướng dẫn thực hiện.",
    "Nơi nhận:", "- Như Điều 2;", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn A",
]


def test_a_printed_decision_reads_as_its_text(tmp_path):
    from vanban.read.pdf import read_pdf

    got = read_pdf(_decision(tmp_path), "qd.pdf").lines
    # the header's columns, left then right; a line its column wraps comes as two lines, in order
    header = got[: got.index("QUYẾT ĐỊNH")]
    assert " ".join(header) == " ".join(EXPECTED[:6]) and len(header) <= 8, header
    assert got[len(header):] == EXPECTED[6:]


def _project_with(tmp_path: Path, pdf: Path) -> Path:
    """A project with a report citing the decision, and the PDF as the decision's text."""
    (tmp_path / "project").mkdir()
    root = make_project(tmp_path / "project", {"bc.txt": "CHI BỘ X\nSố 01-BC/CB\nX, ngày 15 tháng 5 năm 2021\nBÁO CÁO\n"
                                            "về việc thử\n-----\nI. MỘT\nThực hiện Quyết định số 15/QĐ-UBND ngày "
                                            "2/3/2021 của UBND tỉnh.\n"})
    (root / "data" / "directives").mkdir()
    shutil.copy(pdf, root / "data" / "directives" / "qd-15.pdf")
    return root


def test_a_pdf_decision_is_a_directive_text_on_the_site(tmp_path):
    """`vanban parse` and the build take a PDF as they take a .docx: header fields, provisions."""
    pdf = _decision(tmp_path)
    result = run_vanban("parse", str(pdf))
    assert result.returncode == 0, result.stderr
    meta = json.loads(result.stdout)["meta"]
    assert (meta["full_symbol"], meta["date"], meta["doc_type"], meta["title"]) == \
        ("15/QĐ-UBND", "2021-03-02", "QUYẾT ĐỊNH", "Về việc thử đọc tệp PDF")
    root = _project_with(tmp_path, pdf)
    result = run_vanban("--root", str(root), "build")
    assert result.returncode == 0, message_lines(result.stderr)
    page = (root / "docs" / "van-ban" / "quyet-dinh-15-qd-ubnd-binh-dinh-2021.md").read_text(encoding="utf-8")
    assert "{ #dieu-2 }" in page and "Điều 3." in page
    assert "**Tình trạng:** Có hiệu lực từ 01/04/2021" in page


def _pdf(objects: list[bytes], trailer: bytes) -> bytes:
    """A PDF file of the given objects, with its cross-reference table."""
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    return out + b"trailer\n" + trailer + f"\nstartxref\n{xref}\n%%EOF\n".encode()


CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
ONE_PAGE = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
BOMB = zlib.compress(b"\0" * (600 * 1024 * 1024), 9)
BAD_FILES = [
    ("encrypted", _pdf([CATALOG, ONE_PAGE, b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
                        b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> /P -4 >>"],
                       b"<< /Root 1 0 R /Encrypt 4 0 R /ID [<0123456789abcdef0123456789abcdef>"
                       b"<0123456789abcdef0123456789abcdef>] /Size 5 >>"), "mật khẩu"),
    ("no pages", _pdf([CATALOG, b"<< /Type /Pages /Kids [] /Count 0 >>"], b"<< /Root 1 0 R /Size 3 >>"),
     "không có trang"),
    ("corrupt", b"%PDF-1.4\n\x00\x01garbage" * 50, "hỏng"),
    ("truncated", _pdf([CATALOG, ONE_PAGE], b"<< /Root 1 0 R /Size 3 >>")[:60], "hỏng"),
    ("inflates to 600 MB", _pdf([CATALOG, ONE_PAGE, b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] "
                                 b"/Contents 4 0 R >>", b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(BOMB)
                                 + BOMB + b"\nendstream"], b"<< /Root 1 0 R /Size 5 >>"), "quá lớn"),
]


@pytest.mark.parametrize("what, content, needle", BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_a_bad_pdf_is_one_line(tmp_path, what, content, needle):
    path = tmp_path / "x.pdf"
    path.write_bytes(content)
    result = run_vanban("parse", str(path))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    (line,) = message_lines(result.stderr)
    assert "x.pdf" in line and needle in line, line


def test_a_bad_pdf_in_data_stops_the_build_before_anything_is_written(tmp_path):
    root = make_project(tmp_path, {"bc.pdf": BAD_FILES[2][1]})
    result = run_vanban("--root", str(root), "build")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    (line,) = message_lines(result.stderr)
    assert "data/reports/bc.pdf" in line
    assert not (root / "site").exists()


@pytest.fixture(scope="module")
def office_root(tmp_path_factory) -> Path:
    """A project folder whose OCR store the office files' tests share (each file recognised once)."""
    return tmp_path_factory.mktemp("office")


# The office files as published → how they are read, and the header's number, date and type (read
# by eye on the page images)
OFFICE = [
    ("quyet-dinh-1074-qd-bxd-2026.pdf", None, ("1074/QĐ-BXD", "2026-06-29", "QUYẾT ĐỊNH")),
    # printed through a driver that embedded fonts without their Unicode maps: read by OCR
    ("tb-1894-tb-sct-2026-ban-ky.pdf", "lớp chữ hỏng", ("1894/TB-SCT", "2026-04-09", "THÔNG BÁO")),
    ("quyet-dinh-1050-qd-sct-2026.pdf", "lớp chữ hỏng", ("1050/QĐ-SCT", "2026-03-06", "QUYẾT ĐỊNH")),
    # scans
    ("cong-van-813-cuc-hoa-chat-ban-quet.pdf", "bản quét", None),
    ("cong-van-2265-bct-atmt-ban-quet.pdf", "bản quét", None),
]


@pytest.mark.parametrize("name, ocr, expected", OFFICE, ids=[o[0] for o in OFFICE])
def test_office_pdfs(office_root, name, ocr, expected):
    if ocr:
        _needs_ocr()
    result = run_vanban("--root", str(office_root), "parse", str(corpus("office", name)))
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    notes = [d["message"] for d in doc["diagnostics"] if d["code"] == "ocr"]
    if ocr:
        assert doc["recognised"].startswith("tesseract") and len(notes) == 1 and notes[0].startswith(ocr), notes
    else:
        assert doc["recognised"] is None and not notes
    if expected:
        meta = doc["meta"]
        assert (meta["full_symbol"], meta["date"], meta["doc_type"]) == expected
    text = " ".join(b["text"] for b in doc["blocks"])
    assert well_formed_share(text) >= 0.9, well_formed_share(text)


def test_the_clean_office_pdf_has_its_header_in_order(office_root):
    result = run_vanban("--root", str(office_root), "parse", str(corpus("office", "quyet-dinh-1074-qd-bxd-2026.pdf")))
    meta = json.loads(result.stdout)["meta"]
    assert meta["issuer"] == ["BỘ XÂY DỰNG"]
    assert meta["title"].startswith("Ban hành các giải pháp kỹ thuật") and meta["title"].endswith("của Bộ Xây dựng")


def test_the_clean_office_pdf_keeps_every_word():
    """Every word of the PDF's text layer (pdfminer's plain extraction, another path through it) is
    in the parsed document, and nothing else: its header, blocks and their list markers."""
    from collections import Counter

    from pdfminer.high_level import extract_text

    path = corpus("office", "quyet-dinh-1074-qd-bxd-2026.pdf")
    words = Counter(extract_text(str(path)).split())
    doc = json.loads(run_vanban("parse", str(path)).stdout)
    parsed = Counter(" ".join([*(h["text"] for h in doc["header"]),
                               *(f"{b.get('marker') or ''} {b['text']}" for b in doc["blocks"])]).split())
    assert parsed == words


def test_page_numbers_are_not_text(tmp_path):
    """Two pages (too few to tell a running header): "- 2 -" and "Trang 1" at the foot are page
    numbers, not text."""
    from vanban.read.pdf import read_pdf

    words = " ".join(["công tác"] * 170)
    pdf = _print(tmp_path, [
        '<div class="page"><p class="flat">' + words + ' kết thúc trang</p><div class="no">Trang 1</div></div>',
        '<div class="page"><p class="flat">Đoạn thứ hai.</p><div class="no">- 2 -</div></div>',
    ])
    lines = read_pdf(pdf, "x.pdf").lines
    assert lines == [words + " kết thúc trang", "Đoạn thứ hai."]


# Paragraphs that open indented, most of them one line ("1. Ông …", "Căn cứ …;"), and a few that
# wrap: the wrapped lines start at the margin the indented ones do not (issue 34: citations
# broken across lines by a reader that took the indent for the margin).
SHORT_ITEMS = ["1. Ông Hoàng Văn A, Trưởng đoàn;", "2. Ông Đỗ Văn B, Phó Trưởng đoàn;", "3. Ông Bùi Văn C, Thành viên;",
               "4. Ông Vũ Văn D, Thư ký đoàn."]
WRAPPED = [("Căn cứ Nghị định số 217/2025/NĐ-CP ngày 05/8/2025 của Chính phủ quy định về hoạt động kiểm tra "
            "chuyên ngành và các văn bản hướng dẫn thi hành có liên quan đến công tác kiểm tra;"),
           ("Căn cứ Thông tư số 23/2024/TT-BCT ngày 07/11/2024 của Bộ trưởng Bộ Công Thương quy định về quản lý, "
            "sử dụng vật liệu nổ công nghiệp, tiền chất thuốc nổ thuộc thẩm quyền quản lý của Bộ Công Thương;")]


def test_wrapped_lines_join_when_most_paragraphs_open_indented(tmp_path):
    from vanban.read.pdf import read_pdf

    body = "".join(f"<p>{t}</p>" for t in [*WRAPPED, *SHORT_ITEMS, "5. Ông Lê Văn E, Thành viên.",
                                            "6. Ông Phạm Văn G, Thành viên."])
    pdf = _print(tmp_path, [PAGE.format(running="", body=body, number="")])
    lines = read_pdf(pdf, "x.pdf").lines
    assert lines == [*WRAPPED, *SHORT_ITEMS, "5. Ông Lê Văn E, Thành viên.", "6. Ông Phạm Văn G, Thành viên."]


def _needs_ocr() -> None:
    if not all(shutil.which(p) for p in ("pdftoppm", "tesseract")):
        pytest.skip("needs Poppler and Tesseract with Vietnamese (apt-get install poppler-utils tesseract-ocr "
                    "tesseract-ocr-vie)")


def _scan(pdf: Path, out: Path) -> Path:
    """An image-only PDF of `pdf`'s pages (grey, 150 dpi), as a scanner makes one: no text layer."""
    tmp = out.parent / "pages"
    tmp.mkdir()
    subprocess.run(["pdftoppm", "-r", "150", "-gray", str(pdf), str(tmp / "p")], check=True, capture_output=True)
    objects = [CATALOG, b""]
    kids = []
    for image in sorted(tmp.glob("p*.pgm")):
        data = image.read_bytes()
        magic, width, height, depth, pixels = data.split(maxsplit=4)
        assert magic == b"P5" and depth == b"255"
        w, h = int(width), int(height)
        packed = zlib.compress(pixels[: w * h])
        objects.append(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
                       b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % (w, h, len(packed))
                       + packed + b"\nendstream")
        image_ref = len(objects)
        pw, ph = w * 72 // 150, h * 72 // 150
        content = b"q %d 0 0 %d 0 0 cm /Im0 Do Q" % (pw, ph)
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
                       b"/Resources << /XObject << /Im0 %d 0 R >> >> >>" % (pw, ph, len(objects), image_ref))
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) + b"] /Count %d >>" % len(kids)
    out.write_bytes(_pdf(objects, b"<< /Root 1 0 R /Size %d >>" % (len(objects) + 1)))
    return out


def _words(lines: list[str]) -> list[str]:
    return " ".join(lines).split()


def test_a_scan_is_read_by_ocr_and_says_so(tmp_path):
    """The printed decision, scanned: OCR gives its text (≥ 0.95 of its words, in order), the
    header in order; the page says the text was recognised and links the original file, which
    the site publishes; a second build, even from nothing, recognises nothing again."""
    import difflib

    from vanban.read.pdf import read_pdf

    _needs_ocr()
    scan = _scan(_decision(tmp_path), tmp_path / "scan.pdf")
    read = read_pdf(scan, "scan.pdf", tmp_path / "store")
    assert read.recognised and read.recognised.startswith("tesseract")
    expected = _words(EXPECTED)
    matcher = difflib.SequenceMatcher(None, expected, _words(read.lines), autojunk=False)
    assert sum(b.size for b in matcher.get_matching_blocks()) >= 0.95 * len(expected)

    root = _project_with(tmp_path, scan)
    first = run_vanban("--root", str(root), "build")
    assert first.returncode == 0, message_lines(first.stderr)
    assert "nhận dạng chữ: data/directives/qd-15.pdf" in first.stderr
    (page,) = [p for p in (root / "docs" / "van-ban").glob("quyet-dinh-15-*.md")
               if "redirect.html" not in p.read_text(encoding="utf-8")]
    text = page.read_text(encoding="utf-8")
    assert "Văn bản được nhận dạng từ bản quét; có thể còn sai sót — đối chiếu bản gốc" in text
    published = root / "site" / "van-ban" / f"{page.stem}.pdf"
    assert published.read_bytes() == scan.read_bytes()
    html = (root / "site" / "van-ban" / page.stem / "index.html").read_text(encoding="utf-8")
    assert f'href="../{page.stem}.pdf"' in html
    again = run_vanban("--root", str(root), "build", "--clean")
    assert again.returncode == 0 and "nhận dạng chữ" not in again.stderr


def test_vanban_ocr_fills_a_store_another_project_builds_from(tmp_path):
    _needs_ocr()
    scan = _scan(_decision(tmp_path), tmp_path / "scan.pdf")
    (tmp_path / "a").mkdir()
    result = run_vanban("--root", str(tmp_path / "a"), "ocr", str(scan))
    assert result.returncode == 0, result.stderr
    (entry,) = (tmp_path / "a" / ".vanban" / "ocr").glob("*.json")
    (tmp_path / "b").mkdir()
    root = make_project(tmp_path / "b", {})
    (root / "data" / "directives").mkdir()
    shutil.copy(scan, root / "data" / "directives" / "qd-15.pdf")
    (root / ".vanban" / "ocr").mkdir(parents=True)
    shutil.copy(entry, root / ".vanban" / "ocr" / entry.name)
    built = run_vanban("--root", str(root), "build")
    assert built.returncode == 0, message_lines(built.stderr)
    assert "nhận dạng chữ" not in built.stderr


def test_ocr_without_its_programs_is_one_line(tmp_path):
    """No Tesseract on the machine: one line naming the packages, nothing written."""
    _needs_ocr()
    scan = _scan(_decision(tmp_path), tmp_path / "scan.pdf")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "pdftoppm").symlink_to(shutil.which("pdftoppm"))
    env = {**os.environ, "PATH": str(bin_dir)}
    result = subprocess.run([sys.executable, "-m", "vanban", "--root", str(tmp_path), "parse", str(scan)],
                            capture_output=True, text=True, env=env)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    (line,) = message_lines(result.stderr)
    assert "tesseract" in line and "tesseract-ocr-vie" in line and "scan.pdf" in line, line


def test_the_scanned_decree_agrees_with_its_text(office_root):
    """The 70-page scan of Nghị định 71/2019 (signed by the Government's certificate), read by OCR,
    gives at least 0.93 of the words of its text, in order."""
    import difflib
    import re

    _needs_ocr()
    scan = json.loads(run_vanban("--root", str(office_root), "parse", "--kind", "directive",
                                 str(corpus("office", "nghi-dinh-71-2019-nd-cp-ban-quet.pdf"))).stdout)
    text = corpus("directives", "nghi-dinh-71-2019-nd-cp.txt").read_text(encoding="utf-8")

    def words(s: str) -> list[str]:
        return re.findall(r"\w+", s.lower())

    got = words(" ".join([*(h["text"] for h in scan["header"]),
                          *(f"{b.get('marker') or ''} {b['text']}" for b in scan["blocks"])]))
    expected = words(text)
    matcher = difflib.SequenceMatcher(None, expected, got, autojunk=False)
    assert sum(b.size for b in matcher.get_matching_blocks()) >= 0.93 * len(expected)
    # the number and the day are written in by hand on the scan: OCR may misread them ("30" as
    # "80"), and a day that is not a day is no date, never a guess
    assert scan["meta"]["date"] in (None, "2019-08-30")
    assert scan["meta"]["doc_type"] == "NGHỊ ĐỊNH"


def _signed(name: bytes | None, when: bytes | None) -> bytes:
    """A one-page PDF whose form holds one signature field with the given /Name and /M."""
    value = b"<< /Type /Sig /Filter /Adobe.PPKLite" + (b" /Name " + name if name else b"") + \
        (b" /M " + when if when else b"") + b" >>"
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] >> >>", ONE_PAGE,
                 b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
                 b"<< /FT /Sig /T (Signature1) /V 5 0 R >>", value], b"<< /Root 1 0 R /Size 6 >>")


# A signature's /Name and /M as files write them → what the page says (signer, when)
SIGNATURES = [
    (b"<FEFF004E0067007500791EC5006E002000560103006E00200041>", b"(D:20190903093336+07'00')",
     ("Nguyễn Văn A", "03/09/2019 09:33:36 (UTC+07:00)")),
    (b"(Bo Xay dung)", b"(D:20260709112432Z)", ("Bo Xay dung", "09/07/2026 11:24:32 (UTC)")),
    (b"(Nguyen Van B)", b"(D:2026)", ("Nguyen Van B", "01/01/2026")),
    (None, None, (None, None)),  # a signature that names no one: "chưa rõ"
]


@pytest.mark.parametrize("name, when, expected", SIGNATURES)
def test_a_signature_as_the_file_states_it(tmp_path, name, when, expected):
    from vanban.read.signatures import read_signatures

    path = tmp_path / "signed.pdf"
    path.write_bytes(_signed(name, when))
    (signature,) = read_signatures(path)
    assert (signature.signer, signature.when) == expected


# The office files → who signed them and when, as their signatures say (read in a PDF viewer)
SIGNED = [
    ("quyet-dinh-1074-qd-bxd-2026.pdf", [("Lê Minh Long", "08/07/2026 22:03:34 (UTC+07:00)"),
                                         ("Phạm Minh Hà", "09/07/2026 09:29:41 (UTC+07:00)"),
                                         ("BỘ XÂY DỰNG", "09/07/2026 11:24:32 (UTC+07:00)")]),
    ("nghi-dinh-71-2019-nd-cp-ban-quet.pdf", [("Cổng Thông tin điện tử Chính phủ", "03/09/2019 09:33:36 (UTC+07:00)")]),
    ("tb-1894-tb-sct-2026-ban-ky.pdf", []),
]


@pytest.mark.parametrize("name, signed", SIGNED, ids=[s[0] for s in SIGNED])
def test_who_signed_the_office_pdfs(name, signed):
    from vanban.read.signatures import read_signatures

    assert [(s.signer, s.when) for s in read_signatures(corpus("office", name))] == signed


def test_a_pdf_page_offers_its_original_and_says_its_signatures_are_not_verified(tmp_path):
    root = make_project(tmp_path, {})
    (root / "data" / "directives").mkdir()
    shutil.copy(corpus("office", "quyet-dinh-1074-qd-bxd-2026.pdf"), root / "data" / "directives" / "qd-1074.pdf")
    result = run_vanban("--root", str(root), "build")
    assert result.returncode == 0, message_lines(result.stderr)
    page = (root / "docs" / "van-ban" / "quyet-dinh-1074-qd-bxd-2026.md").read_text(encoding="utf-8")
    assert "Bản gốc: [tải tệp PDF](quyet-dinh-1074-qd-bxd-2026.pdf)" in page
    assert "Ký số bởi Phạm Minh Hà lúc 09/07/2026 09:29:41" in page
    assert "Chữ ký số chưa được xác minh" in page and "đã được xác minh" not in page
    assert (root / "site" / "van-ban" / "quyet-dinh-1074-qd-bxd-2026.pdf").read_bytes() == \
        corpus("office", "quyet-dinh-1074-qd-bxd-2026.pdf").read_bytes()
