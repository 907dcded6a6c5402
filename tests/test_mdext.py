"""vanban.mdext's abbreviation step gives the HTML of Python-Markdown's own `abbr` (the oracle:
the same extensions without vanban.mdext), on hand-made edges and on every generated page of the
seed site with its glossary appended."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from vanban.mdext import LinearAbbr

EXTENSIONS = ["toc", "attr_list", "md_in_html", "tables", "abbr"]
GLOSSARY = "\n\n*[UBND]: Ủy ban nhân dân\n*[HĐND]: Hội đồng nhân dân\n*[BCH]: Ban Chấp hành\n*[TW]: Trung ương\n"

CASES = [
    "UBND và HĐND",
    "Không có chữ viết tắt nào.",
    "- UBND một\n- hai *HĐND* ba UBND\n- [BCH](x.md) TW và `UBND` trong mã",
    "| Cơ quan | Ghi chú |\n| --- | --- |\n" + "".join(f"| UBND {i} | **HĐND** {i} TW |\n" for i in range(300)),
    '<div markdown>\nUBND *và* HĐND **BCH** TW\n\nđoạn hai UBND\n</div>',
    "# Tiêu đề UBND { #t }\n\nĐoạn có UBND, HĐND; UBNDX không phải; xUBND cũng không.",
    "Một [liên kết UBND](a.md) rồi UBND, rồi ![ảnh HĐND](b.png) và HĐND.",
    "\n".join(f"- [mục {i}](m{i}.md) của UBND tỉnh, TW" for i in range(2000)),
]


def _html(text: str, ours: bool) -> str:
    extensions = EXTENSIONS + (["vanban.mdext"] if ours else [])
    return markdown.markdown(text, extensions=extensions)


def test_linear_abbr_replaces_the_stock_step():
    md = markdown.Markdown(extensions=EXTENSIONS + ["vanban.mdext"])
    assert isinstance(md.treeprocessors["abbr"], LinearAbbr)


@pytest.mark.parametrize("text", CASES)
def test_same_html_as_python_markdown(text):
    ours = _html(text + GLOSSARY, ours=True)
    assert ours == _html(text + GLOSSARY, ours=False)
    assert "<abbr" in ours or "UBND" not in text


def test_same_html_on_every_page_of_the_seed_site(seed_site):
    glossary = (seed_site / ".vanban" / "abbreviations.md").read_text(encoding="utf-8")
    assert glossary.count("*[") > 5
    pages = sorted((seed_site / "docs").rglob("*.md"))
    assert len(pages) > 20
    for page in pages:
        text = page.read_text(encoding="utf-8") + "\n\n" + glossary
        assert _html(text, ours=True) == _html(text, ours=False), page.relative_to(seed_site)


def test_the_site_config_lists_vanban_mdext_after_abbr():
    config = (Path(__file__).resolve().parents[1] / "mkdocs.yml").read_text(encoding="utf-8")
    assert config.index("  - abbr") < config.index("  - vanban.mdext")
