"""Vietnamese alphabetical order for lists cadres read (glossary, directives by type and issuer):
a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y, a shorter word first."""

from __future__ import annotations

import pytest

from conftest import make_project, run_vanban
from vanban.normalize import vietnamese_sort_key

# Lists in dictionary order, as a Vietnamese dictionary prints them (shuffled before sorting).
ORDERS = [
    ["An", "Ăn", "Ấn", "Bộ", "Dân", "Đảng"],
    ["DQTV", "ĐTN", "HĐND", "UBND", "ƯBCĐ"],
    ["Kế hoạch", "Kết luận", "Quy chế", "Quy định", "Quyết định"],
    ["Thông báo", "Thông tri", "Thông tư", "Tờ trình"],
    ["o", "ô", "ơ", "u", "ư"],
    ["ma", "mà", "má", "mả", "mã", "mạ"],  # tones only break ties, in the order huyền sắc hỏi ngã nặng
]


@pytest.mark.parametrize("order", ORDERS)
def test_vietnamese_order(order):
    assert sorted(reversed(order), key=vietnamese_sort_key) == order
    assert sorted(order[1:] + order[:1], key=vietnamese_sort_key) == order


def test_glossary_page_in_vietnamese_order(tmp_path):
    root = make_project(tmp_path, {"a.txt": "BÁO CÁO\nthử\n-----\nNội dung.\n"})
    (root / "data" / "glossary.yml").write_text(
        "- {abbr: ĐTN, full: Đoàn thanh niên}\n- {abbr: UBND, full: Ủy ban nhân dân}\n"
        "- {abbr: DQTV, full: Dân quân tự vệ}\n", encoding="utf-8")
    assert run_vanban("--root", str(root), "build").returncode == 0
    page = (root / "docs" / "thuat-ngu.md").read_text(encoding="utf-8")
    assert page.index("DQTV") < page.index("ĐTN") < page.index("UBND")
