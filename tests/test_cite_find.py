"""The citation finder, table-driven: each form a report uses, and the traps."""

from __future__ import annotations

import pytest

from vanban.cite.find import find_citations


def _find(text: str):
    return find_citations(text, "p-1", 1, False)


def _one(text: str):
    cites = [c for c in _find(text) if c.kind != "short"]
    assert len(cites) == 1, [c.raw for c in cites]
    return cites[0]


@pytest.mark.parametrize(
    "text, raw, fields",
    [
        ("thực hiện Chỉ thị số 35-CT/TW ngày 30/5/2019 của Bộ Chính trị“Về Đại hội đảng bộ các cấp”, và",
         "Chỉ thị số 35-CT/TW ngày 30/5/2019 của Bộ Chính trị",
         dict(type="Chỉ thị", number="35", symbol="35-CT/TW", date="2019-05-30", issuer="Bộ Chính trị",
              title="Về Đại hội đảng bộ các cấp")),
        ("theo Hướng dẫn số 05-HD / BTCTW ngày 25-5-2007 của Ban Tổ chức Trung ương về nội dung",
         "Hướng dẫn số 05-HD / BTCTW ngày 25-5-2007 của Ban Tổ chức Trung ương",
         dict(type="Hướng dẫn", symbol="05-HD/BTCTW", date="2007-05-25", issuer="Ban Tổ chức Trung ương",
              topic="nội dung")),
        ("Công văn số 3398-CV/BTGTU ngày 25 tháng 9 năm 2023 của Ban Tuyên giáo Thành ủy về khai thác",
         "Công văn số 3398-CV/BTGTU ngày 25 tháng 9 năm 2023 của Ban Tuyên giáo Thành ủy",
         dict(type="Công văn", date="2023-09-25", issuer="Ban Tuyên giáo Thành ủy")),
        ("Quyết định số 687-QĐ/TU ngày 05/7/2019 của BTV Thành ủy về thành lập tổ công tác",
         "Quyết định số 687-QĐ/TU ngày 05/7/2019 của BTV Thành ủy",
         dict(issuer="Ban Thường vụ Thành ủy", issuer_scope="city", topic="thành lập tổ công tác")),
        ("Chỉ thị số 34-CT/TW của Ban Bí thư -khóa X về “Tăng cường đấu tranh “diễn biến hòa bình” trên mạng”;",
         "Chỉ thị số 34-CT/TW của Ban Bí thư -khóa X",
         dict(term="X", issuer="Ban Bí thư", title="Tăng cường đấu tranh “diễn biến hòa bình” trên mạng")),
        ("Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng khóa XI “vềtăng cường”",
         "Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng khóa XI",
         dict(term="XI", issuer="Ban Chấp hành Trung ương", title="vềtăng cường")),
        ("Chỉ thị số 16-CT / TW của Ban Bí thư Trung ương ( khoá IX ) về tăng cường",
         "Chỉ thị số 16-CT / TW của Ban Bí thư Trung ương ( khoá IX )", dict(term="IX", symbol="16-CT/TW")),
        ("Nghị quyết số 25- NQ/TW của Ban Chấp hành Trung ương khóa IX về công tác tôn giáo",
         "Nghị quyết số 25- NQ/TW của Ban Chấp hành Trung ương khóa IX", dict(symbol="25-NQ/TW", term="IX")),
        ("Quy định số 10-QĐi/TU, ngày 10/5/2019 của Thành ủy “Về trách nhiệm nêu gương”",
         "Quy định số 10-QĐi/TU, ngày 10/5/2019 của Thành ủy", dict(code="QĐi", issuer="Thành ủy")),
        ("Chương trình số 01-CTr/TU ngày 5/1/2021", "Chương trình số 01-CTr/TU ngày 5/1/2021",
         dict(type="Chương trình", code="CTr")),
        ("Nghị quyết số 06/2013/NQ-HĐND ngày 31/5/2013 của HĐND tỉnh;",
         "Nghị quyết số 06/2013/NQ-HĐND ngày 31/5/2013 của HĐND tỉnh",
         dict(number="06/2013", symbol="06/2013/NQ-HĐND", state=True, issuer="HĐND tỉnh")),
        ("Nghị định số 123/2020/NĐ-CP của Chính phủ", "Nghị định số 123/2020/NĐ-CP của Chính phủ",
         dict(type="Nghị định", symbol="123/2020/NĐ-CP", issuer="Chính phủ")),
        ("Quyết định số 15/QĐ-UBND ngày 2/3/2020", "Quyết định số 15/QĐ-UBND ngày 2/3/2020",
         dict(symbol="15/QĐ-UBND", suffix="UBND")),
        ("Luật số 17/2008/QH12 ban hành", "Luật số 17/2008/QH12", dict(type="Luật", symbol="17/2008/QH12")),
        ("thực hiệnQuyết định số 399-QĐ/TU ngày 18/11/2016", "Quyết định số 399-QĐ/TU ngày 18/11/2016",
         dict(type="Quyết định")),
        ("và vàChỉ thị 05-CT/TW của Bộ Chính trị", "Chỉ thị 05-CT/TW của Bộ Chính trị", dict(kind="full")),
        ("chương trình hành động số 06-CT / TU ngày 12/01/2009 của Thành uỷ",
         "chương trình hành động số 06-CT / TU ngày 12/01/2009 của Thành uỷ",
         dict(type="Chương trình", issuer="Thành ủy")),
        ("theo 35-NQ/TW của Bộ Chính trị", "35-NQ/TW của Bộ Chính trị", dict(kind="bare", type="Nghị quyết")),
        ("Nghị quyết Trung ương 4, khóa XII và", "Nghị quyết Trung ương 4, khóa XII",
         dict(kind="conference", conference=4, term="XII")),
        ("Nghị quyết TW 4 (khóa XII).", "Nghị quyết TW 4 (khóa XII)", dict(kind="conference", term="XII")),
        ("Nghị quyết TW 4 khóa XIIvà Chỉ", "Nghị quyết TW 4 khóa XII", dict(kind="conference", term="XII")),
        ("Nghị quyết Hội nghị Trung ương 6, khóa XII và", "Nghị quyết Hội nghị Trung ương 6, khóa XII",
         dict(conference=6)),
    ],
)
def test_forms(text, raw, fields):
    c = _one(text)
    assert c.raw == raw
    assert text[c.start : c.end] == raw
    for name, value in fields.items():
        assert getattr(c, name) == value, name


def test_lookalike_and_nfd_symbols_are_read_through_the_reader(tmp_path):
    import unicodedata

    from vanban.read import read_report
    from vanban.cite.find import find_in_report

    path = tmp_path / "r.txt"
    path.write_text(unicodedata.normalize("NFD", "Theo Quyết định số 12-QÐ/TU ngày 1/2/2019 của Thành ủy.\n"),
                    encoding="utf-8")
    cites = find_in_report(read_report(path))
    assert [(c.symbol, c.date, c.issuer) for c in cites] == [("12-QĐ/TU", "2019-02-01", "Thành ủy")]


def test_enumeration_shares_the_type_word():
    cites = _find("Nghị quyết số 18-NQ/TW, 19-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương")
    assert [(c.kind, c.type, c.symbol) for c in cites] == [
        ("full", "Nghị quyết", "18-NQ/TW"), ("enumerated", "Nghị quyết", "19-NQ/TW")]
    assert cites[1].date == "2017-10-25"


def test_enumeration_with_repeated_type_words():
    cites = _find('Nghị quyết số 18-NQ/TW ngày 25/10/2017 "Về a"; Nghị quyết số 19-NQ/TW ngày 25/10/2017 "Về b"')
    assert [(c.kind, c.symbol, c.title) for c in cites] == [
        ("full", "18-NQ/TW", "Về a"), ("full", "19-NQ/TW", "Về b")]


def test_citations_inside_a_quoted_title():
    text = ("Kế hoạch số 115-KH/TU ngày 19/8/2019 của Thành ủy về“Thực hiện Chỉ thị số 35-CT/TW ngày "
            "30/5/2019 của Bộ Chính trị về đại hội”; xong")
    outer, inner = _find(text)
    assert outer.title.startswith("Thực hiện Chỉ thị số 35-CT/TW")
    assert inner.symbol == "35-CT/TW" and inner.in_title_of == 0 and inner.implements


def test_short_forms_are_candidates():
    kinds = [(c.kind, c.raw) for c in _find("Chỉ thị 05 và Nghị quyết số 35 năm 2019")]
    assert kinds == [("short", "Chỉ thị 05"), ("short", "Nghị quyết số 35 năm 2019")]


@pytest.mark.parametrize(
    "text",
    [
        "triển khai thực hiện các nghị quyết, chỉ thị của Đảng",
        "chào mừng Đại hội XIII của Đảng, Đại hội đại biểu toàn quốc lần thứ XIII",
        "học tập Nghị quyết Đại hội Đảng các cấp nhiệm kỳ 2020 - 2025",
        "kỷ niệm 90 năm (03/02/1930 - 03/02/2020), ngày 30/4/1975",
        "tỷ lệ 42/49 TCCS đảng, 86/150 đảng viên",
    ],
)
def test_traps_give_no_citation(text):
    assert [c for c in _find(text) if c.kind != "short"] == []
