"""Find the citations of documents in a text: full, bare and enumerated symbols, conference
resolutions (`Nghị quyết Trung ương 4 khóa XII`), short forms and aliases.

Works on the matching form of the text, which has the same length as the display text, so every
span indexes both. Patterns live in `patterns.yml`; this module only walks them.
"""

from __future__ import annotations

import re

from vanban.cite.laws import find_laws
from vanban.cite.models import Citation, Directive
from vanban.cite.patterns import Patterns, iso_day, load_patterns
from vanban.model import Report
from vanban.normalize import matching

SEPARATOR = re.compile(r"[\s,]*(?:-\s*(?=kh[óo]a))?")
ENUMERATION_GAP = re.compile(r"^\s*(?:,|;|và)\s*(?:số\s*)?$")
TITLE_OPEN = re.compile(r"\s*,?\s*(?:về\s*)?(?P<quote>[“\"])", re.IGNORECASE)
TOPIC_OPEN = re.compile(r"\s*,?\s+về\s*(?=\S)", re.IGNORECASE)
TOPIC_END = re.compile(r";|\.(?!\d)|\(\s*sau đây")
LOOKBACK = 48


def find_in_report(report: Report, patterns: Patterns | None = None) -> list[Citation]:
    """Citations of every block and footnote of a report, in reading order; then aliases."""
    patterns = patterns or load_patterns()
    containers = [(b.anchor, b.text, b.line, False) for b in report.blocks]
    containers += [(f"fn:{f.number}", f.text, f.line, True) for f in report.footnotes]
    found: list[Citation] = []
    for anchor, text, line, in_footnote in containers:
        cites = find_citations(text, anchor, line, in_footnote, patterns)
        base = len(found)
        for c in cites:
            if c.in_title_of is not None:
                c.in_title_of += base
        found += cites
    found = _add_law_names(found, containers)
    return _add_alias_uses(found, containers, patterns)


def _add_law_names(found: list[Citation], containers) -> list[Citation]:
    """A law the list lacks, named in a text with its year, date or number ("Luật Quản lý,
    sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ ngày 29/6/2024"), is a citation wherever else the
    text names it again, with nothing after it ("… của Luật Quản lý, sử dụng vũ khí, vật liệu nổ
    và công cụ hỗ trợ về vật liệu nổ công nghiệp")."""
    named = {c.name: c for c in found if c.kind == "law" and c.name and c.rule == "law: name closed by its year"}
    if not named:
        return found
    patterns = [(_law_name_pattern(name), c) for name, c in named.items()]
    order = {anchor: n for n, (anchor, *_rest) in enumerate(containers)}
    extra: list[Citation] = []
    for anchor, text, line, in_footnote in containers:
        m = matching(text)
        taken = [(c.start, c.end) for c in found if c.container == anchor]
        for pattern, first in patterns:
            for hit in pattern.finditer(m):
                if _free(hit.start(), hit.end(), taken):
                    c = Citation("law", text[hit.start() : hit.end()], hit.start(), hit.end(), anchor, line, in_footnote,
                                 type=first.type, issuer=first.issuer, issuer_scope=first.issuer_scope, state=True,
                                 rule="law: a name the text gives with its year elsewhere")
                    c.name = first.name
                    extra.append(c)
                    taken.append((hit.start(), hit.end()))
    if not extra:
        return found
    outer = {id(c): found[c.in_title_of] for c in found if c.in_title_of is not None}
    merged = sorted(found + extra, key=lambda c: (order[c.container], c.start))
    index = {id(c): n for n, c in enumerate(merged)}
    for c in found:
        if id(c) in outer:
            c.in_title_of = index[id(outer[id(c)])]
    for c in extra:
        around = [n for n, o in enumerate(merged) if o.container == c.container and o is not c and _inside(c.start, o)]
        c.in_title_of = around[-1] if around else None
    return merged


def _law_name_pattern(name: str) -> re.Pattern:
    """A law's name as written again: any spacing, around commas too, any case."""
    words = re.split(r"\s*,\s*|\s+", matching(name))
    separator = r"(?:\s*,\s*|\s+)"
    return re.compile(r"(?<![^\W_])" + separator.join(re.escape(w) for w in words) + r"(?![^\W_])", re.IGNORECASE)


def find_names(report: Report, catalog: list[Directive], found: list[Citation],
               patterns: Patterns | None = None) -> list[Citation]:
    """Documents known by name (the catalog's `names`: "Điều lệ Đảng"), wherever no other
    citation stands; each resolves to its catalog entry."""
    p = patterns or load_patterns()
    named = [(d, re.compile(rf"(?<![\w]){re.escape(matching(n))}(?![\w])")) for d in catalog for n in d.names]
    if not named:
        return []
    # A name's first word, lower-cased, must be in a text before the text is normalised for it.
    firsts = {matching(n).split()[0].lower() for d in catalog for n in d.names}
    out: list[Citation] = []
    containers = [(b.anchor, b.text, b.line, False) for b in report.blocks]
    containers += [(f"fn:{f.number}", f.text, f.line, True) for f in report.footnotes]
    for anchor, text, line, in_footnote in containers:
        lowered = text.lower()
        if not any(first in lowered for first in firsts):
            continue
        m = matching(text)
        taken = [(c.start, c.end) for c in found if c.container == anchor]
        for d, pattern in named:
            for hit in pattern.finditer(m):
                if _free(hit.start(), hit.end(), taken):
                    c = Citation("name", text[hit.start() : hit.end()], hit.start(), hit.end(), anchor, line,
                                 in_footnote, type=d.type, directive=d.id, rule="name: catalog")
                    c.pin, c.pin_text = _pin(text, m, c, p)
                    out.append(c)
                    taken.append((hit.start(), hit.end()))
    return out


def _short_forms(m: str, p: Patterns):
    """`p.short.finditer(m)`, trying it only where the faster case-sensitive `short_scan` finds
    a candidate in the lower-cased text (same length as `m` for Vietnamese; else the plain scan)."""
    lowered = m.lower()
    if len(lowered) != len(m):
        yield from p.short.finditer(m)
        return
    end = 0
    for candidate in p.short_scan.finditer(lowered):
        if candidate.start() < end:
            continue
        found = p.short.match(m, candidate.start())
        if found:
            end = found.end()
            yield found


def find_citations(text: str, container: str, line: int, in_footnote: bool,
                   patterns: Patterns | None = None) -> list[Citation]:
    """All citations in one text, sorted by position, with `in_title_of` set within the list."""
    p = patterns or load_patterns()
    m = matching(text)
    cites: list[Citation] = []
    # Laws by name first: "Luật Đất đai số 45/2013/QH13" is one citation, not a name and a symbol.
    laws = find_laws(text, m, container, line, in_footnote, [])
    named = [(c.start, c.end) for c in laws]
    symbols = [(x, False) for x in p.party_symbol.finditer(m)] + [(x, True) for x in p.state_symbol.finditer(m)]
    symbols = sorted(symbols + _typed_only_symbols(m, symbols, p), key=lambda pair: pair[0].start())
    for sym, state in symbols:
        if _free(sym.start(), sym.end(), named):
            cites.append(_symbol_citation(text, m, sym, state, cites, container, line, in_footnote, p))
    cites = [c for c in cites if _free(c.start, c.end, named)] + laws
    taken = [(c.start, c.end) for c in cites]
    for conf in p.conference.finditer(m):
        if _free(conf.start(), conf.end(), taken):
            c = Citation("conference", text[conf.start() : conf.end()].rstrip(" ,"), conf.start(),
                         conf.start() + len(m[conf.start() : conf.end()].rstrip(" ,")), container, line,
                         in_footnote, type="Nghị quyết", conference=int(conf["conf"]), term=conf["term"],
                         issuer="Ban Chấp hành Trung ương", issuer_scope="central")
            _title_and_topic(text, m, c, p)
            cites.append(c)
            taken.append((c.start, c.end))
    for kind, pattern in p.meetings:
        for hit in pattern.finditer(m):
            c = _meeting(text, m, kind, hit, container, line, in_footnote, p)
            if c is not None and _free(c.start, c.end, taken):
                _title_and_topic(text, m, c, p)
                cites.append(c)
                taken.append((c.start, c.end))
    for bad in p.unreadable.finditer(m):
        if _free(bad.start(), bad.end(), taken) and _type_boundary(m, bad.start()) and m[bad.start()].isupper():
            # "Kết luận số 12-KL/T\V": type and number are certain, the symbol is not: a short form
            # whose symbol `vanban check` reports as unreadable
            c = Citation("short", text[bad.start() : bad.end()], bad.start(), bad.end(), container, line, in_footnote,
                         type=p.type_named(bad["type"]).name, number=bad["number"])
            c.symbol_read = text[bad.start("number") : bad.end()]
            _tail(m, c, p)
            c.raw = text[c.start : c.end]
            cites.append(c)
            taken.append((c.start, c.end))
    for s in _short_forms(m, p):
        if _free(s.start(), s.end(), taken) and _type_boundary(m, s.start()):
            c = Citation("short", "", s.start(), s.end(), container, line, in_footnote,
                         type=p.type_named(s["type"]).name, number=s["number"])
            if year := p.year_after.match(m, c.end):  # "Nghị định số 06 năm 2021 của Chính phủ"
                c.date, c.end = year["year"], year.end()
            _tail(m, c, p)
            _issuer_before(m, c, p)
            c.raw = text[c.start : c.end]
            cites.append(c)
    cites.sort(key=lambda c: c.start)
    for c in cites:
        c.implements = bool(p.implements_before.search(m[max(0, c.start - LOOKBACK) : c.start]))
        c.pin, c.pin_text = _pin(text, m, c, p)
        alias = p.alias_intro.match(m, c.end) or p.alias_intro.search(m, c.end, min(len(m), c.end + 400))
        if alias and all(not (c.end < o.start < alias.start()) for o in cites) and _alias_of(m, c, alias, p):
            c.alias = text[alias.start("alias") : alias.end("alias")]
    for c in cites:
        outer = [i for i, o in enumerate(cites) if o is not c and _inside(c.start, o)]
        if outer:
            c.in_title_of = outer[-1]
    return cites


def _alias_of(m: str, c: Citation, alias: re.Match, p: Patterns) -> bool:
    """Whether "(sau đây gọi tắt là X)" after a citation names the cited document: X names a
    document (a type word, a number or an acronym: "Nghị quyết 35", "NQ35", not "Đoàn kiểm tra",
    the team a decision set up), and does not close a quotation the citation stands inside (“…
    trước ngày Luật … có hiệu lực” (sau đây gọi tắt là Giải pháp kỹ thuật): the quotation's alias)."""
    before = m[: c.start]
    if before.count("“") > before.count("”") and "”" in m[c.end : alias.start()]:
        return False
    words = matching(alias["alias"]).lower()
    return (any(ch.isdigit() for ch in words) or alias["alias"].isupper()
            or bool(re.search(rf"(?<![^\W_])(?:{'|'.join(map(re.escape, p.types))})(?![^\W_])", words)))


ROMAN_VALUES = (("X", 10), ("IX", 9), ("V", 5), ("IV", 4), ("I", 1))


def roman(number: int) -> str:
    out = ""
    for letters, value in ROMAN_VALUES:
        while number >= value:
            out, number = out + letters, number - value
    return out


def _meeting(text, m, kind: str, hit: re.Match, container, line, in_footnote, p: Patterns) -> Citation | None:
    """A resolution named by its meeting: a Central Committee plenum (`conference`), a local
    committee's (`plenum`: issuer, number, term) or a congress (`congress`: its number, as a
    Roman numeral, in `number`; a local one's committee in `issuer`)."""
    g = hit.groupdict()
    end = hit.start() + len(m[hit.start() : hit.end()].rstrip(" ,("))
    c = Citation(kind, text[hit.start() : end], hit.start(), end, container, line, in_footnote, type="Nghị quyết")
    if kind == "conference":
        c.conference, c.term = int(g["conf"]), g.get("term")
        c.issuer, c.issuer_scope = "Ban Chấp hành Trung ương", "central"
    elif kind == "plenum":
        conf = g.get("conf") or g.get("conf2")
        if not conf:
            return None
        c.issuer_scope, c.issuer = p.bodies[(g.get("body") or g.get("level")).lower()]
        c.conference, c.term = int(conf), g["term"].upper()
    else:
        n = g.get("n") or g.get("n2") or g.get("n3")
        c.number = roman(int(n)) if n.isdigit() else n.upper()
        if g.get("level"):
            c.issuer_scope, c.issuer = p.bodies[g["level"].lower()]
        else:
            c.issuer_scope, c.issuer = "central", "Đại hội đại biểu toàn quốc"
    return c


PIN_LOOKBACK = 80
# Words one of which a provision named before a citation holds (a cheap test before the pattern).
PIN_WORDS = ("điều", "mục", "phần", "tiết")


def _pin(text: str, m: str, c: Citation, p: Patterns) -> tuple[str | None, str | None]:
    """The provision a citation names, as its anchor (`dieu-3-khoan-2`), and the words saying it."""
    start = max(0, c.start - PIN_LOOKBACK)
    window = m[start : c.start].lower()
    found = p.pin_before.search(m, start, c.start) if any(w in window for w in PIN_WORDS) else None
    if found is None or found.end() != c.start:
        found = p.pin_after.match(m, c.end)
    if found is None:
        return None, None
    g = found.groupdict()
    if g.get("dieu"):
        anchor = f"dieu-{g['dieu'].lower()}" + (f"-khoan-{g['khoan']}" if g.get("khoan") else "")
        anchor += f"-diem-{g['diem'].lower().replace('đ', 'dd')}" if g.get("diem") else ""
    elif g.get("phan"):
        anchor = f"muc-{g['phan'].lower()}" + (f"-{g['muc'].replace('.', '-')}" if g.get("muc") else "")
    else:
        anchor = f"muc-{g['tiet'].replace('.', '-')}"
    return anchor, text[found.start("pin") : found.end("pin")]


def _typed(m: str, start: int, p: Patterns) -> bool:
    """Whether a type word stands right before `start` ("Quyết định số ", "Thông tư số: "), or
    names the document before its number ("Giấy phép sử dụng vật liệu nổ công nghiệp số ")."""
    before = m[max(0, start - LOOKBACK) : start]
    typed = p.type_before.search(before)
    return (bool(typed) and _type_boundary(m, start - len(before) + typed.start())) or _named(m, start, p) is not None


NAMED_LOOKBACK = 140


def _named(m: str, start: int, p: Patterns) -> re.Match | None:
    """A capitalised type word and the words that name the document before its number: "Kế
    hoạch kiểm tra số 1105/KH-ĐKT" (a Kế hoạch, whatever its symbol's code says)."""
    lower = max(0, start - NAMED_LOOKBACK)
    named = p.type_named_before.search(m, lower, start)
    if named is None or not m[named.start()].isupper() or not _type_boundary(m, named.start()):
        return None
    return named


def _typed_only_symbols(m: str, found: list, p: Patterns) -> list:
    """Symbols in forms taken only right after a type word: lower case (`15/qđ-ubnd`), and state
    symbols without a type code (`95/CP`, `14/TTLB`, `61/HĐND-TH`)."""
    taken = [(x.start(), x.end()) for x, _ in found]
    out = []
    for pattern, state in ((p.party_symbol_any_case, False), (p.state_symbol_any_case, True), (p.other_symbol, True)):
        for x in pattern.finditer(m):
            if _free(x.start(), x.end(), taken) and _typed(m, x.start(), p):
                out.append((x, state))
                taken.append((x.start(), x.end()))
    return out


def _symbol_citation(text, m, sym, state, previous, container, line, in_footnote, p: Patterns) -> Citation:
    """A citation around one symbol: the type word before it, then date, issuer, term, title."""
    before = m[max(0, sym.start() - LOOKBACK) : sym.start()]
    typed = p.type_before.search(before)
    start = sym.start()
    kind = "bare"
    groups = sym.groupdict()
    code = groups.get("code")
    code = p.codes.get(code.lower(), code) if code else ("QH" if state and groups.get("law") else None)
    type_name = None
    if typed and _type_boundary(m, sym.start() - len(before) + typed.start()):
        start = sym.start() - len(before) + typed.start()
        type_name = p.type_named(typed["type"]).name
        if typed["type"].lower() in p.generic and code in p.code_types:
            type_name = p.code_types[code]  # "văn bản số 15/2020/NĐ-CP" is a Nghị định
        kind = "full"
    elif (abbr := p.abbreviation_before.search(m, max(0, sym.start() - LOOKBACK), sym.start())) is not None:
        start = abbr.start()  # "QĐ số 525/QĐ-UBND", "NQ số 187/2025/QH15"
        type_name = p.code_types[code] if abbr["abbr"] == code and code in p.code_types else p.abbreviations[abbr["abbr"]]
        kind = "full"
    elif (named := _named(m, sym.start(), p)) is not None:
        start = named.start()
        type_name = p.type_named(named["type"]).name
        if named["type"].lower() in p.generic and code in p.code_types:
            type_name = p.code_types[code]
        kind = "full"
    elif previous and ENUMERATION_GAP.match(m[previous[-1].end : sym.start()]) and previous[-1].code == code:
        type_name = previous[-1].type
        kind = "enumerated"
    else:
        type_name = p.code_types.get(code or "", None)
    suffix = groups.get("suffix") or groups.get("law")
    written = suffix
    suffix = re.sub(r"\s*[-.]\s*", "-", suffix.upper() if suffix.islower() else suffix)
    if not state and " " in suffix:  # an OCR-split suffix: "T W" is TW, and the page says so
        suffix = suffix.replace(" ", "")
    lead = suffix.split("-")[0]
    if state and code is None and type_name and p.code_types.get(lead, "").startswith(type_name + " "):
        type_name = p.code_types[lead]  # "Thông tư số 14/TTLB": the code says a joint circular
    number = sym["number"] if not state or not sym["year"] else f"{sym['number']}/{sym['year']}"
    symbol = _canonical_symbol(sym, state, number, code, suffix)
    c = Citation(kind, "", start, sym.end(), container, line, in_footnote, type=type_name,
                 number=number, symbol=symbol, code=code, suffix=suffix, state=state)
    if written != suffix and " " in written:
        c.symbol_read = text[sym.start() : sym.end()]
    _tail(m, c, p)
    if kind == "full":
        _issuer_before(m, c, p)
    if c.issuer is None and state and (body := p.issuer_of_symbol(suffix)) is not None:
        c.issuer, c.issuer_scope = body.name, body.scope  # "567/BTC-NSNN": Bộ Tài chính
    c.raw = text[c.start : c.end]
    _title_and_topic(text, m, c, p)
    return c


def _issuer_before(m: str, c: Citation, p: Patterns) -> None:
    """"UBND tỉnh ban hành Quyết định số …": the issuer named before the type word, if none after."""
    if c.issuer is not None:
        return
    found = p.issuer_before.search(m, max(0, c.start - LOOKBACK), c.start)
    if found and found.end() == c.start:
        issuer = p.issuer_by_phrase[found["issuer"].lower()]
        c.issuer, c.issuer_scope = issuer.name, issuer.scope


def _canonical_symbol(sym: re.Match, state: bool, number: str, code: str | None, suffix: str) -> str:
    """The symbol as documents are filed: `77/2006/QĐ-UBND` for `77/2006/QĐ.UBND` or
    `77/2006/qđ-ubnd`, `19-CT/TU` for `19-CT / TU` (the citation's `raw` keeps what was written)."""
    if not state:
        return f"{number}-{code}/{suffix}"
    if sym.groupdict().get("law"):
        return re.sub(r"\s+", "", sym.group())
    return f"{number}/{code}-{suffix}" if code else f"{number}/{suffix}"


def _tail(m: str, c: Citation, p: Patterns) -> None:
    """Consume date, issuer and term after the symbol, in any order, each once."""
    pos = c.end
    while True:
        gap = SEPARATOR.match(m, pos)
        at = gap.end()
        if c.date_raw is None and (d := p.date.match(m, at)):
            c.date_raw = m[d.start() : d.end()]
            c.date = iso_day(d)
            pos = c.end = d.end()
        elif c.issuer is None and (i := p.issuer.match(m, at)):
            issuer = p.issuer_by_phrase[i["issuer"].lower()]
            c.issuer, c.issuer_scope = issuer.name, issuer.scope
            pos = c.end = i.end()
            if issuer.scope in ("province", "city", "district") and (place := p.place_after.match(m, pos)):
                pos = c.end = place.end()  # "của Tỉnh ủy Lào Cai ngày 29/12/2025": the date after the place
        elif c.term is None and (t := p.term.match(m, at)):
            c.term = t["term"]
            pos = c.end = t.start() + len(m[t.start() : t.end()].rstrip())
        elif c.date_raw is None and (bad := p.not_a_date.match(m, at)):
            c.date_raw = m[bad.start() : bad.end()]  # not a date: kept for `vanban check`, never guessed
            pos = c.end = bad.end()
        else:
            break


def _title_and_topic(text: str, m: str, c: Citation, p: Patterns) -> None:
    """A quoted title right after the citation (`“Về …”`, `về“…”`), else an unquoted `về …` topic."""
    opened = TITLE_OPEN.match(m, c.end)
    if opened:
        close = _closing_quote(m, opened.end(), opened["quote"])
        end = close if close is not None else _topic_end(m, opened.end())
        c.title = _trim_quotes(text[opened.end() : end].strip())
        c.title_span = (opened.end(), end)
        return
    topic = TOPIC_OPEN.match(m, c.end)
    if topic:
        end = _topic_end(m, topic.end())
        c.topic = _trim_quotes(text[topic.end() : end].strip())
        c.topic_span = (topic.end(), end)


def _trim_quotes(text: str) -> str:
    """Drop closing quotes left over from an enclosing title (`…mới”` inside `“…mới”`)."""
    while text and text[-1] in "”\"" and text.count("“") < text.count("”") + (text[-1] == '"'):
        text = text[:-1].rstrip()
    return text


def _closing_quote(m: str, start: int, quote: str) -> int | None:
    """Index of the quote closing a title, with nested “…” balanced."""
    if quote == '"':
        end = m.find('"', start)
        return end if end >= 0 else None
    depth = 1
    for pos in range(start, len(m)):
        if m[pos] == "“":
            depth += 1
        elif m[pos] == "”":
            depth -= 1
            if depth == 0:
                return pos
    return None


def _topic_end(m: str, start: int) -> int:
    """A topic runs to the end of its clause, or to the close of the first quotation in it."""
    end = TOPIC_END.search(m, start)
    stop = end.start() if end else len(m.rstrip())
    quote = m.find("“", start, stop)
    if quote >= 0:
        close = _closing_quote(m, quote + 1, "“")
        if close is not None:
            return close + 1
    return stop


def _type_boundary(m: str, start: int) -> bool:
    """A type word starts a word, or is glued to the previous one with a capital (`vàChỉ thị`)."""
    return start == 0 or not m[start - 1].isalpha() or m[start].isupper()


def _free(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return all(end <= s or start >= e for s, e in taken)


def _inside(pos: int, outer: Citation) -> bool:
    return any(span and span[0] <= pos < span[1] for span in (outer.title_span, outer.topic_span))


def _add_alias_uses(found: list[Citation], containers, p: Patterns) -> list[Citation]:
    """After `(sau đây gọi tắt là X)`, later mentions of X are citations of the same document."""
    sources = [c for c in found if c.alias]
    if not sources:
        return found
    order = {anchor: n for n, (anchor, *_rest) in enumerate(containers)}
    texts = {anchor: text for anchor, text, *_rest in containers}
    defined_at = {id(c): p.alias_intro.search(matching(texts[c.container]), c.end).end() for c in sources}
    extra: list[tuple[Citation, Citation]] = []
    shorts_replaced: set[int] = set()
    for anchor, text, line, in_footnote in containers:
        m = matching(text)
        taken = [(c.start, c.end) for c in found if c.container == anchor and c.kind != "short"]
        for source in sources:
            for hit in re.finditer(re.escape(matching(source.alias)), m):
                later = order[anchor] > order[source.container] or (
                    anchor == source.container and hit.start() >= defined_at[id(source)]
                )
                if later and _free(hit.start(), hit.end(), taken):
                    shorts_replaced |= {id(c) for c in found if c.container == anchor and c.kind == "short"
                                        and not _free(hit.start(), hit.end(), [(c.start, c.end)])}
                    use = Citation("alias", text[hit.start() : hit.end()], hit.start(), hit.end(), anchor, line,
                                   in_footnote, type=source.type, number=source.number)
                    extra.append((use, source))
                    taken.append((hit.start(), hit.end()))
    outer = {id(c): found[c.in_title_of] for c in found if c.in_title_of is not None}
    found = [c for c in found if id(c) not in shorts_replaced]
    merged = sorted(found + [use for use, _ in extra], key=lambda c: (order[c.container], c.start))
    index = {id(c): n for n, c in enumerate(merged)}
    for c in found:
        if id(c) in outer:
            c.in_title_of = index.get(id(outer[id(c)]))
    for use, source in extra:
        use.alias_of = index[id(source)]
    return merged
