"""Index pages of directives: one sortable table of all, and lists by type, by level and issuer,
by year (an overview each, and a page for each of its groups)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from vanban.cite import CitationIndex, Directive
from vanban.normalize import vietnamese_sort_key
from vanban.cite.relations import Status
from vanban.render.case import shown_title
from vanban.render.status_words import force_words
from vanban.render.dates import after_name, vietnamese_date
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
NO_LEVEL = "Chưa rõ"
NO_ISSUER = "Chưa rõ cơ quan"
# A list of more directives than this is an overview, each group on a page of its own.
SPLIT_AT = 500
# Where each overview's group pages are.
GROUP_DIRS = {BY_TYPE: "van-ban/loai", BY_LEVEL: "van-ban/co-quan", BY_YEAR: "van-ban/nam"}
OVERVIEW_HINTS = {BY_TYPE: "Chọn một loại để xem các văn bản của loại đó.",
                  BY_LEVEL: "Chọn một cơ quan ban hành để xem các văn bản của cơ quan đó.",
                  BY_YEAR: "Chọn một năm để xem các văn bản ban hành năm đó."}
GROUP_TITLES = {
    BY_TYPE: lambda g: f"Văn bản loại {g.name}",
    BY_LEVEL: lambda g: (f"Văn bản chưa rõ cơ quan ban hành, cấp {g.level}" if g.name == NO_ISSUER
                         else f"Văn bản của {g.name}"),
    BY_YEAR: lambda g: "Văn bản chưa rõ năm ban hành" if g.name == NO_YEAR else f"Văn bản ban hành năm {g.name}",
}


def index_pages(index: CitationIndex, memo: PageMemo | None = None,
                status: dict[str, Status] | None = None) -> dict[str, str | bytes]:
    """The lists of directives: the sortable table of all, and the three lists by type, by level
    and issuer, by year. Past SPLIT_AT directives, a list is an overview and each of its groups
    a page of its own (at 1 000 reports a group holds up to a few thousand directives, a whole
    list 17 000: 4 MB a page on a phone, and seconds to build again whenever a directive is
    added). With a memo, a group's page is rendered again only if its directives or their
    status changed, the table only if the counts of citations changed too. `status`: replaced
    or repealed directives (vanban.cite.relations.statuses); the table shows every directive's."""
    memo = memo if memo is not None else PageMemo()
    full = status or {}
    status = {i: force_words(index.directives[i], s) for i, s in full.items() if i in index.directives}
    counts = Counter(c.directive for cites in index.by_report.values() for c in cites)
    directives = sorted(index.directives.values(), key=lambda d: (d.date or "9999", d.id))
    force = {d.id: force_words(d, full.get(d.id)) for d in directives}
    pages = {INDEX: memo(INDEX, (directives, counts, force), lambda: _table_page(directives, counts, force))}
    split = len(directives) > SPLIT_AT
    for overview, groups in _groups(directives).items():
        pages[overview] = _overview(overview, groups, split, status)
        for group in groups if split else []:
            shown = {d.id: status[d.id] for d in group.directives if d.id in status}
            pages[group.path] = memo(group.path, (group, shown),
                                     lambda g=group, st=shown: _group_page(overview, g, st))
    memo.rendered |= {BY_TYPE, BY_LEVEL, BY_YEAR}
    return pages


@dataclass(frozen=True)
class Group:
    """The directives of one type, one issuer (at one level) or one year, and their page."""

    name: str
    path: str
    directives: tuple[Directive, ...]
    level: str | None = None  # the level an issuer's group belongs to (BY_LEVEL)


def _groups(directives: list[Directive]) -> dict[str, list[Group]]:
    """Each overview's groups, in the order it lists them, each with a page path of its own."""
    by_type, by_year, by_level = defaultdict(list), defaultdict(list), defaultdict(lambda: defaultdict(list))
    for d in directives:
        by_type[d.type].append(d)
        by_year[d.date[:4] if d.date else NO_YEAR].append(d)
        by_level[d.level or NO_LEVEL][d.issuer or NO_ISSUER].append(d)
    levels = sorted(by_level, key=lambda k: (LEVEL_ORDER + [k]).index(k))
    return {
        BY_TYPE: _paged(GROUP_DIRS[BY_TYPE], [(t, None, by_type[t])
                                             for t in sorted(by_type, key=vietnamese_sort_key)]),
        BY_LEVEL: _paged(GROUP_DIRS[BY_LEVEL], [(issuer, level, by_level[level][issuer]) for level in levels
                                               for issuer in sorted(by_level[level], key=vietnamese_sort_key)]),
        BY_YEAR: _paged(GROUP_DIRS[BY_YEAR], [(y, None, by_year[y])
                                             for y in sorted(by_year, key=lambda k: (k == NO_YEAR, k))]),
    }


def _paged(folder: str, named: list[tuple[str, str | None, list[Directive]]]) -> list[Group]:
    """Groups with their page paths under `folder`: the slug of the level and name (`khac` if
    none), numbered on from `-2` where two names give the same slug."""
    taken: set[str] = set()
    out = []
    for name, level, members in named:
        base = slugify(*(p for p in (level, name) if p)) or "khac"
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        out.append(Group(name, f"{folder}/{slug}.md", tuple(members), level))
    return out


def _overview(path: str, groups: list[Group], split: bool, status: dict[str, str]) -> str:
    """A list by groups (by level: issuers under their level's heading): each group linked to its
    page with how many directives it holds (`split`), or its directives under its heading."""
    out = [front_matter(TITLES[path], "data/directives.yml and the reports' citations", search=NOT_SEARCHED),
           f"# {TITLES[path]} {{ #van-ban }}"]
    if split:
        out.append(f"{sum(len(g.directives) for g in groups)} văn bản. {OVERVIEW_HINTS[path]}")
    level = None
    links: list[str] = []
    for group in groups:
        if group.level is not None and group.level != level:
            if links:
                out.append("\n".join(links))
                links = []
            level = group.level
            total = sum(len(g.directives) for g in groups if g.level == level)
            out.append(f"## {escape(level)} ({total}) {{ #{slugify(level) or 'khac'} }}")
        if split:
            links.append(f"- [{escape(group.name)}]({group.path.removeprefix('van-ban/')}): "
                         f"{len(group.directives)} văn bản")
            continue
        anchor = group.path.rsplit("/", 1)[1].removesuffix(".md")
        heading = (f"### {escape(group.name)}" if group.level
                   else f"## {escape(group.name)} ({len(group.directives)})")
        out.append(f"{heading} {{ #{anchor} }}")
        out.append("\n".join(f"- {_item(d, '')}{_status(d, status)}" for d in group.directives))
    if links:
        out.append("\n".join(links))
    return "\n\n".join(out) + "\n"


def _group_page(overview: str, group: Group, status: dict[str, str]) -> str:
    """One group's directives in date order, linked from its overview and linking back to it."""
    title = GROUP_TITLES[overview](group)
    back = "../" * group.path.count("/")
    out = [front_matter(title, "data/directives.yml and the reports' citations", search=NOT_SEARCHED),
           f"# {escape(title)} {{ #van-ban }}",
           f"{len(group.directives)} văn bản" + (f", cấp {escape(group.level.lower())}" if group.level else "")
           + f". Xem các nhóm khác: [{escape(TITLES[overview])}]({back}{overview})."]
    out.append("\n".join(f"- {_item(d, back + 'van-ban/')}{_status(d, status)}" for d in group.directives))
    return "\n\n".join(out) + "\n"


def _table_page(directives: list[Directive], counts: Counter, status: dict[str, str]) -> str:
    out = [front_matter(TITLES[INDEX], "data/directives.yml and the reports' citations", hide=["toc"],
                       search=NOT_SEARCHED),
           "# Văn bản được trích dẫn { #van-ban }",
           f"{len(directives)} văn bản, trong đó {sum(1 for d in directives if counts.get(d.id))} văn bản được "
           "trích dẫn (cột cuối: số lần); các văn bản còn lại có trong danh mục hoặc có toàn văn trên trang. "
           "Bấm vào tiêu đề cột để sắp xếp.",
           '<div class="vb-sortable" markdown>',
           "| Số hiệu | Loại | Cơ quan ban hành | Cấp | Ngày ban hành | Trích yếu | Hiệu lực | Số lần trích dẫn |",
           "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for d in directives:
        date = f'<span data-sort="{d.date}">{vietnamese_date(d.date)}</span>' if d.date else ""
        out.append(f"| [{escape(d.symbol or d.label)}]({d.id}.md) | {escape(d.type)} | "
                   f"{escape(d.issuer or '')} | {escape(d.level or '')} | {date} | "
                   f"{escape(_short(d.title and shown_title(d.title, d.issuer)))} | {escape(status[d.id])} | "
                   f"{counts.get(d.id, 0)} |")
    out.append("</div>")
    return "\n\n".join(out[:4]) + "\n\n" + "\n".join(out[4:]) + "\n"


def _short(text: str | None, limit: int = 140) -> str:
    if not text:
        return ""
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def _status(d: Directive, status: dict[str, str]) -> str:
    """"(hết hiệu lực từ 01/01/2025)" after a replaced or repealed directive in a list."""
    return f" *({escape(status[d.id])})*" if d.id in status else ""


def _item(d: Directive, folder: str) -> str:
    """A directive as a list item: its name linked to its page (in `folder`, relative), its date,
    issuer and trích yếu."""
    when = after_name(d.label, d.date)
    by = f" của {d.issuer}" if d.issuer else ""
    title = f": {_short(shown_title(d.title, d.issuer))}" if d.title else ""
    return f"[{escape(d.label)}]({folder}{d.id}.md){escape(when + by + title)}"
