"""Word .docx reports: the same document model as the text export, real footnotes, tables,
legacy fonts, and one clear error for files that are not Word documents."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from conftest import SEED, make_project, run_vanban, message_lines
from vanban.cite.find import find_in_report
from vanban.read import read_report

FIXTURES = Path(__file__).parent / "fixtures"


def test_fixtures_are_what_the_script_makes(tmp_path):
    """The committed .docx files come from make_docx.py, byte for byte."""
    import sys

    sys.path.insert(0, str(FIXTURES))
    import make_docx

    make_docx.main(tmp_path)
    for made in sorted(tmp_path.iterdir()):
        assert made.read_bytes() == (FIXTURES / made.name).read_bytes(), made.name


def test_seed_docx_gives_the_same_model_as_the_text_export():
    text, docx = read_report(SEED), read_report(FIXTURES / "seed.docx")
    assert docx.meta == text.meta
    assert [(h.level, h.number, h.text) for h in docx.headings] == [(h.level, h.number, h.text) for h in text.headings]
    assert [(f.number, f.text) for f in docx.footnotes] == [(f.number, f.text) for f in text.footnotes]
    assert [(b.kind, b.anchor, b.text) for b in docx.blocks] == [(b.kind, b.anchor, b.text) for b in text.blocks]
    cites = lambda r: [(c.raw, c.container, c.start, c.end) for c in find_in_report(r)]  # noqa: E731
    assert cites(docx) == cites(text)
    assert len(docx.footnotes) == 19 and docx.footnotes[0].number == 2


def test_small_docx_features():
    r = read_report(FIXTURES / "small.docx")
    assert r.meta.issuer == ["ĐẢNG BỘ TỈNH X", "HUYỆN ỦY Y"] and r.meta.date == "2022-03-05"
    by_anchor = {b.anchor: b for b in r.blocks}
    assert [(h.level, h.number, h.text) for h in r.headings] == [
        (1, "I", "KẾT QUẢ"), (2, "1", "Công tác chính trị"), (3, "1.1", "Học tập nghị quyết"),
        (2, "2", "Đạo tạo lại"), (3, "2.1", "Mục con mới"), (1, "II", "KHÓ KHĂN")]
    assert by_anchor["p-i-1-1-2"].kind == "bullet" and by_anchor["p-i-1-1-2"].marker == "-"
    assert by_anchor["p-i-1-1-3"].marker == "+"
    table = by_anchor["p-i-1-1-4"]
    assert table.kind == "table" and table.rows[2] == ["HTTNV | có gạch", "127"]
    assert by_anchor["p-i-1-1-5"].text == "Chữ giữ lại"  # the tracked deletion is not text
    assert by_anchor["p-i-1-1-6"].text == "Cộng hoà xã hội chủ nghĩa Việt Nam và Đảng bộ"
    assert [f.number for f in r.footnotes] == [2] and r.blocks[3].refs[0].number == 2
    assert {d.code for d in r.diagnostics} == {"legacy-font"}


def test_docx_report_builds_with_its_table_and_check_reports_the_conversion(tmp_path):
    root = make_project(tmp_path)
    shutil.copy(FIXTURES / "small.docx", root / "data" / "reports" / "small.docx")
    result = run_vanban("--root", str(root), "build")
    assert result.returncode == 0, result.stderr
    page = (root / "site" / "bao-cao" / "small" / "index.html").read_text(encoding="utf-8")
    assert '<div class="vb-table" id="p-i-1-1-4">' in page and "<table>" in page
    assert "<td>HTTNV &#124; có gạch</td>" in page and "<td>127</td>" in page
    assert "Cộng hoà xã hội chủ nghĩa Việt Nam" in page
    check = run_vanban("--root", str(root), "check")
    assert "phông cũ" in check.stdout and "small.docx" in check.stdout


@pytest.mark.parametrize(
    "name, needle",
    [
        ("not-a-zip.docx", "không phải tệp .docx"),
        ("not-word.docx", "không phải tài liệu Word"),
        ("old-doc.docx", "tệp Word .doc cũ"),
        ("encrypted.docx", "tệp Word có mật khẩu"),
    ],
)
def test_bad_docx_is_one_clear_error(name, needle):
    result = run_vanban("parse", str(FIXTURES / name), "--json")
    assert result.returncode == 1 and "internal error" not in result.stderr
    lines = message_lines(result.stderr)
    assert len(lines) == 1 and name in lines[0] and needle in lines[0]


@pytest.mark.parametrize("before", ["", "<w:p/>", "<w:p/><w:p><w:r><w:t xml:space=\"preserve\"> </w:t></w:r></w:p>"])
def test_the_header_table_after_empty_paragraphs(tmp_path, before):
    """Word and LibreOffice often put an empty paragraph before the header table: still the
    header (issuer and number, then motto, place and date)."""
    sys.path.insert(0, str(FIXTURES))
    import make_docx

    header = make_docx.table([["THÀNH ỦY ĐÔNG HÀ\nSố 12-BC/TU", "ĐẢNG CỘNG SẢN VIỆT NAM\nĐông Hà, ngày 5 tháng 1 năm 2021"]])
    body = before + header + "".join(make_docx.paragraph(make_docx.run(t)) for t in ("BÁO CÁO", "về việc thử", "I. MỘT"))
    path = tmp_path / "r.docx"
    make_docx.package(path, body, {})
    meta = read_report(path).meta
    assert (meta.issuer, meta.full_symbol, meta.date) == (["THÀNH ỦY ĐÔNG HÀ"], "12-BC/TU", "2021-01-05")
