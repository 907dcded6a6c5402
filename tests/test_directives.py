"""Directives as documents (README, "Adding a directive's text"): the reader's provisions and
anchors on hand-made cases of each structure and on the shared real texts, identity, pins,
relations at both ends, fidelity, and bad input."""

from __future__ import annotations

import json
import re
import shutil
import unicodedata
from pathlib import Path

import pytest

from conftest import REPO, SEED_SLUG, corpus, corpus_texts, make_project, message_lines, run_vanban
from htmltext import page_text
from vanban.cite import find_all
from vanban.cite.relations import type_relations
from vanban.read import read_directive

TEXTS = corpus_texts("directives")


def _anchors(tmp_path: Path, text: str) -> list[tuple[str, str]]:
    path = tmp_path / "vb.txt"
    path.write_text(text, encoding="utf-8")
    return [(b.anchor, b.kind) for b in read_directive(path).blocks]


HEAD = "BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 99-QĐ/TW\nHà Nội, ngày 2 tháng 3 năm 2024\nQUY ĐỊNH\nVỀ VIỆC THỬ\n-----\n"

# A body in each structure → the anchors and kinds of its blocks, in order.
STRUCTURES = [
    ("legal: chapter, article, clause, point",
     "Căn cứ Điều lệ Đảng;\nChương I\nNHỮNG QUY ĐỊNH CHUNG\nĐiều 1. Phạm vi\n1. Khoản một:\na) điểm a;\nđ) điểm đ.\n"
     "Đoạn thêm của khoản.\n2. Khoản hai.\nĐiều 2.\nNội dung điều hai.\nChương II\nĐiều 3. Hiệu lực\n",
     [("p-0-1", "paragraph"), ("chuong-i", "heading"), ("dieu-1", "heading"), ("dieu-1-khoan-1", "paragraph"),
      ("dieu-1-khoan-1-diem-a", "paragraph"), ("dieu-1-khoan-1-diem-dd", "paragraph"),
      ("p-dieu-1-khoan-1-diem-dd-1", "paragraph"), ("dieu-1-khoan-2", "paragraph"), ("dieu-2", "heading"),
      ("p-dieu-2-1", "paragraph"), ("chuong-ii", "heading"), ("dieu-3", "heading")]),
    ("legal: part, section, a point right under an article, a repeated article number",
     "Phần thứ nhất\nQUY ĐỊNH CHUNG\nChương I\nMục 1. Mục một\nĐiều 1. A\na) điểm ngay dưới điều\nĐiều 1. Lặp số\n",
     [("phan-thu-nhat", "heading"), ("chuong-i", "heading"), ("chuong-i-muc-1", "heading"), ("dieu-1", "heading"),
      ("dieu-1-diem-a", "paragraph"), ("dieu-1-2", "heading")]),
    ("Party: roman, item, sub-item, point, bullets",
     "I- TÌNH HÌNH\n1. Kết quả\n1.1. Mặt mạnh\na) Một là\n- gạch đầu dòng\n2. Hạn chế, yếu kém của các cấp ủy, tổ chức đảng "
     "trong nhiều năm qua cần được khắc phục.\nII. NHIỆM VỤ\n1. Nhiệm vụ một\n",
     [("muc-i", "heading"), ("muc-i-1", "heading"), ("muc-i-1-1", "heading"), ("muc-i-1-1-a", "paragraph"),
      ("p-muc-i-1-1-a-1", "bullet"), ("muc-i-2", "paragraph"), ("muc-ii", "heading"), ("muc-ii-1", "heading")]),
    ("Party without roman sections, then the closing and an appendix",
     "Tại phiên họp, Bộ Chính trị kết luận như sau:\n1. Đồng ý với tờ trình.\n2. Giao Ban Tổ chức thực hiện.\n"
     "Nơi nhận:\n- Các tỉnh ủy,\nT/M BỘ CHÍNH TRỊ\nPhụ lục 1\nI. DANH MỤC\n1. Mục một\n",
     [("p-0-1", "paragraph"), ("muc-1", "paragraph"), ("muc-2", "paragraph"), ("p-cuoi-1", "closing"),
      ("p-cuoi-2", "closing"), ("p-cuoi-3", "closing"), ("phu-luc-1", "heading"), ("phu-luc-1-muc-i", "heading"),
      ("phu-luc-1-muc-i-1", "heading")]),
    ("a decision with its regulation attached after the signature",
     "Điều 1. Ban hành kèm theo Quyết định này Quy định.\nĐiều 2. Hiệu lực.\nNơi nhận:\n- Như Điều 2;\n"
     "QUY ĐỊNH\nChương I\nĐiều 1. Phạm vi\n1. Khoản một.\n",
     [("dieu-1", "heading"), ("p-dieu-1-1", "paragraph"), ("dieu-2", "heading"), ("p-dieu-2-1", "paragraph"),
      ("p-cuoi-1", "closing"), ("p-cuoi-2", "closing"),
      ("kem-theo", "heading"), ("kem-theo-chuong-i", "heading"), ("kem-theo-dieu-1", "heading"),
      ("kem-theo-dieu-1-khoan-1", "paragraph")]),
]


@pytest.mark.parametrize("name, body, expected", STRUCTURES, ids=[s[0] for s in STRUCTURES])
def test_provision_anchors(tmp_path, name, body, expected):
    assert _anchors(tmp_path, HEAD + body) == expected


# Each shared text → the links its wording types (read by hand in the texts): what it is based
# on, implements, replaces, amends. Untyped citations are not listed.
RELATIONS = {
    "huong-dan-37-hd-btgdvtw-2025.txt": [("50-CT/TW", "implements")],
    "huong-dan-45-hd-btctw-2025.txt": [("377-QĐ/TW", "implements"), ("16-HD/BTCTW", "replaces"),
                                       ("21-HD/BTCTW", "replaces")],
    "ke-hoach-0124-kh-ubnd-2025-dak-lak.txt": [("2437/QĐ-TTg", "implements")],
    # khoản 3 Điều 73: "Luật … số 14/2017/QH14 đã được sửa đổi, bổ sung … theo Luật số 50/2019/QH14 và
    # Luật số 59/2020/QH14 hết hiệu lực kể từ ngày …": the law that ends is the first, not the amending ones
    # "Điều 72. Sửa đổi, bổ sung khoản 7 Điều 7 của Luật Quảng cáo": the heading names the law the
    # text gives with its number in the next paragraph (issue 34)
    "luat-42-2024-qh15.txt": [("Hiến pháp", "basis"), ("Luật Quảng cáo", "amends"), ("16/2012/QH13", "amends"),
                              ("14/2017/QH14", "repeals")],
    "nghi-dinh-71-2019-nd-cp.txt": [(law, "basis") for law in (
        "Luật tổ chức Chính phủ ngày 19 tháng 6 năm 2015", "Luật xử lý vi phạm hành chính ngày 20 tháng 6 năm 2012",
        "Luật hóa chất ngày 21 tháng 11 năm 2007", "Luật phòng, chống ma túy ngày 09 tháng 12 năm 2000",
        "Luật sửa đổi, bổ sung một số điều của Luật phòng, chống ma túy ngày 03 tháng 6 năm 2008",
        "Luật Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ ngày 20 tháng 6 năm 2017")]
    + [("163/2013/NĐ-CP", "replaces")],
    "quy-dinh-383-qd-tw-2025.txt": [("33/2024/QH15", "basis"), ("29/2018/QH14", "basis"), ("270-QĐ/TW", "replaces")],
    # "Căn cứ các Luật …: Luật Giao dịch điện tử số 20/2023/QH15, ngày 22/6/2023; Luật Công nghệ thông tin
    # số 67/2006/QH11, ngày 29/6/2006; …": every law of the list, each with its date (issue 34)
    "quy-dinh-384-qd-tw-2025.txt": [(s, "basis") for s in (
        "57-NQ/TW", "204-QĐ/TW", "333-QĐ/TW", "379-QĐ/TW", "05-QĐ/BCĐTW", "20/2023/QH15", "67/2006/QH11",
        "05/2011/QH13", "86/2015/QH13", "24/2018/QH14", "29/2018/QH14", "33/2024/QH15", "60/2024/QH15", "137/2024/NĐ-CP",
        "01/2024/NĐ-CP", "53/2022/NĐ-CP", "165/2025/NĐ-CP", "1562/QĐ-TTg", "214/NQ-CP", "278/2025/NĐ-CP")],
    "quyet-dinh-2579-qd-ubnd-2025-can-tho.txt": [
        ("Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025", "basis"),
        ("Luật Thực hiện dân chủ ở cơ sở ngày 10 tháng 11 năm 2022", "basis"), ("97/2025/QH15", "basis"),
        ("23-QĐ/TW", "basis"), ("33/CT-TTg", "basis"), ("9086/BNV-CTTN&BĐG", "basis"), ("1849/QĐ-UBND", "replaces")],
}


@pytest.mark.parametrize("path", TEXTS)
def test_typed_relations_of_the_shared_texts(path):
    doc = read_directive(path)
    cites = find_all(doc, [])
    type_relations(doc, cites)
    assert [(c.symbol or c.raw, c.relation) for c in cites if c.relation] == RELATIONS.get(path.name, [])


# A sentence of a directive's text → the relation of each citation in it (None: untyped).
RELATION_CASES = [
    ("Căn cứ Luật Bảo vệ bí mật nhà nước số 29/2018/QH14;", ["basis"]),
    ("- Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị, Ban Thường vụ ban hành kế hoạch.", ["implements"]),
    ("Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định số 12/QĐ-UBND.", ["replaces"]),
    ("Bãi bỏ Quyết định số 12/QĐ-UBND ngày 2/3/2020.", ["repeals"]),
    ("Nghị định số 12/2015/NĐ-CP hết hiệu lực kể từ ngày Nghị định này có hiệu lực.", ["repeals"]),
    # A list shares the type of its first member; the act of another document is not this one's.
    ("Nghị định này thay thế Nghị định số 1/2013/NĐ-CP; Nghị định số 2/2016/NĐ-CP sửa đổi, bổ sung một số "
     "điều của Nghị định số 1/2013/NĐ-CP.", ["replaces", "replaces", None]),
    # Not this document's act: passive voice, a sentence about other documents.
    ("Luật số 14/2017/QH14 đã được sửa đổi, bổ sung theo Luật số 50/2019/QH14.", [None, None]),
    ("Hồ sơ chưa giải quyết khi Luật này có hiệu lực thì giải quyết theo Luật cũ đã được sửa đổi, bổ sung theo "
     "Luật số 50/2019/QH14.", [None]),
    ("Việc quản lý hồ sơ thực hiện theo Quy định số 29-QĐ/TW.", [None]),
]


@pytest.mark.parametrize("sentence, expected", RELATION_CASES)
def test_relation_words(tmp_path, sentence, expected):
    path = tmp_path / "vb.txt"
    path.write_text(HEAD + sentence + "\n", encoding="utf-8")
    doc = read_directive(path)
    cites = find_all(doc, [])
    type_relations(doc, cites)
    assert [c.relation for c in sorted(cites, key=lambda c: c.start)] == expected


def test_chapter_title_on_its_own_line_joins_the_heading(tmp_path):
    path = tmp_path / "vb.txt"
    path.write_text(HEAD + "Chương I\nNHỮNG QUY ĐỊNH CHUNG\nĐiều 1. Phạm vi\nĐiều 2. Đối tượng\n", encoding="utf-8")
    chapter = read_directive(path).blocks[0]
    assert (chapter.marker, chapter.text, chapter.anchor) == ("Chương I", "NHỮNG QUY ĐỊNH CHUNG", "chuong-i")


# Each shared text → (type line, symbol, date) as its header reads by eye, and its directive id.
IDENTITIES = {
    "dieu-le-dang-2011.txt": ("ĐIỀU LỆ", None, "2011-01-19", "dieu-le-dang-2011"),
    "huong-dan-37-hd-btgdvtw-2025.txt": ("HƯỚNG DẪN", "37-HD/BTGDVTW", "2025-11-19", "huong-dan-37-hd-btgdvtw-2025"),
    "huong-dan-45-hd-btctw-2025.txt": ("HƯỚNG DẪN", "45-HD/BTCTW", "2025-11-21", "huong-dan-45-hd-btctw-2025"),
    "ke-hoach-0124-kh-ubnd-2025-dak-lak.txt": ("KẾ HOẠCH", "0124/KH-UBND", "2025-11-18",
                                               "ke-hoach-0124-kh-ubnd-dak-lak-2025"),
    "ket-luan-07-kl-vptw-2025.txt": ("KẾT LUẬN", "07-KL/VPTW", "2025-12-01", "ket-luan-07-kl-vptw-2025"),
    "ket-luan-212-kl-tw-2025.txt": ("KẾT LUẬN", "212-KL/TW", "2025-11-18", "ket-luan-212-kl-tw-2025"),
    "ket-luan-221-kl-tw-2025.txt": ("KẾT LUẬN", "221-KL/TW", "2025-11-28", "ket-luan-221-kl-tw-2025"),
    "luat-42-2024-qh15.txt": ("LUẬT", "42/2024/QH15", "2024-06-29", "luat-42-2024-qh15"),
    "nghi-dinh-71-2019-nd-cp.txt": ("NGHỊ ĐỊNH", "71/2019/NĐ-CP", "2019-08-30", "nghi-dinh-71-2019-nd-cp"),
    "nghi-quyet-10-nq-tw-2022.txt": ("NGHỊ QUYẾT", "10-NQ/TW", "2022-02-10", "nghi-quyet-10-nq-tw-2022"),
    "quy-dinh-383-qd-tw-2025.txt": ("QUY ĐỊNH", "383-QĐ/TW", "2025-11-19", "quy-dinh-383-qd-tw-2025"),
    "quy-dinh-384-qd-tw-2025.txt": ("QUY ĐỊNH", "384-QĐ/TW", "2025-11-19", "quy-dinh-384-qd-tw-2025"),
    "quyet-dinh-2579-qd-ubnd-2025-can-tho.txt": ("QUYẾT ĐỊNH", "2579/QĐ-UBND", "2025-11-21",
                                                 "quyet-dinh-2579-qd-ubnd-can-tho-2025"),
}
ARTICLE = re.compile(r"^Điều\s+(\d+)\s*\.", re.MULTILINE)
ROMAN = re.compile(r"^([IVX]+)\s*[.\-–]\s", re.MULTILINE)


def test_every_shared_text_is_listed():
    assert sorted(p.name for p in corpus("directives").glob("*.txt") if not p.name.endswith(".source.txt")) == sorted(IDENTITIES)


@pytest.mark.parametrize("path", TEXTS)
def test_shared_text_header_and_provisions(path):
    doc = read_directive(path)
    doc_type, symbol, date, _ = IDENTITIES[path.name]
    assert (doc.meta.doc_type, doc.meta.full_symbol, doc.meta.date) == (doc_type, symbol, date)
    assert doc.meta.title and doc.meta.title.split()[0].isupper()  # the trích yếu, not the body
    anchors = {b.anchor for b in doc.blocks}
    raw = path.read_text(encoding="utf-8")
    # An independent count: every "Điều N." line of the text is an article anchor, and so is
    # every roman-numbered section of a Party-style text.
    articles = ARTICLE.findall(raw)
    if articles and "QUY ĐỊNH\n" not in raw.split("Nơi nhận")[-1]:
        assert {f"dieu-{n}" for n in articles} <= anchors
    if not articles:
        assert {f"muc-{r.lower()}" for r in ROMAN.findall(raw)} <= anchors
    assert len(anchors) == len(doc.blocks)  # every anchor unique


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFC", text))


def _in_order(needle: list[str], haystack: list[str]) -> int:
    """How many words of `needle` occur in order in `haystack` (all of them when nothing is lost)."""
    it = iter(haystack)
    for i, word in enumerate(needle):
        if not any(word == w for w in it):
            return i
    return len(needle)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The seed project with the 13 shared texts added to data/directives/, built once."""
    root = make_project(tmp_path_factory.mktemp("texts"), seed=True)
    folder = root / "data" / "directives"
    folder.mkdir()
    for path in corpus("directives").glob("*.txt"):
        if not path.name.endswith(".source.txt"):
            shutil.copy(path, folder / path.name)
    result = run_vanban("--root", str(root), "build")
    assert result.returncode == 0, result.stderr
    return root


def _page(root: Path, path: str) -> str:
    return (root / "site" / path / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", TEXTS)
def test_every_word_of_a_shared_text_reaches_its_page_in_order(site, path):
    ident = IDENTITIES[path.name][3]
    main, notes = page_text(_page(site, f"van-ban/{ident}"))
    source = _words(path.read_text(encoding="utf-8"))
    reached = _in_order(source, _words(main + " " + notes))
    assert reached == len(source), f"lost at word {reached}: {source[max(0, reached - 5) : reached + 5]}"


def test_fidelity_oracle_can_fail():
    assert _in_order(["một", "hai", "ba"], ["một", "ba", "hai"]) == 2


def test_seed_report_links_the_dieu_le_to_its_text(site):
    report = (site / "docs" / "bao-cao" / f"{SEED_SLUG}.md").read_text(encoding="utf-8")
    assert "[Điều lệ Đảng](../van-ban/dieu-le-dang-2011.md " in report
    page = _page(site, "van-ban/dieu-le-dang-2011")
    assert 'id="dieu-48"' in page and 'id="chuong-xii"' in page and 'id="dieu-1-khoan-2"' in page
    cited, _ = page_text(page)
    assert "Được trích dẫn tại" in cited and "Báo cáo" in cited


def test_relations_show_at_both_ends(site):
    # Quy định 383-QĐ/TW: "Quy định này thay thế Quy định số 270-QĐ/TW …" and "Căn cứ Điều lệ Đảng".
    newer = (site / "docs" / "van-ban" / "quy-dinh-383-qd-tw-2025.md").read_text(encoding="utf-8")
    assert re.search(r"\*\*Thay thế\*\*\n\n- \[Quy định số 270&#45;QĐ/TW[^\]]*\]\(quy-dinh-270-qd-tw-2014\.md\)", newer)
    assert re.search(r"\*\*Căn cứ\*\*\n\n- \[Điều lệ Đảng[^\]]*\]\(dieu-le-dang-2011\.md\)", newer)
    older = (site / "docs" / "van-ban" / "quy-dinh-270-qd-tw-2014.md").read_text(encoding="utf-8")
    # its status: from when (the newer text takes effect "kể từ ngày ký"), by which text, which sentence
    assert ("**Tình trạng:** Hết hiệu lực từ 19/11/2025 — đã được thay thế bởi [Quy định số 383&#45;QĐ/TW ngày "
            "19/11/2025](quy-dinh-383-qd-tw-2025.md), [Điều 20, đoạn 1](../van-ban/quy-dinh-383-qd-tw-2025.md#p-dieu-20-1)"
            in older)
    assert "**Đã được thay thế bởi**" in older
    # Where it is cited: the provision of the newer text, linked to its anchor.
    assert "(../van-ban/quy-dinh-383-qd-tw-2025.md#p-dieu-20-1)" in older
    dieu_le = (site / "docs" / "van-ban" / "dieu-le-dang-2011.md").read_text(encoding="utf-8")
    assert "**Là căn cứ để ban hành**" in dieu_le and "(quy-dinh-383-qd-tw-2025.md)" in dieu_le


def test_directive_without_text_says_so(site):
    page, _ = page_text(_page(site, "van-ban/chi-thi-05-ct-tw-2016"))
    assert "Toàn văn văn bản này chưa được đưa lên trang" in page
    assert "data/" not in page


PINNED = ("THÀNH ỦY X\nSố 01-BC/TU\nX, ngày 5 tháng 1 năm 2026\nBÁO CÁO\nvề thử\n-----\n"
          "Theo khoản 2 Điều 3 của Quy định số 383-QĐ/TW ngày 19/11/2025 của Ban Bí thư, người đứng đầu chịu "
          "trách nhiệm. Xem thêm Quy định số 383-QĐ/TW, Điều 99. Theo Điều 4 Quy định số 384-QĐ/TW ngày "
          "19/11/2025.\n")


def test_pinned_citations_land_on_the_provision(tmp_path):
    root = make_project(tmp_path, {"bc.txt": PINNED})
    (root / "data" / "directives").mkdir()
    shutil.copy(corpus("directives") / "quy-dinh-383-qd-tw-2025.txt", root / "data" / "directives")
    result = run_vanban("--root", str(root), "build")
    assert result.returncode == 0, result.stderr
    page = (root / "docs" / "bao-cao" / "bc.md").read_text(encoding="utf-8")
    assert "(../van-ban/quy-dinh-383-qd-tw-2025.md#dieu-3-khoan-2 \"khoản 2 Điều 3, Quy định số" in page
    # No such article: the link goes to the page; no text: the page too.
    assert "(../van-ban/quy-dinh-383-qd-tw-2025.md \"Quy định" in page
    assert "(../van-ban/quy-dinh-384-qd-tw-2025.md \"Quy định" in page
    assert 'id="dieu-3-khoan-2"' in _page(root, "van-ban/quy-dinh-383-qd-tw-2025")


def test_parse_a_directive(tmp_path):
    result = run_vanban("parse", str(corpus("directives") / "luat-42-2024-qh15.txt"), "--json", "--kind", "directive")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["kind"] == "directive"
    chapters = data["provisions"]
    assert chapters[0]["anchor"] == "chuong-i"
    articles = [a["anchor"] for c in chapters for a in c["children"]]
    assert articles == [f"dieu-{n}" for n in range(1, len(articles) + 1)]
    assert len(articles) == len(ARTICLE.findall((corpus("directives") / "luat-42-2024-qh15.txt").read_text(encoding="utf-8")))


def test_two_files_for_one_directive(tmp_path):
    root = make_project(tmp_path, {"bc.txt": PINNED})
    folder = root / "data" / "directives"
    folder.mkdir()
    shutil.copy(corpus("directives") / "ket-luan-212-kl-tw-2025.txt", folder / "a.txt")
    shutil.copy(corpus("directives") / "ket-luan-212-kl-tw-2025.txt", folder / "b.txt")
    result = run_vanban("--root", str(root), "build")
    assert result.returncode == 1
    assert message_lines(result.stderr) == [
        "data/directives/b.txt: error: hai tệp cùng là toàn văn của Kết luận số 212-KL/TW: data/directives/a.txt và "
        "data/directives/b.txt; chỉ giữ một"]


def test_unreadable_header_and_the_sidecar_that_fixes_it(tmp_path):
    root = make_project(tmp_path, {"bc.txt": PINNED})
    folder = root / "data" / "directives"
    folder.mkdir()
    (folder / "vb.txt").write_text("Một văn bản không có phần đầu.\n1. Nội dung.\n", encoding="utf-8")
    result = run_vanban("--root", str(root), "build")
    assert result.returncode == 1
    line, = message_lines(result.stderr)
    assert line.startswith("data/directives/vb.txt: error: không xác định được đây là văn bản nào: không có dòng ghi loại văn bản")
    (folder / "vb.yml").write_text("id: chi-thi-05-ct-tw-2016\n", encoding="utf-8")
    (root / "data" / "directives.yml").write_text((REPO / "data" / "directives.yml").read_text(encoding="utf-8"),
                                                  encoding="utf-8")
    result = run_vanban("--root", str(root), "build")
    assert result.returncode == 0, result.stderr
    assert "Một văn bản không có phần đầu." in page_text(_page(root, "van-ban/chi-thi-05-ct-tw-2016"))[0]


def _check(root: Path) -> list[dict]:
    result = run_vanban("--root", str(root), "check", "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_check_pins_numbering_and_catalog(tmp_path):
    """Cross-document checks: a pin to an article the text lacks; a text's numbering gaps and
    repeats; its header against the catalog; a report citing a directive already replaced."""
    late = PINNED.replace("Xem thêm", "Theo Quy định số 270-QĐ/TW ngày 06/12/2014 của Ban Bí thư. Xem thêm")
    root = make_project(tmp_path, {"bc.txt": late})
    folder = root / "data" / "directives"
    folder.mkdir()
    shutil.copy(corpus("directives") / "quy-dinh-383-qd-tw-2025.txt", folder)
    (folder / "qd-99.txt").write_text(HEAD + "Điều 1. Một\nĐiều 3. Ba\nĐiều 3. Ba lần nữa\nĐiều 4. Bốn\n",
                                      encoding="utf-8")
    (root / "data" / "directives.yml").write_text(
        "- id: quy-dinh-99-qd-tw-2024\n  type: Quy định\n  number: \"99\"\n  symbol: 99-QĐ/TW\n  issuer: Ban Bí thư\n"
        "  level: Trung ương\n  date: 2024-03-12\n  title: về một việc khác hẳn\n", encoding="utf-8")
    found = {(f["report"], f["kind"], f["stated"]) for f in _check(root)}
    assert ("bc", "pin-missing", "Điều 99") in found
    assert ("bc", "citation-replaced", "Quy định số 270-QĐ/TW ngày 06/12/2014 của Ban Bí thư") in found
    assert ("van-ban/quy-dinh-99-qd-tw-2024", "numbering", "3") in found  # Điều 3 after Điều 1
    assert ("van-ban/quy-dinh-99-qd-tw-2024", "text-vs-catalog", "2024-03-02") in found
    assert ("van-ban/quy-dinh-99-qd-tw-2024", "text-vs-catalog", "VỀ VIỆC THỬ") in found
    numbering = [f["message"] for f in _check(root) if f["kind"] == "numbering"]
    assert numbering == ["Số thứ tự nhảy số: Điều 3 sau Điều 1", "Số thứ tự lặp lại: Điều 3 sau Điều 3"]
    # No false alarm on the real texts.
    assert not [f for f in _check(root) if f["report"] == "van-ban/quy-dinh-383-qd-tw-2025"]


@pytest.fixture(scope="module")
def law_site(tmp_path_factory):
    """The seed and Luật 42/2024/QH15, built served and offline."""
    root = make_project(tmp_path_factory.mktemp("law"), seed=True)
    (root / "data" / "directives").mkdir()
    shutil.copy(corpus("directives") / "luat-42-2024-qh15.txt", root / "data" / "directives")
    for args in (["build"], ["build", "--offline"]):
        result = run_vanban("--root", str(root), *args)
        assert result.returncode == 0, result.stderr
    return root


@pytest.mark.parametrize("engine", ["site", "site-offline"])
def test_search_lands_on_the_article(law_site, browser, engine):
    """A provision is its own search result, landing on its anchor (Pagefind served, lunr offline)."""
    from browser import search, served_page

    query = "hành vi bị nghiêm cấm trong quản lý"

    def landing(page, base) -> list[str]:
        search(page, base, query)  # every result link, sections shown under "more" too
        return page.eval_on_selector_all(".md-search-result a.md-search-result__link", "els => els.map(e => e.href)")

    if engine == "site":
        with served_page(browser, law_site / "site") as (base, page):
            hrefs = landing(page, base)
    else:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        try:
            hrefs = landing(page, (law_site / "site-offline").as_uri() + "/index.html")
        finally:
            page.close()
    assert any("/van-ban/luat-42-2024-qh15" in h and h.endswith("#dieu-4") for h in hrefs), hrefs[:8]


CATALOG_RELATIONS = """- id: chi-thi-12-ct-tu-2019
  type: Chỉ thị
  number: "12"
  symbol: 12-CT/TU
  issuer: Thành ủy X
  level: Thành phố
  date: 2019-03-01
- id: chi-thi-20-ct-tu-2023
  type: Chỉ thị
  number: "20"
  symbol: 20-CT/TU
  issuer: Thành ủy X
  level: Thành phố
  date: 2023-05-01
  relations: {replaces: [chi-thi-12-ct-tu-2019]}
"""


def test_relations_stated_in_the_catalog(tmp_path):
    root = make_project(tmp_path, {"bc.txt": PINNED})
    catalog = root / "data" / "directives.yml"
    catalog.write_text(CATALOG_RELATIONS, encoding="utf-8")
    assert run_vanban("--root", str(root), "build").returncode == 0
    older = (root / "docs" / "van-ban" / "chi-thi-12-ct-tu-2019.md").read_text(encoding="utf-8")
    # the catalog states the link but no date: none is made up
    assert "**Tình trạng:** Hết hiệu lực &#40;chưa rõ từ ngày nào&#41; — đã được thay thế bởi [Chỉ thị số 20&#45;CT/TU" in older
    newer = (root / "docs" / "van-ban" / "chi-thi-20-ct-tu-2023.md").read_text(encoding="utf-8")
    assert "**Thay thế**\n\n- [Chỉ thị số 12&#45;CT/TU" in newer
    assert "| hết hiệu lực |" in (root / "docs" / "van-ban" / "index.md").read_text(encoding="utf-8")
    assert "*(hết hiệu lực)*" in (root / "docs" / "van-ban" / "theo-loai.md").read_text(encoding="utf-8")
    catalog.write_text(CATALOG_RELATIONS.replace("replaces:", "supersedes:"), encoding="utf-8")
    result = run_vanban("--root", str(root), "build")
    assert result.returncode == 1
    assert message_lines(result.stderr)[0].startswith(
        "data/directives.yml:15: error: relations: không có quan hệ 'supersedes'")


def test_a_directive_in_word(tmp_path):
    import sys

    sys.path.insert(0, str(REPO / "tests" / "fixtures"))
    import make_docx

    p, r = make_docx.paragraph, make_docx.run
    body = "".join([make_docx.table([["BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 99-QĐ/TW", "ĐẢNG CỘNG SẢN VIỆT NAM\n"
                                                                               "Hà Nội, ngày 2 tháng 3 năm 2024"]]),
                    p(r("QUY ĐỊNH")), p(r("VỀ VIỆC THỬ")), p(r("Chương I")), p(r("QUY ĐỊNH CHUNG")),
                    p(r("Điều 1. Phạm vi")), p(r("Khoản một."), num=(4, 0)), p(r("Điều 2. Hiệu lực"))])
    path = tmp_path / "qd.docx"
    make_docx.package(path, body, {})
    doc = read_directive(path)
    assert (doc.meta.doc_type, doc.meta.full_symbol, doc.meta.date) == ("QUY ĐỊNH", "99-QĐ/TW", "2024-03-02")
    assert [b.anchor for b in doc.blocks] == ["chuong-i", "dieu-1", "dieu-1-khoan-1", "dieu-2"]


# (a document's name, its ISO date) -> what dates it after the name
AFTER_NAME = [
    ("Chỉ thị số 05-CT/TW", "2016-05-15", " ngày 15/05/2016"),
    ("Kết luận số 14-KL/TW", "2021-07", " tháng 07/2021"),
    ("Luật Đất đai", "2003", " năm 2003"),
    ("Hiến pháp năm 2013", "2013", ""),  # the name says its year: not twice, never "ngày năm"
    ("Luật Đất đai năm 2013", "2013", ""),
    ("Luật Đất đai năm 2013", "2013-11-29", " ngày 29/11/2013"),
    ("Nghị quyết Đại hội XIII", None, ""),
]


@pytest.mark.parametrize("label, iso, expected", AFTER_NAME)
def test_a_name_dated_in_words(label, iso, expected):
    from vanban.render.dates import after_name

    assert after_name(label, iso) == expected


def test_no_page_reads_ngay_nam(site):
    """On the site of the 13 real texts, no date reads "ngày năm …" (a year given a day's word)."""
    pages = [p for p in (site / "site").rglob("*.html") if re.search(r"ngày\s+năm\s+\d", p.read_text(encoding="utf-8"))]
    assert not pages, pages[:5]
