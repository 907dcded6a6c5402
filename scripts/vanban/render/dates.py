"""Show ISO dates (full or partial) the way Vietnamese documents write them."""

from __future__ import annotations


def vietnamese_date(iso: str | None) -> str:
    """`2021-01-15` → `15/01/2021`, `2021-01` → `tháng 01/2021`, `2021` → `năm 2021`."""
    if not iso:
        return ""
    parts = iso.split("-")
    if len(parts) == 3:
        return f"{parts[2]}/{parts[1]}/{parts[0]}"
    if len(parts) == 2:
        return f"tháng {parts[1]}/{parts[0]}"
    return f"năm {parts[0]}"
