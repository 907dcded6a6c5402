"""Read a legacy Word 97–2003 file (.doc) by converting it to .docx with LibreOffice, headless
(Debian: libreoffice-writer-nogui), then reading that as any .docx (vanban.read.docx).

LibreOffice reads the binary format as Word writes it and keeps Vietnamese Unicode; each
conversion runs in a profile of its own (builds read documents in parallel), in a temporary
folder, with a time limit.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from vanban.errors import VanbanError
from vanban.read.docx import DocxText, read_docx

MAX_BYTES = 100 * 1024 * 1024
SECONDS = 180
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the compound file every .doc is


def read_doc(path: Path, label: str) -> DocxText:
    """The text of a .doc, as the .docx reader gives it."""
    program = shutil.which("soffice") or shutil.which("libreoffice")
    if program is None:
        raise VanbanError("đọc tệp .doc (Word 97–2003) cần LibreOffice (lệnh soffice): cài gói libreoffice-writer-nogui, "
                          "hoặc mở tệp bằng Word và lưu thành .docx", label)
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise VanbanError(f"tệp .doc quá lớn ({size // (1024 * 1024)} MB; tối đa {MAX_BYTES // (1024 * 1024)} MB)", label)
    with path.open("rb") as f:
        if f.read(len(OLE_MAGIC)) != OLE_MAGIC:
            raise VanbanError("không phải tệp Word 97–2003 (.doc): nội dung không đúng định dạng", label)
    with tempfile.TemporaryDirectory(prefix="vanban-doc-") as tmp:
        folder = Path(tmp)
        source = folder / "in.doc"
        shutil.copyfile(path, source)  # a name LibreOffice takes whatever the original's
        try:
            done = subprocess.run([program, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                                   "--norestore", "--nologo", "--convert-to", "docx", "--outdir", str(folder),
                                   str(source)], capture_output=True, timeout=SECONDS)
        except subprocess.TimeoutExpired:
            raise VanbanError(f"LibreOffice chuyển tệp .doc quá lâu (hơn {SECONDS} giây): bỏ dở", label) from None
        converted = folder / "in.docx"
        if done.returncode != 0 or not converted.is_file():
            said = (done.stderr or done.stdout or b"").decode("utf-8", "replace").strip().splitlines()
            raise VanbanError("LibreOffice không chuyển được tệp .doc" + (f": {said[-1]}" if said else ""), label)
        return read_docx(converted, label)
