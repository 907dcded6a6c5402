"""The CLI under real use (issue 17): commands listed, JSON by default, the same file rules as a
build, hostile .docx files refused in bounded memory, and `vanban serve` refusing a bad address
before it builds anything."""

from __future__ import annotations

import json
import socket
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import SEED, make_project, message_lines, run_vanban

sys.path.insert(0, str(Path(__file__).parent / "fixtures"))
import make_docx  # noqa: E402


def test_no_command_lists_the_commands():
    result = run_vanban()
    assert result.returncode == 2
    for verb in ("build", "serve", "parse", "check", "citations", "ocr"):
        assert verb in result.stderr
    assert "required" not in result.stderr


@pytest.mark.parametrize("verb", ["parse", "citations"])
def test_json_is_the_default(verb):
    plain = run_vanban(verb, str(SEED))
    flagged = run_vanban(verb, str(SEED), "--json")
    assert plain.returncode == 0, plain.stderr
    assert json.loads(plain.stdout) == json.loads(flagged.stdout)


def test_parse_uses_the_build_rules_and_the_sidecar(tmp_path):
    odt = tmp_path / "bao-cao.odt"
    odt.write_bytes(b"PK\x03\x04")
    result = run_vanban("parse", str(odt))
    assert result.returncode == 1
    assert message_lines(result.stderr) == [f"{odt}: error: không đọc được loại tệp '.odt' cho báo cáo; "
                                            "các loại đọc được: .txt, .docx, .doc, .pdf"]
    parsed = json.loads(run_vanban("parse", str(SEED)).stdout)
    assert parsed["committee"] == "Thành ủy Đông Hà (Đảng bộ tỉnh Quảng Trị)"  # from the sidecar


def _docx_with(path: Path, *parts: bytes, repeat: int = 1) -> None:
    """A .docx whose document part is `parts`, the middle one written `repeat` times (streamed, so
    that writing a bomb does not take the memory it is about)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", make_docx.CONTENT_TYPES)
        with z.open("word/document.xml", "w", force_zip64=True) as part:
            for i, piece in enumerate(parts):
                for _ in range(repeat if i == 1 else 1):
                    part.write(piece)


def test_a_zip_bomb_is_refused_in_bounded_memory(tmp_path):
    """A small .docx whose document part inflates past the size limit of a report: refused while
    inflating, with one line, and memory bounded by the limit, not by the bomb."""
    bomb = tmp_path / "bom.docx"
    head = f'<?xml version="1.0"?><w:document {make_docx.NS}><w:body><w:p><w:r><w:t>'.encode()
    _docx_with(bomb, head, b"a" * 1_000_000, b"</w:t></w:r></w:p></w:body></w:document>", repeat=120)
    assert bomb.stat().st_size < 1_000_000
    result = run_vanban("parse", str(bomb))
    assert result.returncode == 1
    line, = message_lines(result.stderr)
    assert line.startswith(f"{bomb}: error: word/document.xml giải nén ra hơn 20 MB")
    # The probe's own peak (VmHWM: this program's, where ru_maxrss would also count the test
    # process it was forked from, however large earlier tests left it).
    probe = ("import sys; from pathlib import Path; from vanban.read import read_report\n"
             "try: read_report(Path(sys.argv[1]))\nexcept Exception: pass\n"
             "print(next(ln.split()[1] for ln in open('/proc/self/status') if ln.startswith('VmHWM')))")
    import subprocess

    peak_kb = int(subprocess.run([sys.executable, "-c", probe, str(bomb)], capture_output=True, text=True,
                                 check=True).stdout)
    assert peak_kb < 200_000, f"peak {peak_kb} KB"


def test_billion_laughs_is_refused(tmp_path):
    laughs = b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    laughs += b"".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'.encode()
                       for i in range(1, 10))
    laughs += f"]><w:document {make_docx.NS}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>".encode()
    path = tmp_path / "laughs.docx"
    _docx_with(path, laughs)
    result = run_vanban("parse", str(path))
    assert result.returncode == 1
    line, = message_lines(result.stderr)
    assert line.startswith(f"{path}: error: tệp .docx hỏng: word/document.xml không phải XML hợp lệ")


def _busy_port():
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(1)
    return sock


@pytest.mark.parametrize("address, message", [
    ("127.0.0.1:99999", "'99999' không phải số cổng (từ 1 đến 65535)"),
    ("localhost", "địa chỉ 'localhost' phải có dạng MÁY:CỔNG, như 127.0.0.1:8000"),
    ("127.0.0.1:abc", "'abc' không phải số cổng (từ 1 đến 65535)"),
    ("203.0.113.7:8000", "'203.0.113.7' không phải địa chỉ của máy này"),
])
def test_serve_refuses_a_bad_address_before_building(tmp_path, address, message):
    root = make_project(tmp_path, {"a.txt": SEED.read_text(encoding="utf-8")})
    result = run_vanban("--root", str(root), "serve", "-a", address)
    assert result.returncode == 2
    assert message_lines(result.stderr) == [f"vanban: error: {message}"]
    assert not (root / "site").exists()


def test_serve_refuses_a_busy_port(tmp_path):
    root = make_project(tmp_path, {"a.txt": SEED.read_text(encoding="utf-8")})
    sock = _busy_port()
    try:
        port = sock.getsockname()[1]
        result = run_vanban("--root", str(root), "serve", "-a", f"127.0.0.1:{port}")
    finally:
        sock.close()
    assert result.returncode == 2
    assert message_lines(result.stderr) == [f"vanban: error: 127.0.0.1:{port} đang được chương trình khác dùng; "
                                            "dừng chương trình đó hoặc chọn cổng khác bằng -a"]
    assert not (root / "site").exists()


def test_check_prints_no_line_twice(tmp_path):
    """Two documents with one symbol (43-CT/TW of 2010 and of 2015) are told apart by their date."""
    root = make_project(tmp_path, seed=True)
    result = run_vanban("--root", str(root), "check")
    assert result.returncode == 0, result.stderr
    lines = [ln for ln in result.stdout.splitlines() if ln.strip()]
    repeated = {ln for ln in lines if lines.count(ln) > 1}
    assert not repeated, repeated
    assert any("Chỉ thị số 43-CT/TW ngày" in ln for ln in lines)
    for word in ("lỗi", "cần xem", "ghi chú"):  # the README's words for error, warning, info
        assert any(ln.strip().startswith(f"{word}:") for ln in lines), word


DECISION = ("ỦY BAN NHÂN DÂN TỈNH X\nSố: 15/QĐ-UBND\nX, ngày 2 tháng 3 năm 2021\nQUYẾT ĐỊNH\nVề việc thử\n"
            "Căn cứ Luật Tổ chức chính quyền địa phương số 77/2015/QH13;\nQUYẾT ĐỊNH:\n"
            "Điều 1. Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định số 12/QĐ-UBND.\n"
            "Điều 2. Các sở thực hiện Chỉ thị số 05-CT/TW.\n")


def test_citations_of_a_directive_text_carry_the_relation_the_site_shows(tmp_path):
    """`vanban citations` on a directive's text: each citation with the relation its wording
    gives (as its page shows it), the untyped ones with none."""
    root = make_project(tmp_path)
    (root / "data" / "directives").mkdir()
    text = root / "data" / "directives" / "qd-15.txt"
    text.write_text(DECISION, encoding="utf-8")
    result = run_vanban("--root", str(root), "citations", str(text))
    assert result.returncode == 0, result.stderr
    relations = {c["symbol"]: c["relation"] for c in json.loads(result.stdout) if c.get("symbol")}
    assert relations == {"77/2015/QH13": "basis", "12/QĐ-UBND": "replaces", "05-CT/TW": None}
