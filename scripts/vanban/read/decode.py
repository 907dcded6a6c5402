"""Read a report file's bytes and decode them as UTF-8, or say clearly why not."""

from __future__ import annotations

import codecs
from pathlib import Path

from vanban.errors import VanbanError


def read_text(path: Path) -> str:
    """Return the file's text (UTF-8, BOM allowed, CRLF unified); raise VanbanError otherwise."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise VanbanError("file not found", path) from None
    except IsADirectoryError:
        raise VanbanError("is a directory, not a report file", path) from None
    except PermissionError:
        raise VanbanError("permission denied", path) from None
    except OSError as exc:
        raise VanbanError(f"cannot read: {exc.strerror}", path) from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise VanbanError("UTF-16 text; save the file as UTF-8", path, 1)
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise VanbanError("binary file (NUL byte); expected UTF-8 text", path, line)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        byte = data[exc.start]
        raise VanbanError(
            f"not UTF-8 (byte 0x{byte:02X}); legacy encodings such as Windows-1258 or TCVN3 "
            "must be converted to UTF-8",
            path,
            line,
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise VanbanError("empty report: the file holds no text", path)
    return text
