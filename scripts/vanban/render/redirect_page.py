"""The pages at a directive's former addresses (URLs people have pasted stay valid): each leads to
the page the directive has now; an old address two directives now share lists both."""

from __future__ import annotations

from collections import defaultdict

from vanban.cite import CitationIndex, Directive
from vanban.render.escape import escape
from vanban.render.page import NOT_SEARCHED, front_matter
from vanban.render.report_page import DIRECTIVES_DIR, directive_path

# The theme template that adds the redirect to the page's head (scripts/vanban/theme).
TEMPLATE = "redirect.html"


def redirect_pages(index: CitationIndex, headings: dict[str, str]) -> dict[str, str]:
    """A page for each former id no directive has now, by path under docs/."""
    claims: dict[str, list[Directive]] = defaultdict(list)
    for d in index.directives.values():
        for old in d.formerly:
            if old not in index.directives:
                claims[old].append(d)
    return {directive_path(old): _page(sorted(now, key=lambda d: d.id), headings)
            for old, now in sorted(claims.items())}


def _page(now: list[Directive], headings: dict[str, str]) -> str:
    if len(now) == 1:
        d = now[0]
        title = headings.get(d.id, d.label)
        return (front_matter(f"Đã chuyển: {title}", "a directive's former id", template=TEMPLATE,
                             redirect=f"{DIRECTIVES_DIR}/{d.id}", search=NOT_SEARCHED)
                + f"\n# {escape(title)}\n\nTrang của văn bản này đã chuyển sang địa chỉ mới: "
                f"[{escape(title)}]({d.id}.md). Nếu trình duyệt không tự chuyển, hãy bấm vào liên kết.\n")
    listed = "\n".join(f"- [{escape(headings.get(d.id, d.label))}]({d.id}.md)" for d in now)
    return (front_matter(f"Đã chuyển: {now[0].label}", "a directive's former id", search=NOT_SEARCHED)
            + f"\n# {escape(now[0].label)}\n\nĐịa chỉ này trước đây là trang của một văn bản; nay các văn bản "
            f"cùng số hiệu có trang riêng:\n\n{listed}\n")
