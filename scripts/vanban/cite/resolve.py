"""Resolve citations to directives, using the catalog and the report's own context.

A directive's identity is type + number + symbol + issuer + date or term, never the symbol
alone: numbers restart every term. `/TU` is a Tỉnh ủy or a Thành ủy: the issuer phrase decides,
else another citation of the same document, else the report's own issuer; `Citation.rule` says
which. Contradictions (two dates, a symbol typo) resolve to one directive and are recorded.
"""

from __future__ import annotations

import copy
from collections import Counter
from dataclasses import dataclass, field

from vanban.cite.laws import load_laws
from vanban.cite.local_bodies import local_body
from vanban.cite.models import Citation, Conflict, Directive
from vanban.dates import on_date, period_end, short_date
from vanban.cite.patterns import Patterns
from vanban.model import Report
from vanban.normalize import matching
from vanban.slug import slugify


@dataclass
class Context:
    """What the report says about itself: its scope (city, province…), places, and date."""

    slug: str
    scope: str | None
    places: dict[str, str]
    end: str | None
    noun: str = "báo cáo"  # what messages call the document: a law's text is not a report
    # A local state body's own level word by scope ("province" → "thành phố" for Ủy ban nhân dân
    # thành phố Cần Thơ): its place is not that of a body of another level ("UBND tỉnh").
    levels: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, report: Report, p: Patterns) -> "Context":
        """Places from the header's issuer lines (and the sidecar's committee); the report's own
        scope is that of its last issuer line (`THÀNH ỦY ĐÔNG HÀ` → city)."""
        places: dict[str, str] = {}

        def scopes_of(lines: list[str]) -> list[str]:
            found = []
            for line in lines:
                for pattern, kind in p.committees:
                    if m := pattern.match(matching(line).upper().strip(" )")):
                        places.setdefault(kind, m["place"].strip().title())
                        found.append(kind)
                        break
            return found

        header = scopes_of(report.meta.issuer)
        sidecar = scopes_of((report.committee or "").split("("))
        scope = header[-1] if header else (sidecar[0] if sidecar else None)
        levels: dict[str, str] = {}
        local = local_body(report.meta.issuer or [])
        issuer = p.issuer_by_phrase.get(f"{local.body} {local.level}".lower()) if local else None
        if local and issuer is not None and issuer.scope not in places:
            places[issuer.scope], levels[issuer.scope] = local.place, local.level
            scope = scope or issuer.scope
        return cls(report.slug, scope, places, period_end(report.date),
                   "báo cáo" if report.kind == "report" else "văn bản", levels)


_Pending = tuple  # (Conflict, [Citation]): the citations a conflict is about


def _conflict(kind: str, message: str, ctx: Context, about: list[Citation], directive: str | None = None):
    return (Conflict(kind, directive, message, ctx.slug), about)


@dataclass
class _Cluster:
    key: tuple
    window: str | None
    cites: list[int] = field(default_factory=list)


# The fields a citation can complete on a directive (the first value given wins).
COMPLETED = ("date", "term", "title", "issuer", "symbol", "place")


@dataclass
class Registry:
    """The directives one report's citations resolve to: the catalog's, never changed, and those
    built from the report's citations (a catalog entry the citations complete is copied first).
    Each report is resolved on its own, so one report's edits never change another's citations."""

    catalog: list[Directive]
    by_id: dict[str, Directive] = field(default_factory=dict)
    directives: dict[str, Directive] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    unresolved: list[Citation] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.by_id:
            self.by_id = {d.id: d for d in self.catalog}

    def get(self, directive_id: str) -> Directive:
        return self.directives.get(directive_id) or self.by_id[directive_id]

    def add(self, directive: Directive) -> Directive:
        known = self.directives.get(directive.id)
        if known is None:
            base = self.by_id.get(directive.id)
            if base is None:
                self.directives[directive.id] = directive
                return directive
            known = self.directives[directive.id] = copy.copy(base)
        complete(known, directive)
        return known


def complete(known: Directive, other: Directive) -> None:
    """Fill the fields `known` lacks from `other`."""
    for name in COMPLETED:
        if getattr(known, name) is None and getattr(other, name) is not None:
            setattr(known, name, getattr(other, name))
            if name == "title":
                known.title_from = other.title_from


@dataclass
class Resolution:
    """One report resolved: its kept citations, the directives it built or completed (in the
    order it met them), and the conflicts it recorded."""

    citations: list[Citation]
    directives: list[Directive]
    conflicts: list[Conflict]
    # Citations of a document the text does not tell ("Nghị quyết số 52"): found, not linked;
    # the page shows them as written with a note, `vanban check` lists them.
    unresolved: list[Citation] = field(default_factory=list)


def resolve_alone(report: Report, cites: list[Citation], catalog: list[Directive], by_id: dict[str, Directive],
                  p: Patterns) -> Resolution:
    """Resolve one report against the catalog alone."""
    registry = Registry(catalog, by_id)
    kept = resolve_report(report, cites, registry, p)
    # A directive built for a cluster whose citations all went elsewhere (a law named with its
    # symbol resolves to the law by name) is cited by nothing: no page of its own (it was a phantom
    # "Luật số 16/2012/QH13 (năm 2017)" beside Luật Quảng cáo 2012).
    cited = {c.directive for c in kept}
    return Resolution(kept, [d for d in registry.directives.values() if d.id in cited], registry.conflicts,
                      registry.unresolved)


def resolve_report(report: Report, cites: list[Citation], registry: Registry, p: Patterns) -> list[Citation]:
    """Set `directive` and `rule` on each citation; drop short forms nothing explains."""
    ctx = Context.of(report, p)
    conflicts: list[_Pending] = []
    _scope_symbols(cites, ctx, p, conflicts)
    clusters = _cluster(cites, ctx, p, conflicts)
    for cluster in clusters:
        _resolve_cluster(cluster, cites, ctx, registry, p, conflicts)
    for i, c in enumerate(cites):
        if c.kind == "conference":
            _resolve_conference(i, c, cites, ctx, registry, p)
        elif c.kind == "law":
            _resolve_law(i, c, cites, ctx, registry, p)
        elif c.kind in ("plenum", "congress"):
            _resolve_meeting(c, ctx, registry, p)
    for i, c in enumerate(cites):
        if c.kind == "short":
            _resolve_short(i, c, cites, ctx, registry, p)
            if c.directive is None and _named_as_document(c, p):
                registry.unresolved.append(c)
                conflicts.append(_conflict("unresolved", f"“{c.raw}”: không rõ là văn bản nào (không có số hiệu đầy đủ, "
                                           f"năm ban hành hay cơ quan ban hành, và {ctx.noun} không dẫn đầy đủ ở chỗ khác); "
                                           "chưa liên kết", ctx, [c]))
        elif c.kind == "alias" and c.alias_of is not None:
            c.directive = cites[c.alias_of].directive
            c.rule = "alias"
    for c in cites:
        if c.date_raw and not c.date:
            conflicts.append(_conflict("bad-date", f"“{c.raw}”: “{c.date_raw}” không phải một ngày; chưa rõ ngày "
                                       "ban hành", ctx, [c]))
        if c.state and c.kind == "full" and c.code and p.has_type(c.type):
            codes = p.type_named(c.type).codes
            if codes and c.code not in codes:
                conflicts.append(_conflict("code-type", f"“{c.raw}”: ký hiệu {c.code} không phải của {c.type} "
                                           f"({', '.join(codes)}); giữ nguyên như văn bản ghi", ctx, [c]))
    for c in cites:
        if c.symbol_read and c.symbol:
            conflicts.append(_conflict("symbol-read", f"“{c.raw}”: ký hiệu viết “{c.symbol_read}”, đọc là {c.symbol} "
                                       "(có thể do nhận dạng chữ); cần đối chiếu bản gốc", ctx, [c]))
        elif c.symbol_read:
            conflicts.append(_conflict("symbol-read", f"“{c.raw}”: không đọc được ký hiệu “{c.symbol_read}” "
                                       "(có thể do nhận dạng chữ); cần đối chiếu bản gốc", ctx, [c]))
    kept = [c for c in cites if c.directive]
    for c in registry.unresolved:
        c.in_title_of = c.alias_of = None
    _check_after_report(kept, ctx, registry, conflicts)
    _reindex(cites, kept)
    for conflict, about in conflicts:
        conflict.directive = conflict.directive or about[0].directive
        conflict.containers = sorted({c.container for c in about})
        registry.conflicts.append(conflict)
    return kept


def _scope_symbols(cites: list[Citation], ctx: Context, p: Patterns, conflicts: list) -> None:
    """Decide each symbol's issuer scope (central, province, city…) and record the rule."""
    pending = []
    for c in cites:
        if not c.symbol:
            continue
        scope = p.suffix_scope(c.suffix or "", c.state)
        if scope == "tu":
            if c.issuer_scope in ("province", "city"):
                c.issuer_scope, c.rule = c.issuer_scope, "tu: issuer phrase"
            else:
                pending.append(c)
            continue
        if c.issuer_scope and scope and c.issuer_scope != scope and not c.state:
            conflicts.append(_conflict("issuer-mismatch",
                                       f"“{c.raw}”: cơ quan ban hành ({c.issuer}) không khớp với ký hiệu /{c.suffix}",
                                       ctx, [c]))
        c.issuer_scope = scope or c.issuer_scope
    for c in pending:
        same = {o.issuer_scope for o in cites if o is not c and o.rule == "tu: issuer phrase"
                and _same_symbol(o, c, p)}
        if len(same) == 1:
            c.issuer_scope, c.rule = same.pop(), "tu: same document cited with its issuer"
        elif ctx.scope in ("province", "city"):
            c.issuer_scope, c.rule = ctx.scope, "tu: the report's own issuer"
        else:
            c.issuer_scope, c.rule = "province", "tu: undecided, read as Tỉnh ủy"
            conflicts.append(_conflict("tu-ambiguous", f"“{c.raw}”: không rõ /TU là Tỉnh ủy hay Thành ủy; tạm hiểu là Tỉnh ủy", ctx, [c]))


def _canonical_code(c: Citation, p: Patterns) -> str | None:
    codes = p.type_named(c.type).codes if p.has_type(c.type) else ()
    if not c.code or not codes or c.code in codes:
        return c.code
    return codes[0]


def _same_symbol(a: Citation, b: Citation, p: Patterns) -> bool:
    return (a.type, _number(a.number), _canonical_code(a, p), a.suffix) == (
        b.type, _number(b.number), _canonical_code(b, p), b.suffix)


def _number(number: str | None):
    return int(number) if number and number.isdigit() else number


def _cluster(cites: list[Citation], ctx: Context, p: Patterns, conflicts: list) -> list[_Cluster]:
    """Group symbol citations into documents: same key, same term (dates in one term)."""
    clusters: list[_Cluster] = []
    undated: list[int] = []
    for i, c in enumerate(cites):
        if not c.symbol:
            continue
        window = _window(c, p, ctx, conflicts)
        key = _key(c, p, ctx)
        if window is None:
            undated.append(i)
            continue
        cluster = next((k for k in clusters if k.key == key and k.window == window), None)
        if cluster is None:
            cluster = _Cluster(key, window)
            clusters.append(cluster)
        cluster.cites.append(i)
    for i in undated:
        key = _key(cites[i], p, ctx)
        same = [k for k in clusters if k.key == key]
        if len(same) == 1:
            same[0].cites.append(i)
            continue
        if len(same) > 1:
            chosen = min(same, key=lambda k: min(abs(j - i) for j in k.cites))
            chosen.cites.append(i)
            conflicts.append(_conflict("ambiguous", f"“{cites[i].raw}”: có nhiều văn bản cùng số hiệu; hiểu là văn bản "
                                       "được trích dẫn gần nhất", ctx, [cites[i]]))
            continue
        cluster = _Cluster(key, None, [i])
        clusters.append(cluster)
    return clusters


def _key(c: Citation, p: Patterns, ctx: Context) -> tuple:
    # a law cited by name with its symbol has no number of its own: its symbol tells it apart
    # (Luật Quảng cáo số 16/2012/QH13 is not Luật … số 14/2017/QH14 cited beside it)
    return (c.type, _number(c.number) if c.number else c.symbol, _canonical_code(c, p), c.suffix, c.issuer_scope,
            _place(c, ctx))


def _place(c: Citation, ctx: Context) -> str | None:
    """The place of a local body a citation names by its level alone ("của UBND thành phố"), or
    by its symbol's code: the document's own, at that level; none for a body of another level
    than the document's own local state body ("UBND tỉnh" in a text of UBND thành phố Cần Thơ)."""
    level = ctx.levels.get(c.issuer_scope or "")
    if level and c.issuer and level not in matching(c.issuer).lower():
        return None
    return ctx.places.get(c.issuer_scope or "")


def _window(c: Citation, p: Patterns, ctx: Context, conflicts: list) -> str | None:
    """The term a citation's document belongs to: from its date, else its stated term."""
    if c.state:
        return "state"
    if c.date:
        window = p.term_of(c.date, "central" if c.issuer_scope == "central" else "local")
        if c.term and c.issuer_scope == "central" and window != c.term:
            conflicts.append(_conflict("term-date", f"“{c.raw}”: ngày {short_date(c.date)} không thuộc "
                                       f"khóa {c.term}", ctx, [c]))
        return window
    if c.term and c.issuer_scope == "central":
        return c.term
    return None


def _resolve_cluster(cluster: _Cluster, cites: list[Citation], ctx: Context, registry: Registry,
                     p: Patterns, conflicts: list) -> None:
    members = [cites[i] for i in cluster.cites]
    first = members[0]
    type_name, number, code, suffix, scope, place = cluster.key
    # Every citation writes another type's code ("Chỉ thị 34-TB/TW": TB is a Thông báo's): which
    # word is wrong is unknown, so the symbol is kept as written and not matched to the catalog.
    written_codes = {c.code for c in members}
    foreign = not first.state and code not in written_codes and all(w in p.code_types for w in written_codes)
    match = None if foreign else _catalog_match(cluster, registry.catalog, ctx, p, first)
    dates = Counter(c.date for c in members if c.date)
    expected = first.symbol if foreign else _symbol(code, suffix, first)
    if match:
        directive, rule = match, "catalog"
    else:
        directive, rule = registry.add(_from_citations(members, cluster, expected, dates, p, ctx)), "citation"
    for c in members:
        c.directive = directive.id
        c.rule = f"{c.rule}; {rule}" if c.rule else rule
    if len(dates) > 1:
        listed = ", ".join(short_date(d) for d in sorted(dates))
        conflicts.append(_conflict("two-dates", f"{ctx.noun.capitalize()} ghi {len(dates)} ngày ban hành khác nhau cho {directive.label}: {listed}",
                                   ctx, members))
    if foreign:
        conflicts.append(_conflict("code-type", f"“{first.raw}”: ký hiệu {first.code} không phải của {type_name} "
                                   f"({', '.join(p.type_named(type_name).codes)}); giữ nguyên như văn bản ghi",
                                   ctx, members))
    written = sorted({c.symbol for c in members if c.symbol != expected})
    if written and not first.state:
        conflicts.append(_conflict("symbol", f"{directive.label} có chỗ được viết là " + ", ".join(written)
                                   + f" ({type_name} có ký hiệu {code})", ctx,
                                   [c for c in members if c.symbol != expected]))
    cited = sorted(d for d in dates if d != directive.date)
    if match and match.date and cited:
        conflicts.append(_conflict("date-vs-catalog", f"{match.label}: {ctx.noun} ghi ngày "
                                   f"{', '.join(short_date(d) for d in cited)}; danh mục văn bản ghi "
                                   f"{short_date(match.date)}", ctx, [c for c in members if c.date in cited]))


def _from_citations(members: list[Citation], cluster: _Cluster, expected: str, dates: Counter,
                    p: Patterns, ctx: Context) -> Directive:
    """A directive the catalog lacks, put together from what its citations say."""
    type_name, number, code, suffix, scope, place = cluster.key
    first = members[0]
    date = dates.most_common(1)[0][0] if dates else None
    year_or_term = (date or "")[:4] or (f"khoa {cluster.window}" if cluster.window and scope == "central" else "")
    titled = next((c for c in members if c.title), None)
    topic = next((c for c in members if c.topic), None)
    dated_symbol = first.state and "/" in (first.number or "")
    slug = p.type_named(type_name).slug if type_name else "van-ban"
    when = "" if dated_symbol else year_or_term
    # The place of a local state body read from the document's own header (Ủy ban nhân dân thành
    # phố Cần Thơ) came into ids after they were first published: the id without it was the
    # page's address before, and stays one.
    former = [slugify(slug, expected.replace("/", " "), when)] if place and scope in ctx.levels else []
    return Directive(
        id=slugify(slug, expected.replace("/", " "), place or "", when), formerly=former,
        type=type_name or "Văn bản", number=first.number, symbol=expected,
        issuer=_issuer_name(members, scope, place, expected, ctx), level=p.levels.get(scope or ""), date=date,
        term=cluster.window if scope == "central" else next((c.term for c in members if c.term), None),
        title=titled.title if titled else (topic.topic if topic else None),
        title_from="citation" if titled else ("topic" if topic else None), scope=scope, place=place,
    )


def _catalog_match(cluster: _Cluster, catalog: list[Directive], ctx: Context, p: Patterns, first: Citation):
    """The one catalog entry with this type, symbol, scope and term, issued before the report."""
    type_name, number, code, suffix, scope, place = cluster.key
    symbol = _symbol(code, suffix, first)
    found = []
    for d in catalog:
        if d.type != type_name or not d.symbol or matching(d.symbol) != matching(symbol):
            continue
        if d.scope != scope:
            continue
        window = p.term_of(d.date, "central" if scope == "central" else "local") if d.date else d.term
        if cluster.window not in (None, "state") and window and window != cluster.window:
            continue
        if ctx.end and d.date and d.date > ctx.end:
            continue
        found.append(d)
    return found[0] if len(found) == 1 else None


def _symbol(code, suffix, first: Citation) -> str:
    """The symbol as it should be written: `66-LK/TW` of a Kết luận is `66-KL/TW`."""
    if first.state:
        return first.symbol
    return f"{first.number}-{code}/{suffix}"


# The code that ends a local state body's symbols, and the body ("2579/QĐ-UBND").
STATE_BODY_CODES = {"UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân"}


def _issuer_name(members: list[Citation], scope: str | None, place: str | None, symbol: str,
                 ctx: Context) -> str | None:
    """Who issued it: as its citations name it, else the local body its symbol's code names at
    the document's own level ("…/QĐ-UBND" in a text of Ủy ban nhân dân thành phố Cần Thơ), else
    the Party committee of its scope; a state body at an unknown level stays unknown."""
    named = Counter(c.issuer for c in members if c.issuer)
    body = symbol.rsplit("-", 1)[-1]
    if named:
        name = named.most_common(1)[0][0]
    elif body in STATE_BODY_CODES:
        level = ctx.levels.get(scope or "")
        name = f"{STATE_BODY_CODES[body]} {level}" if level else None
    else:
        name = {"central": "Trung ương", "province": "Tỉnh ủy", "city": "Thành ủy", "district": "Huyện ủy"}.get(
            scope or "")
    if name and place and scope in ("province", "city", "district") and place not in name:
        name = f"{name} {place}"
    return name


def _resolve_conference(i: int, c: Citation, cites: list[Citation], ctx: Context, registry: Registry,
                        p: Patterns) -> None:
    """`Nghị quyết Trung ương 4 khóa XII`: the plenum's resolution, from the catalog if known. A
    plenum named without its term is the one the same text names with it nearest, else the
    plenum of the term the report was written in."""
    named = [(abs(j - i), o.term) for j, o in enumerate(cites)
             if o.kind == "conference" and o.conference == c.conference and o.term]
    term = c.term or (min(named)[1] if named else None) or (p.term_of(ctx.end, "central") if ctx.end else None)
    found = [d for d in registry.catalog if d.conference == c.conference and d.term == term]
    if len(found) == 1:
        c.directive, c.rule = found[0].id, "conference: catalog"
        return
    directive = registry.add(Directive(
        id=slugify("nghi-quyet-hoi-nghi-tw", str(c.conference), *(("khoa", term) if term else ())), type="Nghị quyết",
        number=None, symbol=None, issuer="Ban Chấp hành Trung ương", level=p.levels["central"], term=term,
        conference=c.conference, scope="central",
        title=f"các nghị quyết của Hội nghị lần thứ {c.conference} Ban Chấp hành Trung ương khóa {term}",
        title_from="conference",
    ))
    c.directive, c.rule = directive.id, "conference: not in the catalog"


def _resolve_law(i: int, c: Citation, cites: list[Citation], ctx: Context, registry: Registry, p: Patterns) -> None:
    """A law by name: the version its year says; without one, the year the same text gives the
    same name (if it gives one only); else the version in force at the report's date (laws.yml); else one
    page for the name, saying the version is not known. "Luật Đất đai 2003" and "Luật Đất đai
    2013" are two documents."""
    laws = load_laws()
    law = laws.law(c.name or "")
    year = c.date[:4] if c.date else None
    rule = "law: year cited"
    dated = {o.date[:4] for o in cites if o.kind == "law" and o.name == c.name and o.date}
    if year is None and len(dated) == 1:
        year, rule = dated.pop(), "law: the same name cited with its year"
    if year is None and law is not None and (version := laws.version(law, ctx.end)):
        year, rule = str(version), "law: version in force at the report's date"
    if year is None:
        rule = "law: version not known"
    label = f"{c.name} năm {year}" if year else c.name
    directive = registry.add(Directive(
        id=slugify(c.name or c.type or "luat", year or ""), type=c.type or "Luật", number=None, symbol=None,
        issuer=c.issuer, level=p.levels["state"], date=c.date if c.date and len(c.date) == 10 else year,
        names=[label], scope="state", title_from="law",
        note=None if year else "Văn bản dẫn tên luật mà không ghi năm; chưa xác định được là văn bản năm nào.",
    ))
    c.directive, c.rule = directive.id, f"{c.rule}; {rule}" if c.rule else rule


def _resolve_meeting(c: Citation, ctx: Context, registry: Registry, p: Patterns) -> None:
    """A local plenum's resolutions ("Nghị quyết Hội nghị Thành ủy lần thứ 18 khóa VIII"), or a
    congress's ("Nghị quyết Đại hội Đảng toàn quốc lần thứ X"): a local committee is the one of
    the report's own place at that level."""
    place = ctx.places.get(c.issuer_scope or "") if c.issuer_scope != "central" else None
    body = f"{c.issuer} {place}" if place else c.issuer
    if c.kind == "plenum":
        label = f"Nghị quyết Hội nghị lần thứ {c.conference} {body} khóa {c.term}"
        ident = slugify("nghi-quyet-hoi-nghi", c.issuer or "", place or "", str(c.conference), "khoa", c.term or "")
        title = f"các nghị quyết của Hội nghị lần thứ {c.conference} {body} khóa {c.term}"
    elif c.issuer_scope == "central":
        label = f"Nghị quyết Đại hội đại biểu toàn quốc lần thứ {c.number} của Đảng"
        ident = slugify("nghi-quyet-dai-hoi-dang-toan-quoc", c.number or "")
        title = f"Nghị quyết Đại hội đại biểu toàn quốc lần thứ {c.number} của Đảng"
    else:
        level = {"Tỉnh ủy": "tỉnh", "Thành ủy": "thành phố", "Huyện ủy": "huyện", "Quận ủy": "quận"}.get(c.issuer or "", "")
        label = f"Nghị quyết Đại hội Đảng bộ {level} {place or ''} lần thứ {c.number}".replace("  ", " ")
        ident = slugify("nghi-quyet-dai-hoi-dang-bo", level, place or "", c.number or "")
        title = label
    directive = registry.add(Directive(id=ident, type="Nghị quyết", number=None, symbol=None, issuer=body,
                                       level=p.levels.get(c.issuer_scope or ""), term=c.term, names=[label],
                                       scope=c.issuer_scope, place=place, title=title, title_from=c.kind))
    c.directive, c.rule = directive.id, f"{c.kind}: named by its meeting"


def _resolve_short(i: int, c: Citation, cites: list[Citation], ctx: Context, registry: Registry,
                   p: Patterns) -> None:
    """`Chỉ thị 05`: the document of that type and number cited nearest in the report (agreeing
    with the year and issuer the short form gives, if any), else a catalog alias; else, when the
    text names the issuer or the year ("Nghị định số 06 năm 2021 của Chính phủ", "Chỉ thị 17 của
    Ban Bí thư"), a document of that type, number and issuer. Nothing else is guessed."""
    same = [(abs(j - i), o) for j, o in enumerate(cites) if o.directive and o.kind != "short"
            and o.type == c.type and _number(_plain_number(o.number)) == _number(c.number)
            and (not c.date or (o.date or "")[:4] in ("", c.date[:4]))
            and (not c.issuer_scope or not o.issuer_scope or o.issuer_scope == c.issuer_scope)]
    if same:
        c.directive, c.rule = min(same, key=lambda pair: pair[0])[1].directive, "short form: same report"
        return
    raw = matching(c.raw).lower()
    # A catalog alias ("Chỉ thị 05") names a document only in reports written after it.
    aliased = [d for d in registry.catalog if any(matching(a).lower() == raw for a in d.aliases)
               and ctx.end and (not d.date or d.date <= ctx.end)]
    if len(aliased) == 1:
        c.directive, c.rule = aliased[0].id, "short form: catalog alias"
        return
    if not c.issuer:
        return
    year = c.date[:4] if c.date else None
    listed = [d for d in registry.catalog if d.type == c.type and _number(_plain_number(d.number)) == _number(c.number)
              and d.scope == c.issuer_scope and (year is None or (d.date or "")[:4] == year)]
    if len(listed) == 1:
        c.directive, c.rule = listed[0].id, "short form: catalog, by type, number and issuer"
        return
    place = ctx.places.get(c.issuer_scope or "") if c.issuer_scope not in ("central", "state") else None
    issuer = f"{c.issuer} {place}" if place and place not in c.issuer else c.issuer
    directive = registry.add(Directive(
        id=slugify(p.type_named(c.type).slug, c.number or "", issuer, year or ""),
        type=c.type, number=c.number, symbol=None, issuer=issuer, level=p.levels.get(c.issuer_scope or ""),
        date=year, scope=c.issuer_scope, place=place,
        note="Văn bản được dẫn bằng số thứ tự, không có số hiệu đầy đủ.",
    ))
    c.directive, c.rule = directive.id, "short form: type, number and issuer cited"


def _named_as_document(c: Citation, p: Patterns) -> bool:
    """A short form that names one document even unresolved: "Nghị định 77", "nghị quyết số 52";
    not "nghị định 77" in passing, which may be a count or a page."""
    return c.raw[:1].isupper() or bool(p.number_word.search(matching(c.raw)))


def _plain_number(number: str | None) -> str | None:
    """`06/2021` → `06`: a state document's number without its year."""
    return number.split("/")[0] if number else number


def _check_after_report(cites: list[Citation], ctx: Context, registry: Registry, conflicts: list) -> None:
    """A report cannot cite a document issued after it."""
    if not ctx.end:
        return
    flagged = set()
    for c in cites:
        d = registry.get(c.directive)
        if d.date and d.date > ctx.end and d.id not in flagged:
            flagged.add(d.id)
            conflicts.append(_conflict("after-report", f"{d.label} ban hành {on_date(d.date)}, sau ngày "
                                       f"của chính {ctx.noun}", ctx, [c], d.id))


def _reindex(old: list[Citation], kept: list[Citation]) -> None:
    """Fix `in_title_of` and `alias_of` after dropping unexplained short forms."""
    position = {id(c): n for n, c in enumerate(kept)}
    for c in kept:
        for name in ("in_title_of", "alias_of"):
            target = getattr(c, name)
            if target is not None:
                setattr(c, name, position.get(id(old[target])))
