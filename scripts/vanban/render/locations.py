"""Say where a citation is: a label cadres read (`mục I.2.2, đoạn 3`) and a link to the anchor."""

from __future__ import annotations

from vanban.render.report_page import report_path


def location_label(anchor: str) -> str:
    """`p-i-2-2-3` → `mục I.2.2, đoạn 3`; `fn:19` → `chú thích 19`; `p-0-2` → `phần mở đầu, đoạn 2`."""
    if anchor.startswith("fn:"):
        return f"chú thích {anchor[3:]}"
    kind, _, rest = anchor.partition("-")
    parts = rest.split("-")
    if kind == "muc":
        return f"đề mục {_section(parts)}"
    *section, paragraph = parts
    if section == ["0"]:
        return f"phần mở đầu, đoạn {paragraph}"
    if section == ["cuoi"]:
        return f"phần kết, đoạn {paragraph}"
    return f"mục {_section(section)}, đoạn {paragraph}"


def _section(parts: list[str]) -> str:
    return ".".join(p.upper() if p.isalpha() else p for p in parts)


def location_href(slug: str, anchor: str, from_dir: str) -> str:
    """Relative link from a page in `from_dir` to the anchor in a report page."""
    depth = from_dir.count("/") + 1 if from_dir else 0
    return "../" * depth + f"{report_path(slug)}#{anchor}"
