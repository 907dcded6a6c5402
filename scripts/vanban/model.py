"""The document model: plain dataclasses passed from the reader to the renderer.

Text fields hold the display form (NFC, look-alike letters fixed, author's words and spacing
kept); offsets in `FootnoteRef` are into `Block.text`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

from vanban.errors import format_location

Severity = Literal["error", "warning", "info"]
# Documents are keyed by a report's slug, or by `van-ban/<directive id>` for a directive's text
# (the path of the directive's page, where the text is shown).
TEXT_KEY_PREFIX = "van-ban/"


def text_key(directive_id: str) -> str:
    """How a directive's text is keyed among the documents."""
    return f"{TEXT_KEY_PREFIX}{directive_id}"


def text_owner(key: str) -> str | None:
    """The directive whose text a document key names, or None for a report."""
    return key[len(TEXT_KEY_PREFIX):] if key.startswith(TEXT_KEY_PREFIX) else None


class Packed:
    """A slotted dataclass pickled as the tuple of its fields' values. The state caches
    (vanban.state) hold millions of these: pickled the default way, each would make a dict of
    its fields that the pickler keeps to the end of the dump (a third more memory, twice the
    time). Each class gets a __setstate__ of its own that assigns every field in one statement,
    as dataclasses writes __init__ (a loop over the fields took half of loading the state)."""

    __slots__ = ()

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        names = cls.__dict__.get("__slots__")
        if names:  # the slotted class @dataclass(slots=True) makes (a frozen one gets dataclasses' own)
            targets = "".join(f"self.{name}, " for name in names)
            namespace: dict = {}
            exec(f"def __setstate__(self, state):\n    {targets}= state\n", namespace)
            cls.__setstate__ = namespace["__setstate__"]

    def __getstate__(self) -> tuple:
        return tuple(getattr(self, name) for name in self.__slots__)


BlockKind = Literal["heading", "paragraph", "bullet", "separator", "closing", "table"]


@dataclass(slots=True)
class Diagnostic(Packed):
    """Something the reader noticed in the input: an artefact it dropped, a broken footnote…"""

    severity: Severity
    code: str
    message: str
    path: str
    line: int | None = None

    def __str__(self) -> str:
        return format_location(self.path, self.line, self.severity, self.message)


@dataclass(slots=True)
class HeaderLine(Packed):
    """One line of the document header, with the role the reader gave it."""

    role: Literal["issuer", "ornament", "number", "motto", "mark", "place_date", "doc_type", "title", "other"]
    text: str
    line: int


@dataclass(frozen=True, slots=True)
class Mark(Packed):
    """A classification ("MẬT") or circulation ("Lưu hành nội bộ") mark a document carries.

    `label` is the mark's standard name, `text` the line as written, `where` where it was found:
    `text` (the header or the top of the body), `Word page header`, `text box` or `sidecar`;
    `file` names the sidecar or catalog a stated mark comes from (its `line` is there).
    """

    kind: Literal["secret", "internal"]
    label: str
    text: str
    line: int | None
    where: str
    file: str | None = None


@dataclass(slots=True)
class ReportMeta(Packed):
    """Header fields of a report: who issued it, its number, place, date, type and title."""

    issuer: list[str] = field(default_factory=list)
    number: str | None = None
    symbol: str | None = None
    full_symbol: str | None = None
    number_raw: str | None = None
    place: str | None = None
    date: str | None = None
    date_raw: str | None = None
    doc_type: str | None = None
    title: str | None = None


@dataclass(slots=True)
class FootnoteRef(Packed):
    """A footnote marker at `offset` in its block's text."""

    offset: int
    number: int


@dataclass(slots=True)
class Footnote(Packed):
    """A footnote body with the number the author gave it."""

    number: int
    text: str
    line: int


@dataclass(slots=True)
class Heading(Packed):
    """A numbered section heading: level 1 (`I.`), 2 (`1.`) or 3 (`1.1.`)."""

    level: int
    number: str
    text: str
    anchor: str
    line: int


@dataclass(slots=True)
class Block(Packed):
    """A heading, paragraph, bullet item or separator, in reading order, with its stable anchor."""

    kind: BlockKind
    text: str
    anchor: str
    line: int
    section: str | None = None
    level: int | None = None
    number: str | None = None
    marker: str | None = None
    refs: list[FootnoteRef] = field(default_factory=list)
    rows: list[list[str]] | None = None


@dataclass(slots=True)
class Signature(Packed):
    """A digital signature a PDF carries, as the file states it (vanban.read.signatures; never
    verified here)."""

    signer: str | None
    when: str | None  # "03/09/2019 09:33:36 (UTC+07:00)"
    reason: str | None = None
    location: str | None = None


@dataclass(slots=True)
class Report(Packed):
    """One document read from its source file and sidecar: a report, or a directive's text
    (`kind`), whose blocks are its provisions."""

    slug: str
    source: str
    meta: ReportMeta
    header: list[HeaderLine]
    blocks: list[Block]
    footnotes: list[Footnote]
    diagnostics: list[Diagnostic] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    committee: str | None = None
    date: str | None = None
    title: str = ""
    kind: Literal["report", "directive"] = "report"
    # Read by OCR from a scan (or a broken text layer): the engine that recognised it; and the
    # original file, which the site publishes beside the page.
    recognised: str | None = None
    original: str | None = None
    # A PDF's digital signatures (who signed, when), as the file states them.
    signatures: list[Signature] = field(default_factory=list)

    @property
    def warnings(self) -> list[Diagnostic]:
        """The diagnostics a build or `vanban parse` shows (informational notes are left to
        `vanban check`)."""
        return [d for d in self.diagnostics if d.severity != "info"]

    @property
    def headings(self) -> list[Heading]:
        return [
            Heading(b.level or 0, b.number or "", b.text, b.anchor, b.line)
            for b in self.blocks
            if b.kind == "heading"
        ]

    def to_json(self) -> dict:
        """The JSON shape printed by `vanban parse --json`."""
        return {
            "kind": self.kind,
            "slug": self.slug,
            "source": self.source,
            "title": self.title,
            "committee": self.committee,
            "date": self.date,
            "recognised": self.recognised,
            "signatures": [asdict(x) for x in self.signatures],
            "meta": asdict(self.meta),
            "header": [asdict(h) for h in self.header],
            "headings": [asdict(h) for h in self.headings],
            "footnotes": [asdict(f) for f in self.footnotes],
            "blocks": [asdict(b) for b in self.blocks],
            "diagnostics": [asdict(d) for d in self.diagnostics],
            "marks": [asdict(m) for m in self.marks],
            **({"provisions": self.provisions()} if self.kind == "directive" else {}),
        }

    def provisions(self) -> list[dict]:
        """A directive's provisions as a tree (Chương > Điều > khoản > điểm; I. > 1. > 1.1.), each
        with its anchor, number as written and text."""
        roots: list[dict] = []
        stack: list[tuple[Block, dict]] = []
        for b in self.blocks:
            if b.kind != "heading" and not b.number:
                continue
            node = {"anchor": b.anchor, "number": b.number, "marker": b.marker, "text": b.text, "line": b.line,
                    "children": []}
            while stack and not _contains(stack[-1][0], b):
                stack.pop()
            (stack[-1][1]["children"] if stack else roots).append(node)
            stack.append((b, node))
        return roots


def _contains(outer: Block, inner: Block) -> bool:
    """Whether provision `inner` lies inside `outer` (a deeper heading, or its anchor extends)."""
    if inner.anchor.startswith(outer.anchor + "-"):
        return True
    return outer.kind == "heading" and (inner.kind != "heading" or (inner.level or 0) > (outer.level or 0))
