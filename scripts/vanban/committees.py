"""Committees (cấp ủy) as the site names them: one identity however a report writes its issuer
line ("THÀNH ỦY ĐÔNG HÀ", "Thành ủy Đông Hà (Đảng bộ tỉnh Quảng Trị)"), and a display name."""

from __future__ import annotations

import re

from vanban.normalize import folded, matching
from vanban.slug import slugify

# "HUYỆN ỦY CAM LỘ" → "Huyện ủy" + "Cam Lộ": the committee words, then the place.
BODY = re.compile(r"^(?P<body>(?:BAN THƯỜNG VỤ\s+)?(?:THÀNH|TỈNH|HUYỆN|QUẬN|THỊ|ĐẢNG)\s+ỦY)\s+(?P<place>.+)$")


def committee_key(name: str) -> str:
    """Two writings of one committee have one key: folded, without what follows a bracket."""
    return " ".join(folded(matching(name.split("(")[0])).split())


def committee_slug(name: str) -> str:
    return slugify(committee_key(name))


def committee_name(name: str) -> str:
    """A committee as a cadre writes it: an issuer line in capitals becomes "Huyện ủy Cam Lộ";
    anything else is kept as written."""
    text = " ".join(matching(name).split())
    if text != text.upper():
        return text
    m = BODY.match(text)
    if not m:
        return " ".join(w[:1] + w[1:].lower() for w in text.split())
    body = m["body"].lower()
    standing = "ban thường vụ "
    if body.startswith(standing):  # "Ban Thường vụ Tỉnh ủy"
        rest = body[len(standing):]
        body = "Ban Thường vụ " + rest[:1].upper() + rest[1:]
    return body[:1].upper() + body[1:] + " " + " ".join(w[:1] + w[1:].lower() for w in m["place"].split())


def best_names(names: list[str]) -> dict[str, str]:
    """For each committee key, the name to show: the longest of its writings, made readable."""
    out: dict[str, str] = {}
    for name in sorted(names, key=lambda n: (-len(n), n)):
        out.setdefault(committee_key(name), committee_name(name))
    return out
