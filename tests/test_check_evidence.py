"""Severity from evidence (issue 15): a figure is an `error` only when the text itself proves
the arithmetic; a guessed link is at most a `warning` that says what it assumed; a share of a
plan, a change, or a figure of another sentence is never compared with a fraction. Sentences
written from general usage, right ones that must stay silent, wrong ones that must be errors."""

from __future__ import annotations

import pytest

from test_check import _findings

FIGURE_KINDS = {"percent-fraction", "percent-total", "parts-sum", "rating-sum", "complement-sum"}


def _graded(tmp_path, sentence: str) -> list[tuple[str, str]]:
    return [(f.kind, f.severity) for f in _findings(tmp_path, "I. KẾT QUẢ\n" + sentence + "\n", FIGURE_KINDS)]


RIGHT = [
    # a share of a plan, not of the fraction
    "Ủy ban Kiểm tra đã kiểm tra 12/15 chi bộ, đạt 100% kế hoạch.",
    "Kết nạp 86/150 đảng viên, đạt 57% chỉ tiêu nghị quyết.",
    # a change, not a share
    "Có 40/45 TCCS đảng hoàn thành tốt nhiệm vụ trở lên, tăng 5% so với năm 2020.",
    "Thu ngân sách 1.250 tỷ đồng, giảm 2,5% so với cùng kỳ.",
    # the next sentence's figure
    "Kỷ luật 10 đảng viên, chiếm 0,3% (10/3.250 đảng viên). Trong năm, 98% chi bộ sinh hoạt đều đặn.",
    # right shares, tied explicitly
    "Có 42/49 TCCS đảng hoàn thành tốt nhiệm vụ trở lên, đạt tỷ lệ 85,7%.",
    "Có 01/49 đơn vị không hoàn thành nhiệm vụ (chiếm 2,0%).",
    "Có 9/49 TCCS hoàn thành xuất sắc nhiệm vụ (chiếm 18,3%).",   # truncated, the report's habit
    # parts that add up, or may overlap
    "Toàn Đảng bộ có 250 đảng viên, trong đó: nam 150 đồng chí, nữ 100 đồng chí.",
    "Tiếp nhận 7 vụ việc, trong đó 3 vụ đã xử lý xong, 4 vụ đang xem xét.",
    "Tiếp nhận 7 vụ việc, trong đó 3 vụ đã xử lý xong, 2 vụ đang xem xét.",  # the rest not yet taken up
    "Toàn Đảng bộ có 250 đảng viên. Trong đó, nam 150 đồng chí, nữ 100 đồng chí.",
]


@pytest.mark.parametrize("sentence", RIGHT)
def test_right_figures_raise_no_error(tmp_path, sentence):
    assert [g for g in _graded(tmp_path, sentence) if g[1] == "error"] == []


WRONG = [
    ("Có 01/49 đơn vị không hoàn thành nhiệm vụ (chiếm 0,2%).", ("percent-fraction", "error")),
    ("Có 42/49 TCCS đảng hoàn thành tốt nhiệm vụ trở lên, đạt tỷ lệ 95,7%.", ("percent-fraction", "error")),
    ("Kỷ luật 10 đảng viên, chiếm 3% (10/3.250 đảng viên).", ("percent-fraction", "error")),
    ("Toàn Đảng bộ có 250 đảng viên, trong đó: nam 140 đồng chí, nữ 100 đồng chí.", ("parts-sum", "error")),
    ("Tiếp nhận 7 vụ việc, trong đó 3 vụ đã xử lý xong, 5 vụ đang xem xét.", ("parts-sum", "error")),
    ("Có 120 đảng viên dự bị, trong đó: 70 đảng viên chính thức, 60 đảng viên dự bị.", ("parts-sum", "error")),
    # the parts in the next sentence, which says they are of the total before
    ("Toàn Đảng bộ có 250 đảng viên. Trong đó, nam 140 đồng chí, nữ 100 đồng chí.", ("parts-sum", "error")),
]


@pytest.mark.parametrize("sentence, expected", WRONG)
def test_what_the_text_proves_wrong_is_an_error(tmp_path, sentence, expected):
    assert expected in _graded(tmp_path, sentence)


DOUBTFUL = [
    # no word ties the percentage to the fraction before it: a guess
    ("Ủy ban Kiểm tra đã kiểm tra 12/15 chi bộ, 90%.", ("percent-fraction", "warning")),
    # categories that may overlap (women, youth members)
    ("Toàn Đảng bộ có 250 đảng viên, trong đó 120 nữ, 140 đoàn viên.", ("parts-sum", "warning")),
]


@pytest.mark.parametrize("sentence, expected", DOUBTFUL)
def test_a_guessed_link_is_a_warning_that_says_so(tmp_path, sentence, expected):
    graded = _graded(tmp_path, sentence)
    assert graded == [expected]


def test_every_figure_finding_says_how_it_linked_the_figures(tmp_path):
    found = _findings(tmp_path, "I. KẾT QUẢ\nCó 01/49 đơn vị không hoàn thành nhiệm vụ (chiếm 0,2%); kiểm tra 12/15 "
                                "chi bộ, 90%; có 250 đảng viên, trong đó: nam 140 đồng chí, nữ 100 đồng chí.\n",
                      FIGURE_KINDS)
    messages = sorted(f.message for f in found)
    assert any("nối bằng “chiếm”" in m for m in messages), messages
    assert any("Nếu 90% là tỷ lệ của 12/15" in m and "không có chữ nối" in m for m in messages), messages
    assert any("mọi nhóm (nam, nữ)" in m for m in messages), messages
