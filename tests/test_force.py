"""Hiệu lực: when a text takes effect and from when what it ends stops being in force, read
from the words (tables of hand-made sentences, active and passive), shown on the pages of the
real texts with the sentence each status comes from, and checked against a citing report's date."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from conftest import corpus, make_project, message_lines, run_vanban
from vanban.cite.force import read_force
from vanban.cite.in_force import IN_FORCE, NOT_YET, UNKNOWN, force_on
from vanban.cite.models import Directive, Force
from vanban.cite.relations import Status
from vanban.read import read_directive

HEAD = "ỦY BAN NHÂN DÂN TỈNH X\nSố: 15/QĐ-UBND\nX, ngày 2 tháng 3 năm 2021\nQUYẾT ĐỊNH\nVề việc thử\nQUYẾT ĐỊNH:\n"


def _text(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "qd.txt"
    path.write_text(HEAD + body, encoding="utf-8")
    return path


# A decision of 02/03/2021 saying, in its last article, … → (start of the whole text, provisions' dates)
EFFECTIVE = [
    ("Điều 1. Quyết định này có hiệu lực thi hành từ ngày 01 tháng 4 năm 2021.\n", "2021-04-01", []),
    ("Điều 1. Quyết định này có hiệu lực kể từ ngày ký.\n", "2021-03-02", []),
    ("Điều 1. Quyết định này có hiệu lực từ ngày ký ban hành.\n", "2021-03-02", []),
    ("Điều 1. Quyết định này có hiệu lực sau 45 ngày kể từ ngày ký.\n", "2021-04-16", []),
    ("Điều 1. Quyết định này có hiệu lực từ ngày 15/5/2021.\n", "2021-05-15", []),
    ("Điều 1. Quyết định này và Quy chế kèm theo có hiệu lực kể từ ngày 1.6.2021.\n", "2021-06-01", []),
    ("Điều 1. Quyết định này có hiệu lực thi hành kể từ ngày ký và thay thế Quyết định số 12/QĐ-UBND.\n",
     "2021-03-02", []),
    # the text says it takes effect, but no date that can be read: chưa rõ, never a guess
    ("Điều 1. Quyết định này có hiệu lực theo quy định của pháp luật.\n", None, []),
    # a provision with its own date, beside the whole text's
    ("Điều 1.\n1. Quyết định này có hiệu lực từ ngày 01 tháng 4 năm 2021.\n2. Quy định tại Điều 3 và khoản 2 "
     "Điều 4 của Quyết định này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2021.\n", "2021-04-01",
     [("Điều 3 và khoản 2 Điều 4", "2021-07-01")]),
]
# … and sentences that say nothing of the text's own force
NOT_EFFECTIVE = [
    "Điều 1. Kể từ ngày Quyết định này có hiệu lực thi hành, các sở thực hiện.\n",
    "Điều 1. Giấy phép đã được cấp trước ngày Quyết định này có hiệu lực thì được tiếp tục sử dụng.\n",
    "Điều 1. Quyết định kỷ luật có hiệu lực ngay sau khi công bố.\n",
    "Điều 1. Giấy phép hết hiệu lực thì được cấp lại.\n",
]


@pytest.mark.parametrize("body, start, provisions", EFFECTIVE)
def test_effective_date_wordings(tmp_path, body, start, provisions):
    force = read_force(read_directive(_text(tmp_path, body)))
    assert force is not None
    assert force.start == start
    assert [(words, date) for words, date, _ in force.provisions] == provisions


@pytest.mark.parametrize("body", NOT_EFFECTIVE)
def test_sentences_that_do_not_say_when_the_text_takes_effect(tmp_path, body):
    assert read_force(read_directive(_text(tmp_path, body))) is None


# A decision of 02/03/2021 → the documents it ends: (symbol, relation, from when, part kept)
ENDS = [
    # active, with the text's own start (kể từ ngày ký)
    ("Điều 1. Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định số 12/QĐ-UBND.\n",
     [("12/QĐ-UBND", "replaces", "2021-03-02", False)]),
    ("Điều 1. Quyết định này có hiệu lực từ ngày 01/4/2021.\nĐiều 2. Bãi bỏ Quyết định số 12/QĐ-UBND.\n",
     [("12/QĐ-UBND", "repeals", "2021-04-01", False)]),
    # after the ended document: "hết hiệu lực kể từ ngày …", a date or "this text's" start
    ("Điều 1. Quyết định này có hiệu lực từ ngày 01/4/2021.\nĐiều 2. Quyết định số 12/QĐ-UBND ngày 5/1/2020 "
     "hết hiệu lực kể từ ngày Quyết định này có hiệu lực thi hành.\n", [("12/QĐ-UBND", "repeals", "2021-04-01", False)]),
    ("Điều 1. Quyết định số 12/QĐ-UBND hết hiệu lực thi hành kể từ ngày 30 tháng 6 năm 2021.\n",
     [("12/QĐ-UBND", "repeals", "2021-06-30", False)]),
    # passive
    ("Điều 1. Quyết định số 12/QĐ-UBND bị bãi bỏ kể từ ngày 15/5/2021.\n", [("12/QĐ-UBND", "repeals", "2021-05-15", False)]),
    ("Điều 1. Quyết định này có hiệu lực kể từ ngày ký.\nĐiều 2. Quyết định số 12/QĐ-UBND được thay thế bằng "
     "Quyết định này.\n", [("12/QĐ-UBND", "replaces", "2021-03-02", False)]),
    # named with the laws that amended it: the first ends, not them; some of it kept
    ("Điều 1. Quyết định này có hiệu lực từ ngày 01/4/2021.\nĐiều 2. Luật Đất đai số 45/2013/QH13 đã được sửa "
     "đổi, bổ sung một số điều theo Luật số 35/2018/QH14 hết hiệu lực kể từ ngày Quyết định này có hiệu lực, trừ "
     "trường hợp quy định tại Điều 3.\n",
     [("45/2013/QH13", "repeals", "2021-04-01", True), ("35/2018/QH14", None, None, False)]),
    # neither the end's date nor the text's start is said: chưa rõ
    ("Điều 1. Bãi bỏ Quyết định số 12/QĐ-UBND.\n", [("12/QĐ-UBND", "repeals", None, False)]),
    # negatives: another document ends something; a document that repeals (active, not ended itself)
    ("Điều 1. Quyết định số 12/QĐ-UBND bãi bỏ các thủ tục hành chính.\n", [("12/QĐ-UBND", None, None, False)]),
    ("Điều 1. Thực hiện Quyết định số 12/QĐ-UBND đã được thay thế theo quy định.\n",
     [("12/QĐ-UBND", "implements", None, False)]),
]


@pytest.mark.parametrize("body, expected", ENDS)
def test_end_of_force_wordings(tmp_path, body, expected):
    root = make_project(tmp_path)
    (root / "data" / "directives").mkdir()
    text = root / "data" / "directives" / "qd.txt"
    text.write_text(HEAD + body, encoding="utf-8")
    result = run_vanban("--root", str(root), "citations", str(text))
    assert result.returncode == 0, result.stderr
    found = [(c["symbol"], c["relation"], c["ends_on"], c["ends_except"]) for c in json.loads(result.stdout) if c["symbol"]]
    assert found == expected


def _page(root: Path, ident: str) -> str:
    return (root / "docs" / "van-ban" / f"{ident}.md").read_text(encoding="utf-8")


def _status(page: str) -> str:
    return next(line for line in page.splitlines() if line.startswith("**Tình trạng:**"))


@pytest.fixture(scope="module")
def texts_site(tmp_path_factory) -> Path:
    """The seed project with the 13 shared directive texts."""
    root = make_project(tmp_path_factory.mktemp("force"), seed=True)
    (root / "data" / "directives").mkdir()
    for path in corpus("directives").glob("*.txt"):
        if not path.name.endswith(".source.txt"):
            (root / "data" / "directives" / path.name).write_bytes(path.read_bytes())
    result = run_vanban("--root", str(root), "build")
    assert result.returncode == 0, result.stderr
    return root


# The real texts → the start of each status line and where it comes from (read by hand)
STATUSES = [
    ("luat-quan-ly-su-dung-vu-khi-vat-lieu-no-va-cong-cu-ho-tro-2017", "Hết hiệu lực từ 01/01/2025",
     "../van-ban/luat-42-2024-qh15.md#dieu-73-khoan-3"),
    ("luat-42-2024-qh15", "Có hiệu lực từ 01/01/2025", "#dieu-73-khoan-1"),
    ("nghi-dinh-71-2019-nd-cp", "Có hiệu lực từ 15/10/2019", "#dieu-68-khoan-1"),
    ("quy-dinh-383-qd-tw-2025", "Có hiệu lực từ 19/11/2025", "#p-dieu-20-1"),
    ("quyet-dinh-1849-qd-ubnd-can-tho-2024", "Hết hiệu lực từ 21/11/2025",
     "../van-ban/quyet-dinh-2579-qd-ubnd-can-tho-2025.md#dieu-2"),
    ("dieu-le-dang-2011", "Chưa rõ", None),  # the Điều lệ says nothing of its own force
]


@pytest.mark.parametrize("ident, said, source", STATUSES)
def test_status_of_the_real_texts_with_the_sentence_it_comes_from(texts_site, ident, said, source):
    line = _status(_page(texts_site, ident))
    assert line.startswith(f"**Tình trạng:** {said}"), line
    if source:
        assert f"]({source})" in line, line
    assert "Còn hiệu lực" not in line  # nothing on the site proves a text is still in force


def test_provisions_with_their_own_dates(texts_site):
    page = _page(texts_site, "luat-42-2024-qh15")
    assert ("- Điều 17, Điều 32 và khoản 1 Điều 49 có hiệu lực: 01/07/2025 ([Điều 73, khoản 2](#dieu-73-khoan-2))"
            in page)
    # lists and the table say it in a few words
    table = (texts_site / "docs" / "van-ban" / "index.md").read_text(encoding="utf-8")
    assert re.search(r"\(luat-42-2024-qh15\.md\) \|.*\| có hiệu lực từ 01/01/2025 \| \d+ \|", table)
    assert re.search(r"\(luat-quan-ly-su-dung-vu-khi[^)]*\.md\) \|.*\| hết hiệu lực từ 01/01/2025 \| \d+ \|", table)
    assert re.search(r"\(dieu-le-dang-2011\.md\) \|.*\| chưa rõ \| \d+ \|", table)
    by_type = (texts_site / "docs" / "van-ban" / "theo-loai.md").read_text(encoding="utf-8")
    assert re.search(r"\(luat-quan-ly-su-dung-vu-khi[^)]*\.md\).*\*\(hết hiệu lực từ 01/01/2025\)\*", by_type)


def _report(date: str, cited: str) -> str:
    day, month, year = date.split("/")
    return (f"CHI BỘ X\nSố 01-BC/CB\nX, ngày {day} tháng {month} năm {year}\nBÁO CÁO\nvề việc thử\n-----\n"
            f"I. KẾT QUẢ\nChi bộ thực hiện {cited} trong năm.\n")


# A report of a date citing a decision whose text says it takes effect 01/04/2021 and that a
# later text repeals from 01/04/2024 → the finding `vanban check` gives (None: none), the note
# beside the citation on the report's page (None: none), the force `vanban citations` prints
CITING = [
    ("15/3/2021", "citation-not-yet", "chưa có hiệu lực", ("Chưa có hiệu lực", "2021-04-01", None, "qd-15")),
    ("15/5/2021", None, None, ("Đang có hiệu lực", "2021-04-01", "2024-04-01", "qd-15")),
    ("15/5/2024", "citation-replaced", "hết hiệu lực", ("Hết hiệu lực", "2024-04-01", None, "qd-40")),
]
OLDER = HEAD + "Điều 1. Quyết định này có hiệu lực từ ngày 01 tháng 4 năm 2021.\n"
NEWER = ("ỦY BAN NHÂN DÂN TỈNH X\nSố: 40/QĐ-UBND\nX, ngày 2 tháng 3 năm 2024\nQUYẾT ĐỊNH\nVề việc khác\n"
         "QUYẾT ĐỊNH:\nĐiều 1. Quyết định này có hiệu lực từ ngày 01 tháng 4 năm 2024 và thay thế Quyết định số "
         "15/QĐ-UBND ngày 2/3/2021.\n")
CITED = "Quyết định số 15/QĐ-UBND ngày 2/3/2021 của UBND tỉnh"


def _citing(tmp_path: Path, date: str) -> Path:
    root = make_project(tmp_path, {"bc.txt": _report(date, CITED)})
    (root / "data" / "directives").mkdir()
    (root / "data" / "directives" / "qd-15.txt").write_text(OLDER, encoding="utf-8")
    (root / "data" / "directives" / "qd-40.txt").write_text(NEWER, encoding="utf-8")
    return root


@pytest.mark.parametrize("date, finding, note, force", CITING)
def test_a_report_citing_a_text_before_it_starts_or_after_it_ends(tmp_path, date, finding, note, force):
    root = _citing(tmp_path, date)
    result = run_vanban("--root", str(root), "check", "bc", "--json")
    assert result.returncode == 0, message_lines(result.stderr)
    kinds = {f["kind"] for f in json.loads(result.stdout)} & {"citation-not-yet", "citation-replaced"}
    assert kinds == ({finding} if finding else set())
    # `vanban citations` says what the page says: the force on the report's date, and its source
    result = run_vanban("--root", str(root), "citations", str(root / "data" / "reports" / "bc.txt"))
    assert result.returncode == 0, message_lines(result.stderr)
    (cited,) = [c for c in json.loads(result.stdout) if c["symbol"] == "15/QĐ-UBND"]
    label, since, until, by = force
    assert cited["status"]["label"] == label
    assert (cited["status"]["since"], cited["status"]["until"]) == (since, until)
    assert cited["status"]["by"].startswith(by.replace("qd-", "quyet-dinh-"))
    # the report's page: the note beside the citation, linking to the sentence that says it
    assert run_vanban("--root", str(root), "build").returncode == 0
    page = (root / "docs" / "bao-cao" / "bc.md").read_text(encoding="utf-8")
    notes = re.findall(r"\[([^]]+)\]\(([^ )]+) \"[^\"]*\"\)\{: \.vb-force-note", page)
    if note is None:
        assert notes == []
        assert f"vào ngày của báo cáo ({date.split('/')[0].zfill(2)}/" in page  # the tooltip still says it
    else:
        (shown,) = notes
        assert shown[0] == note
        target = re.fullmatch(rf"\.\./(van-ban/{by.replace('qd-', 'quyet-dinh-')}[-\w]*\.md)#([-\w]+)", shown[1])
        assert target, shown
        sentence = (root / "docs" / target[1]).read_text(encoding="utf-8")
        assert re.search(rf"\n.*có hiệu lực từ ngày 01 tháng 4.*\n\{{: #{target[2]} ", sentence), target[2]
        html = (root / "site" / "bao-cao" / "bc" / "index.html").read_text(encoding="utf-8")
        assert re.search(r'<a class="vb-force-note" data-pagefind-ignore="all"[^>]*>' + note + "</a>", html)


def _directive(start: str | None) -> Directive:
    d = Directive("x", "Quyết định", "15/QĐ-UBND", None, None, None)
    d.force = Force(start, "", "dieu-1") if start else None
    return d


# start (own text), end (a later text; "?" it gives no date), day → label, since, until
FORCE_ON = [
    ("2021-04-01", None, "2021-03-31", NOT_YET, "2021-04-01", None),
    ("2021-04-01", None, "2021-04-01", IN_FORCE, "2021-04-01", None),
    ("2021-04-01", "2024-04-01", "2022", IN_FORCE, "2021-04-01", "2024-04-01"),
    ("2021-04-01", "2024-04-01", "2024-04-01", "Hết hiệu lực", "2024-04-01", None),
    ("2021-04-01", "2024-04-01", "2024", UNKNOWN, None, None),  # the year holds both
    ("2021-04-01", "2024-04-01", "2025-01", "Hết hiệu lực", "2024-04-01", None),
    ("2021-04-01", None, "2021", UNKNOWN, None, None),
    ("2021-04-01", None, "2020-12", NOT_YET, "2021-04-01", None),
    ("2021-04-01", "?", "2030-01-01", UNKNOWN, None, None),  # ended, from when unknown
    (None, None, "2021-05-01", UNKNOWN, None, None),  # nothing says when it took effect
    (None, "2024-04-01", "2023-01-01", UNKNOWN, None, None),
    (None, "2024-04-01", "2024-05-01", "Hết hiệu lực", "2024-04-01", None),
    ("2021-04-01", None, None, UNKNOWN, None, None),  # an undated report
]


@pytest.mark.parametrize("start, end, day, label, since, until", FORCE_ON)
def test_force_on_a_day(start, end, day, label, since, until):
    later = Directive("y", "Quyết định", "40/QĐ-UBND", None, None, None)
    status = Status("Hết hiệu lực", "y", "replaces", None if end == "?" else end, None, False) if end else None
    on = force_on(_directive(start), status, later, day)
    assert (on.label, on.since, on.until) == (label, since, until)


def test_no_phantom_directive_pages(texts_site):
    """Every directive page is of a document something cites (the open data's list) or whose text
    the site holds: a law cited with its symbol and resolved by its name leaves no second page
    ("Luật số 16/2012/QH13 (năm 2017)" beside Luật Quảng cáo 2012)."""
    cited = {row["id"] for row in json.loads((texts_site / "docs" / "du-lieu" / "van-ban.json").read_text(encoding="utf-8"))}
    folder = texts_site / "docs" / "van-ban"
    pages = {p.stem for p in folder.glob("*.md")} - {"index", "theo-loai", "theo-cap", "theo-nam"}
    assert "luat-quang-cao-2012" in pages
    uncited = sorted(i for i in pages - cited if "chưa được đưa lên trang" in _page(texts_site, i))
    assert uncited == []


# A trích yếu as a header prints it → as the site shows it (the header itself keeps it as written)
SENTENCE_CASE = [
    ("QUẢN LÝ, SỬ DỤNG VŨ KHÍ, VẬT LIỆU NỔ VÀ CÔNG CỤ HỖ TRỢ", "", "Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ"),
    ("VỀ CÔNG TÁC XÂY DỰNG ĐẢNG VÀ KẾT NẠP ĐẢNG VIÊN", "", "Về công tác xây dựng Đảng và kết nạp đảng viên"),
    ("THỰC HIỆN QUY ĐỊNH SỐ 23-QĐ/TW, KHÓA XII", "", "Thực hiện quy định số 23-QĐ/TW, khóa XII"),
    ("VỀ PHÔNG LƯU TRỮ ĐẢNG CỘNG SẢN VIỆT NAM", "", "Về phông lưu trữ Đảng Cộng sản Việt Nam"),
    ("QUY CHẾ PHỐI HỢP TRÊN ĐỊA BÀN TỈNH ĐẮK LẮK", "Ủy ban nhân dân tỉnh Đắk Lắk", "Quy chế phối hợp trên địa bàn tỉnh Đắk Lắk"),
    ("Về việc thử trên địa bàn tỉnh X", "", "Về việc thử trên địa bàn tỉnh X"),  # not in capitals: as written
]


@pytest.mark.parametrize("title, issuer, shown", SENTENCE_CASE)
def test_a_trich_yeu_in_capitals_is_shown_as_a_sentence(title, issuer, shown):
    from vanban.render.case import shown_title

    assert shown_title(title, issuer or None) == shown


# A header's issuer lines → the issuing body, in normal case (None: shown as written)
HEADER_ISSUERS = [
    (["BAN CHẤP HÀNH TRUNG ƯƠNG", "VĂN PHÒNG"], "Văn phòng Trung ương Đảng"),
    (["BAN CHẤP HÀNH TRUNG ƯƠNG", "BAN TỔ CHỨC"], "Ban Tổ chức Trung ương"),
    (["QUỐC HỘI"], "Quốc hội"),
    (["ỦY BAN NHÂN DÂN", "THÀNH PHỐ CẦN THƠ"], "Ủy ban nhân dân thành phố Cần Thơ"),
    (["UỶ BAN NHÂN DÂN", "TỈNH ĐẮK LẮK"], "Ủy ban nhân dân tỉnh Đắk Lắk"),
    (["HỘI ĐỒNG NHÂN DÂN", "HUYỆN GIO LINH"], "Hội đồng nhân dân huyện Gio Linh"),
    (["CÔNG TY X", "PHÒNG Y"], None),
]


@pytest.mark.parametrize("lines, issuer", HEADER_ISSUERS)
def test_the_issuer_a_header_names(lines, issuer):
    from vanban.cite.identify import header_issuer
    from vanban.cite.patterns import load_patterns

    assert header_issuer(lines, load_patterns()) == issuer


# The real texts → their page's heading and issuer
SHOWN = [
    ("luat-42-2024-qh15", "Luật Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ số 42/2024/QH15", "Quốc hội"),
    ("ket-luan-07-kl-vptw-2025", None, "Văn phòng Trung ương Đảng"),
    # a local body's document: its place in its id and heading
    ("quyet-dinh-2579-qd-ubnd-can-tho-2025", "Quyết định số 2579/QĐ-UBND của Ủy ban nhân dân thành phố Cần Thơ",
     "Ủy ban nhân dân thành phố Cần Thơ"),
    ("ke-hoach-0124-kh-ubnd-dak-lak-2025", "Kế hoạch số 0124/KH-UBND của Ủy ban nhân dân tỉnh Đắk Lắk",
     "Ủy ban nhân dân tỉnh Đắk Lắk"),
    # cited in 2579's text as "… của Ủy ban nhân dân thành ⏎ phố Cần Thơ": its code is the text's own body's
    ("quyet-dinh-1849-qd-ubnd-can-tho-2024", None, "Ủy ban nhân dân thành phố Cần Thơ"),
]


@pytest.mark.parametrize("ident, heading, issuer", SHOWN)
def test_heading_and_issuer_of_the_real_texts(texts_site, ident, heading, issuer):
    page = html.unescape(_page(texts_site, ident))
    if heading:
        assert f"\n# {heading} {{ #van-ban }}" in page
    assert f"| Cơ quan ban hành | {issuer} |" in page


def test_a_body_of_another_level_is_not_given_the_texts_place(texts_site):
    """"Quyết định số 824/QĐ-UBND … của Ủy ban nhân dân tỉnh" in a text of the city of Cần Thơ:
    which province is not said, so no place is given."""
    rows = {r["id"]: r for r in json.loads((texts_site / "docs" / "du-lieu" / "van-ban.json").read_text(encoding="utf-8"))}
    (ident,) = [i for i in rows if i.startswith("quyet-dinh-824-qd-ubnd")]
    assert "can-tho" not in ident and "Cần Thơ" not in (rows[ident]["issuer"] or "")


# The ids these texts had before their place was in them → the page that address leads to now
MOVED = [
    ("quyet-dinh-2579-qd-ubnd-2025", "quyet-dinh-2579-qd-ubnd-can-tho-2025"),
    ("quyet-dinh-1849-qd-ubnd-2024", "quyet-dinh-1849-qd-ubnd-can-tho-2024"),
    ("ke-hoach-0124-kh-ubnd-2025", "ke-hoach-0124-kh-ubnd-dak-lak-2025"),
]


@pytest.mark.parametrize("old, new", MOVED)
def test_an_old_address_leads_to_the_page(texts_site, old, new):
    built = (texts_site / "site" / "van-ban" / old / "index.html").read_text(encoding="utf-8")
    assert f'<meta http-equiv="refresh" content="0; url=../{new}/">' in built
    assert f'href="../{new}/"' in built  # and says so, with a link
    assert 'name="robots" content="noindex"' in built


def test_a_search_result_says_the_directives_force(tmp_path, browser):
    """The page's result shows its force beside its title, as its page states it."""
    from browser import search, served_page

    root = _citing(tmp_path, "15/5/2024")
    assert run_vanban("--root", str(root), "build").returncode == 0
    with served_page(browser, root / "site") as (base, page):
        results = search(page, base, "15/QĐ-UBND")
        first = next(r for r in results if r["href"].startswith("van-ban/quyet-dinh-15-") and "#" not in r["href"])
        assert "hết hiệu lực từ 01/04/2024" in first["text"], first
        newer = search(page, base, "40/QĐ-UBND")
        first = next(r for r in newer if r["href"].startswith("van-ban/quyet-dinh-40-") and "#" not in r["href"])
        assert "có hiệu lực từ 01/04/2024" in first["text"] and "hết" not in first["text"], first


# A law's text citing laws by name with their symbols → no conflict between them (they are two
# laws, not one law with two dates), and what the site notes of it calls it a text, not a report
LAW_TEXT = ("QUỐC HỘI\nLuật số: 99/2010/QH12\nHà Nội, ngày 1 tháng 1 năm 2010\nLUẬT\nTHỬ NGHIỆM\n"
            "Quốc hội ban hành Luật Thử nghiệm.\nĐiều 1. Phạm vi\n"
            "1. Sửa đổi khoản 7 Điều 7 của Luật Quảng cáo số 16/2012/QH13.\n"
            "2. Luật Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ số 14/2017/QH14 hết hiệu lực.\n")


def test_laws_cited_with_their_symbols_stay_apart_and_a_law_is_not_a_report(tmp_path):
    root = make_project(tmp_path, {})
    (root / "data" / "directives").mkdir()
    path = root / "data" / "directives" / "luat-99.txt"
    path.write_text(LAW_TEXT, encoding="utf-8")
    result = run_vanban("--root", str(root), "citations", str(path))
    assert result.returncode == 0, message_lines(result.stderr)
    ids = {c["symbol"]: c["directive"] for c in json.loads(result.stdout) if c["symbol"]}
    assert ids["16/2012/QH13"] != ids["14/2017/QH14"]
    assert run_vanban("--root", str(root), "build").returncode == 0
    pages = {i: _page(root, i) for i in ids.values()}
    assert not any("ngày ban hành khác nhau" in page for page in pages.values())
    notes = pages[ids["14/2017/QH14"]].split("{ #mau-thuan }")[1]  # cited by a text of 2010
    assert "sau ngày của chính văn bản" in notes and "báo cáo" not in notes.split("</div>")[0], notes


ENTRY = """
- id: chi-thi-{n}-ct-tu-2024
  type: Chỉ thị
  number: "{n}"
  symbol: {n}-CT/TU
  issuer: Tỉnh ủy X
  level: Tỉnh
  date: 2024-{month}-01
  formerly: [{former}]
"""


def _catalog(old: str, other: str) -> str:
    """Two directives of a Tỉnh ủy, each with one former id."""
    return ENTRY.format(n="07", month="03", former=old) + ENTRY.format(n="08", month="04", former=other)
CITES_BOTH = "Chỉ thị số 07-CT/TU ngày 1/3/2024 và Chỉ thị số 08-CT/TU ngày 1/4/2024 của Tỉnh ủy"


# A catalog's former ids (an office renamed them) → what the old address holds: a redirect to the
# one page, or (an id two documents name as theirs) a list of both, with no redirect
FORMERLY = [
    ("chi-thi-07-cu", "chi-thi-08-cu", {"chi-thi-07-cu": ["chi-thi-07-ct-tu-2024"], "chi-thi-08-cu": ["chi-thi-08-ct-tu-2024"]}),
    ("chi-thi-cu", "chi-thi-cu", {"chi-thi-cu": ["chi-thi-07-ct-tu-2024", "chi-thi-08-ct-tu-2024"]}),
]


@pytest.mark.parametrize("old, other, expected", FORMERLY)
def test_former_ids_of_the_catalog(tmp_path, old, other, expected):
    root = make_project(tmp_path, {"bc.txt": _report("1/6/2024", CITES_BOTH)})
    (root / "data" / "directives.yml").write_text(_catalog(old=old, other=other), encoding="utf-8")
    result = run_vanban("--root", str(root), "build")
    assert result.returncode == 0, message_lines(result.stderr)
    for former, now in expected.items():
        built = (root / "site" / "van-ban" / former / "index.html").read_text(encoding="utf-8")
        article = built[built.index("<article"):built.index("</article>")]
        assert re.findall(r'href="\.\./([-\w]+)/"', article) == now
        refresh = re.findall(r'http-equiv="refresh" content="0; url=\.\./([-\w]+)/"', built)
        assert refresh == (now if len(now) == 1 else [])
        assert 'data-pagefind-body' not in built and "vb-not-searched" in built  # not searched


def test_a_former_id_that_is_not_an_id_is_refused(tmp_path):
    root = make_project(tmp_path, {"bc.txt": _report("1/6/2024", CITES_BOTH)})
    (root / "data" / "directives.yml").write_text(_catalog(old="Chỉ thị cũ", other="x"), encoding="utf-8")
    result = run_vanban("--root", str(root), "build")
    assert result.returncode != 0
    (line,) = message_lines(result.stderr)
    assert "directives.yml" in line and "formerly" in line and "Traceback" not in result.stderr
    assert not (root / "site").exists()


def test_a_page_that_moves_when_its_text_arrives_keeps_its_address(tmp_path):
    """A report cites a decision by its symbol alone: its page is built from the citation. Its
    text, added later, names its body and place: the page moves to the id with the place, and
    the first address leads there."""
    cited = "Quyết định số 15/QĐ-UBND ngày 2/3/2021"
    root = make_project(tmp_path, {"bc.txt": _report("15/5/2021", cited)})
    assert run_vanban("--root", str(root), "build").returncode == 0
    (before,) = [p.parent.name for p in (root / "site" / "van-ban").glob("quyet-dinh-15-*/index.html")]
    (root / "data" / "directives").mkdir()
    (root / "data" / "directives" / "qd-15.txt").write_text(
        OLDER.replace("ỦY BAN NHÂN DÂN TỈNH X\n", "ỦY BAN NHÂN DÂN\nTỈNH BÌNH ĐỊNH\n"), encoding="utf-8")
    assert run_vanban("--root", str(root), "build").returncode == 0
    now = sorted(p.parent.name for p in (root / "site" / "van-ban").glob("quyet-dinh-15-*/index.html"))
    assert now == sorted([before, "quyet-dinh-15-qd-ubnd-binh-dinh-2021"])
    built = (root / "site" / "van-ban" / before / "index.html").read_text(encoding="utf-8")
    assert 'content="0; url=../quyet-dinh-15-qd-ubnd-binh-dinh-2021/"' in built


def test_a_browser_at_an_old_address_lands_on_the_page(tmp_path, browser):
    from browser import served_page

    root = make_project(tmp_path, {"bc.txt": _report("1/6/2024", CITES_BOTH)})
    (root / "data" / "directives.yml").write_text(_catalog(old="chi-thi-07-cu", other="chi-thi-08-cu"),
                                                  encoding="utf-8")
    assert run_vanban("--root", str(root), "build").returncode == 0
    with served_page(browser, root / "site") as (base, page):
        page.goto(base + "van-ban/chi-thi-07-cu/")
        page.wait_for_url("**/van-ban/chi-thi-07-ct-tu-2024/", timeout=10000)
        assert "07-CT/TU" in page.inner_text("h1")
