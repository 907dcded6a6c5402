"""Recognise the header block of a report: issuer, number, place and date, type and title."""

from __future__ import annotations

from vanban.model import HeaderLine, ReportMeta
from vanban.normalize import matching
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
        return [], ReportMeta(), 0
    meta = ReportMeta(doc_type=lines[doc_at][1].strip())
    header = [_classify(lines[i], rules, meta) for i in filled if i < doc_at]
    header.append(HeaderLine("doc_type", meta.doc_type, lines[doc_at][0]))
    body_at, title = _read_title(lines, doc_at + 1, rules)
    header += [HeaderLine("title", t, n) for n, t in title]
    meta.title = " ".join(t for _, t in title) or None
    return header, meta, body_at


def _is_doc_type(text: str, rules: Rules) -> bool:
    stripped = text.strip()
    return stripped.isupper() and matching(stripped) in rules.doc_types


def _read_title(lines: list[tuple[int, str]], start: int, rules: Rules) -> tuple[int, list[tuple[int, str]]]:
    """Title lines run to the rule (`-----`), a blank line after some title, or the line limit."""
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
        elif len(stripped) > rules.heading_max_length:
            break
        else:
            title.append((number, stripped))
        i += 1
    if i < len(lines) and rules.title_rule.match(lines[i][1].strip()):
        i += 1
    return i, title


def _classify(line: tuple[int, str], rules: Rules, meta: ReportMeta) -> HeaderLine:
    """Give one pre-title header line its role, filling the metadata it carries."""
    number, text = line
    stripped = text.strip()
    match_form = matching(stripped)
    if match_form.upper() in rules.mottos:
        return HeaderLine("motto", stripped, number)
    if rules.ornament_line.match(match_form):
        return HeaderLine("ornament", stripped, number)
    if line_marks(stripped) and not rules.number_line.match(match_form):
        return HeaderLine("mark", stripped, number)
    if m := rules.number_line.match(matching(strip_stamp(stripped))):
        meta.number_raw = stripped
        meta.number = m["number"] or None
        meta.symbol = m["symbol"] or None
        return HeaderLine("number", stripped, number)
    if m := rules.place_date_line.match(match_form):
        meta.place = m["place"].strip()
        meta.date_raw = stripped
        parts = [m["year"], m["month"] and f"{int(m['month']):02d}", m["day"] and f"{int(m['day']):02d}"]
        if not parts[1]:
            parts = parts[:1]
        elif not parts[2]:
            parts = parts[:2]
        meta.date = "-".join(parts)
        return HeaderLine("place_date", stripped, number)
    if stripped.isupper():
        meta.issuer.append(stripped)
        return HeaderLine("issuer", stripped, number)
    return HeaderLine("other", stripped, number)
