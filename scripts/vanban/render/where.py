"""Say where a passage is, as cadres name it: `mục I.2.2, đoạn 3` in a report, `Điều 3, khoản 2`
in a legal text (a label), `khoản 2 Điều 3` in a citation (smallest first, as the law writes it)."""

from __future__ import annotations

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


PROVISION_WORDS = ("diem", "khoan", "dieu", "chuong", "phan")


def citation_where(anchor: str) -> str:
    """How a citation names the passage: a legal text's provision smallest first (`dieu-3-khoan-2`
    → `khoản 2 Điều 3`, `p-dieu-3-1` → `Điều 3 (đoạn 1)`), anything else as its label."""
    paragraph = None
    bare = anchor
    if bare.startswith("p-") and bare[2:].startswith(("dieu-", "chuong-", "phan-")):
        bare, _, paragraph = bare[2:].rpartition("-")
    parts = bare.split("-")
    if not bare.startswith(("dieu-", "chuong-", "phan-")) or len(parts) % 2:
        return location_label(anchor)
    pairs = list(zip(parts[::2], parts[1::2]))
    if any(word not in PROVISION_WORDS for word, _ in pairs):
        return location_label(anchor)
    named = []
    for word, number in reversed(pairs):
        shown = number.upper() if word in ("chuong", "phan") else number.replace("dd", "đ")
        named.append(f"{WORDS[word]} {shown}")
    return " ".join(named) + (f" (đoạn {paragraph})" if paragraph else "")
