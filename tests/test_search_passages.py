"""The offline index's passages: what a built page is split into (vanban.search.passages)."""

from __future__ import annotations

import pytest

from vanban.search.passages import entries, split

PAGE = """<html><nav><p id="nav-p">menu</p></nav><article class="md-content__inner md-typeset">
<p class="vb-legend">¶: liên kết</p>
<p>Lời mở đầu <abbr title="Thành ủy">TU</abbr>/BC.</p>
<h2 id="muc-i">I. KẾT QUẢ<a class="headerlink" href="#muc-i">¶</a></h2>
<p id="p-i-1">Đoạn một có <a href="#">liên kết</a> và chú thích<sup id="fnref:1"><a href="#fn:1">1</a></sup> giữa câu.<a class="vb-para-link" href="#p-i-1">¶</a></p>
Chữ rời sau đoạn.
<h3 id="muc-i-1">1. Nhỏ</h3>
<p id="p-i-1-1">Đoạn hai.</p>
<p data-pagefind-meta="title" hidden>Ẩn</p>
<div class="footnote"><ol><li id="fn:1"><p>Chú thích một.&#160;<a class="footnote-backref" href="#fnref:1">↩</a></p></li></ol></div>
</article><footer><p id="f">chân trang</p></footer></html>"""


@pytest.mark.parametrize("anchor, heading, title, text", [
    (None, False, "", "Lời mở đầu TU/BC."),
    ("muc-i", True, "I. KẾT QUẢ", "Chữ rời sau đoạn."),
    ("p-i-1", False, "I. KẾT QUẢ", "Đoạn một có liên kết và chú thích1 giữa câu."),
    ("muc-i-1", True, "1. Nhỏ", ""),
    ("p-i-1-1", False, "1. Nhỏ", "Đoạn hai."),
    ("fn:1", False, "1. Nhỏ", "Chú thích một."),
])
def test_a_page_is_split_into_its_passages(anchor, heading, title, text):
    found = {p.anchor: p for p in split(PAGE)}
    assert set(found) == {None, "muc-i", "p-i-1", "muc-i-1", "p-i-1-1", "fn:1"}  # not the nav, footer, hidden
    passage = found[anchor]
    assert (passage.heading, passage.title, passage.text) == (heading, title, text)


def test_entries_title_headings_and_show_a_paragraph_under_its_heading():
    docs = entries("bao-cao/x/", "Báo cáo X", split(PAGE))
    assert docs[0] == {"location": "bao-cao/x/", "title": "Báo cáo X", "text": "Lời mở đầu TU/BC."}
    by = {d["location"]: d for d in docs}
    assert by["bao-cao/x/#muc-i"]["title"] == "I. KẾT QUẢ"
    # a paragraph is searched by its own words only; its heading is shown, not indexed
    assert by["bao-cao/x/#p-i-1"]["title"] == "" and by["bao-cao/x/#p-i-1"]["heading"] == "I. KẾT QUẢ"
