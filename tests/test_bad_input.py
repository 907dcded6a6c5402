"""Bad input: one clear line naming file and line, a non-zero exit, no traceback, nothing broken."""

from __future__ import annotations

import codecs

import pytest

from conftest import make_project, run_vanban, message_lines

GOOD = "BÁO CÁO\nthử\n-----\nI. MỘT\nĐoạn văn.\n"


def _one_line_error(result, *needles: str) -> str:
    assert result.returncode != 0
    assert "internal error" not in result.stderr
    lines = message_lines(result.stderr)
    assert len(lines) == 1, result.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


@pytest.mark.parametrize(
    "content, needles",
    [
        (b"", ("r.txt", "rỗng")),
        (b"  \n\n", ("r.txt", "rỗng")),
        (codecs.BOM_UTF16_LE + "BÁO CÁO".encode("utf-16-le"), ("r.txt:1:", "UTF-16")),
        # Windows-1258: "Đảng" as 0xD0 'a' 0xD2 'ng' on line 2
        (b"Dong mot\n\xd0a\xd2ng bo\xf2\n", ("r.txt:2:", "không phải UTF-8")),
        (b"ok line\nsecond \xff\xfe bad\n", ("r.txt:2:", "không phải UTF-8")),
        (b"PK\x03\x04\x00\x00binary", ("r.txt:1:", "nhị phân")),
    ],
)
def test_parse_rejects_bad_files(tmp_path, content, needles):
    path = tmp_path / "r.txt"
    path.write_bytes(content)
    _one_line_error(run_vanban("parse", str(path), "--json"), *needles)


@pytest.mark.parametrize("name", ["nope.txt", "nope.docx", "nope.doc", "nope.pdf"])
@pytest.mark.parametrize("command", ["parse", "citations"])
def test_a_missing_file_of_any_type_is_one_line(tmp_path, command, name):
    _one_line_error(run_vanban(command, str(tmp_path / name)), name, "không thấy tệp")


def test_parse_missing_file_and_directory(tmp_path):
    _one_line_error(run_vanban("parse", str(tmp_path / "nope.txt"), "--json"), "nope.txt", "không thấy tệp")
    _one_line_error(run_vanban("parse", str(tmp_path), "--json"), "thư mục")


def test_unknown_option_is_one_line_usage_error():
    result = run_vanban("build", "--frobnicate")
    assert result.returncode == 2
    _one_line_error(result, "--frobnicate")


def test_footnote_problems_warn_with_line_and_keep_text(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(GOOD + "Thiếu[footnoteRef:4] thân.\nThừa. [8: thân lạc.]\n", encoding="utf-8")
    result = run_vanban("parse", str(path), "--json")
    assert result.returncode == 0 and "internal error" not in result.stderr
    warnings = result.stderr.splitlines()
    assert any(f"{path}:6: warning:" in w and "footnoteRef:4" in w for w in warnings)
    assert any(f"{path}:7: warning:" in w and "[8:" in w for w in warnings)
    assert "[footnoteRef:4]" in result.stdout and "thân lạc." in result.stdout


def test_failed_build_leaves_previous_site_and_docs(tmp_path):
    root = make_project(tmp_path, {"a.txt": GOOD})
    assert run_vanban("--root", str(root), "build").returncode == 0
    before = {p: p.read_bytes() for p in sorted((root / "site").rglob("*")) if p.is_file()}
    docs_before = {p: p.read_bytes() for p in sorted((root / "docs").rglob("*")) if p.is_file()}
    (root / "data" / "reports" / "b.txt").write_bytes(b"\xd0a\xd2ng")
    _one_line_error(run_vanban("--root", str(root), "build"), "data/reports/b.txt:1:")
    after = {p: p.read_bytes() for p in sorted((root / "site").rglob("*")) if p.is_file()}
    assert after == before
    assert {p: p.read_bytes() for p in sorted((root / "docs").rglob("*")) if p.is_file()} == docs_before


def test_mkdocs_failure_leaves_previous_site(tmp_path):
    root = make_project(tmp_path, {"a.txt": GOOD})
    assert run_vanban("--root", str(root), "build").returncode == 0
    index = (root / "site" / "index.html").read_bytes()
    (root / "docs" / "tay.md").write_text("[hỏng](khong-co.md)\n", encoding="utf-8")  # broken link: strict fails
    _one_line_error(run_vanban("--root", str(root), "build"), "MkDocs không dựng được trang web")
    assert (root / "site" / "index.html").read_bytes() == index
    assert not (root / "site" / "tay").exists()


@pytest.mark.parametrize(
    "sidecar, needles",
    [
        ("slug: [unclosed\n", ("data/reports/a.yml:2:", "YAML sai", "from line 1")),
        ("slug: ok\nslgu: typo\n", ("a.yml:2:", "trường 'slgu' không có")),
        ("slug: Có Dấu\n", ("a.yml:1:", "slug")),
        ("date: 15/01/2021\n", ("a.yml:1:", "date")),
        ("slug: a\nslug: b\n", ("a.yml:2:", "bị lặp")),
    ],
)
def test_bad_sidecar(tmp_path, sidecar, needles):
    root = make_project(tmp_path, {"a.txt": GOOD, "a.yml": sidecar})
    _one_line_error(run_vanban("--root", str(root), "build"), *needles)
    assert not (root / "site").exists()


def test_unsupported_file_and_missing_config(tmp_path):
    root = make_project(tmp_path, {"a.txt": GOOD, "b.odt": b"PK\x03\x04"})
    _one_line_error(run_vanban("--root", str(root), "build"), "b.odt", "không đọc được loại tệp")
    (root / "data" / "reports" / "b.odt").unlink()
    (root / "mkdocs.yml").unlink()
    _one_line_error(run_vanban("--root", str(root), "build"), "mkdocs.yml", "không thấy")
