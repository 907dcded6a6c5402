"""Check the text of a report for typing defects: glued words, missing spaces, unbalanced
quotes; and turn what the reader noticed (NFD, look-alikes, Word artefacts, broken footnotes)
into findings. Nothing is fixed: the page keeps the author's text."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from vanban.check.models import Finding
from vanban.cite import CitationIndex
from vanban.glossary import Term
from vanban.model import Report
from vanban.passages import sentence_around
from vanban.syllable import SYLLABLE, bare as _bare

ONSET_DIGRAPHS = ("th", "ch", "kh", "ph", "tr", "gh", "nh", "gi", "qu")
LETTERS = re.compile(r"[^\W\d_]+")
NUMBER_GLUE = re.compile(r"(?<=[^\W\d_])\d|\d(?=[^\W\d_])")
MISSING_SPACE = re.compile(r"(?<=[^\W\d_)”\"])[,;:.](?=[^\W\d_])")
DOMAIN = re.compile(r"\.(?:vn|com|net|org|gov|edu)\b", re.IGNORECASE)
READER_CODES = {
    "nfd": ("info", "Dấu thanh ở dạng tổ hợp (NFD); trang hiển thị dạng dựng sẵn (NFC)"),
    "lookalike": ("info", "Chữ Ð/ð (eth) giống Đ/đ; trang hiển thị Đ/đ"),
    "word-artefact": ("info", "Dấu vết của Word (bookmark) đã được bỏ khỏi trang"),
    "legacy-font": ("info", "Chữ ở phông cũ (TCVN3 hoặc VNI) đã được chuyển sang Unicode"),
    "ocr": ("info", "Văn bản được nhận dạng từ hình trang (OCR); có thể còn sai sót, cần đối chiếu bản gốc"),
    "pdf-image-page": ("warning", "Trang PDF chỉ có ảnh, nội dung trang không có trên trang web"),
    "footnote-no-body": ("warning", "Dấu chú thích không có nội dung chú thích"),
    "footnote-orphan-body": ("warning", "Nội dung chú thích không có dấu chú thích trong văn bản"),
    "footnote-unclosed": ("warning", "Nội dung chú thích thiếu dấu đóng ngoặc"),
    "footnote-duplicate": ("warning", "Hai nội dung chú thích cùng số"),
}


@lru_cache(maxsize=50_000)
def split_syllables(word: str) -> tuple[str, ...] | None:
    """Two or three Vietnamese syllables glued into one word (`trungđẩy`), or None."""
    bare = _bare(word)
    if SYLLABLE.match(bare) or word.isascii():
        return None
    for parts in (2, 3):
        splits = list(_splits(bare, parts))
        if splits:
            best = max(splits, key=lambda pieces: _likelihood(bare, pieces))
            out, pos = [], 0
            for piece in best:
                out.append(word[pos : pos + len(piece)])
                pos += len(piece)
            return tuple(out)
    return None


def _splits(bare: str, parts: int):
    """Every way to cut `bare` into `parts` well-formed syllables."""
    if parts == 1:
        if SYLLABLE.match(bare):
            yield [bare]
        return
    for cut in range(1, len(bare)):
        if SYLLABLE.match(bare[:cut]):
            for rest in _splits(bare[cut:], parts - 1):
                yield [bare[:cut], *rest]


def _likelihood(bare: str, pieces: list[str]) -> tuple[int, int, int]:
    """Prefer syllables that start with a consonant, cuts that keep digraphs (`th`) whole,
    then a longer first syllable."""
    with_onset = sum(1 for p in pieces[1:] if p[0] not in "aăâeêioôơuưy")
    pos, broken = 0, 0
    for p in pieces[:-1]:
        pos += len(p)
        broken += bare[pos - 1 : pos + 1] in ONSET_DIGRAPHS
    return with_onset, -broken, len(pieces[0])


class _Text:
    def __init__(self, report: Report, anchor: str, text: str, line: int):
        self.report, self.anchor, self.text, self.line = report, anchor, text, line

    def finding(self, kind, severity, start, end, message, expected=None, stated=None, certainty="sure"):
        quote = "".join(sentence_around(self.text, start, end)).strip()
        return Finding(kind, severity, self.report.slug, self.anchor, quote, message, expected, stated,
                       certainty, self.line)


def check_text(report: Report) -> list[Finding]:
    out: list[Finding] = []
    texts = [_Text(report, b.anchor, b.text, b.line) for b in report.blocks]
    texts += [_Text(report, f"fn:{f.number}", f.text, f.line) for f in report.footnotes]
    for t in texts:
        out += _glued(t) + _spaces(t) + _quotes(t)
    out += _reader_notes(report)
    return out


def _glued(t: _Text) -> list[Finding]:
    out = []
    if any(_glue(w) for w in set(LETTERS.findall(t.text))):  # most paragraphs: no defect, one pass in C
        for m in LETTERS.finditer(t.text):
            word = m.group()
            glue = _glue(word)
            if glue is None:
                continue
            if isinstance(glue, int):
                cut = m.start() + glue
                out.append(t.finding("glued-words", "warning", m.start(), m.end(), f"Hai từ viết liền: “{word}”",
                                     expected=f"{t.text[m.start():cut]} {t.text[cut:m.end()]}", stated=word))
            else:
                out.append(t.finding("glued-words", "warning", m.start(), m.end(),
                                     f"Các tiếng viết liền: “{word}”", expected=" ".join(glue), stated=word,
                                     certainty="doubtful"))
    for m in NUMBER_GLUE.finditer(t.text):
        start, end = _token(t.text, m.start())
        token = t.text[start:end]
        if any(c.isupper() for c in token) or any(c in token for c in "-/@.&"):
            continue
        out.append(t.finding("glued-number", "warning", start, end, f"Số và chữ viết liền: “{token}”",
                             stated=token))
    return _dedupe(out)


@lru_cache(maxsize=100_000)
def _glue(word: str) -> int | tuple[str, ...] | None:
    """How a word is glued: the offset of a case cut, the syllables it splits into, or None."""
    cut = None if word[1:].islower() else _case_cut(word)
    if cut is not None:
        return cut
    return split_syllables(word) if word.islower() else None


def _case_cut(word: str) -> int | None:
    """Where a capital follows two or more small letters (`vàChỉ`), unless the rest is an
    acronym or brand written in capitals (`iSMILE`)."""
    for i in range(2, len(word)):
        if word[i - 1].islower() and word[i].isupper() and word[i - 2].islower():
            rest = word[i:]
            return None if len(rest) > 1 and rest.isupper() else i
    return None


def _token(text: str, pos: int) -> tuple[int, int]:
    start = pos
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in ",;:()“”\"":
        start -= 1
    end = pos
    while end < len(text) and not text[end].isspace() and text[end] not in ",;:()“”\".":
        end += 1
    return start, end


def _spaces(t: _Text) -> list[Finding]:
    out = []
    for m in MISSING_SPACE.finditer(t.text):
        start, end = _token(t.text, m.start())
        if DOMAIN.match(t.text, m.start()) or "@" in t.text[start : end + 12]:
            continue
        start, end = max(0, m.start() - 12), min(len(t.text), m.end() + 12)
        shown = t.text[start:end].strip()
        out.append(t.finding("missing-space", "info", m.start(), m.end(),
                             f"Thiếu dấu cách sau “{m.group()}”: “…{shown}…”", stated=t.text[m.start() - 1 : m.end() + 1]))
    return out


def _quotes(t: _Text) -> list[Finding]:
    opening, closing, straight = t.text.count("“"), t.text.count("”"), t.text.count('"')
    if opening == closing and straight % 2 == 0:
        return []
    where = t.text.find("“") if opening != closing else t.text.find('"')
    return [t.finding("unbalanced-quotes", "warning", max(where, 0), max(where, 0) + 1,
                      f"Dấu ngoặc kép không cân: {opening} mở “, {closing} đóng ”, {straight} thẳng \"",
                      expected="số dấu mở bằng số dấu đóng", stated=f"{opening} “ / {closing} ” / {straight} \"")]


def _reader_notes(report: Report) -> list[Finding]:
    out = []
    for d in report.diagnostics:
        if d.code in READER_CODES:
            severity, message = READER_CODES[d.code]
            where = f" (dòng {d.line})" if d.line else ""
            out.append(Finding(d.code, severity, report.slug, _anchor_of_line(report, d.line), "",
                               f"{message}{where}", stated=d.message, line=d.line))
    return out


def _anchor_of_line(report: Report, line: int | None) -> str:
    """The block holding a source line (header lines belong to the page's title)."""
    anchor = "van-ban"
    for b in report.blocks:
        if line is not None and b.line <= line:
            anchor = b.anchor
    for f in report.footnotes:
        if line is not None and f.line == line:
            return f"fn:{f.number}"
    return anchor


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen, out = set(), []
    for f in findings:
        key = (f.anchor, f.stated)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


ABBREVIATION = re.compile(r"(?<![\w&/-])[A-ZĐ][A-ZĐ&]{1,9}(?![\w&/-])")
ROMAN = re.compile(r"^[IVXLC]+$")


def check_abbreviations(report: Report, index: CitationIndex, terms: list[Term]) -> list[Finding]:
    """Abbreviations the report uses that the glossary lacks, each once (symbols aside)."""
    known = {t.abbr for t in terms}
    spans: dict[str, list[tuple[int, int]]] = {}
    for c in index.by_report.get(report.slug, []):
        spans.setdefault(c.container, []).append((c.start, c.end))
    texts = [_Text(report, b.anchor, b.text, b.line) for b in report.blocks if b.kind != "heading"]
    texts += [_Text(report, f"fn:{f.number}", f.text, f.line) for f in report.footnotes]
    seen: dict[str, Finding] = {}
    counts: dict[str, int] = {}
    for t in texts:
        for m in ABBREVIATION.finditer(t.text):
            word = m.group()
            if all(part in known for part in word.split("&") if part) or ROMAN.match(word) \
                    or any(s <= m.start() < e for s, e in spans.get(t.anchor, [])):
                continue
            counts[word] = counts.get(word, 0) + 1
            if word not in seen:
                seen[word] = t.finding("abbr-missing", "info", m.start(), m.end(), "", stated=word)
    for word, finding in seen.items():
        finding.message = (f"“{word}” ({counts[word]} lần) chưa có trong bảng thuật ngữ viết tắt của trang")
    return list(seen.values())
