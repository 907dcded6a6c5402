"""One folding of Vietnamese text: vanban.normalize.folded in Python and vbFold in the browser
(scripts/vanban/search/fold.js, written into the search workers; search-highlight.js holds the
same lines) agree on every letter Vietnamese uses, upper and lower case, and on decomposed input."""

from __future__ import annotations

import itertools
import unicodedata

from conftest import REPO
from vanban.normalize import folded, matching

FOLD_JS = REPO / "scripts" / "vanban" / "search" / "fold.js"
HIGHLIGHT_JS = REPO / "docs" / "assets" / "javascripts" / "search-highlight.js"
BASES = "aăâeêioôơuưy"
TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]


def _letters() -> list[str]:
    lower = [unicodedata.normalize("NFC", b + t) for b, t in itertools.product(BASES, TONES)] + list("đbcdghklmnpqrstvx")
    return lower + [c.upper() for c in lower]


def _function(source: str) -> list[str]:
    lines = source[source.index("function vbFold"):].splitlines()
    body = list(itertools.takewhile(lambda line: line.strip() != "}", lines))
    return [line.strip() for line in body] + ["}"]


def test_the_highlighter_holds_the_same_fold():
    assert _function(HIGHLIGHT_JS.read_text(encoding="utf-8")) == _function(FOLD_JS.read_text(encoding="utf-8"))


def test_the_search_workers_get_the_fold(seed_site):
    site = seed_site / "site" / "assets" / "javascripts" / "workers"
    worker = (site / "vanban-pagefind.js").read_text(encoding="utf-8")
    assert "__VANBAN_FOLD__" not in worker
    assert _function(worker) == _function(FOLD_JS.read_text(encoding="utf-8"))


def test_python_and_browser_fold_alike(browser):
    letters = _letters()
    words = ["Đảng viên", "Nghị quyết", "HOÀ BÌNH", "khoẻ", "Quảng Trị", "ỦY BAN", "Thừa Thiên Huế"]
    samples = letters + words + [unicodedata.normalize("NFD", w) for w in words]
    page = browser.new_page()
    try:
        page.add_script_tag(content=FOLD_JS.read_text(encoding="utf-8"))
        browser_folded = page.evaluate("xs => xs.map(vbFold)", samples)
    finally:
        page.close()
    python_folded = [folded(matching(unicodedata.normalize("NFC", s))) for s in samples]
    assert browser_folded == python_folded
    assert browser_folded[letters.index("Ữ")] == "u" and "dang vien" in browser_folded
