"""Recognise the header block of a report: issuer, number, place and date, type and title."""

from __future__ import annotations

import datetime

from vanban.model import HeaderLine, ReportMeta
from vanban.normalize import folded, matching
from vanban.read.marks import line_marks, strip_stamp
from vanban.read.rules import Rules


def read_header(lines: list[tuple[int, str]], rules: Rules) -> tuple[list[HeaderLine], ReportMeta, int]:
    """Return the header lines, the fields they give, and the index of the first body line.

    A header is recognised only when an upper-case document-type line (`BÁO CÁO`) comes early;
    otherwise the whole text is body and the metadata stays empty.
    """
    filled = [i for i, (_, t) in enumerate(lines) if t.strip()][: rules.header_max_lines]
    doc_at = next((i for i in filled if _is_doc_type(lines[i][1], rules)), None)
    if doc_at is None:
        return _title_only(lines, filled, rules)
    meta = ReportMeta(doc_type=lines[doc_at][1].strip())
    before = [i for i in filled if i < doc_at]
    # A motto its column wrapped (a PDF's narrow right column): two lines that make one
    wrapped = {j for i, k in zip(before, before[1:]) for j in (i, k)
               if _is_motto(matching(f"{lines[i][1].strip()} {lines[k][1].strip()}"), rules)}
    header = [HeaderLine("motto", lines[i][1].strip(), lines[i][0]) if i in wrapped else _classify(lines[i], rules, meta)
              for i in before]
    header.append(HeaderLine("doc_type", meta.doc_type, lines[doc_at][0]))
    issuers = {matching(" ".join(meta.issuer[i:])) for i in range(len(meta.issuer))}
    issuers |= {matching(line) for line in meta.issuer}
    body_at, title = _read_title(lines, doc_at + 1, rules, issuers)
    header += [HeaderLine("title", t, n) for n, t in title]
    meta.title = " ".join(t for _, t in title) or None
    return header, meta, body_at


def _title_only(lines: list[tuple[int, str]], filled: list[int], rules: Rules):
    """No header block: a first line that is short and not a sentence, followed by more text, is
    the title (news items, articles, a decision published without its header)."""
    if len(filled) < 2:
        return [], ReportMeta(), 0
    number, text = lines[filled[0]]
    stripped = text.strip()
    form = matching(stripped)
    if len(stripped) > rules.title_line_max_length or rules.sentence_end.search(form) \
            or rules.title_stop.match(form) or not stripped.lstrip("\"“'(«")[:1].isalpha():
        return [], ReportMeta(), 0
    return [HeaderLine("title", stripped, number)], ReportMeta(title=stripped), filled[0] + 1


def _is_doc_type(text: str, rules: Rules) -> bool:
    stripped = text.strip()
    return stripped.isupper() and matching(stripped) in rules.doc_types


def _starts_body(text: str, rules: Rules, issuers: set[str]) -> bool:
    """A line after the document type that opens the body, not the title: "Căn cứ …", a numbered
    section, a bullet (in ordinary case: titles are upper-case), or the issuer named again
    ("ỦY BAN NHÂN DÂN THÀNH PHỐ …" above the "Căn cứ" of a decision), or the authority that
    decides ("BỘ TRƯỞNG BỘ XÂY DỰNG")."""
    form = matching(text)
    return (bool(rules.title_stop.match(form)) or (not text.isupper() and bool(rules.title_stop_words.match(form)))
            or form in issuers or bool(rules.title_stop_authority.match(form)))


def _read_title(lines: list[tuple[int, str]], start: int, rules: Rules,
                issuers: set[str] = frozenset()) -> tuple[int, list[tuple[int, str]]]:
    """Title lines run to the rule (`-----`), a blank line after some title, the body's first
    line, or the line limit."""
    title: list[tuple[int, str]] = []
    i = start
    while i < len(lines) and len(title) < rules.title_max_lines:
        number, text = lines[i]
        stripped = text.strip()
        if rules.title_rule.match(stripped):
            return i + 1, title
        if not stripped:
            if title:
                break
        elif len(stripped) > rules.title_max_length or _starts_body(stripped, rules, issuers):
            break
        else:
            title.append((number, stripped))
        i += 1
    if i < len(lines) and rules.title_rule.match(lines[i][1].strip()):
        i += 1
    return i, title


def _real_date(parts: list[str]) -> bool:
    """Whether a year, year-month or year-month-day names a real day (or month)."""
    try:
        datetime.date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def _is_motto(form: str, rules: Rules) -> bool:
    """A motto, whatever its marks ("CỘNG HÕA" as OCR may read "CỘNG HÒA")."""
    return form.upper() in rules.mottos or folded(form) in {folded(m) for m in rules.mottos}


def _classify(line: tuple[int, str], rules: Rules, meta: ReportMeta) -> HeaderLine:
    """Give one pre-title header line its role, filling the metadata it carries."""
    number, text = line
    stripped = text.strip()
    match_form = matching(stripped)
    if _is_motto(match_form, rules):
        return HeaderLine("motto", stripped, number)
    if rules.ornament_line.match(match_form):
        return HeaderLine("ornament", stripped, number)
    if line_marks(stripped) and not rules.number_line.match(match_form):
        return HeaderLine("mark", stripped, number)
    if m := rules.number_line.match(matching(strip_stamp(stripped))):
        meta.number_raw = stripped
        meta.number = m["number"] or None
        meta.symbol = m["symbol"] or None
        if meta.number and meta.symbol:
            meta.full_symbol = f"{meta.number}{m['sep'] or '-'}{meta.symbol}"
        return HeaderLine("number", stripped, number)
    if m := rules.place_date_line.match(match_form):
        meta.place = m["place"].strip()
        meta.date_raw = stripped
        parts = [m["year"], m["month"] and f"{int(m['month']):02d}", m["day"] and f"{int(m['day']):02d}"]
        if not parts[1]:
            parts = parts[:1]
        elif not parts[2]:
            parts = parts[:2]
        meta.date = "-".join(parts) if _real_date(parts) else None  # "ngày 80 tháng 8": no date, not a guess
        return HeaderLine("place_date", stripped, number)
    if stripped.isupper():
        meta.issuer.append(stripped)
        return HeaderLine("issuer", stripped, number)
    return HeaderLine("other", stripped, number)
