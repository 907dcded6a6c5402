"""Small hand-made texts, one per edge of the Word-text export format."""

from __future__ import annotations

from pathlib import Path

import pytest

from vanban.read import read_report

HEADER = "ĐẢNG BỘ TỈNH X\nHUYỆN ỦY Y\n*\nSố 12-BC/HU\n\tĐẢNG CỘNG SẢN VIỆT NAM\nY, ngày 5 tháng 3 năm 2022\n\nBÁO CÁO\nvề việc thử\n-----\n"


def _read(tmp_path: Path, text: str):
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    return read_report(path)


def _kinds(report) -> list[tuple]:
    return [(b.kind, b.number, b.anchor) for b in report.blocks]


@pytest.mark.parametrize(
    "line, expected",
    [
        ("I. KẾT QUẢ", ("heading", 1, "I")),
        ("IV. NHIỆM VỤ NĂM TỚI", ("heading", 1, "IV")),
        ("2. Kết quả cụ thể trên từng lĩnh vực", ("heading", 2, "2")),
        ("2.2. Công tác tổ chức xây dựng Đảng", ("heading", 3, "2.2")),
        ("2.2.Tiếp tục đổi mới, nâng cao chất lượng", ("heading", 3, "2.2")),
        ("2.5. Tăng cường công tác nội chính; tiếp công dân", ("heading", 3, "2.5")),
        # a long numbered paragraph that merely starts with a number
        ("1.1.Phát huy kết quả đạt được. Ban Chấp hành đã xác định chủ đề năm", ("paragraph", None, "1.1")),
        ("1.5. Ban Thường vụ tiến hành kiểm tra 06 tổ chức đảng.", ("paragraph", None, "1.5")),
        ("1.1.100% tổ chức cơ sở đảng học tập nghị quyết", ("paragraph", None, "1.1")),
        ("1.Việc triển khai học tập " + "các nghị quyết " * 20, ("paragraph", None, "1")),
        ("- Đẩy mạnh việc đa dạng hóa", ("bullet", None, None)),
        ("+ Đối với TCCS đảng: có 42/49", ("bullet", None, None)),
        ("Năm 2020 là năm cuối.", ("paragraph", None, None)),
    ],
)
def test_line_kinds(tmp_path, line, expected):
    block = _read(tmp_path, HEADER + line + "\n").blocks[-1]
    kind, level, number = expected
    assert block.kind == kind
    assert block.number == number
    if kind == "heading":
        assert block.level == level


def test_header_fields_and_body_start(tmp_path):
    r = _read(tmp_path, HEADER + "Mở đầu.\n")
    assert r.meta.issuer == ["ĐẢNG BỘ TỈNH X", "HUYỆN ỦY Y"]
    assert (r.meta.number, r.meta.symbol) == ("12", "BC/HU")
    assert (r.meta.place, r.meta.date) == ("Y", "2022-03-05")
    assert r.meta.title == "về việc thử" and r.title == "Báo cáo về việc thử"
    assert [b.text for b in r.blocks] == ["Mở đầu."]


# A text with no header block → its title (None: no title line, all is body) and first block.
NO_HEADER = [
    ("Chỉ thị về thực hiện nhiệm vụ quốc phòng năm 2010\nNội dung thứ nhất.\n",
     "Chỉ thị về thực hiện nhiệm vụ quốc phòng năm 2010", "Nội dung thứ nhất."),
    ("“Hội nghị quán triệt Nghị quyết”\nNội dung.\n", "“Hội nghị quán triệt Nghị quyết”", "Nội dung."),
    ("Đây là một câu trọn vẹn.\nCâu thứ hai.\n", None, "Đây là một câu trọn vẹn."),
    ("1. Mục một\nNội dung.\n", None, "Mục một"),
    ("Chỉ một dòng\n", None, "Chỉ một dòng"),
]


@pytest.mark.parametrize("text, title, first", NO_HEADER)
def test_text_without_header_block(tmp_path, text, title, first):
    r = _read(tmp_path, text)
    assert r.meta.doc_type is None and r.meta.title == title
    assert [h.text for h in r.header] == ([title] if title else [])
    assert r.blocks[0].text == first
    assert r.title.startswith(title or first.split()[0])


def test_anchors_are_positional_and_stable(tmp_path):
    text = HEADER + "I. MỘT\n1. Hai\nA.\nB.\n- c\nII. BA\nD.\n***\nCuối.\n"
    r = _read(tmp_path, text)
    assert [b.anchor for b in r.blocks] == [
        "muc-i", "muc-i-1", "p-i-1-1", "p-i-1-2", "p-i-1-3", "muc-ii", "p-ii-1", "p-cuoi-0", "p-cuoi-1"]
    edited = _read(tmp_path, text.replace("A.", "A đã sửa, dài hơn nhiều."))
    assert [b.anchor for b in edited.blocks] == [b.anchor for b in r.blocks]


def test_footnote_body_with_brackets_and_quotes(tmp_path):
    r = _read(tmp_path, HEADER + 'Văn bản[footnoteRef:3] tiếp. [3: Theo “Quy định [số 1]” (bản [a]) của X.]\n')
    assert [f.text for f in r.footnotes] == ["Theo “Quy định [số 1]” (bản [a]) của X."]
    assert r.blocks[0].text == "Văn bản tiếp."
    assert [(ref.offset, ref.number) for ref in r.blocks[0].refs] == [(7, 3)]


def test_several_bodies_after_one_paragraph(tmp_path):
    r = _read(tmp_path, HEADER + "A[footnoteRef:1] b[footnoteRef:2] c. [1: Một.]  [2: Hai [x].] \n")
    assert {f.number: f.text for f in r.footnotes} == {1: "Một.", 2: "Hai [x]."}
    assert r.blocks[0].text == "A b c."


def test_body_running_past_the_end_of_the_line(tmp_path):
    r = _read(tmp_path, HEADER + "Đoạn[footnoteRef:5]. [5: dòng một\ndòng hai…\n] \nĐoạn sau.\n")
    assert r.footnotes[0].text == "dòng một\ndòng hai…"
    assert [b.text for b in r.blocks] == ["Đoạn.", "Đoạn sau."]


def test_marker_without_body_is_kept_with_warning(tmp_path):
    r = _read(tmp_path, HEADER + "Có dấu[footnoteRef:7] mà không có chú thích.\n")
    assert "[footnoteRef:7]" in r.blocks[0].text
    warnings = [d for d in r.diagnostics if d.code == "footnote-no-body"]
    assert len(warnings) == 1 and warnings[0].line == 11 and warnings[0].severity == "warning"


def test_body_without_marker_is_kept_with_warning(tmp_path):
    r = _read(tmp_path, HEADER + "Đoạn văn. [9: chú thích lạc.]\n")
    assert r.footnotes == []
    assert "[9: chú thích lạc.]" in r.blocks[0].text
    assert [d.line for d in r.diagnostics if d.code == "footnote-orphan-body"] == [11]


def test_unclosed_body_runs_to_paragraph_end_with_warning(tmp_path):
    r = _read(tmp_path, HEADER + "A[footnoteRef:2]. [2: không đóng ngoặc\n")
    assert r.footnotes[0].text == "không đóng ngoặc"
    assert any(d.code == "footnote-unclosed" for d in r.diagnostics)


def test_nfd_lookalikes_and_artefacts(tmp_path):
    import unicodedata

    nfd = unicodedata.normalize("NFD", "Nghị quyết")
    r = _read(tmp_path, HEADER + f"[bookmark: _GoBack]Ðảng và {nfd} ðã\n")
    assert r.blocks[0].text == "Đảng và Nghị quyết đã"
    codes = sorted(d.code for d in r.diagnostics)
    assert codes == ["lookalike", "nfd", "word-artefact"]


# Numbering as real exports write it → the blocks: (kind, anchor, numbering as written, text).
NUMBERING = [
    ("I . tình hình nhà ở của hộ nghèo :\nNội dung.\n",
     [("heading", "muc-i", "I .", "tình hình nhà ở của hộ nghèo :"), ("paragraph", "p-i-1", None, "Nội dung.")]),
    ("I. Một\nIi. mục đích yêu cầu\nIii. nội dung thực hiện\n",
     [("heading", "muc-i", "I.", "Một"), ("heading", "muc-ii", "Ii.", "mục đích yêu cầu"),
      ("heading", "muc-iii", "Iii.", "nội dung thực hiện")]),
    ("1 .\nQuán triệt thực hiện tốt các chủ trương :\nNội dung.\n2 . Nâng cao chất lượng\n",
     [("heading", "muc-1", "1 .", "Quán triệt thực hiện tốt các chủ trương :"), ("paragraph", "p-1-1", None, "Nội dung."),
      ("heading", "muc-2", "2 .", "Nâng cao chất lượng")]),
    ("II.\n(1) bắt đầu bằng ngoặc\n", [("paragraph", "p-0-1", None, "II."), ("paragraph", "p-0-2", None,
                                                                            "(1) bắt đầu bằng ngoặc")]),
]


@pytest.mark.parametrize("body, expected", NUMBERING)
def test_numbering_as_written(tmp_path, body, expected):
    r = _read(tmp_path, HEADER + body)
    assert [(b.kind, b.anchor, b.marker if b.kind == "heading" else None, b.text) for b in r.blocks] == expected


@pytest.mark.parametrize("line, date", [
    ("Hà Nội, ngày 30 tháng 8 năm 2019", "2019-08-30"),
    ("Hà Nội, ngày 80 tháng 8 năm 2019", None),  # OCR read "30" as "80": not a day
    ("Hà Nội, ngày 29 tháng 2 năm 2023", None),
    ("Hà Nội, ngày 29 tháng 2 năm 2024", "2024-02-29"),
    ("Hà Nội, ngày   tháng 13 năm 2024", None),
])
def test_a_header_date_that_is_not_a_day_is_no_date(tmp_path, line, date):
    from vanban.read import read_report

    path = tmp_path / "r.txt"
    path.write_text(f"CHI BỘ X\nSố 01-BC/CB\n{line}\nBÁO CÁO\nvề việc thử\n-----\nI. MỘT\nĐoạn.\n", encoding="utf-8")
    assert read_report(path).meta.date == date
