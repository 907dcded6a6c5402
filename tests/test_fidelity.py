"""Fidelity: every word of the seed report reaches its built page, in order.

The oracle here is independent of vanban's reader: it cuts footnote bodies with a plain regex
that fits this export, removes the markers, and compares word streams with the built HTML.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from conftest import SEED, SEED_SLUG
from htmltext import page_text

WORD = re.compile(r"\w+")
BODY = re.compile(r"\[(\d+):(.*?)\][ \t]*(?=\[\d+:|\n|$)", re.DOTALL)
MARKER = re.compile(r"\[footnoteRef:\d+\]")
ARTEFACT = re.compile(r"\[bookmark: [^\]]*\]")


def _source() -> tuple[list[str], dict[int, list[str]]]:
    text = SEED.read_text(encoding="utf-8").replace("Ð", "Đ").replace("ð", "đ")
    text = unicodedata.normalize("NFC", text)
    text = ARTEFACT.sub("", MARKER.sub("", text))
    bodies = {int(m[1]): WORD.findall(m[2]) for m in BODY.finditer(text)}
    main = WORD.findall(BODY.sub(" ", text))
    return main, bodies


def _is_subsequence(needle: list[str], haystack: list[str]) -> tuple[bool, int]:
    """Whether `needle` occurs in order in `haystack`; else how far it got."""
    it = iter(haystack)
    for i, word in enumerate(needle):
        if not any(word == w for w in it):
            return False, i
    return True, len(needle)


def test_every_word_of_the_report_is_on_its_page_in_order(seed_site):
    html = (seed_site / "site" / "bao-cao" / SEED_SLUG / "index.html").read_text(encoding="utf-8")
    main_text, footnote_text = page_text(html)
    page_main, page_notes = WORD.findall(main_text), WORD.findall(footnote_text)
    main, bodies = _source()
    assert len(main) > 9000 and len(bodies) == 19
    ok, reached = _is_subsequence(main, page_main)
    assert ok, f"main text lost order or words at source word {reached}: {main[reached - 5 : reached + 5]}"
    for number in sorted(bodies):
        ok, reached = _is_subsequence(bodies[number], page_notes)
        assert ok, f"footnote {number} lost words at {reached}: {bodies[number][reached - 3 : reached + 3]}"
    all_source = Counter(main) + Counter(w for ws in bodies.values() for w in ws)
    missing = all_source - Counter(page_main + page_notes)
    assert not missing, f"words missing from the page: {dict(missing)}"


def test_oracle_catches_a_lost_word(seed_site):
    """The check above can fail: drop one word from the page and it must notice."""
    html = (seed_site / "site" / "bao-cao" / SEED_SLUG / "index.html").read_text(encoding="utf-8")
    damaged = html.replace("Tập trungđẩy mạnh", "Tập mạnh", 1)
    assert damaged != html
    main, _ = _source()
    ok, _ = _is_subsequence(main, WORD.findall(page_text(damaged)[0]))
    assert not ok
