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


def after_name(label: str, iso: str | None) -> str:
    """What follows a document's name to date it: " ngày 15/01/2021", " tháng 01/2021",
    " năm 2013", or nothing where there is no date or the name already says its year
    ("Hiến pháp năm 2013", not "Hiến pháp năm 2013 ngày năm 2013")."""
    text = vietnamese_date(iso)
    if not text or (iso is not None and len(iso) == 4 and iso in label):
        return ""
    return f" ngày {text}" if text[0].isdigit() else f" {text}"
