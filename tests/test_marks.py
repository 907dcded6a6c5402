"""Secret and internal documents (README, "Secret and internal documents"): the marks are found
in every written form and place, a public build refuses what it may not publish and leaks
nothing of it, an internal build publishes with a banner and asks not to be indexed."""

from __future__ import annotations

import html
import json
import socket
import sys
from pathlib import Path

import pytest

from conftest import corpus_texts, make_project, message_lines, run_vanban
from vanban.read import read_report
from vanban.read.marks import line_marks

sys.path.insert(0, str(Path(__file__).parent / "fixtures"))
import make_docx  # noqa: E402


# A line as written → the marks it is made of (kind, standard name); [] for ordinary text.
LINES = [
    ("MẬT", [("secret", "MẬT")]),
    ("Mật", [("secret", "MẬT")]),
    ("mat", [("secret", "MẬT")]),
    ("(MẬT)", [("secret", "MẬT")]),
    ("[Mật]", [("secret", "MẬT")]),
    ("  TỐI MẬT  ", [("secret", "TỐI MẬT")]),
    ("Toi mat", [("secret", "TỐI MẬT")]),
    ("TUYỆT MẬT", [("secret", "TUYỆT MẬT")]),
    ("«TUYET MAT»", [("secret", "TUYỆT MẬT")]),
    ("Số 12-BC/TU        MẬT", [("secret", "MẬT")]),
    ("Số: 12-BC/TU (Mật)", [("secret", "MẬT")]),
    ("MẬT\tSố 07-NQ/ĐU", [("secret", "MẬT")]),
    ("Lưu hành nội bộ", [("internal", "Lưu hành nội bộ")]),
    ("LUU HANH NOI BO", [("internal", "Lưu hành nội bộ")]),
    ("(Tài liệu lưu hành nội bộ)", [("internal", "Lưu hành nội bộ")]),
    ("Tài liệu không phổ biến", [("internal", "Tài liệu không phổ biến")]),
    ("THU HỒI SAU HỘI NGHỊ", [("internal", "Thu hồi sau hội nghị")]),
    ("Xem xong trả lại", [("internal", "Thu hồi sau hội nghị")]),
    ("MẬT - LƯU HÀNH NỘI BỘ", [("secret", "MẬT"), ("internal", "Lưu hành nội bộ")]),
    # Ordinary text: the words inside a sentence, a name, a number line without a stamp.
    ("bí mật", []),
    ("Bảo vệ bí mật nhà nước trong tình hình mới", []),
    ("- Giữ gìn đoàn kết nội bộ, không để phát sinh điểm nóng.", []),
    ("Số 12-BC/TU", []),
    ("Tài liệu học tập nghị quyết", []),
    ("mật độ dân số", []),
    ("3. Nội bộ chi bộ", []),
]


@pytest.mark.parametrize("text, expected", LINES)
def test_mark_forms(text, expected):
    assert line_marks(text) == expected


def _report(head: list[str], body: list[str]) -> str:
    return "\n".join(head + ["BÁO CÁO", "về công tác năm 2024", "-----"] + body) + "\n"


HEAD = ["ĐẢNG BỘ HUYỆN Y", "CHI BỘ X", "*", "Số 03-BC/CB", "", "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Y, ngày 5 tháng 1 năm 2025"]
BODY = ["I. KẾT QUẢ", "Chi bộ lãnh đạo đảng viên hoàn thành nhiệm vụ được giao trong năm.",
        "Công tác bảo vệ bí mật nhà nước được chú trọng."]

# Where a mark stands in a text report → the mark found there, with its line.
PLACES = [
    ("alone above the issuer", ["MẬT", *HEAD], BODY, ("MẬT", 1)),
    ("beside the number", [*HEAD[:3], "Số 03-BC/CB      TỐI MẬT", *HEAD[4:]], BODY, ("TỐI MẬT", 4)),
    ("under the date, in brackets", [*HEAD, "(Tài liệu lưu hành nội bộ)"], BODY, ("Lưu hành nội bộ", 8)),
    ("first line of the body", HEAD, ["Thu hồi sau hội nghị", *BODY], ("Thu hồi sau hội nghị", 11)),
    ("under Nơi nhận at the end", HEAD, [*BODY, "Nơi nhận:", "- Đảng ủy huyện,", "- Lưu.", "LƯU HÀNH NỘI BỘ"],
     ("Lưu hành nội bộ", 17)),
]


@pytest.mark.parametrize("where, head, body, expected", PLACES, ids=[p[0] for p in PLACES])
def test_marks_in_a_text_report(tmp_path, where, head, body, expected):
    path = tmp_path / "bc.txt"
    path.write_text(_report(head, body), encoding="utf-8")
    report = read_report(path)
    assert [(m.label, m.line) for m in report.marks] == [expected]
    # The mark is the author's text: it stays in the header or the body, and is not an issuer.
    assert report.committee is None and "MẬT" not in " ".join(report.meta.issuer)
    assert (report.meta.number, report.meta.symbol) == ("03", "BC/CB")


def test_unmarked_report_and_a_mark_deep_in_the_body(tmp_path):
    path = tmp_path / "bc.txt"
    middle = [f"Đoạn văn thứ {i} nói về công tác xây dựng Đảng." for i in range(20)]
    path.write_text(_report(HEAD, [*BODY, *middle[:10], "Mật", *middle[10:]]), encoding="utf-8")
    assert read_report(path).marks == []


@pytest.mark.parametrize("path", corpus_texts())
def test_no_real_text_is_taken_for_marked(path):
    """Real texts carry no mark: none may be refused by mistake."""
    assert read_report(path).marks == []


def test_marks_in_a_docx_page_header_and_text_box(tmp_path):
    body = "".join([make_docx.table([["HUYỆN ỦY Y\n*\nSố 12-BC/HU", "ĐẢNG CỘNG SẢN VIỆT NAM\nY, ngày 5 tháng 3 năm 2022"]]),
                    make_docx.paragraph(make_docx.run("BÁO CÁO")), make_docx.paragraph(make_docx.run("về việc thử")),
                    make_docx.text_box("Lưu hành nội bộ"),
                    make_docx.paragraph(make_docx.run("Nội dung báo cáo."))])
    path = tmp_path / "bc.docx"
    make_docx.package(path, body, {}, page_header="TỐI MẬT")
    marks = read_report(path).marks
    assert sorted((m.label, m.where) for m in marks) == [("Lưu hành nội bộ", "text box"),
                                                          ("TỐI MẬT", "Word page header")]
    plain = tmp_path / "plain.docx"
    make_docx.package(plain, body.replace(make_docx.text_box("Lưu hành nội bộ"), ""), {}, page_header="Trang 1")
    assert read_report(plain).marks == []


def test_marks_in_the_docx_body(tmp_path):
    body = "".join([make_docx.paragraph(make_docx.run("MẬT")),
                    make_docx.table([["HUYỆN ỦY Y\nSố 12-BC/HU", "ĐẢNG CỘNG SẢN VIỆT NAM\nY, ngày 5 tháng 3 năm 2022"]]),
                    make_docx.paragraph(make_docx.run("BÁO CÁO")), make_docx.paragraph(make_docx.run("Nội dung."))])
    path = tmp_path / "bc.docx"
    make_docx.package(path, body, {})
    assert [(m.label, m.line) for m in read_report(path).marks] == [("MẬT", 1)]


# ---- building ----

SECRET_SENTENCE = "Phương án bố trí lực lượng tại khu vực cầu Đông Hà được giữ kín"
INTERNAL_SENTENCE = "Chi bộ thống nhất đề nghị kỷ luật khiển trách một đồng chí đảng viên"
PLAIN = _report(HEAD, BODY + ["Chi bộ thực hiện Chỉ thị số 12-CT/TU của Tỉnh ủy về công tác quốc phòng."])


def _marked(mark_line: str, sentence: str) -> str:
    return _report([mark_line, *HEAD], ["I. KẾT QUẢ", f"{sentence}, theo Chỉ thị số 05-CT/TW."])


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _set_visibility(root: Path, settings: str) -> None:
    config = root / "mkdocs.yml"
    shipped = "  vanban:\n    visibility: public\n    allow_internal: false\n"
    text = config.read_text(encoding="utf-8")
    assert shipped in text
    config.write_text(text.replace(shipped, f"  vanban: {settings}\n"), encoding="utf-8")


def _leaks(root: Path, phrases: list[str]) -> list[str]:
    """Files anywhere in the project's output (site/, docs/, .vanban/) holding one of the phrases."""
    out = []
    for folder in ("site", "docs", ".vanban"):
        for path in (root / folder).rglob("*") if (root / folder).exists() else []:
            if path.is_file():
                data = path.read_bytes().decode("utf-8", "replace")
                out += [f"{path.relative_to(root)}: {p}" for p in phrases if p in data]
    return out


def test_public_build_refuses_marked_reports_and_leaves_the_last_site(tmp_path):
    root = make_project(tmp_path, {"a.txt": PLAIN})
    assert run_vanban("--root", str(root), "build").returncode == 0
    before = _files(root / "site")
    (root / "data" / "reports" / "mat.txt").write_text(_marked("MẬT", SECRET_SENTENCE), encoding="utf-8")
    (root / "data" / "reports" / "noi-bo.txt").write_text(_marked("Lưu hành nội bộ", INTERNAL_SENTENCE),
                                                          encoding="utf-8")
    result = run_vanban("--root", str(root), "build")
    assert result.returncode == 1
    errors = message_lines(result.stderr)
    assert len(errors) == 2, result.stderr
    assert errors[0].startswith("data/reports/mat.txt:1: error: có dấu MẬT ('MẬT')")
    assert errors[1].startswith("data/reports/noi-bo.txt:1: error: có dấu Lưu hành nội bộ")
    assert "internal error" not in result.stderr
    assert _files(root / "site") == before
    assert _leaks(root, [SECRET_SENTENCE, INTERNAL_SENTENCE]) == []


def test_public_build_may_allow_internal_circulation_but_never_secret(tmp_path):
    root = make_project(tmp_path, {"a.txt": PLAIN, "noi-bo.txt": _marked("Lưu hành nội bộ", INTERNAL_SENTENCE)})
    _set_visibility(root, "{allow_internal: true}")
    result = run_vanban("--root", str(root), "build")
    assert result.returncode == 0, result.stderr
    page = (root / "site" / "bao-cao" / "noi-bo" / "index.html").read_text(encoding="utf-8")
    assert 'class="vb-mark vb-mark--internal"' in page and "chỉ lưu hành nội bộ" in page
    assert "noindex" not in page
    (root / "data" / "reports" / "mat.txt").write_text(_marked("[TỐI MẬT]", SECRET_SENTENCE), encoding="utf-8")
    result = run_vanban("--root", str(root), "build")
    assert result.returncode == 1
    assert message_lines(result.stderr)[0].startswith("data/reports/mat.txt:1: error: có dấu TỐI MẬT")


def test_sidecar_marks_and_bad_marks(tmp_path):
    root = make_project(tmp_path, {"a.txt": PLAIN, "a.yml": "committee: Chi bộ X\nmat: Tối mật\n"})
    result = run_vanban("--root", str(root), "build")
    assert result.returncode == 1
    assert message_lines(result.stderr)[0].startswith("data/reports/a.yml:2: error: có dấu TỐI MẬT")
    (root / "data" / "reports" / "a.yml").write_text("committee: Chi bộ X\nluu_hanh: nhiều người biết\n",
                                                      encoding="utf-8")
    result = run_vanban("--root", str(root), "build")
    assert result.returncode == 1
    assert message_lines(result.stderr) == [
        "data/reports/a.yml:2: error: luu_hanh: 'nhiều người biết' không phải một dấu đã biết; "
        "cần một trong: một ghi chú lưu hành như Lưu hành nội bộ"]


CATALOG = """- id: chi-thi-12-ct-tu-2019
  type: Chỉ thị
  number: "12"
  symbol: 12-CT/TU
  issuer: Tỉnh ủy Quảng Trị
  level: Tỉnh
  date: 2019-03-01
  title: về phương án phòng thủ khu vực biên giới phía tây
  mat: MẬT
"""


def test_public_build_withholds_a_directive_marked_in_the_catalog(tmp_path):
    root = make_project(tmp_path, {"a.txt": PLAIN})
    (root / "data" / "directives.yml").write_text(CATALOG, encoding="utf-8")
    result = run_vanban("--root", str(root), "build")
    assert result.returncode == 0, result.stderr
    assert _leaks(root, ["phương án phòng thủ khu vực biên giới", "chi-thi-12-ct-tu-2019"]) == []
    page = html.unescape((root / "site" / "bao-cao" / "a" / "index.html").read_text(encoding="utf-8"))
    assert "Chỉ thị số 12-CT/TU của Tỉnh ủy" in page  # the report's words, as plain text
    # The same data, built as an internal site: the directive has its page, with the banner.
    _set_visibility(root, "{visibility: internal}")
    assert run_vanban("--root", str(root), "build").returncode == 0
    directive = (root / "site" / "van-ban" / "chi-thi-12-ct-tu-2019" / "index.html").read_text(encoding="utf-8")
    assert 'class="vb-mark vb-mark--secret"' in directive and "phương án phòng thủ" in directive


def test_internal_build_publishes_with_banner_and_noindex(tmp_path):
    root = make_project(tmp_path, {"a.txt": PLAIN, "mat.txt": _marked("MẬT", SECRET_SENTENCE)})
    _set_visibility(root, "{visibility: internal}")
    result = run_vanban("--root", str(root), "build")
    assert result.returncode == 0, result.stderr
    site = root / "site"
    for page in ("bao-cao/mat", "kiem-tra/mat", "so-lieu/mat"):
        html = (site / page / "index.html").read_text(encoding="utf-8")
        assert 'class="vb-mark vb-mark--secret"' in html, page
        assert "Văn bản mang dấu mức độ mật" in html
    assert SECRET_SENTENCE in (site / "bao-cao" / "mat" / "index.html").read_text(encoding="utf-8")
    assert 'vb-mark' not in (site / "bao-cao" / "a" / "index.html").read_text(encoding="utf-8")
    pages = list(site.rglob("*.html"))
    assert pages and all('<meta name="robots" content="noindex, nofollow">' in p.read_text(encoding="utf-8")
                         for p in pages)
    assert (site / "robots.txt").read_text(encoding="utf-8") == "User-agent: *\nDisallow: /\n"


def test_public_build_is_indexable(seed_site):
    site = seed_site / "site"
    assert "noindex" not in (site / "index.html").read_text(encoding="utf-8")
    assert not (site / "robots.txt").exists()


def test_bad_visibility_setting(tmp_path):
    root = make_project(tmp_path, {"a.txt": PLAIN})
    _set_visibility(root, "{visibility: secret}")
    result = run_vanban("--root", str(root), "build")
    assert result.returncode == 1
    assert message_lines(result.stderr) == ["mkdocs.yml: error: extra.vanban.visibility phải là public hoặc "
                                            "internal, không phải 'secret'"]


def test_check_lists_the_marks(tmp_path):
    root = make_project(tmp_path, {"mat.txt": _marked("Số 03-BC/CB (Mật)", SECRET_SENTENCE)})
    result = run_vanban("--root", str(root), "check", "--json")
    assert result.returncode == 0, result.stderr
    marks = [f for f in json.loads(result.stdout) if f["kind"] == "mark"]
    assert [(f["severity"], f["stated"], f["line"]) for f in marks] == [("warning", "Số 03-BC/CB (Mật)", 1)]


def test_serve_refuses_too(tmp_path):
    root = make_project(tmp_path, {"mat.txt": _marked("MẬT", SECRET_SENTENCE)})
    with socket.socket() as probe:  # a port nothing else holds: the refusal must be the mark's
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = run_vanban("--root", str(root), "serve", "-a", f"127.0.0.1:{port}")
    assert result.returncode == 1
    assert message_lines(result.stderr)[0].startswith("data/reports/mat.txt:1: error: có dấu MẬT")
