"""`vanban check`, table-driven: each kind of check with true positives and near misses."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import SEED_SLUG, make_project, run_vanban
from vanban.check import check_report
from vanban.check.figures import percent_fits
from vanban.facts.numbers import figures
from vanban.check.text import split_syllables
from vanban.cite import extract_citations
from vanban.sources import load_reports

HEADER = "BÁO CÁO\nthử\n-----\n"


def _findings(tmp_path: Path, body: str, kinds: set[str] | None = None):
    (tmp_path / "data" / "reports").mkdir(parents=True, exist_ok=True)
    (tmp_path / "data" / "reports" / "r.txt").write_text(HEADER + body, encoding="utf-8")
    reports = load_reports(tmp_path)
    found = check_report(reports[0], extract_citations(reports, tmp_path))
    return [f for f in found if kinds is None or f.kind in kinds]


@pytest.mark.parametrize(
    "stated, part, whole, decimals, fits",
    [
        (85.7, 42, 49, 1, True),
        (18.3, 9, 49, 1, True),     # 18,37 truncated: the report's own habit, not an error
        (18.4, 9, 49, 1, True),     # rounded
        (12.2, 6, 49, 1, True),
        (0.2, 1, 49, 1, False),     # 2,04%: a decimal slip
        (2.0, 1, 49, 1, True),
        (0.55, 1, 183, 2, True),
        (20.8, 38, 183, 1, True),
        (20.8, 38, 181, 1, False),  # 20,99: the wrong total
        (100, 9, 9, 0, True),
    ],
)
def test_percent_tolerates_rounding_and_truncation_only(stated, part, whole, decimals, fits):
    assert percent_fits(stated, 100 * part / whole, decimals) is fits


@pytest.mark.parametrize(
    "text, expected",
    [
        ("có 6.576 đảng viên", [("count", 6576, "đảng viên")]),
        ("có 42/49 TCCS đảng (chiếm 85,7%)", [("fraction", 42, "TCCS đảng"), ("percent", 85.7, "")]),
        ("chiếm 95.5%", [("percent", 95.5, "")]),
        ("điều động12 đồng chí", [("count", 12, "đồng chí")]),
        ("ngày 31/12/2020 là 183 chi bộ", [("count", 183, "chi bộ")]),
        ("năm 2020 có 05 mô hình", [("count", 5, "mô hình")]),
        ("Chỉ thị số 05-CT/TW và Nghị quyết 35 năm 2019", []),
        ("Phường 2, Phường 3 và khối phường 09 đơn vị", [("count", 9, "đơn vị")]),
        ("nhiệm kỳ 2020 - 2025 và 2016-2020", []),
    ],
)
def test_figures_are_read_the_vietnamese_way(text, expected):
    assert [(f.kind, f.value, f.unit) for f in figures(text)] == expected


@pytest.mark.parametrize(
    "body, kind, severity, stated, expected",
    [
        ("Có 01/49 đơn vị không hoàn thành nhiệm vụ (chiếm 0,2%).\n", "percent-fraction", "error", "0,2%", "2,0%"),
        ("Trong đó 42/49 TCCS đảng hoàn thành tốt (chiếm 95,7%).\n", "percent-fraction", "error", "95,7%", "85,7%"),
        ("Có 09/49 TCCS đảng hoàn thành xuất sắc (chiếm 18,3%).\n", None, None, None, None),
        ("Tổng số chi bộ là 183 chi bộ; số được đánh giá là 181 chi bộ, trong đó 38 chi bộ HTXSNV (chiếm 20,8%), "
         "127 chi bộ HTTNV (chiếm 69,4%), 15 chi bộ HTNV (chiếm 8,2%), 01 chi bộ KHTNV (chiếm 0,55%), 02 chi bộ "
         "không xếp loại (chiếm 1,09%).\n", None, None, None, None),
        ("Số đảng viên đến kỳ đánh giá là 5.907 đ/c. Có 4.706 đảng viên HTTNV trở lên, chiếm 79,7 %, "
         "(trong đó: có 961 đảng viên hoàn thành xuất sắc nhiệm vụ, chiếm 16,3%); đảng viên HTNV 221 đ/c, "
         "chiếm 3,74%; đảng viên không hoàn thành nhiệm vụ 19 đ/c, chiếm 0,32%.\n",
         "rating-sum", "error", "4.946", "5.907"),
        ("Có 42/49 TCCS đảng hoàn thành tốt nhiệm vụ trở lên, trong đó có 09 TCCS đảng hoàn thành xuất sắc "
         "nhiệm vụ; 06/49 TCCS đảng hoàn thành nhiệm vụ và 01/49 đơn vị không hoàn thành nhiệm vụ.\n",
         None, None, None, None),
        ("Đã tiến hành 14 lượt giám sát tổ chức đảng, trong đó: Đảng ủy cơ sở 09 tổ chức và 02 chi bộ cơ sở.\n",
         "parts-sum", "warning", "11", "14"),
        ("Kiểm tra 536 trường hợp, trong đó: phát triển đảng viên 68 trường hợp; quy hoạch, bổ nhiệm cán bộ "
         "468 trường hợp.\n", None, None, None, None),
        ("Tổng số Đảng viên: 6.576 đồng chí; đảng viên đến kỳ đánh giá là 5.907 đ/c (đảng viên không đánh giá "
         "là: 620 đ/c, trong đó được miễn đánh giá là 583 đ/c; mới kết nạp là 37 đ/c).\n",
         "complement-sum", "warning", "6.527", "6.576"),
        ("Tổng số Đảng viên: 6.527 đồng chí; đảng viên đến kỳ đánh giá là 5.907 đ/c (đảng viên không đánh giá "
         "là: 620 đ/c).\n", None, None, None, None),
        ("Thực hiện việc điều động12 đồng chí[footnoteRef:2]. [2: Điều động 11 đồng chí: Khối Đảng 02 đ/c, "
         "khối Nhà nước 09 đ/c]\n", "text-footnote", "warning", "12", "11"),
        ("Thực hiện việc điều động 11 đồng chí[footnoteRef:2]. [2: Điều động 11 đồng chí: Khối Đảng 02 đ/c, "
         "khối Nhà nước 09 đ/c]\n", None, None, None, None),
        ("Có 49 TCCS đảng[footnoteRef:3]. [3: khối phường 09 đơn vị, khối hành chính 06 đơn vị, doanh nghiệp "
         "24 đơn vị]\n", "footnote-parts", "warning", "39", "49"),
        ("Kết nạp 86/150 đảng viên[footnoteRef:4]. [4: Trong đó, nữ 57 đảng viên (chiếm 66,3%); Đoàn thanh niên "
         "45 đ/c (chiếm 52,3%)]\n", None, None, None, None),
        ("Kết nạp 86/150 đảng viên[footnoteRef:4]. [4: Trong đó, nữ 57 đảng viên (chiếm 76,3%)]\n",
         "percent-total", "warning", "76,3%", "66,3%"),
    ],
)
def test_figure_checks(tmp_path, body, kind, severity, stated, expected):
    figure_kinds = {"percent-fraction", "percent-total", "rating-sum", "parts-sum", "complement-sum",
                    "text-footnote", "footnote-parts"}
    found = _findings(tmp_path, body, figure_kinds)
    if kind is None:
        assert found == [], [f.message for f in found]
        return
    assert [(f.kind, f.severity, f.stated, f.expected) for f in found] == [(kind, severity, stated, expected)]
    assert found[0].quote and found[0].message


@pytest.mark.parametrize(
    "body, kind, stated, expected",
    [
        ("Tập trungđẩy mạnh.\n", "glued-words", "trungđẩy", "trung đẩy"),
        ("thực hiện Nghị quyết vàChỉ thị.\n", "glued-words", "vàChỉ", "và Chỉ"),
        ("sinh hoạtvànhất là.\n", "glued-words", "hoạtvànhất", "hoạt và nhất"),
        ("đóng góp trêngóp ý.\n", "glued-words", "trêngóp", "trên góp"),
        ("kiểm tra06 tổ chức.\n", "glued-number", "tra06", None),
        ("đoàn kết,quyết tâm cao.\n", "missing-space", "t,q", None),
        ("theo chủ đề “Dân vận khéo.\n", "unbalanced-quotes", "1 “ / 0 ” / 0 \"", "số dấu mở bằng số dấu đóng"),
    ],
)
def test_text_checks_find(tmp_path, body, kind, stated, expected):
    found = _findings(tmp_path, body, {kind})
    assert [(f.stated, f.expected) for f in found] == [(stated, expected)]


@pytest.mark.parametrize(
    "body",
    [
        "Nghiêng về khuỷu tay, người nguyễn quốc giữa thuyền khoảng huyện quyết giải.\n",
        "Chi bộ Trường Mầm non iSMILE và trang sachweb.vn, video, online, fanpage.\n",
        "Theo Chỉ thị số 05-CT/TW, dịch Covid-19, GD&ĐT và HĐND&UBND, địa chỉ btg.q8@tphcm.\n",
        "Đây là “trích dẫn” đúng và \"cũng đúng\".\n",
    ],
)
def test_text_checks_near_misses(tmp_path, body):
    kinds = {"glued-words", "glued-number", "missing-space", "unbalanced-quotes"}
    assert [(f.kind, f.stated) for f in _findings(tmp_path, body, kinds)] == []


def test_real_words_are_not_split():
    for word in ("nghiêng", "khuỷu", "quốc", "giữa", "người", "chuyển", "nguyễn", "hoạch", "khoảng", "trường"):
        assert split_syllables(word) is None, word


def test_reader_and_citation_findings(tmp_path):
    body = ("Có dấu[footnoteRef:7] mà không có chú thích. Theo Ðảng.\n"
            "Quy định số 01-QĐ/TU, ngày 08/5/2017 của Ban Thường vụ Thành ủy.\n"
            "Quy định số 01-QĐ/TU ngày 08/4/2017 của Ban Thường vụ Thành ủy.\n"
            "Kết luận số 66-LK/TW, ngày 04/3/2010 của Ban Bí thư.\n")
    kinds = {(f.kind, f.severity) for f in _findings(tmp_path, body)}
    assert {("footnote-no-body", "warning"), ("lookalike", "info"), ("citation-two-dates", "error"),
            ("citation-symbol", "error"), ("citation-not-in-catalog", "info")} <= kinds


def test_seed_real_errors_are_found():
    from conftest import REPO

    reports = load_reports(REPO)
    found = check_report(reports[0], extract_citations(reports, REPO))
    errors = {(f.kind, f.anchor) for f in found if f.severity == "error"}
    assert ("percent-fraction", "p-i-2-2-7") in errors          # 0,2% for 1/49: a factor of ten
    assert ("rating-sum", "p-i-2-2-9") in errors                 # ratings add to 4.946, not 5.907
    assert ("citation-two-dates", "p-i-1-3") in errors
    assert ("citation-symbol", "fn:19") in errors                # 66-LK/TW
    assert ("citation-symbol", "p-i-2-2-10") in errors           # 687-KH/TU
    warnings = {(f.kind, f.anchor) for f in found if f.severity == "warning"}
    assert ("text-footnote", "p-i-2-2-4") in warnings            # 12 in the text, 11 in footnote 9
    assert ("complement-sum", "p-i-2-2-9") in warnings           # 5.907 + 620 ≠ 6.576
    assert sum(f.severity == "error" for f in found) == 6        # few false alarms: all six checked by hand


def test_check_cli_json_strict_and_site(seed_site):
    result = run_vanban("--root", str(seed_site), "check", "--json")
    assert result.returncode == 0, result.stderr
    findings = json.loads(result.stdout)
    keys = {"kind", "severity", "report", "anchor", "quote", "expected", "stated", "message"}
    assert findings and all(keys <= set(f) for f in findings)
    assert {f["severity"] for f in findings} <= {"error", "warning", "info"}
    strict = run_vanban("--root", str(seed_site), "check", SEED_SLUG, "--strict")
    assert strict.returncode == 1 and "0,2%" in strict.stdout
    unknown = run_vanban("--root", str(seed_site), "check", "khong-co")
    assert unknown.returncode == 1 and "khong-co" in unknown.stderr and "internal error" not in unknown.stderr
    page = (seed_site / "site" / "kiem-tra" / SEED_SLUG / "index.html").read_text(encoding="utf-8")
    assert 'id="kt-1"' in page and f'href="../../bao-cao/{SEED_SLUG}/#p-i-2-2-7"' in page
    report = (seed_site / "site" / "bao-cao" / SEED_SLUG / "index.html").read_text(encoding="utf-8")
    assert report.count('class="vb-flag"') >= 8
    assert f'href="../../kiem-tra/{SEED_SLUG}/#kt-1"' in report


def test_check_is_quiet_on_a_clean_report(tmp_path):
    """A report with its header (issuer and date: issue 36) and figures that add up."""
    header = "THÀNH ỦY ĐÔNG HÀ\nSố 12-BC/TU\nĐông Hà, ngày 5 tháng 1 năm 2021\n" + HEADER
    root = make_project(tmp_path, {"a.txt": header + "I. KẾT QUẢ\nCó 49 TCCS đảng, trong đó 17 đảng bộ và 32 chi bộ.\n"})
    result = run_vanban("--root", str(root), "check", "--strict")
    assert result.returncode == 0 and "0 lỗi, 0 cần xem" in result.stdout


def test_check_page_folds_the_long_notes_and_states_only_proved_figures(seed_site):
    page = (seed_site / "docs" / "kiem-tra" / f"{SEED_SLUG}.md").read_text(encoding="utf-8")
    section = page.split("{ #citation-not-in-catalog }", 1)[1].split("\n## ", 1)[0]
    assert section.lstrip().startswith('<details class="vb-folded" markdown>')
    listed = int(re.search(r"## Văn bản chưa có trong danh mục \((\d+)\)", page).group(1))
    assert listed > 10 and section.count("{: #kt-") == listed and section.rstrip().endswith("</details>")
    findings = re.findall(r"\*\*(Lỗi|Cần xem lại)\*\*[^\n]*\n(Báo cáo ghi: [^\n]*)", page)
    assert findings
    for severity, stated in findings:
        assert ("Đúng ra:" in stated) == (severity == "Lỗi"), (severity, stated)
