"""Legacy Word 97–2003 files (.doc), read through LibreOffice headless as the .docx they convert to."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SEED, corpus, message_lines, run_vanban
from vanban.syllable import well_formed_share

FIXTURES = Path(__file__).parent / "fixtures"


def _soffice() -> str:
    program = shutil.which("soffice") or shutil.which("libreoffice")
    if program is None:
        pytest.skip("needs LibreOffice to read .doc files (apt-get install libreoffice-writer-nogui)")
    return program


def _as_doc(text: Path, folder: Path) -> Path:
    """A UTF-8 text saved as Word 97–2003 by LibreOffice (each line a paragraph)."""
    program = _soffice()
    subprocess.run([program, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless", "--norestore",
                    "--infilter=Text (encoded):UTF8,LF,,", "--convert-to", "doc", "--outdir", str(folder), str(text)],
                   check=True, capture_output=True, timeout=180)
    return folder / f"{text.stem}.doc"


def _text(result) -> list[str]:
    doc = json.loads(result.stdout)
    return ([h["text"] for h in doc["header"]] + [f"{b.get('marker') or ''} {b['text']}".strip() for b in doc["blocks"]]
            + [f"[{f['number']}] {f['text']}" for f in doc["footnotes"]])


def test_a_doc_reads_as_the_text_it_was_saved_from(tmp_path):
    """The seed report, saved as .doc by LibreOffice: the same header, blocks and footnotes as
    its .txt, word for word."""
    doc = _as_doc(SEED, tmp_path)
    from_doc = run_vanban("parse", str(doc))
    assert from_doc.returncode == 0, from_doc.stderr
    assert _text(from_doc) == _text(run_vanban("parse", str(SEED)))


# The office .doc files → their header's number and type (read by eye in LibreOffice)
OFFICE = [
    ("thong-tu-38-2025-tt-bct.doc", ("38/2025/TT-BCT", "THÔNG TƯ")),
    ("nghi-dinh-146-2025-nd-cp.doc", ("146/2025/NĐ-CP", "NGHỊ ĐỊNH")),
    ("cong-van-2019-tham-gia-y-kien-tkcs.doc", None),
]


@pytest.mark.parametrize("name, expected", OFFICE, ids=[o[0] for o in OFFICE])
def test_office_doc_files(name, expected):
    _soffice()
    result = run_vanban("parse", str(corpus("office", name)))
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    if expected:
        assert (doc["meta"]["full_symbol"], doc["meta"]["doc_type"]) == expected
    assert well_formed_share(" ".join(_text(result))) >= 0.98


@pytest.mark.parametrize("content, needle", [
    (b"not a word file at all", "không phải tệp Word 97–2003"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "LibreOffice không chuyển được"),
])
def test_a_bad_doc_is_one_line(tmp_path, content, needle):
    _soffice()
    path = tmp_path / "x.doc"
    path.write_bytes(content)
    result = run_vanban("parse", str(path))
    assert result.returncode != 0 and "Traceback" not in result.stderr
    (line,) = message_lines(result.stderr)
    assert "x.doc" in line and needle in line, line


def test_a_doc_without_libreoffice_names_it(tmp_path):
    path = tmp_path / "x.doc"
    shutil.copy(FIXTURES / "seed.docx", path)
    env = {**os.environ, "PATH": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "vanban", "parse", str(path)], capture_output=True, text=True, env=env)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    (line,) = message_lines(result.stderr)
    assert "LibreOffice" in line and "libreoffice-writer-nogui" in line and "x.doc" in line, line
