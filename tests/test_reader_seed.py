"""The reader on the real seed report: header, the three levels of headings, all footnotes."""

from __future__ import annotations

import json
import re
import unicodedata

from conftest import SEED, run_vanban

EXPECTED_HEADINGS = [
    (1, "I", "KẾT QUẢ THỰC HIỆN CÔNG TÁC NĂM 2020"),
    (2, "1", "Một số kết quả nổi bật"),
    (2, "2", "Kết quả cụ thể trên từng lĩnh vực"),
    (3, "2.1", "Công tác xây dựng Đảng về chính trị, tư tưởng và đạo đức"),
    (3, "2.2", "Công tác tổ chức xây dựng Đảng"),
    (3, "2.3", "Công tác kiểm tra, giám sát"),
    (3, "2.4", "Công tác dân vận, Mặt trận và đoàn thể"),
    (3, "2.5", "Công tác nội chính, phòng chống tham nhũng"),
    (3, "2.6", "Về thực hiện và đổi mới phương thức lãnh đạo của các cấp ủy đảng"),
    (1, "II", "HẠN CHẾ, KHUYẾT ĐIỂM"),
    (1, "III", "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2021"),
    (2, "1", "Một số chỉ tiêu cụ thể"),
    (2, "2", "Những nhiệm vụ và giải pháp trọng tâm"),
    (3, "2.1", "Nâng cao chất lượng, hiệu quả công tác chính trị, tư tưởng và xây dựng Đảng về đạo đức"),
    (3, "2.2", "Tiếp tục đổi mới, nâng cao chất lượng, hiệu quả công tác tổ chức xây dựng đảng, "
               "nâng cao chất lượng đội ngũ cán bộ, đảng viên"),
    (3, "2.3", "Nâng cao hiệu lực, hiệu quả công tác kiểm tra, giám sát và thi hành kỷ luật của Đảng"),
    (3, "2.4", "Tập trung nâng cao hiệu quả công tác dân vận của hệ thống chính trị trong tình hình mới"),
    (3, "2.5", "Tăng cường công tác nội chính; tiếp công dân, giải quyết đơn thư của công dân; phòng, "
               "chống tham nhũng, thực hành tiết kiệm chống lãng phí"),
    (3, "2.6", "Tích cực đổi mới phương thức lãnh đạo của các cấp ủy Đảng"),
]


def _parse_seed() -> dict:
    result = run_vanban("parse", str(SEED), "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_parse_gives_every_heading_with_level_and_number():
    model = _parse_seed()
    got = [(h["level"], h["number"], h["text"]) for h in model["headings"]]
    assert got == EXPECTED_HEADINGS


def test_long_numbered_paragraphs_are_not_headings(seed_report):
    numbered = [b for b in seed_report.blocks if b.kind == "paragraph" and b.number]
    # I.1 has seven numbered paragraphs, II four, III.1 six.
    assert [b.number for b in numbered] == [f"1.{i}" for i in range(1, 8)] + ["1", "2", "3", "4"] + [
        f"1.{i}" for i in range(1, 7)
    ]
    assert numbered[0].text.startswith("1.1.Phát huy")


def test_every_footnote_2_to_20_bound_to_its_marker():
    model = _parse_seed()
    assert [f["number"] for f in model["footnotes"]] == list(range(2, 21))
    refs = [r["number"] for b in model["blocks"] for r in b["refs"]]
    assert refs == list(range(2, 21))
    texts = {f["number"]: f["text"] for f in model["footnotes"]}
    assert texts[4].startswith("Ban hành Kế hoạch số 131-KH/TU")
    # Body 2 runs past the end of its line; its last words are kept, the closing bracket is not.
    assert texts[2].endswith("của BTV Tỉnh ủy…")
    # No marker or body syntax is left in any block.
    for block in model["blocks"]:
        assert "footnoteRef" not in block["text"]
        assert not re.search(r"\[\d+:", block["text"])


def test_footnote_refs_sit_where_the_markers_were(seed_report):
    source = unicodedata.normalize("NFC", SEED.read_text(encoding="utf-8"))
    for block in seed_report.blocks:
        for ref in block.refs:
            before = block.text[max(0, ref.offset - 25) : ref.offset]
            assert before + f"[footnoteRef:{ref.number}]" in source.replace("Ð", "Đ").replace("ð", "đ")


def test_header_fields():
    meta = _parse_seed()["meta"]
    assert meta["issuer"] == ["ĐẢNG BỘ TỈNH QUẢNG TRỊ", "THÀNH ỦY ĐÔNG HÀ"]
    assert meta["number"] is None and meta["symbol"] == "BC/TU"
    assert meta["place"] == "Đông Hà"
    assert meta["date"] == "2021-01"
    assert meta["doc_type"] == "BÁO CÁO"
    assert meta["title"] == "tổng kết công tác xây dựng Đảng năm 2020, phương hướng, nhiệm vụ năm 2021"


def test_blocks_have_unique_stable_anchors_and_kinds():
    blocks = _parse_seed()["blocks"]
    anchors = [b["anchor"] for b in blocks]
    assert len(anchors) == len(set(anchors))
    by_anchor = {b["anchor"]: b for b in blocks}
    assert by_anchor["muc-i-2-2"]["kind"] == "heading"
    assert by_anchor["p-i-2-2-7"]["kind"] == "bullet" and by_anchor["p-i-2-2-7"]["marker"] == "+"
    assert by_anchor["p-iii-2-1-1"]["marker"] == "-"
    assert by_anchor["p-cuoi-0"]["kind"] == "separator"
    assert by_anchor["p-cuoi-1"]["kind"] == "closing"
    assert by_anchor["p-cuoi-1"]["text"].startswith("Nhiệm vụ công tác xây dựng Đảng năm 2021")


def test_display_text_is_nfc_with_lookalikes_fixed_and_artefacts_dropped(seed_report):
    raw = SEED.read_text(encoding="utf-8")
    assert not unicodedata.is_normalized("NFC", raw) and "Ð" in raw  # the seed really is dirty
    texts = [b.text for b in seed_report.blocks] + [f.text for f in seed_report.footnotes]
    for text in texts:
        assert unicodedata.is_normalized("NFC", text)
        assert "Ð" not in text and "ð" not in text
        assert "[bookmark:" not in text
    # Glued words are kept, not guessed apart.
    assert any("Tập trungđẩy mạnh" in t for t in texts)
    codes = {d.code for d in seed_report.diagnostics}
    assert {"nfd", "lookalike", "word-artefact"} <= codes
