"""The resolver: identity beyond the symbol, /TU, conflicts, catalog, and the seed report."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REPO, SEED_SLUG, message_lines
from vanban.cite import extract_citations
from vanban.sources import load_reports

HEADER = "ĐẢNG BỘ TỈNH QUẢNG TRỊ\nTHÀNH ỦY ĐÔNG HÀ\n*\nSố 1-BC/TU\nĐông Hà, ngày 5 tháng 1 năm 2021\n\nBÁO CÁO\nthử\n-----\n"


def _index(tmp_path: Path, body: str, catalog: str | None = None, header: str = HEADER):
    (tmp_path / "data" / "reports").mkdir(parents=True, exist_ok=True)
    (tmp_path / "data" / "reports" / "r.txt").write_text(header + body, encoding="utf-8")
    if catalog is not None:
        (tmp_path / "data" / "directives.yml").write_text(catalog, encoding="utf-8")
    reports = load_reports(tmp_path)
    return extract_citations(reports, tmp_path)


def _ids(index) -> list[str]:
    return [c.directive for c in index.by_report["r"]]


def test_same_symbol_in_two_terms_is_two_documents(tmp_path):
    index = _index(tmp_path, "Chỉ thị số 43-CT/TW, ngày 08/6/2010 của Ban Bí thư.\n"
                             "Chỉ thị số 43-CT/TW, ngày 14/5/2015 của Ban Bí thư.\n")
    assert _ids(index) == ["chi-thi-43-ct-tw-2010", "chi-thi-43-ct-tw-2015"]


def test_term_keeps_a_catalog_entry_of_another_term_apart(tmp_path):
    catalog = ("- {id: chi-thi-34-ct-tw-1998, type: Chỉ thị, number: '34', symbol: 34-CT/TW, issuer: Bộ Chính trị,"
               " level: Trung ương, date: 1998-05-30, term: VIII}\n")
    index = _index(tmp_path, "Chỉ thị số 34-CT/TW của Ban Bí thư -khóa X về “Tăng cường”.\n", catalog)
    assert _ids(index) == ["chi-thi-34-ct-tw-khoa-x"]
    index = _index(tmp_path, "Chỉ thị số 34-CT/TW của Bộ Chính trị.\n", catalog)
    assert _ids(index) == ["chi-thi-34-ct-tw-1998"]


@pytest.mark.parametrize(
    "sentence, expected_id, rule",
    [
        ("Kế hoạch số 47-KH/TU, ngày 22/3/2017 của Tỉnh ủy.", "ke-hoach-47-kh-tu-quang-tri-2017", "tu: issuer phrase"),
        ("Kế hoạch số 115-KH/TU ngày 19/8/2019 của Thành ủy.", "ke-hoach-115-kh-tu-dong-ha-2019", "tu: issuer phrase"),
        ("Kế hoạch số 131-KH/TU, ngày 14/01/2020 về học tập.", "ke-hoach-131-kh-tu-dong-ha-2020",
         "tu: the report's own issuer"),
    ],
)
def test_tu_is_decided_and_the_rule_said(tmp_path, sentence, expected_id, rule):
    c = _index(tmp_path, sentence + "\n").by_report["r"][0]
    assert c.directive == expected_id
    assert c.rule.startswith(rule)


def test_tu_from_the_same_document_cited_elsewhere(tmp_path):
    index = _index(tmp_path, "Nghị quyết số 02-NQ/TU của Ban Thường vụ Tỉnh ủy.\nTổng kết Nghị quyết số 02-NQ/TU.\n")
    first, second = index.by_report["r"]
    assert first.directive == second.directive == "nghi-quyet-02-nq-tu-quang-tri"
    assert second.rule.startswith("tu: same document")


def test_two_dates_and_symbol_typos_resolve_to_one_document_with_conflicts(tmp_path):
    index = _index(tmp_path, "Quy định số 01-QĐ/TU, ngày 08/5/2017 của Ban Thường vụ Thành ủy.\n"
                             "Quy định số 01-QĐ/TU ngày 08/4/2017 của Ban Thường vụ Thành ủy.\n"
                             "Kết luận số 66-LK/TW, ngày 04/3/2010 của Ban Bí thư.\n"
                             "Quyết định số 687-KH/TU ngày 05/7/2019 về thành lập.\n"
                             "Quyết định số 687-QĐ/TU ngày 05/7/2019 của BTV Thành ủy.\n")
    assert _ids(index) == ["quy-dinh-01-qd-tu-dong-ha-2017"] * 2 + ["ket-luan-66-kl-tw-2010"] + [
        "quyet-dinh-687-qd-tu-dong-ha-2019"] * 2
    kinds = {(k.kind, k.directive) for k in index.conflicts}
    assert kinds == {("two-dates", "quy-dinh-01-qd-tu-dong-ha-2017"), ("symbol", "ket-luan-66-kl-tw-2010"),
                     ("symbol", "quyet-dinh-687-qd-tu-dong-ha-2019")}
    assert index.directives["ket-luan-66-kl-tw-2010"].symbol == "66-KL/TW"


def test_a_report_cannot_cite_a_later_document(tmp_path):
    catalog = ("- {id: nghi-quyet-35-nq-tw-2018, type: Nghị quyết, number: '35', symbol: 35-NQ/TW,"
               " issuer: Bộ Chính trị, level: Trung ương, date: 2018-10-22, term: XII}\n")
    early = HEADER.replace("năm 2021", "năm 2017")
    index = _index(tmp_path, "Nghị quyết số 35-NQ/TW của Bộ Chính trị.\n", catalog, header=early)
    # the catalog's 35-NQ/TW of 2018 is not it: a page of its own, built from the citation
    assert _ids(index) == ["nghi-quyet-35-nq-tw"]
    index = _index(tmp_path, "Chỉ thị số 9-CT/TW ngày 1/3/2018 của Ban Bí thư.\n", None, header=early)
    assert [k.kind for k in index.conflicts] == ["after-report"]


def test_short_forms_and_aliases_resolve_in_context(tmp_path):
    index = _index(tmp_path, "Nghị quyết số 35-NQ/TW ngày 22/10/2018 của Bộ Chính trị (sau đây gọi tắt là "
                             "Nghị quyết về nền tảng tư tưởng).\nThực hiện Nghị quyết 35 và Nghị quyết về nền tảng "
                             "tư tưởng; Kế hoạch 02 đồng chí.\n")
    cites = index.by_report["r"]
    assert [(c.kind, c.directive) for c in cites] == [
        ("full", "nghi-quyet-35-nq-tw-2018"), ("short", "nghi-quyet-35-nq-tw-2018"),
        ("alias", "nghi-quyet-35-nq-tw-2018")]


def test_conference_resolution_from_catalog_or_built(tmp_path):
    catalog = ("- {id: nghi-quyet-04-nq-tw-2016, type: Nghị quyết, number: '04', symbol: 04-NQ/TW, conference: 4,"
               " issuer: Ban Chấp hành Trung ương, level: Trung ương, date: 2016-10-30, term: XII}\n")
    index = _index(tmp_path, "Nghị quyết Trung ương 4 khóa XII; Nghị quyết TW 4; Nghị quyết Trung ương 6, khóa XII.\n",
                   catalog)
    assert _ids(index) == ["nghi-quyet-04-nq-tw-2016", "nghi-quyet-04-nq-tw-2016", "nghi-quyet-hoi-nghi-tw-6-khoa-xii"]


@pytest.mark.parametrize(
    "catalog, needles",
    [
        ("- {id: a, type: Chỉ thị, issuer: X, level: Trung ương, colour: red}\n", ("directives.yml:1:", "colour")),
        ("- {id: a, type: Chỉ thị, issuer: X, level: Trung ương}\n- {id: a, type: Chỉ thị, issuer: X, level: Trung ương}\n",
         ("directives.yml:2:", "bị lặp")),
        ("- id: a\n  type: Chỉ thị\n  issuer: X\n  level: Trung ương\n  date: 30/5/2019\n", ("directives.yml:5:", "date")),
        ("- id: a\n  type: Sắc lệnh\n  issuer: X\n  level: Trung ương\n", ("directives.yml:2:", "type")),
        ("- id: a\n  type: Chỉ thị\n  issuer: X\n  level: Xã\n", ("directives.yml:4:", "level")),
        ("- id: a\n  type: Chỉ thị\n  level: Trung ương\n", ("directives.yml:1:", "issuer")),
        ("- id: a\n  type: Chỉ thị\n  number: 5\n  issuer: X\n  level: Trung ương\n", ("directives.yml:3:", "number")),
        ("- id: [a\n", ("directives.yml", "YAML sai")),
    ],
)
def test_bad_catalog_is_one_clear_error(tmp_path, catalog, needles):
    from conftest import make_project, run_vanban

    root = make_project(tmp_path, {"a.txt": "BÁO CÁO\nthử\n-----\nĐoạn.\n"})
    (root / "data" / "directives.yml").write_text(catalog, encoding="utf-8")
    result = run_vanban("--root", str(root), "build")
    assert result.returncode == 1 and "internal error" not in result.stderr
    lines = message_lines(result.stderr)
    assert len(lines) == 1
    for needle in needles:
        assert needle in lines[0]
    assert not (root / "site").exists()


@pytest.fixture(scope="module")
def seed_index():
    reports = load_reports(REPO)
    return reports, extract_citations(reports, REPO)


def test_seed_every_cited_document_is_found(seed_index):
    _, index = seed_index
    cites = index.by_report[SEED_SLUG]
    # 79 by symbol, short form or plenum, 7 congress resolutions ("Nghị quyết Đại hội Đảng bộ
    # thành phố lần thứ XIII" ×3, "… lần thứ XII", "… Đảng toàn quốc lần thứ XIII" ×2, "… Đảng bộ tỉnh
    # lần thứ XVII"), and the Điều lệ Đảng by name (the catalog's `names`)
    assert len([c for c in cites if c.kind not in ("name", "congress")]) == 79
    assert sorted((c.raw, c.directive) for c in cites if c.kind == "congress") == sorted([
        ("Nghị quyết Đại hội Đảng bộ thành phố lần thứ XIII", "nghi-quyet-dai-hoi-dang-bo-thanh-pho-dong-ha-xiii")] * 2 + [
        ("Nghị quyết Đại hội Đảng bộ thành phố Đông Hà lần thứ XIII", "nghi-quyet-dai-hoi-dang-bo-thanh-pho-dong-ha-xiii"),
        ("Nghị quyết Đại hội Đảng bộ thành phố lần thứ XII", "nghi-quyet-dai-hoi-dang-bo-thanh-pho-dong-ha-xii"),
        ("Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII", "nghi-quyet-dai-hoi-dang-toan-quoc-xiii"),
        ("Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII", "nghi-quyet-dai-hoi-dang-toan-quoc-xiii"),
        ("Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVII", "nghi-quyet-dai-hoi-dang-bo-tinh-quang-tri-xvii")])
    assert [(c.raw, c.directive) for c in cites if c.kind == "name"] == [("Điều lệ Đảng", "dieu-le-dang-2011")] * 2
    assert len(index.cited()) == 55 + 4
    assert sum(c.in_footnote for c in cites) == 22 + 1  # fn:3 names the city congress's resolution
    in_quoted_title = [c for c in cites if c.in_title_of is not None and cites[c.in_title_of].title_span
                       and cites[c.in_title_of].title_span[0] <= c.start < cites[c.in_title_of].title_span[1]]
    assert len(in_quoted_title) == 6
    by_id = {d.id for d in index.cited()}
    for expected in ("chi-thi-05-ct-tw-2016", "nghi-quyet-04-nq-tw-2016", "chi-thi-43-ct-tw-2010",
                     "chi-thi-43-ct-tw-2015", "chi-thi-34-ct-tw-khoa-x", "nghi-quyet-25-nq-tw-2013",
                     "nghi-quyet-25-nq-tw-khoa-ix", "ke-hoach-115-kh-tu-dong-ha-2019",
                     "ke-hoach-141-kh-tu-quang-tri-2019", "nghi-quyet-06-2013-nq-hdnd-quang-tri",
                     "ket-luan-66-kl-tw-2010", "quyet-dinh-687-qd-tu-dong-ha-2019"):
        assert expected in by_id
    assert "chi-thi-34-ct-tw-1998" not in by_id


def test_seed_fields_of_one_citation(seed_index):
    _, index = seed_index
    c = next(c for c in index.by_report[SEED_SLUG] if c.symbol == "115-KH/TU" and not c.in_footnote)
    assert (c.type, c.number, c.date, c.issuer) == ("Kế hoạch", "115", "2019-08-19", "Thành ủy")
    assert c.title.startswith("Thực hiện Chỉ thị số 35-CT/TW")
    assert c.directive == "ke-hoach-115-kh-tu-dong-ha-2019"


def test_seed_conflicts(seed_index):
    _, index = seed_index
    found = sorted((k.kind, k.directive) for k in index.conflicts)
    assert found == [("symbol", "ket-luan-66-kl-tw-2010"), ("symbol", "quyet-dinh-687-qd-tu-dong-ha-2019"),
                     ("two-dates", "quy-dinh-01-qd-tu-dong-ha-2017")]
