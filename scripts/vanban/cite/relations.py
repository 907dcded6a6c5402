"""Type the links a directive's text makes to what it cites: legal basis, implements, guides,
replaces, amends, repeals (words in `relations.yml`), where the wording says so explicitly.

A relation word counts when it stands in the same sentence before the citation with nothing
between them but a few words ("và thay thế Quyết định số …"), and speaks of the citing document
itself (it opens the sentence, or follows "… này"); a citation listed after a typed one shares its
type ("Căn cứ Luật A; Luật B"); `after` words follow the cited document ("… hết hiệu lực").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple
from pathlib import Path

from vanban.cite.force import ends_on, load_force, read_force
from vanban.cite.models import Citation
from vanban.model import Report, text_owner
from vanban.normalize import matching
from vanban.yamlfile import load_package_data

# Words allowed between a relation word and the citation it types ("thay thế các Quyết định").
GAP_WORDS = 4
SENTENCE_BREAK = re.compile(r"[.!?](?:\s|$)(?!\d)")
LIST_GAP = re.compile(r"^[\s,;]*(?:và|cùng)?[\s,;]*$", re.IGNORECASE)
# What may stand before a relation word that opens the sentence: a bullet, "Để".
OPENING = re.compile(r"^[\s\-–+•*]*(?:để\s+)?$", re.IGNORECASE)
THIS = re.compile(r"(?<!\w)này(?!\w)", re.IGNORECASE)
# "… đã được sửa đổi, bổ sung theo Luật số …": the passive speaks of another document.
PASSIVE = re.compile(r"(?<!\w)(?:được|bị)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Relation:
    name: str
    label: str
    inverse: str
    status: str | None
    subject: str


@dataclass(frozen=True)
class RelationWords:
    relations: dict[str, Relation]
    before: re.Pattern
    opening: re.Pattern
    after: re.Pattern
    passive: re.Pattern
    by_word: dict[str, str]


@lru_cache(maxsize=1)
def load_relations() -> RelationWords:
    raw = load_package_data(Path(__file__).parent / "relations.yml")
    relations = {name: Relation(name, r["label"], r["inverse"], r.get("status"), r["subject"])
                 for name, r in raw.items()}
    before_words = {matching(w).lower(): name for name, r in raw.items() for w in r["words"]}
    after_words = {matching(w).lower(): name for name, r in raw.items() for w in r.get("after", [])}
    passive_words = {matching(w).lower(): name for name, r in raw.items() for w in r.get("passive", [])}
    alt = "|".join(re.escape(w) for w in sorted(before_words, key=len, reverse=True))
    after_alt = "|".join(re.escape(w) for w in sorted(after_words, key=len, reverse=True))
    passive_alt = "|".join(re.escape(w) for w in sorted(passive_words, key=len, reverse=True))
    gap = rf"(?:\s+\S+){{0,{GAP_WORDS}}}?"
    return RelationWords(
        relations,
        re.compile(rf"(?<!\w)(?P<word>{alt})(?!\w){gap}\s*(?:số\s*)?$", re.IGNORECASE),
        re.compile(rf"[\s\-–+•*]*(?:để\s+)?(?P<word>{alt})(?!\w)", re.IGNORECASE),
        re.compile(rf"[\s,]*(?:đã\s+|sẽ\s+)?(?:được\s+|bị\s+)?(?:tuyên\s+bố\s+)?(?P<word>{after_alt})(?!\w)", re.IGNORECASE),
        re.compile(rf"[\s,]*(?:đã\s+|sẽ\s+)?(?:được|bị)\s+(?P<word>{passive_alt})(?!\w)", re.IGNORECASE),
        {**before_words, **after_words, **passive_words},
    )


def type_relations(doc: Report, cites: list[Citation]) -> None:
    """Set `relation` on the citations of a directive's text whose wording types them."""
    words = load_relations()
    force_words = load_force()
    force = read_force(doc)
    texts = {b.anchor: b.text for b in doc.blocks}
    texts.update({f"fn:{f.number}": f.text for f in doc.footnotes})
    previous: Citation | None = None
    for c in sorted(cites, key=lambda c: (c.container, c.start)):
        if c.in_title_of is not None or c.kind in ("alias", "short"):
            continue
        m = matching(texts[c.container])
        sentence_start = max((b.end() for b in SENTENCE_BREAK.finditer(m, 0, c.start)), default=0)
        lead = m[sentence_start : c.start]
        hit = words.before.search(lead)
        first_in_sentence = previous is None or previous.container != c.container or previous.end <= sentence_start
        opening = words.opening.match(lead)
        # Only what follows the sentence's other citations can speak of this document.
        after_others = max([o.end - sentence_start for o in cites if o.container == c.container
                            and sentence_start <= o.start and o.end <= c.start], default=0)
        if hit is not None and hit.start() >= after_others and _of_this(
                words.relations[words.by_word[hit["word"].lower()]], lead[after_others : hit.start()],
                after_others == 0):
            c.relation = words.by_word[hit["word"].lower()]
        elif opening is not None and first_in_sentence:  # "Căn cứ Luật Bảo vệ bí mật nhà nước số …"
            c.relation = words.by_word[opening["word"].lower()]
        elif (previous is not None and previous.container == c.container and previous.relation
              and previous.end >= sentence_start and LIST_GAP.match(m[previous.end : c.start])):
            c.relation = previous.relation
        elif first_in_sentence and (hit := _after(m, _phrase_end(c, cites, m, force_words), words)) is not None:
            c.relation = words.by_word[hit["word"].lower()]
        if c.relation and words.relations[c.relation].status:  # it ends the cited document: from when?
            end = SENTENCE_BREAK.search(m, c.end)
            c.ends_on, c.ends_except = ends_on(m[c.end : end.start() if end else len(m)], force, force_words)
        previous = c


def _phrase_end(c: Citation, cites: list[Citation], m: str, force_words) -> int:
    """Where the cited document's noun phrase ends: past the laws that amended it, if the text
    names them right after it ("… số 14/2017/QH14 đã được sửa đổi, bổ sung một số điều theo Luật
    số 50/2019/QH14 và Luật số 59/2020/QH14")."""
    end, chained = c.end, False
    for o in sorted((o for o in cites if o.container == c.container and o.start >= c.end), key=lambda o: o.start):
        gap = m[end : o.start]
        if (not chained and force_words.amended_by.fullmatch(gap)) or (chained and LIST_GAP.match(gap)):
            end, chained = o.end, True
        else:
            break
    return end


def _after(m: str, end: int, words: RelationWords) -> re.Match | None:
    """A relation word after the cited document: "… hết hiệu lực", "… bị bãi bỏ"."""
    return words.after.match(m, end) or words.passive.match(m, end)


def _of_this(relation: Relation, before_word: str, opens: bool) -> bool:
    """Whether the relation word speaks of the citing document (see the module's docstring):
    `before_word` is what stands before it since the sentence's last other citation."""
    if PASSIVE.search(before_word):
        return False
    return (opens and bool(OPENING.match(before_word))) or (relation.subject == "this" and bool(THIS.search(before_word)))


def typed_links(index) -> list[tuple[str, str, str]]:
    """Every typed link (subject id, relation, object id): those the directives' texts word
    explicitly, and those the catalog states (`relations:`) for documents whose text we lack."""
    links = []
    for key, cites in sorted(index.by_report.items()):
        owner = text_owner(key)
        links += [(owner, c.relation, c.directive) for c in cites if owner and c.relation and c.directive != owner]
    for d in sorted(index.directives.values(), key=lambda d: d.id):
        links += [(d.id, name, other) for name, ids in sorted(d.relations.items()) for other in ids
                  if other in index.directives]
    return list(dict.fromkeys(links))


class Status(NamedTuple):
    """What a later text (or the catalog) says of a directive's force."""

    label: str  # "Hết hiệu lực", "Hết hiệu lực một phần"
    by: str  # the directive whose text (or catalog entry) says it
    relation: str  # replaces, repeals
    date: str | None  # from when, as that text says (None: chưa rõ)
    anchor: str | None  # the sentence that says it, in `by`'s text
    exceptions: bool  # part of it stays in force ("trừ các trường hợp …")


PARTIAL = "Hết hiệu lực một phần"


def statuses(index) -> dict[str, Status]:
    """Directives another one replaces or repeals, as its text words it (a provision named: in
    part), else as the catalog states it: id → Status. The first text in file order wins."""
    words = load_relations().relations
    out: dict[str, Status] = {}
    for key, cites in sorted(index.by_report.items()):
        owner = text_owner(key)
        for c in cites:
            if owner and c.relation and words[c.relation].status and c.directive and c.directive != owner \
                    and c.directive not in out:
                label = PARTIAL if c.pin else words[c.relation].status
                out[c.directive] = Status(label, owner, c.relation, c.ends_on, c.container, c.ends_except)
    for d in sorted(index.directives.values(), key=lambda d: d.id):
        for name, ids in sorted(d.relations.items()):
            for other in ids:
                if words[name].status and other in index.directives and other not in out:
                    out[other] = Status(words[name].status, d.id, name, None, None, False)
    return out
