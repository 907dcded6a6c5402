"""Across years and committees (issue 19): when a directive was cited, by whom, first and last."""

from __future__ import annotations

import re

import pytest

from conftest import make_project, run_vanban


def _report(committee: str, place: str, year: int, number: int, sentence: str) -> str:
    return (f"{committee}\nSố {number}-BC/TU\n{place}, ngày 10 tháng 12 năm {year}\nBÁO CÁO\n"
            f"kết quả công tác năm {year}\n-----\nI. KẾT QUẢ\n{sentence}\n")


CITE = "Tiếp tục thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị."


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    reports = {
        "dong-ha-2022.txt": _report("THÀNH ỦY ĐÔNG HÀ", "Đông Hà", 2022, 2, CITE),
        "dong-ha-2021.txt": _report("THÀNH ỦY ĐÔNG HÀ", "Đông Hà", 2021, 1, CITE),
        "cam-lo-2023.txt": _report("HUYỆN ỦY CAM LỘ", "Cam Lộ", 2023, 3, CITE).replace("-BC/TU", "-BC/HU"),
    }
    root = make_project(tmp_path_factory.mktemp("archive"), reports, seed=True)
    result = run_vanban("--root", str(root), "build")
    assert result.returncode == 0, result.stderr
    return root


def test_a_directive_says_when_and_by_whom_it_was_cited(archive):
    page = (archive / "docs" / "van-ban" / "chi-thi-05-ct-tw-2016.md").read_text(encoding="utf-8")
    line = re.search(r"Được trích dẫn trong .*", page).group()
    assert line.startswith("Được trích dẫn trong 4 báo cáo của 2 cấp ủy; lần đầu tháng 01/2021 — Thành ủy Đông Hà")
    assert "lần gần nhất 10/12/2023 — Huyện ủy Cam Lộ" in line
    # the citing reports in time order
    headings = re.findall(r"^### (.*?) \{ #bao-cao-([^ ]+) \}", page, re.MULTILINE)
    assert [slug for _, slug in headings] == ["dong-ha-2020-xay-dung-dang", "dong-ha-2021", "dong-ha-2022",
                                              "cam-lo-2023"]


@pytest.mark.parametrize("written, name, key", [
    ("THÀNH ỦY ĐÔNG HÀ", "Thành ủy Đông Hà", "thanh uy dong ha"),
    ("Thành ủy Đông Hà (Đảng bộ tỉnh Quảng Trị)", "Thành ủy Đông Hà (Đảng bộ tỉnh Quảng Trị)", "thanh uy dong ha"),
    ("HUYỆN ỦY CAM LỘ", "Huyện ủy Cam Lộ", "huyen uy cam lo"),
    ("BAN THƯỜNG VỤ TỈNH UỶ QUẢNG TRỊ", "Ban Thường vụ Tỉnh ủy Quảng Trị", "ban thuong vu tinh uy quang tri"),
    ("ĐẢNG ỦY KHỐI CƠ QUAN", "Đảng ủy Khối Cơ Quan", "dang uy khoi co quan"),
])
def test_one_committee_however_written(written, name, key):
    from vanban.committees import committee_key, committee_name

    assert (committee_name(written), committee_key(written)) == (name, key)
