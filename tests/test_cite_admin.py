"""Citations in administrative writing (issue 34): letters with the issuer's code in their
symbol, laws no list holds, dotted and suffixed numbers, bare numbers, broken lines, OCR noise,
documents named before their number. Tables of invented sentences → what the finder reads, each
form with its negatives; then what a report's page and `vanban check` make of a bare number."""

from __future__ import annotations

import json

import pytest

from conftest import make_project, run_vanban
from vanban.cite.find import find_citations


def _cites(text: str) -> list:
    return find_citations(text, "p-1", 1, False)


def _only(text: str):
    cites = _cites(text)
    assert len(cites) == 1, [(c.kind, c.raw) for c in cites]
    return cites[0]


# Letters and other documents whose symbol carries the issuer's code: raw, type, number, symbol,
# issuer (said, or read off the code), date.
LETTERS = [
    ("Thực hiện Văn bản số 1234/UBND-KT ngày 12/7/2025 của UBND tỉnh về việc rà soát.",
     "Văn bản số 1234/UBND-KT ngày 12/7/2025 của UBND tỉnh", "Công văn", "1234", "1234/UBND-KT", "UBND tỉnh",
     "2025-07-12"),
    ("Theo Công văn số 567/BTC-NSNN ngày 3/4/2025.", "Công văn số 567/BTC-NSNN ngày 3/4/2025", "Công văn", "567",
     "567/BTC-NSNN", "Bộ Tài chính", "2025-04-03"),
    ("theo văn bản số 89/VPCP-KGVX, các bộ", "văn bản số 89/VPCP-KGVX", "Công văn", "89", "89/VPCP-KGVX",
     "Văn phòng Chính phủ", None),
    ("nhận được văn bản số 1650/SGTVTXD-KT&VL ngày 09/5/2019 của Sở Giao thông",
     "văn bản số 1650/SGTVTXD-KT&VL ngày 09/5/2019", "Công văn", "1650", "1650/SGTVTXD-KT&VL", None, "2019-05-09"),
    # "văn bản" says a document; the code says which
    ("hướng dẫn tại văn bản số 15/2020/NĐ-CP của Chính phủ", "văn bản số 15/2020/NĐ-CP của Chính phủ", "Nghị định",
     "15/2020", "15/2020/NĐ-CP", "Chính phủ", None),
    ("Thông báo số 1894/TB-SCT ngày 5/5/2026 của Sở Công Thương",
     "Thông báo số 1894/TB-SCT ngày 5/5/2026 của Sở Công Thương", "Thông báo", "1894", "1894/TB-SCT",
     "Sở Công Thương", "2026-05-05"),
    ("Giấy mời số 312/GM-VPUBND ngày 17/6/2026 về", "Giấy mời số 312/GM-VPUBND ngày 17/6/2026", "Giấy mời", "312",
     "312/GM-VPUBND", None, "2026-06-17"),
    ("Căn cứ Luật số 55/2024/QH15 ngày 29/11/2024;", "Luật số 55/2024/QH15 ngày 29/11/2024", "Luật", "55/2024",
     "55/2024/QH15", "Quốc hội", "2024-11-29"),
    # dotted and suffixed numbers
    ("Nghị quyết số 66.7/2025/NQ-CP ngày 1/1/2025 của Chính phủ",
     "Nghị quyết số 66.7/2025/NQ-CP ngày 1/1/2025 của Chính phủ", "Nghị quyết", "66.7/2025", "66.7/2025/NQ-CP",
     "Chính phủ", "2025-01-01"),
    ("Quyết định 1234a/QĐ-UBND của UBND tỉnh", "Quyết định 1234a/QĐ-UBND của UBND tỉnh", "Quyết định", "1234a",
     "1234a/QĐ-UBND", "UBND tỉnh", None),
    ("Giấy mời số 21.5/GM-BL ngày 21/5/2026", "Giấy mời số 21.5/GM-BL ngày 21/5/2026", "Giấy mời", "21.5",
     "21.5/GM-BL", None, "2026-05-21"),
    # a type's abbreviation before "số"
    ("đưa ra khỏi quy hoạch tại QĐ số 525/QĐ-UBND ngày 25/02/2026.", "QĐ số 525/QĐ-UBND ngày 25/02/2026",
     "Quyết định", "525", "525/QĐ-UBND", None, "2026-02-25"),
    ("thuộc tuyến đường sắt (NQ số 187/2025/QH15 ngày 19/02/2025)", "NQ số 187/2025/QH15 ngày 19/02/2025",
     "Nghị quyết", "187/2025", "187/2025/QH15", "Quốc hội", "2025-02-19"),
    # the place after a local issuer does not hide the date after it
    ("Đề án 08-ĐA/TU của Tỉnh ủy Lào Cai ngày 29/12/2025 về phát triển",
     "Đề án 08-ĐA/TU của Tỉnh ủy Lào Cai ngày 29/12/2025", "Đề án", "08", "08-ĐA/TU", "Tỉnh ủy", "2025-12-29"),
]


@pytest.mark.parametrize("text, raw, doc_type, number, symbol, issuer, date", LETTERS)
def test_letters_and_coded_symbols(text, raw, doc_type, number, symbol, issuer, date):
    c = _only(text)
    assert (c.raw, c.type, c.number, c.symbol, c.issuer, c.date) == (raw, doc_type, number, symbol, issuer, date)


# A document named between its type word and its number: the type word says what it is, not
# the code ("Báo cáo … số 01/QĐ-CTY" is a Báo cáo).
NAMED = [
    ("Giấy phép sử dụng vật liệu nổ công nghiệp số 507/GP-UBND ngày 25/02/2026 của Ủy ban nhân dân tỉnh",
     "Giấy phép sử dụng vật liệu nổ công nghiệp số 507/GP-UBND ngày 25/02/2026 của Ủy ban nhân dân tỉnh",
     "Giấy phép", "507"),
    ("theo Kế hoạch kiểm tra số 1105/KH-ĐKT ngày 10/3/2026 đã", "Kế hoạch kiểm tra số 1105/KH-ĐKT ngày 10/3/2026",
     "Kế hoạch", "1105"),
    ("Báo cáo đánh giá rủi ro về an toàn số 01/QĐ - CTY ngày 01/7/2025.",
     "Báo cáo đánh giá rủi ro về an toàn số 01/QĐ - CTY ngày 01/7/2025", "Báo cáo", "01"),
    ("Giấy chứng nhận đủ điều kiện về an ninh, trật tự số 118.04/GCN ngày 09/01/2026 của Phòng",
     "Giấy chứng nhận đủ điều kiện về an ninh, trật tự số 118.04/GCN ngày 09/01/2026", "Giấy chứng nhận", "118.04"),
    ("Kế hoạch ứng cứu khẩn cấp số: 308/KH-BĐH ngày 19/01/2026", "Kế hoạch ứng cứu khẩn cấp số: 308/KH-BĐH ngày 19/01/2026",
     "Kế hoạch", "308"),
    ("Phương án nổ mìn số 4989/PANM-G16 ngày 23/12/2026 (Gói thầu 16)",
     "Phương án nổ mìn số 4989/PANM-G16 ngày 23/12/2026", "Phương án", "4989"),
]


@pytest.mark.parametrize("text, raw, doc_type, number", NAMED)
def test_documents_named_before_their_number(text, raw, doc_type, number):
    c = _only(text)
    assert (c.kind, c.raw, c.type, c.number) == ("full", raw, doc_type, number)


# Not a citation: counts, digitised documents, incoming letters, a clause between the type word
# and a number, a record that is not a document of any listed type.
@pytest.mark.parametrize("text", [
    "đẩy mạnh số hóa văn bản, văn bản số hóa, công văn đến và đi",
    "đã ban hành 123 văn bản chỉ đạo",
    "văn bản số 2 trong danh mục",                     # "văn bản" is never read with a bare number
    "Quyết định của UBND tỉnh về việc giao chỉ tiêu số 12 xã",
    "hộ chiếu nổ mìn số 06/03/2026/HCNM nổ mìn hồi 11h00",
    "Gói thầu số 13: Thi công công trình",
    "kế hoạch 5 năm và 21 đảng viên",
])
def test_not_a_citation(text):
    assert [(c.kind, c.raw) for c in _cites(text)] == []


# Laws the list lacks, named with nothing after them, where the clause ends.
UNLISTED_LAWS = [
    ("Căn cứ Luật Hóa chất;", "Luật Hóa chất"),
    ("Căn cứ Luật Khoáng sản, Luật Xây dựng và các văn bản hướng dẫn thi hành", "Luật Khoáng sản"),
    ("thực hiện Luật Giao thông đường bộ, Luật Xử lý vi phạm hành chính.", "Luật Giao thông đường bộ"),
    ("Căn cứ Pháp lệnh Dân số;", "Pháp lệnh Dân số"),
    ("các trường hợp theo quy định của Luật Địa chất và khoáng sản bao gồm: a)", None),  # "gồm" ends no name
    ("quy định chi tiết Luật Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ;",
     "Luật Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ"),
]


@pytest.mark.parametrize("text, raw", UNLISTED_LAWS)
def test_unlisted_laws_closing_a_clause(text, raw):
    if raw is None:
        assert [c.raw for c in _cites(text)] == []
        return
    first = _cites(text)[0]
    assert (first.kind, first.raw, first.type) == ("law", raw, raw.split()[0] if raw.startswith("Luật") else "Pháp lệnh")


@pytest.mark.parametrize("text", [
    "Luật sư Nguyễn Văn A phát biểu.",     # "Luật sư": a lawyer
    "theo đúng Luật này.",                  # the text's own law
    "Luật Hình sự quy định",                # no end of clause: a sentence, not a name
    "Luật Phòng, chống tác hại của rượu, bia.",  # "của" in a name no list holds: not taken
])
def test_not_an_unlisted_law(text):
    assert [c.raw for c in _cites(text) if c.kind == "law"] == []


# OCR noise: "sô" for "số"; a suffix split by a space ("T W") is read and flagged.
def test_ocr_number_word():
    c = _only("Kết luận sô 12-KL/TW ngày 3/4/2022 của Bộ Chính trị")
    assert (c.kind, c.type, c.symbol, c.date) == ("full", "Kết luận", "12-KL/TW", "2022-04-03")


def test_ocr_split_suffix_is_read_and_flagged():
    c = _only("Quy định số 99- QĐ/T W của Bộ Chính trị")
    assert (c.kind, c.symbol, c.symbol_read) == ("full", "99-QĐ/TW", "99- QĐ/T W")


@pytest.mark.parametrize("text, number, read", [
    ("Kết luận số 12-KL/T\\V ngày 3/4/2022 của Bộ Chính trị", "12", "12-KL/T\\V"),
    ("Kế hoạch số 02-KH ngày 5/5/2020", "02", "02-KH"),
])
def test_an_unreadable_symbol_keeps_type_and_number(text, number, read):
    c = _only(text)
    assert (c.kind, c.number, c.symbol, c.symbol_read) == ("short", number, None, read)


@pytest.mark.parametrize("text", ["Nghị quyết số 5-6 tháng", "theo kế hoạch số 3-a"])
def test_no_unreadable_symbol_without_a_letter_or_a_capital(text):
    assert _cites(text) == []


@pytest.mark.parametrize("text", ["Nghị quyết số 05-NQ/TW BCH Trung ương", "Chỉ thị 05-CT/TU Ban Thường vụ"])
def test_a_word_after_a_suffix_is_not_part_of_it(text):
    c = _cites(text)[0]
    assert c.symbol_read is None and " " not in c.symbol


# Citations broken across lines keep one span.
@pytest.mark.parametrize("text, symbol, date", [
    ("Chỉ thị số 08-CT/TU\nngày 12/3/2024 của Ban Thường vụ Tỉnh ủy", "08-CT/TU", "2024-03-12"),
    ("Nghị quyết số 45-\nNQ/TU ngày 1/2/2024", "45-NQ/TU", "2024-02-01"),
    ("Căn cứ Nghị định số 217/2025/NĐ-\nCP ngày 05/8/2025", "217/2025/NĐ-CP", "2025-08-05"),
])
def test_broken_lines(text, symbol, date):
    c = _only(text)
    assert (c.symbol, c.date, c.raw) == (symbol, date, text[c.start:c.end])


# An alias names the cited document only when it names a document.
@pytest.mark.parametrize("text, alias", [
    ("Thực hiện Nghị quyết số 35-NQ/TU ngày 29/12/2025 (sau đây gọi tắt là Nghị quyết 35) và", "Nghị quyết 35"),
    ("Quyết định số 1050/QĐ-SCT ngày 06/3/2026 (sau đây viết tắt là Đoàn kiểm tra) về", None),
    ("“các giải pháp trước ngày Luật Phòng cháy, chữa cháy năm 2024 có hiệu lực” (sau đây gọi tắt là Giải pháp)", None),
])
def test_aliases_name_documents(text, alias):
    assert _cites(text)[0].alias == alias


REPORT = ("TỈNH ỦY LÀO CAI\nSố 12-BC/TU\nLào Cai, ngày 5 tháng 3 năm 2026\nBÁO CÁO\nvề việc thử\n-----\n"
          "I. KẾT QUẢ\n"
          "Thực hiện Nghị quyết số 52 và Kết luận số 14 về chính sách; theo nghị định 77 trang 5.\n"
          "Căn cứ Chỉ thị số 05-CT/TU ngày 01/02/2026 của Ban Thường vụ Tỉnh ủy; Chỉ thị số 05 được quán triệt.\n"
          "Thực hiện Luật Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ ngày 29/6/2024.\n"
          "Nghị định số 181/2024/NĐ-CP quy định chi tiết Luật Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ "
          "hỗ trợ về vật liệu nổ công nghiệp.\n")


def test_bare_numbers_are_found_shown_and_checked(tmp_path):
    """A bare number the text does not resolve is a citation: listed by `vanban citations` with
    no directive, shown on the page as written with a note, reported by `vanban check`; one the
    text cites in full elsewhere resolves to it; a lower-case one with no "số" is not taken."""
    root = make_project(tmp_path, {"r.txt": REPORT})
    report = str(root / "data" / "reports" / "r.txt")
    result = run_vanban("--root", str(root), "citations", report)
    assert result.returncode == 0, result.stderr
    got = [(c["raw"], c["directive"]) for c in json.loads(result.stdout)]
    assert got[:2] == [("Nghị quyết số 52", None), ("Kết luận số 14", None)]
    assert ("Chỉ thị số 05", "chi-thi-05-ct-tu-lao-cai-2026") in got
    assert not any("nghị định 77" in raw for raw, _ in got)
    # the law named with its date, then again with nothing after it, in another paragraph
    laws = [d for raw, d in got if raw == "Luật Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ"]
    assert len(laws) == 1 and laws[0] is not None

    check = run_vanban("--root", str(root), "check", "--json")
    unresolved = [f["message"] for f in json.loads(check.stdout) if f["kind"] == "citation-unresolved"]
    assert any("Nghị quyết số 52" in m for m in unresolved) and any("Kết luận số 14" in m for m in unresolved)

    build = run_vanban("--root", str(root), "build")
    assert build.returncode == 0, build.stderr
    page = (root / "site" / "bao-cao" / "r" / "index.html").read_text(encoding="utf-8")
    paragraph = next(p for p in page.split("<p") if "Nghị quyết số 52" in p)
    assert "Thực hiện Nghị quyết số 52 <span" in paragraph  # the author's words, whole, not a link
    assert paragraph.count('class="vb-cite-note"') == 2
    assert 'data-pagefind-ignore="all"' in paragraph
