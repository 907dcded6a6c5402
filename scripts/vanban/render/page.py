"""Pieces every generated page shares: the front matter that marks it as generated."""

from __future__ import annotations

import json
from pathlib import Path

from vanban.model import Mark
from vanban.render.escape import escape

GENERATED_KEY = "generated_by"
# Front matter of pages left out of search (Material's convention, honoured by both engines):
# pages that repeat what the report and directive pages say (checks, key figures, the lists of
# directives), so that a query finds the passage once, where it belongs.
NOT_SEARCHED = {"exclude": True}
# The same said in the page itself, for the search step vanban runs after any engine.
NOT_SEARCHED_CLASS = "vb-not-searched"
NOT_SEARCHED_HTML = f'<div class="{NOT_SEARCHED_CLASS}" hidden></div>'
# The page a page is to be indexed beside, in the same search shard (vanban.search.pagefind):
# a directive's page beside the first report that cites it, so that a report added with the
# directives it is the first to cite changes one shard of the index, not one per page.
SHARD_WITH_ATTRIBUTE = "data-vb-shard-with"


def shard_with(path: str) -> str:
    """The mark that puts a page in the search shard of the page at `path` (under docs/, no .md)."""
    return f'<div class="vb-shard" {SHARD_WITH_ATTRIBUTE}="{path}" hidden></div>'


# Sections of a page left out of search (Material's attribute, and Pagefind's).
UNSEARCHED_BLOCK = '<div class="vb-unsearched" data-search-exclude data-pagefind-ignore markdown>'

# MkDocs and Material put page and nav titles into HTML unescaped in places (the nav, <title>):
# a title never reaches them with a character that could open a tag or close an attribute.
_TITLE_ESCAPES = str.maketrans({"<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "\n": " ", "\r": " "})


def meta_title(text: str) -> str:
    """A title for front matter and nav: markup characters as references, one line."""
    return text.translate(_TITLE_ESCAPES)


def front_matter(title: str, source: str, **extra) -> str:
    """YAML front matter with the page title and a note that vanban wrote the page."""
    data = {"title": meta_title(title), GENERATED_KEY: f"vanban, from {source}; edit the source, not this page",
            **extra}
    # JSON values are YAML flow scalars, and far quicker to write than yaml.safe_dump.
    lines = [f"{key}: {json.dumps(data[key], ensure_ascii=False)}" for key in sorted(data)]
    mark = f"\n{NOT_SEARCHED_HTML}\n" if extra.get("search") == NOT_SEARCHED else ""
    return "---\n" + "\n".join(lines) + "\n---\n" + mark


# The banner on every page of a marked document (published only by an internal site, or by a
# public one that allows internal circulation): what the mark means, in the cadre's words.
MARK_NOTES = {
    "secret": "Văn bản mang dấu mức độ mật. Chỉ người có thẩm quyền được đọc; không sao chép, chụp ảnh, "
              "chuyển tiếp hoặc phổ biến ra ngoài.",
    "internal": "Văn bản chỉ lưu hành nội bộ; không phổ biến ra ngoài, không đăng tải công khai.",
}


def mark_banner(marks: list[Mark]) -> list[str]:
    """The banner for a document's marks (most severe first), or nothing for an unmarked one."""
    if not marks:
        return []
    kind = "secret" if any(m.kind == "secret" for m in marks) else "internal"
    labels = list(dict.fromkeys(m.label for m in sorted(marks, key=lambda m: m.kind != "secret")))
    text = " · ".join(labels).replace("<", "&lt;")
    return [f'<div class="vb-mark vb-mark--{kind}" role="note" data-search-exclude data-pagefind-ignore markdown>\n\n'
            f"**{text}** — {MARK_NOTES[kind]}\n\n</div>"]


# On every page of a document read by OCR (a scan, or a PDF whose text layer was broken).
OCR_NOTE = "Văn bản được nhận dạng từ bản quét; có thể còn sai sót — đối chiếu bản gốc"


def original_path(page_path: str, original: str) -> str:
    """Where a document's original file is published: beside its page, with its own suffix
    (`bao-cao/x.md` → `bao-cao/x.pdf`)."""
    return page_path.removesuffix(".md") + Path(original).suffix.lower()


def source_note(page_path: str, doc) -> list[str]:
    """Under a PDF document's header: its original file to download, that the text was recognised
    by a machine (OCR) if it was, and the digital signatures it carries — never said to be
    verified."""
    if not doc.original:
        return []
    name = Path(original_path(page_path, doc.original)).name
    kind = Path(doc.original).suffix.lower().lstrip(".").upper()
    if doc.recognised:
        parts = [f"**{OCR_NOTE}:** [tải bản gốc ({kind})]({name}). Nhận dạng bằng {escape(doc.recognised)}."]
    else:
        parts = [f"Bản gốc: [tải tệp {kind}]({name})."]
    for s in doc.signatures:
        parts.append(f"Ký số bởi {escape(s.signer or 'chưa rõ')}" + (f" lúc {escape(s.when)}" if s.when else "") + ".")
    if doc.signatures:
        parts.append("Chữ ký số chưa được xác minh: trang chỉ ghi lại tên và thời gian ký có trong tệp, "
                     "không kiểm tra chứng thư số; muốn xác minh, mở bản gốc bằng phần mềm ký số.")
    css = "vb-ocr" if doc.recognised else "vb-original"
    return [f'<div class="{css}" role="note" data-search-exclude data-pagefind-ignore markdown>\n\n'
            + "  \n".join(parts) + "\n\n</div>"]
