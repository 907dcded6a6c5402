"""Key figures from general phrasings (issue 15): each sentence, written the ways reports state
figures, gives the topics and values of the "Số liệu chính" page; case does not matter."""

from __future__ import annotations

import pytest

from vanban.keyfigures import key_figures
from vanban.read import read_report

HEAD = "BÁO CÁO\nthử\n-----\nI. KẾT QUẢ\n"


def _results(tmp_path, sentence: str) -> dict[str, str]:
    path = tmp_path / "r.txt"
    path.write_text(HEAD + sentence + "\n", encoding="utf-8")
    k = key_figures(read_report(path))
    return {row.label: row.result.text for _, rows in k.groups for row in rows if row.result}


@pytest.mark.parametrize("sentence, expected", [
    ("Trong năm, kết nạp được 120 đảng viên mới.", {"Kết nạp đảng viên mới": "120"}),
    ("KẾT NẠP ĐƯỢC 30 ĐẢNG VIÊN.", {"Kết nạp đảng viên mới": "30"}),
    ("Xét công nhận đảng viên chính thức cho 95 đồng chí.", {"Chuyển đảng chính thức": "95"}),
    ("Chuyển đảng chính thức cho 87 đảng viên dự bị.", {"Chuyển đảng chính thức": "87"}),
    ("Đảng bộ có 52 TCCS đảng, trong đó 20 đảng bộ cơ sở và 32 chi bộ cơ sở.",
     {"Tổ chức cơ sở đảng trực thuộc": "52", "Đảng bộ cơ sở": "20", "Chi bộ cơ sở": "32"}),
    ("Tổng số đảng viên: 3.250 đồng chí.", {"Tổng số đảng viên": "3.250"}),
    ("Xóa tên 5 đảng viên; đưa ra khỏi Đảng 2 đảng viên.", {"Xóa tên đảng viên": "5", "Cho ra khỏi Đảng": "2"}),
    ("Ủy ban Kiểm tra đã kiểm tra 15 tổ chức đảng và 40 đảng viên; giám sát 8 tổ chức đảng.",
     {"Kiểm tra tổ chức đảng": "15", "Kiểm tra đảng viên": "40", "Giám sát tổ chức đảng": "8"}),
    ("Thi hành kỷ luật 6 đảng viên.", {"Kỷ luật đảng viên": "6"}),
    ("Khối phường 09 đơn vị, Phường 2 có 120 hộ.", {}),
])
def test_key_figures_from_general_phrasings(tmp_path, sentence, expected):
    assert _results(tmp_path, sentence) == expected
