"""Typed citation objects with spans into their text, and the directives they resolve to."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

from vanban.model import Mark, Packed

CitationKind = Literal["full", "bare", "enumerated", "short", "conference", "plenum", "congress", "alias",
                       "name", "law"]


@dataclass(slots=True)
class Citation(Packed):
    """One mention of a document in a report, with its span in the container's NFC text.

    `container` is the block anchor (`p-i-2-2-3`) or `fn:N` for footnote N.
    """

    kind: CitationKind
    raw: str
    start: int
    end: int
    container: str
    line: int
    in_footnote: bool = False
    type: str | None = None
    number: str | None = None
    symbol: str | None = None
    code: str | None = None
    suffix: str | None = None
    state: bool = False
    date: str | None = None
    date_raw: str | None = None
    issuer: str | None = None
    issuer_scope: str | None = None
    term: str | None = None
    conference: int | None = None
    title: str | None = None
    title_span: tuple[int, int] | None = None
    topic: str | None = None
    topic_span: tuple[int, int] | None = None
    in_title_of: int | None = None
    implements: bool = False
    alias: str | None = None
    alias_of: int | None = None
    directive: str | None = None
    rule: str | None = None
    # The provision the citation names ("khoản 2 Điều 3"), as the anchor it has on the
    # directive's page (`dieu-3-khoan-2`), and the words that name it.
    pin: str | None = None
    pin_text: str | None = None
    # In a directive's text: how the text relates to the cited document (basis, replaces…).
    relation: str | None = None
    # A law, code or ordinance cited by name: its name as listed ("Luật Đất đai").
    name: str | None = None
    # For a document a text replaces or repeals: the ISO date it stops being in force, as the text
    # says (None: not said and the text's own start unknown), and whether part of it stays ("trừ …").
    ends_on: str | None = None
    ends_except: bool = False
    # The symbol as written when it was read with a guess the page must say: an OCR-split
    # suffix ("99- QĐ/T W", read as 99-QĐ/TW).
    symbol_read: str | None = None

    def to_json(self) -> dict:
        data = asdict(self)
        data.pop("title_span")
        data.pop("topic_span")
        return data


@dataclass(slots=True)
class Directive(Packed):
    """A document that reports cite: from the catalog, or put together from its citations."""

    id: str
    type: str
    number: str | None
    symbol: str | None
    issuer: str | None
    level: str | None
    date: str | None = None
    term: str | None = None
    title: str | None = None
    summary: str | None = None
    aliases: list[str] = field(default_factory=list)
    # Names the document is known by, found anywhere in a text ("Điều lệ Đảng").
    names: list[str] = field(default_factory=list)
    conference: int | None = None
    source: str | None = None
    unconfirmed: list[str] = field(default_factory=list)
    note: str | None = None
    in_catalog: bool = False
    scope: str | None = None
    place: str | None = None
    title_from: str | None = None
    marks: list[Mark] = field(default_factory=list)
    # Typed links the catalog states (relation name → ids), for documents whose text we lack.
    relations: dict[str, list[str]] = field(default_factory=dict)
    # The directive's own text, when data/directives/ has it: the document's key and its file.
    text: str | None = None
    text_source: str | None = None
    # When the text says it takes effect (read from the text; None without one, or if it does not say).
    force: Force | None = None
    # Ids it had before (the catalog's `formerly`, or the id an earlier rule gave it): the site
    # keeps each old address, redirecting to the page (URLs are permanent).
    formerly: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        """How a cadre names it: `Chỉ thị số 05-CT/TW`."""
        if self.symbol:
            return f"{self.type} số {self.symbol}"
        if self.conference:
            return f"{self.type} Hội nghị Trung ương {self.conference} khóa {self.term}"
        if self.names:
            return self.names[0]
        return f"{self.type} {self.number or ''}".strip()


@dataclass(slots=True)
class Force(Packed):
    """When a directive's text says it takes effect (vanban.cite.force): `start` the ISO date
    (None: its words give none that can be read), `words` and `anchor` the sentence that says it
    and its block; `provisions` those with a date of their own: (words naming them, date, anchor)."""

    start: str | None
    words: str
    anchor: str
    provisions: list[tuple[str, str | None, str]] = field(default_factory=list)


@dataclass(slots=True)
class Conflict(Packed):
    """Something the report says about a document that does not agree with itself or the catalog."""

    kind: str
    directive: str | None
    message: str
    report: str
    containers: list[str] = field(default_factory=list)
