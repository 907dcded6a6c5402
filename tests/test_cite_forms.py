"""Citations of state documents and the long tail of how people write them (issue 14): a table
of real-looking sentences per form → what the finder reads, and the document it resolves to."""

from __future__ import annotations

import pytest

from conftest import make_project, run_vanban
from vanban.cite.find import find_citations


def _found(text: str) -> list[tuple]:
    return [(c.kind, c.raw) for c in find_citations(text, "p-1", 1, False)]


def _only(text: str):
    cites = find_citations(text, "p-1", 1, False)
    assert len(cites) == 1, [(c.kind, c.raw) for c in cites]
    return cites[0]


# Laws, codes, ordinances and the constitution by name: the name ends where the name ends.
LAWS = [
    ("Căn cứ Luật Đất đai năm 2013;", "Luật Đất đai năm 2013", "Luật", "Luật Đất đai", "2013"),
    ("theo quy định của Luật Đất đai và các văn bản", "Luật Đất đai", "Luật", "Luật Đất đai", None),
    ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
     "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015", "Luật", "Luật Tổ chức chính quyền địa phương",
     "2015-06-19"),
    ("áp dụng Bộ luật Lao động đối với người lao động", "Bộ luật Lao động", "Bộ luật", "Bộ luật Lao động", None),
    ("Căn cứ Pháp lệnh phí và lệ phí;", "Pháp lệnh phí và lệ phí", "Pháp lệnh", "Pháp lệnh Phí và lệ phí", None),
    ("Căn cứ Hiến pháp năm 2013 và", "Hiến pháp năm 2013", "Hiến pháp", "Hiến pháp", "2013"),
    ("Luật sửa đổi, bổ sung một số điều của Luật Đất đai năm 2018 có hiệu lực",
     "Luật sửa đổi, bổ sung một số điều của Luật Đất đai năm 2018", "Luật",
     "Luật sửa đổi, bổ sung một số điều của Luật Đất đai", "2018"),
    ("tuyên truyền Luật Thi đua , Khen thưởng và các quy định", "Luật Thi đua , Khen thưởng", "Luật",
     "Luật Thi đua, Khen thưởng", None),
    ("Căn cứ Luật tổ chức HĐND và UBND ngày 26 tháng 11 năm 2003 ;",
     "Luật tổ chức HĐND và UBND ngày 26 tháng 11 năm 2003", "Luật",
     "Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân", "2003-11-26"),
    # a name the list lacks, closed by its year or date
    ("Luật Hỗ trợ doanh nghiệp nhỏ và vừa năm 2017 đã quy định", "Luật Hỗ trợ doanh nghiệp nhỏ và vừa năm 2017",
     "Luật", "Luật Hỗ trợ doanh nghiệp nhỏ và vừa", "2017"),
    ("Căn cứ Luật hóa chất ngày 21 tháng 11 năm 2007;", "Luật hóa chất ngày 21 tháng 11 năm 2007", "Luật",
     "Luật hóa chất", "2007-11-21"),
    ("Căn cứ Luật Bảo vệ bí mật nhà nước số 29/2018/QH14;", "Luật Bảo vệ bí mật nhà nước số 29/2018/QH14", "Luật",
     "Luật Bảo vệ bí mật nhà nước", "2018"),
]


@pytest.mark.parametrize("text, raw, doc_type, name, date", LAWS)
def test_laws_by_name(text, raw, doc_type, name, date):
    c = _only(text)
    assert (c.kind, c.raw, c.type, c.name, c.date) == ("law", raw, doc_type, name, date)


@pytest.mark.parametrize("text", [
    "Luật này có hiệu lực thi hành từ năm 2015",              # "này": the text's own law
    "theo Luật Abc xyz của Quốc hội năm 2014",                # an unlisted name may not hold "của"
    "Sửa đổi hiến pháp và pháp luật; phương hướng bầu cử",    # a subject, not a citation
    "xử lý kỷ luật 21 đảng viên",                             # "luật 21" is a count
    "theo luật định và",
])
def test_not_a_law(text):
    assert [c for c in _found(text) if c[0] in ("law", "short")] == []


# Number and year without a symbol; short forms.
SHORT = [
    ("theo Nghị định số 06 năm 2021 của Chính phủ về", "Nghị định số 06 năm 2021 của Chính phủ",
     dict(type="Nghị định", number="06", date="2021", issuer="Chính phủ")),
    ("Nghị định 77 quy định", "Nghị định 77", dict(type="Nghị định", number="77", date=None, issuer=None)),
    ("Quyết định số 13 đã nêu", "Quyết định số 13", dict(type="Quyết định", number="13")),
    ("Chỉ thị 17 của Ban Bí thư về", "Chỉ thị 17 của Ban Bí thư", dict(type="Chỉ thị", number="17", issuer="Ban Bí thư")),
    ("Thông tri 12 của Tỉnh uỷ tiếp tục", "Thông tri 12 của Tỉnh uỷ", dict(type="Thông tri", number="12", issuer="Tỉnh ủy")),
]


@pytest.mark.parametrize("text, raw, fields", SHORT)
def test_short_forms(text, raw, fields):
    c = _only(text)
    assert (c.kind, c.raw) == ("short", raw)
    assert {k: getattr(c, k) for k in fields} == fields


@pytest.mark.parametrize("text", ["Phó trưởng Phòng Tài chính – Kế hoạch 02 đồng chí, Phó Giám đốc",
                                  "Kế hoạch 5 năm giai đoạn 2021 - 2025"])
def test_a_count_is_not_a_short_form(text):
    assert _found(text) == []


# Symbols as people write them.
SYMBOLS = [
    ("theo quyết định số 15/qđ-ubnd ngày 3/2/2020", "15/QĐ-UBND", "Quyết định", "2020-02-03"),
    ("Quyết định số 77/2006/QĐ.UBND ngày 17/8/2006", "77/2006/QĐ-UBND", "Quyết định", "2006-08-17"),
    ("Quyết định số 77/2006/QĐ - UBND ngày 17/8/2006", "77/2006/QĐ-UBND", "Quyết định", "2006-08-17"),
    ("Tờ trình Liên sở số 2909/TTr . LS-TC-YT ngày 08 tháng 11 năm 2006", "2909/TTr-LS-TC-YT", "Tờ trình", "2006-11-08"),
    ("Chỉ thị số 19-CT / TU ngày 31/12/2009", "19-CT/TU", "Chỉ thị", "2009-12-31"),
    ("Kế hoạch số : 40/KH-UBND ngày 10-4-2012", "40/KH-UBND", "Kế hoạch", "2012-04-10"),
    ("Nghị quyết số 30a/2008/NQ-CP ngày 27/12/2008", "30a/2008/NQ-CP", "Nghị quyết", "2008-12-27"),
    ("Thông tư liên tịch số 03/2006/TTLT-BYT-BTC-BLĐTB&XH ngày 26/01/2006", "03/2006/TTLT-BYT-BTC-BLĐTB&XH",
     "Thông tư liên tịch", "2006-01-26"),
    ("Thông tư số 14/TTLB ngày 30/9/1995", "14/TTLB", "Thông tư liên tịch", "1995-09-30"),
    ("Nghị định số 95/CP ngày 27/8/1994", "95/CP", "Nghị định", "1994-08-27"),
    ("Công văn số 61/HĐND-TH ngày 27/10/2006", "61/HĐND-TH", "Công văn", "2006-10-27"),
    ("Tờ trình số 63/SXD-TTr ngày 02/11/2006", "63/SXD-TTr", "Tờ trình", "2006-11-02"),
    ("Chỉ thị số 06/2009/UBND ngày 06 tháng 5 năm 2009", "06/2009/UBND", "Chỉ thị", "2009-05-06"),
    ("Quyết định số 12/QÐ-UBND ngày 5/3/2019", "12/QĐ-UBND", "Quyết định", "2019-03-05"),  # Ð (U+00D0)
    ("Công điện số 05/CĐ-TTg ngày 12/3/2020", "05/CĐ-TTg", "Công điện", "2020-03-12"),
]


@pytest.mark.parametrize("text, symbol, doc_type, date", SYMBOLS)
def test_symbol_variants(text, symbol, doc_type, date):
    c = _only(text)
    assert (c.symbol, c.type, c.date) == (symbol, doc_type, date)


@pytest.mark.parametrize("text", ["chiếm 1/2 dân số và 3/4 diện tích", "từ 15/3 đến 20/3", "tỷ lệ 86/150 đảng viên"])
def test_fractions_and_days_are_no_symbols(text):
    assert _found(text) == []


# Types beyond the Party list.
@pytest.mark.parametrize("text, doc_type", [
    ("Thông tư số 10/2025/TT-BTC ngày 1/3/2025", "Thông tư"),
    ("Thông tư liên tịch số 01/2015/TTLT-BNV-BTC", "Thông tư liên tịch"),
    ("Thông tri số 12-TT/TU ngày 3/4/2010", "Thông tri"),
    ("Tờ trình số 45/TTr-UBND ngày 1/6/2020", "Tờ trình"),
    ("Công điện số 05/CĐ-TTg ngày 12/3/2020", "Công điện"),
    ("Đề án số 02/ĐA-UBND ngày 10-10-2013", "Đề án"),
    ("Thông báo kết luận số 15-TB/TW ngày 1/2/2022", "Thông báo"),
    ("Báo cáo số 12-BC/TU ngày 5/1/2021", "Báo cáo"),
])
def test_types_beyond_the_party_list(text, doc_type):
    assert _only(text).type == doc_type


# Resolutions named by their meeting.
MEETINGS = [
    ("quán triệt Nghị quyết Hội nghị lần thứ 11 Ban Chấp hành Trung ương Đảng khóa XIII.", "conference",
     dict(conference=11, term="XIII")),
    ("thực hiện Nghị quyết Hội nghị Thành uỷ lần thứ 18 khoá VIII , và", "plenum",
     dict(conference=18, term="VIII", issuer="Thành ủy")),
    ("Nghị quyết Hội nghị lần thứ 5 Ban Chấp hành Đảng bộ tỉnh khóa XVI về", "plenum",
     dict(conference=5, term="XVI", issuer="Tỉnh ủy")),
    ("Nghị quyết Đại hội Đảng toàn quốc lần thứ X đã xác định", "congress", dict(number="X", issuer_scope="central")),
    ("Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Quảng Trị lần thứ XVII, nhiệm kỳ 2020 - 2025", "congress",
     dict(number="XVII", issuer="Tỉnh ủy")),
    ("Nghị quyết Đại hội XIII của Đảng", "congress", dict(number="XIII")),
    ("Nghị quyết Đại hội Đảng bộ huyện lần thứ 20", "congress", dict(number="XX", issuer="Huyện ủy")),
]


@pytest.mark.parametrize("text, kind, fields", MEETINGS)
def test_resolutions_named_by_their_meeting(text, kind, fields):
    c = _only(text)
    assert c.kind == kind
    assert {k: getattr(c, k) for k in fields} == fields


@pytest.mark.parametrize("text", ["chào mừng Đại hội XIII của Đảng", "Nghị quyết Đại hội Đảng các cấp nhiệm kỳ 2020 - 2025"])
def test_a_congress_is_not_its_resolution(text):
    assert _found(text) == []


# The issuer before the type word.
@pytest.mark.parametrize("text, issuer", [
    ("Năm 2019, UBND tỉnh đã ban hành Quyết định số 1234/QĐ-UBND ngày 5/3/2019 về", "UBND tỉnh"),
    ("HĐND tỉnh đã có Nghị quyết số 15/2020/NQ-HĐND về", "HĐND tỉnh"),
    ("Bộ Tài chính ban hành Thông tư số 10/2025/TT-BTC", "Bộ Tài chính"),
    ("UBND tỉnh ban hành Quyết định số 12/QĐ-UBND của Chủ tịch", "UBND tỉnh"),
])
def test_issuer_before_the_type(text, issuer):
    assert _only(text).issuer == issuer


# Dates.
@pytest.mark.parametrize("text, date", [
    ("Nghị quyết số 57-NQ/TW ngày 22.12.2024 của Bộ Chính trị", "2024-12-22"),
    ("Chỉ thị số 10-CT/TW ngày 5/3/2019", "2019-03-05"),
    ("Quyết định số 55/2004/QĐ-BNN ngày 01 tháng 11 năm 2004", "2004-11-01"),
    ("Nghị quyết số 23/2011/NQ-HĐND ngày 15-12-2011", "2011-12-15"),
])
def test_dates(text, date):
    assert _only(text).date == date


def test_a_date_that_is_not_a_date_is_kept_and_reported(tmp_path):
    c = _only("Quyết định số 17/QĐ-UBND ngày 1718/2006 của UBND tỉnh")
    assert (c.date, c.date_raw, c.issuer) == (None, "ngày 1718/2006", "UBND tỉnh")
    root = make_project(tmp_path, {"r.txt": REPORT})
    result = run_vanban("--root", str(root), "check", "--json")
    import json

    kinds = {f["kind"]: f for f in json.loads(result.stdout)}
    assert "1718/2006" in kinds["citation-bad-date"]["message"]
    assert kinds["citation-code-type"]["stated"].startswith("Tờ trình số 2219/TT-UBND")
    assert "Nghị định 77" in kinds["citation-unresolved"]["message"]


REPORT = ("THÀNH ỦY ĐÔNG HÀ\nSố 12-BC/TU\nĐông Hà, ngày 5 tháng 1 năm 2021\nBÁO CÁO\nvề việc thử\n-----\n"
          "I. KẾT QUẢ\nThực hiện Nghị định 77 và Quyết định số 17/QĐ-UBND ngày 1718/2006 của UBND tỉnh; "
          "Tờ trình số 2219/TT-UBND ngày 04/10/2006 của UBND tỉnh.\n")


# Identity: what each resolves to, in one report dated January 2021.
IDENTITY = ("THÀNH ỦY ĐÔNG HÀ\nSố 12-BC/TU\nĐông Hà, ngày 5 tháng 1 năm 2021\nBÁO CÁO\nvề việc thử\n-----\n"
            "I. KẾT QUẢ\n"
            "Luật Đất đai 2003 và Luật Đất đai 2013 là hai văn bản.\n"
            "Theo Luật Tổ chức chính quyền địa phương và Luật Quy hoạch.\n"
            "Thực hiện Nghị định số 06 năm 2021 của Chính phủ; Chỉ thị 17 của Ban Bí thư.\n"
            "Chỉ thị 34-TB/TW của Ban Bí thư về việc thử.\n")


def test_what_each_form_resolves_to(tmp_path):
    import json

    root = make_project(tmp_path, {"r.txt": IDENTITY})
    result = run_vanban("--root", str(root), "citations", str(root / "data" / "reports" / "r.txt"))
    assert result.returncode == 0, result.stderr
    got = {c["raw"]: c["directive"] for c in json.loads(result.stdout)}
    assert got == {
        "Luật Đất đai 2003": "luat-dat-dai-2003",
        "Luật Đất đai 2013": "luat-dat-dai-2013",
        # no year: the version in force on the report's date
        "Luật Tổ chức chính quyền địa phương": "luat-to-chuc-chinh-quyen-dia-phuong-2015",
        "Luật Quy hoạch": "luat-quy-hoach-2017",
        "Nghị định số 06 năm 2021 của Chính phủ": "nghi-dinh-06-chinh-phu-2021",
        "Chỉ thị 17 của Ban Bí thư": "chi-thi-17-ban-bi-thu",
        # TB is a Thông báo's code: kept as written, not the catalog's Chỉ thị 34-CT/TW
        "Chỉ thị 34-TB/TW của Ban Bí thư": "chi-thi-34-tb-tw",
    }


def test_documents_known_by_name_have_their_own_page(tmp_path):
    """Điều lệ Đảng and the Cương lĩnh, by the catalog's `names`; a Cương lĩnh named without its
    year is not guessed."""
    import json

    text = ("THÀNH ỦY ĐÔNG HÀ\nSố 12-BC/TU\nĐông Hà, ngày 5 tháng 1 năm 2021\nBÁO CÁO\nvề việc thử\n-----\n"
            "I. KẾT QUẢ\nHọc tập Cương lĩnh xây dựng đất nước trong thời kỳ quá độ lên chủ nghĩa xã hội "
            "(bổ sung, phát triển năm 2011) và Điều lệ Đảng; so sánh với Cương lĩnh năm 1991 và Cương lĩnh "
            "chính trị.\n")
    root = make_project(tmp_path, {"r.txt": text}, seed=True)
    result = run_vanban("--root", str(root), "citations", str(root / "data" / "reports" / "r.txt"))
    got = [(c["kind"], c["directive"]) for c in json.loads(result.stdout)]
    assert sorted(got) == [("name", "cuong-linh-1991"), ("name", "cuong-linh-2011"), ("name", "dieu-le-dang-2011")]
