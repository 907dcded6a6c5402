"""Read a report file's bytes and decode them as UTF-8, or say clearly why not.

Legacy Vietnamese encodings (TCVN3/ABC, VNI, Windows-1258) are recognised by their bytes and
named in the error, so the office knows what to convert; nothing is guessed into the page.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from vanban.errors import VanbanError
from vanban.read.rules import Rules, load_rules

CONVERT = "hãy chuyển sang Unicode (UTF-8), chẳng hạn bằng công cụ chuyển mã của Unikey, rồi lưu dạng UTF-8"


def read_text(path: Path, label=None, rules: Rules | None = None) -> str:
    """Return the file's text (UTF-8, BOM allowed, CRLF unified); raise VanbanError otherwise.
    `label` is how errors name the file (default: its path)."""
    rules = rules or load_rules()
    label = label or path
    data = read_bytes(path, label, rules)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise VanbanError("văn bản UTF-16; hãy lưu lại dạng UTF-8", label, 1)
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise VanbanError("tệp nhị phân (có byte NUL), không phải văn bản xuất từ báo cáo", label, line)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        legacy = legacy_encoding(data, rules)
        if legacy:
            raise VanbanError(f"không phải UTF-8: có vẻ là văn bản {legacy}; {CONVERT}", label, line) from None
        raise VanbanError(f"không phải UTF-8 (byte 0x{data[exc.start]:02X}); {CONVERT}", label, line) from None
    mojibake = _tcvn3_mojibake(text, rules)
    if mojibake:
        raise VanbanError(f"văn bản có vẻ là {mojibake} hiển thị bằng phông Unicode (các ký tự như "
                          f"µ ¸ ® thay cho chữ Việt); {CONVERT}", label, 1)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise VanbanError("báo cáo rỗng: tệp không có chữ nào", label)
    return text


def read_bytes(path: Path, label, rules: Rules | None = None) -> bytes:
    """A report file's bytes; missing, directory, unreadable or oversized files are one error."""
    rules = rules or load_rules()
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise IsADirectoryError
        if size > rules.max_bytes:
            raise VanbanError(f"tệp quá lớn ({size / 1e6:.0f} MB; một báo cáo tối đa "
                              f"{rules.max_bytes / 1e6:.0f} MB)", label)
        return path.read_bytes()
    except FileNotFoundError:
        raise VanbanError("không thấy tệp (hoặc liên kết tới tệp không còn)", label) from None
    except IsADirectoryError:
        raise VanbanError("là một thư mục, không phải tệp báo cáo", label) from None
    except PermissionError:
        raise VanbanError("không có quyền đọc tệp", label) from None
    except OSError as exc:
        raise VanbanError(f"không đọc được: {exc.strerror}", label) from None


def _tcvn3_mojibake(text: str, rules: Rules) -> str | None:
    """TCVN3 bytes read as Windows-1252 and saved as UTF-8 (`Céng hoµ`): the characters of
    TCVN3's letter bytes dominate the text's non-ASCII characters."""
    tcvn3 = rules.legacy_encodings[0]
    marks = _cp1252_chars(tcvn3.marks)
    high = len(text) - len(text.encode("ascii", "ignore"))
    hits = sum(text.count(ch) for ch in marks) if high >= rules.legacy_min_count else 0
    return tcvn3.name if hits >= rules.legacy_min_count and hits / high >= tcvn3.share else None


def _cp1252_chars(marks: frozenset[int]) -> frozenset[str]:
    """The characters Windows-1252 shows for these bytes."""
    return frozenset(bytes([b]).decode("cp1252", errors="ignore") for b in marks) - {""}


VOWELS = frozenset(b"aeiouyAEIOUY")


def legacy_encoding(data: bytes, rules: Rules, only=None) -> str | None:
    """The first legacy encoding (in rules order) whose signature the bytes show, if any."""
    high = sum(1 for b in data if b >= 0x80)
    if high < rules.legacy_min_count:
        return None
    for enc in only or rules.legacy_encodings:
        if enc.after_vowel:
            hits = sum(1 for prev, b in zip(data, data[1:]) if b in enc.marks and (prev in VOWELS or prev >= 0x80))
        else:
            hits = sum(1 for b in data if b in enc.marks)
        if hits >= rules.legacy_min_count and hits / high >= enc.share:
            return enc.name
    return None
