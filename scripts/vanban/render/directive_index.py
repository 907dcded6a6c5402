"""Index pages of directives: one sortable table of all, and lists by type, by level, by year."""

from __future__ import annotations

from collections import Counter, defaultdict

from vanban.cite import CitationIndex, Directive
from vanban.normalize import vietnamese_sort_key
from vanban.render.dates import vietnamese_date
from vanban.render.escape import escape
from vanban.render.memo import PageMemo
from vanban.render.page import NOT_SEARCHED, front_matter
from vanban.slug import slugify

INDEX = "van-ban/index.md"
BY_TYPE = "van-ban/theo-loai.md"
BY_LEVEL = "van-ban/theo-cap.md"
BY_YEAR = "van-ban/theo-nam.md"
TITLES = {INDEX: "Tất cả văn bản", BY_TYPE: "Theo loại văn bản", BY_LEVEL: "Theo cấp ban hành",
          BY_YEAR: "Theo năm ban hành"}
LEVEL_ORDER = ["Trung ương", "Nhà nước", "Tỉnh", "Thành phố", "Huyện", "Cơ sở"]
NO_YEAR = "Chưa rõ năm"


def index_pages(index: CitationIndex, memo: PageMemo | None = None,
                status: dict[str, tuple[str, str]] | None = None) -> dict[str, bytes]:
    """The four lists of directives; with a memo, rendered again only if a directive, a count of
    citations or a status changed. `status`: replaced or repealed directives (id → (status, by))."""
    memo = memo if memo is not None else PageMemo()
    status = {i: s for i, (s, _) in (status or {}).items()}
    counts = Counter(c.directive for cites in index.by_report.values() for c in cites)
    directives = sorted(index.directives.values(), key=lambda d: (d.date or "9999", d.id))
    key = (directives, counts, status)
    render = {
        INDEX: lambda: _table_page(directives, counts, status),
        BY_TYPE: lambda: _grouped(BY_TYPE, directives, lambda d: d.type,
                                  lambda keys: sorted(keys, key=vietnamese_sort_key), status=status),
        BY_LEVEL: lambda: _grouped(BY_LEVEL, directives, lambda d: d.level or "Chưa rõ",
                                   lambda keys: sorted(keys, key=lambda k: (LEVEL_ORDER + [k]).index(k)),
                                   sub=lambda d: d.issuer or "Chưa rõ cơ quan", status=status),
        BY_YEAR: lambda: _grouped(BY_YEAR, directives, lambda d: d.date[:4] if d.date else NO_YEAR,
                                  lambda keys: sorted(keys, key=lambda k: (k == NO_YEAR, k), reverse=False),
                                  status=status),
    }
    return {path: memo(path, key, fn) for path, fn in render.items()}


def _table_page(directives: list[Directive], counts: Counter, status: dict[str, str]) -> str:
    out = [front_matter(TITLES[INDEX], "data/directives.yml and the reports' citations", hide=["toc"],
                       search=NOT_SEARCHED),
           "# Văn bản được trích dẫn { #van-ban }",
           f"{len(directives)} văn bản, trong đó {sum(1 for d in directives if counts.get(d.id))} văn bản được "
           "trích dẫn (cột cuối: số lần); các văn bản còn lại có trong danh mục hoặc có toàn văn trên trang. "
           "Bấm vào tiêu đề cột để sắp xếp.",
           '<div class="vb-sortable" markdown>',
           "| Số hiệu | Loại | Cơ quan ban hành | Cấp | Ngày ban hành | Trích yếu | Số lần trích dẫn |",
           "| --- | --- | --- | --- | --- | --- | --- |"]
    for d in directives:
        date = f'<span data-sort="{d.date}">{vietnamese_date(d.date)}</span>' if d.date else ""
        out.append(f"| [{escape(d.symbol or d.label)}]({d.id}.md){_status(d, status)} | {escape(d.type)} | "
                   f"{escape(d.issuer or '')} | {escape(d.level or '')} | {date} | {escape(_short(d.title))} | "
                   f"{counts.get(d.id, 0)} |")
    out.append("</div>")
    return "\n\n".join(out[:4]) + "\n\n" + "\n".join(out[4:]) + "\n"


def _short(text: str | None, limit: int = 140) -> str:
    if not text:
        return ""
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def _status(d: Directive, status: dict[str, str]) -> str:
    """"(đã được thay thế)" after a replaced or repealed directive in a list."""
    return f" *({escape(status[d.id].lower())})*" if d.id in status else ""


def _grouped(path: str, directives: list[Directive], key, order, sub=None, status=None) -> str:
    """Directives under `## group` headings; with `sub`, under `### subgroup` headings too."""
    groups: dict[str, list[Directive]] = defaultdict(list)
    for d in directives:
        groups[key(d)].append(d)
    out = [front_matter(TITLES[path], "data/directives.yml and the reports' citations", search=NOT_SEARCHED),
           f"# {TITLES[path]} {{ #van-ban }}"]
    for name in order(groups):
        anchor = slugify(name) or "khac"
        out.append(f"## {escape(name)} ({len(groups[name])}) {{ #{anchor} }}")
        if sub is None:
            out.append("\n".join(f"- {_item(d)}{_status(d, status)}" for d in groups[name]))
            continue
        subgroups: dict[str, list[Directive]] = defaultdict(list)
        for d in groups[name]:
            subgroups[sub(d)].append(d)
        for subname in sorted(subgroups, key=vietnamese_sort_key):
            out.append(f"### {escape(subname)} {{ #{anchor}-{slugify(subname) or 'khac'} }}")
            out.append("\n".join(f"- {_item(d)}{_status(d, status)}" for d in subgroups[subname]))
    return "\n\n".join(out) + "\n"


def _item(d: Directive) -> str:
    when = f" ngày {vietnamese_date(d.date)}" if d.date else ""
    by = f" của {d.issuer}" if d.issuer else ""
    title = f": {_short(d.title)}" if d.title else ""
    return f"[{escape(d.label)}]({d.id}.md){escape(when + by + title)}"
