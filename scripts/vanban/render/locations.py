"""Say where a citation is: a label cadres read (`mục I.2.2, đoạn 3`, `Điều 3, khoản 2`) and a link
to the anchor, in a report or in a directive's text."""

from __future__ import annotations

from vanban.render.report_page import document_path

WORDS = {"phan": "Phần", "chuong": "Chương", "dieu": "Điều", "khoan": "khoản", "diem": "điểm", "muc": "mục"}


def location_label(anchor: str) -> str:
    """`p-i-2-2-3` → `mục I.2.2, đoạn 3`; `fn:19` → `chú thích 19`; `p-0-2` → `phần mở đầu, đoạn 2`;
    `dieu-3-khoan-2` → `Điều 3, khoản 2`; `p-dieu-3-1` → `Điều 3, đoạn 1`."""
    if anchor.startswith("fn:"):
        return f"chú thích {anchor[3:]}"
    if any(anchor.startswith(p) for p in ("dieu-", "chuong-", "phan-", "p-dieu-", "p-chuong-", "p-phan-",
                                          "kem-theo", "p-kem-theo", "phu-luc", "p-phu-luc")):
        return _provision_label(anchor)
    kind, _, rest = anchor.partition("-")
    parts = rest.split("-")
    if kind == "muc":
        return f"đề mục {_section(parts)}"
    *section, paragraph = parts
    if section == ["0"]:
        return f"phần mở đầu, đoạn {paragraph}"
    if section == ["cuoi"]:
        return f"phần kết, đoạn {paragraph}"
    if section and section[0] == "muc":
        return f"mục {_section(section[1:])}, đoạn {paragraph}"
    return f"mục {_section(section)}, đoạn {paragraph}"


def _provision_label(anchor: str) -> str:
    """Legal-style anchors read back: word and number pairs, then the paragraph."""
    paragraph = None
    if anchor.startswith("p-"):
        anchor, _, paragraph = anchor[2:].rpartition("-")
    out = []
    if anchor.startswith("kem-theo"):
        out.append("văn bản kèm theo")
        anchor = anchor[len("kem-theo"):].lstrip("-")
    elif anchor.startswith("phu-luc"):
        rest = anchor[len("phu-luc"):].lstrip("-")
        number, _, anchor = rest.partition("-") if rest[:1].isalnum() and not rest.startswith(tuple(WORDS)) else ("", "", rest)
        out.append(f"phụ lục {number.upper()}".strip())
    parts = anchor.split("-") if anchor else []
    for word, number in zip(parts[::2], parts[1::2]):
        shown = number.upper() if word in ("chuong", "phan") or (word == "muc" and number.isalpha()) else number
        out.append(f"{WORDS.get(word, word)} {shown.replace('dd', 'đ')}")
    if paragraph:
        out.append(f"đoạn {paragraph}")
    return ", ".join(out) or "phần đầu"


def _section(parts: list[str]) -> str:
    return ".".join(p.upper() if p.isalpha() else p for p in parts)


def location_href(slug: str, anchor: str, from_dir: str) -> str:
    """Relative link from a page in `from_dir` to the anchor in a report's or directive's page."""
    depth = from_dir.count("/") + 1 if from_dir else 0
    return "../" * depth + f"{document_path(slug)}#{anchor}"
