"""Render the glossary page: every abbreviation the reports use, with its full form."""

from __future__ import annotations

from vanban.glossary import Term
from vanban.normalize import vietnamese_sort_key
from vanban.render.escape import escape
from vanban.render.page import front_matter

GLOSSARY_PAGE = "thuat-ngu.md"
GLOSSARY_TITLE = "Thuật ngữ viết tắt"


def render_glossary(terms: list[Term]) -> str:
    out = [front_matter(GLOSSARY_TITLE, "data/glossary.yml"),
           f"# {GLOSSARY_TITLE} {{ #thuat-ngu }}",
           "Các chữ viết tắt dùng trong báo cáo. Trên mọi trang, rê chuột hoặc chạm vào chữ viết tắt để xem "
           "dạng đầy đủ."]
    rows = ["| Viết tắt | Dạng đầy đủ |", "| --- | --- |"]
    rows += [f"| {escape(t.abbr)} | {escape(t.full)} |" for t in sorted(terms, key=lambda t: vietnamese_sort_key(t.abbr))]
    out.append("\n".join(rows) if terms else "Chưa có thuật ngữ nào.")
    return "\n\n".join(out) + "\n"
