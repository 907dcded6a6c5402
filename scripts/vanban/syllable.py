"""The shape of a Vietnamese syllable (onset, vowel nucleus, coda), for telling well-formed
Vietnamese text from glued words (vanban.check.text) and from a PDF's broken text layer
(vanban.read.pdf)."""

from __future__ import annotations

import re
import unicodedata

# Vietnamese syllable structure: onset, vowel nucleus, coda. Nuclei ending in a glide (ai, ao…)
# take no coda. Loose on purpose: it tells a glued pair of syllables from one syllable.
ONSET = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
OPEN_NUCLEI = ("iêu yêu oai oay oeo uôi ươi ươu uây uyu ai ao au ay âu ây eo êu ia iu oi ôi ơi ua ui ưa ưi ưu")
CLOSED_NUCLEI = "uyê iê yê uô ươ oa oă oe uâ uê uy oo a ă â e ê i o ô ơ u ư y"
CODA = r"(?:ch|ng|nh|[cmnpt])"
SYLLABLE = re.compile(
    rf"^(?:{ONSET}(?:{'|'.join(OPEN_NUCLEI.split())}|(?:{'|'.join(CLOSED_NUCLEI.split())}){CODA}?)|gi{CODA}?)$"
)
TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def bare(word: str) -> str:
    """Lower-case letters without tone marks (vowel shapes kept): `đẩy` → `đây`."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONES))


WORD = re.compile(r"[^\W\d_]+")


def well_formed_share(text: str) -> float:
    """The share of the words of `text` (letters only) that are Vietnamese syllables or plain
    ASCII (acronyms, foreign names); 1.0 for text without words."""
    words = WORD.findall(text)
    if not words:
        return 1.0
    good = sum(1 for w in words if w.isascii() or SYLLABLE.match(bare(w)))
    return good / len(words)
