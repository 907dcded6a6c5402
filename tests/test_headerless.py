"""Reports whose header does not say who issued them or when (issue 36, item 6): `vanban check`
warns and says how to give both; the lists say "chưa rõ" and put them last; a sidecar places them."""

from __future__ import annotations

import json
import re

import pytest

from conftest import make_project, run_vanban

HEADED = ("THÀNH ỦY ĐÔNG HÀ\nSố 12-BC/TU\nĐông Hà, ngày 5 tháng 1 năm 2021\nBÁO CÁO\nvề việc thử\n-----\n"
          "I. KẾT QUẢ\nĐoạn một.\n")
STATE = ("ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 12/BC-UBND\nLào Cai, ngày 5 tháng 3 năm 2026\nBÁO CÁO\nvề việc thử\n"
         "-----\nI. KẾT QUẢ\nĐoạn một.\n")
BARE = "Kết quả công tác tuyên giáo năm 2023\n\nĐoạn một của báo cáo không có phần đầu.\n"
UNDATED = "THÀNH ỦY ĐÔNG HÀ\nBÁO CÁO\nvề việc thử\n-----\nI. KẾT QUẢ\nĐoạn một.\n"


@pytest.mark.parametrize("text, sidecar, missing", [
    (HEADED, None, None),
    (STATE, None, None),                                    # a state body's header: issuer and date known
    (BARE, None, "cơ quan ban hành và ngày"),
    (UNDATED, None, "ngày"),
    (BARE, "committee: Thành ủy Đông Hà\ndate: 2023-12\n", None),  # the sidecar gives both
])
def test_check_warns_when_the_header_leaves_issuer_or_date_unknown(tmp_path, text, sidecar, missing):
    files = {"r.txt": text} | ({"r.yml": sidecar} if sidecar else {})
    root = make_project(tmp_path, files)
    result = run_vanban("--root", str(root), "check", "--json")
    found = [f for f in json.loads(result.stdout) if f["kind"] == "header-missing"]
    if missing is None:
        assert found == []
    else:
        assert [f["expected"] for f in found] == [missing]
        assert "r.yml" in found[0]["message"] and "chưa rõ" in found[0]["message"]


def test_lists_put_reports_without_a_header_last_and_say_unknown(tmp_path):
    root = make_project(tmp_path, {"a-bare.txt": BARE, "b.txt": HEADED})
    assert run_vanban("--root", str(root), "build").returncode == 0
    for page in ("index.html", "bao-cao/index.html"):
        html = (root / "site" / page).read_text(encoding="utf-8")
        rows = re.findall(r"<tr>(.*?)</tr>", html, re.S)[1:3]
        assert "b/" in rows[0] and "a-bare/" in rows[1], page  # the one with a header first
        assert rows[1].count("chưa rõ") == 2 and 'data-sort="9999"' in rows[1]
        assert 'data-sort="2021-01-05"' in rows[0]
