"""Across years and committees (issue 19): when a directive was cited, by whom, first and last."""

from __future__ import annotations

import re

import pytest

from conftest import make_project, run_vanban


def _report(committee: str, place: str, year: int, number: int, sentence: str) -> str:
    return (f"{committee}\nSố {number}-BC/TU\n{place}, ngày 10 tháng 12 năm {year}\nBÁO CÁO\n"
            f"kết quả công tác năm {year}\n-----\nI. KẾT QUẢ\n{sentence}\n")


CITE = "Tiếp tục thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị."


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    reports = {
        "dong-ha-2022.txt": _report("THÀNH ỦY ĐÔNG HÀ", "Đông Hà", 2022, 2, CITE),
        "dong-ha-2021.txt": _report("THÀNH ỦY ĐÔNG HÀ", "Đông Hà", 2021, 1, CITE),
        "cam-lo-2023.txt": _report("HUYỆN ỦY CAM LỘ", "Cam Lộ", 2023, 3, CITE).replace("-BC/TU", "-BC/HU"),
    }
    root = make_project(tmp_path_factory.mktemp("archive"), reports, seed=True)
    result = run_vanban("--root", str(root), "build")
    assert result.returncode == 0, result.stderr
    return root


def test_a_directive_says_when_and_by_whom_it_was_cited(archive):
    page = (archive / "docs" / "van-ban" / "chi-thi-05-ct-tw-2016.md").read_text(encoding="utf-8")
    line = re.search(r"Được trích dẫn trong .*", page).group()
    assert line.startswith("Được trích dẫn trong 4 báo cáo của 2 cấp ủy; lần đầu tháng 01/2021 — Thành ủy Đông Hà")
    assert "lần gần nhất 10/12/2023 — Huyện ủy Cam Lộ" in line
    # the citing reports in time order
    headings = re.findall(r"^### (.*?) \{ #bao-cao-([^ ]+) \}", page, re.MULTILINE)
    assert [slug for _, slug in headings] == ["dong-ha-2020-xay-dung-dang", "dong-ha-2021", "dong-ha-2022",
                                              "cam-lo-2023"]


@pytest.mark.parametrize("written, name, key", [
    ("THÀNH ỦY ĐÔNG HÀ", "Thành ủy Đông Hà", "thanh uy dong ha"),
    ("Thành ủy Đông Hà (Đảng bộ tỉnh Quảng Trị)", "Thành ủy Đông Hà (Đảng bộ tỉnh Quảng Trị)", "thanh uy dong ha"),
    ("HUYỆN ỦY CAM LỘ", "Huyện ủy Cam Lộ", "huyen uy cam lo"),
    ("BAN THƯỜNG VỤ TỈNH UỶ QUẢNG TRỊ", "Ban Thường vụ Tỉnh ủy Quảng Trị", "ban thuong vu tinh uy quang tri"),
    ("ĐẢNG ỦY KHỐI CƠ QUAN", "Đảng ủy Khối Cơ Quan", "dang uy khoi co quan"),
])
def test_one_committee_however_written(written, name, key):
    from vanban.committees import committee_key, committee_name

    assert (committee_name(written), committee_key(written)) == (name, key)


SEED_TEXT = (REPO_DATA := __import__("conftest").REPO / "data" / "reports" / "dong-ha-2020-xay-dung-dang.txt").read_text(
    encoding="utf-8")


@pytest.fixture(scope="module")
def three_years(tmp_path_factory):
    """The seed's committee over three years (its report as it is, one a year before with the
    same targets, one a year after that meets the admissions target) and a second committee:
    the fixtures edit figures in tests only; data/ ships the real report."""
    root = make_project(tmp_path_factory.mktemp("years"), {
        "cam-lo-2023.txt": _report("HUYỆN ỦY CAM LỘ", "Cam Lộ", 2023, 3, CITE).replace("-BC/TU", "-BC/HU")}, seed=True)
    reports = root / "data" / "reports"
    for slug, date, text in (("dong-ha-2019", "2020-01", SEED_TEXT),
                             ("dong-ha-2021", "2022-01", SEED_TEXT.replace("kết nạp được 86/150 đảng viên",
                                                                           "kết nạp được 160 đảng viên"))):
        (reports / f"{slug}.txt").write_text(text, encoding="utf-8")
        (reports / f"{slug}.yml").write_text(f"slug: {slug}\ncommittee: Thành ủy Đông Hà (Đảng bộ tỉnh Quảng Trị)\n"
                                             f"date: {date}\n", encoding="utf-8")
    result = run_vanban("--root", str(root), "build")
    assert result.returncode == 0, result.stderr
    return root


def _rows(markdown: str, heading: str) -> list[list[str]]:
    section = markdown.split(heading, 1)[1].split("\n## ", 1)[0]
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in section.splitlines()
            if line.startswith("| ") and not line.startswith("| ---")][1:]


def test_a_committee_page_per_committee(three_years):
    listing = (three_years / "docs" / "don-vi" / "index.md").read_text(encoding="utf-8")
    assert "[Thành ủy Đông Hà &#40;Đảng bộ tỉnh Quảng Trị&#41;](thanh-uy-dong-ha.md) | 3 |" in listing
    assert "[Huyện ủy Cam Lộ](huyen-uy-cam-lo.md) | 1 |" in listing
    page = (three_years / "docs" / "don-vi" / "thanh-uy-dong-ha.md").read_text(encoding="utf-8")
    reports = re.findall(r"^- (.*?): \[.*?\]\(\.\./bao-cao/(.*?)\.md\)", page, re.MULTILINE)
    assert [slug for _, slug in reports] == ["dong-ha-2019", "dong-ha-2020-xay-dung-dang", "dong-ha-2021"]
    admissions = next(r for r in _rows(page, "## Số liệu qua các báo cáo") if r[0] == "Kết nạp đảng viên mới")
    assert [re.sub(r"\]\(.*", "", c).lstrip("[") for c in admissions[1:4]] == ["86/150", "86/150", "160"]
    assert '#p-i-2-2-11' in admissions[3] and "<svg" in admissions[4]


def test_targets_against_the_next_reports_results(three_years):
    page = (three_years / "docs" / "don-vi" / "thanh-uy-dong-ha.md").read_text(encoding="utf-8")
    rows = _rows(page, "## Chỉ tiêu và kết quả")
    admissions = [r for r in rows if r[0] == "Kết nạp đảng viên mới"]
    assert [r[3] for r in admissions] == ["**không đạt**", "**đạt**"]  # 86 then 160 against 150
    assert all("../bao-cao/dong-ha-" in r[1] and "../bao-cao/dong-ha-" in r[2] for r in admissions)
    rating = [r for r in rows if r[0].startswith("Tỷ lệ hoàn thành tốt nhiệm vụ trở lên")]
    assert rating and all(r[3] == "**không đạt**" for r in rating)  # 95% set, 85,7% and 79,7% reached
    later = (three_years / "docs" / "so-lieu" / "dong-ha-2021.md").read_text(encoding="utf-8")
    assert "## Chỉ tiêu năm trước và kết quả năm nay" in later and "**đạt**" in later
    first = (three_years / "docs" / "so-lieu" / "dong-ha-2019.md").read_text(encoding="utf-8")
    assert "Chỉ tiêu năm trước" not in first


def test_a_target_not_read_is_listed_not_guessed(three_years):
    page = (three_years / "docs" / "don-vi" / "thanh-uy-dong-ha.md").read_text(encoding="utf-8")
    listed = page.split("Chỉ tiêu chưa đối chiếu được", 1)[1]
    anchors = re.findall(r"\.md#(p-[\w-]+)\)", listed)
    assert anchors and all(a.startswith("p-iii-1-") for a in anchors), anchors  # the targets section only


def test_a_much_cited_directive_lists_its_reports_a_year_to_a_page(archive, monkeypatch):
    """Past SPLIT_CITED_AT citing reports (2 here; the archive has 4, dated 2021–2023), the
    directive's page links to a page per year, each listing that year's reports and their
    passages, linking back; every citing paragraph is on exactly one year's page."""
    import posixpath

    from vanban.cite import extract_citations
    from vanban.render import directive_page
    from vanban.sources import load_reports

    reports = load_reports(archive)
    index = extract_citations(reports, archive)
    ident = "chi-thi-05-ct-tw-2016"
    cited = {(slug, c.container) for slug, cites in index.by_report.items() for c in cites if c.directive == ident}

    def pages():
        return {p: t.decode("utf-8") if isinstance(t, bytes) else t
                for p, t in directive_page.directive_pages(index, reports).items()}

    def targets(path, text):
        return [posixpath.normpath(posixpath.join(posixpath.dirname(path), link))
                for link in re.findall(r"\]\(([^)]+)\)", text)]

    whole = pages()
    assert not any(p.startswith(f"van-ban/{ident}/") for p in whole)
    monkeypatch.setattr(directive_page, "SPLIT_CITED_AT", 2)
    split = pages()
    main = split[f"van-ban/{ident}.md"]
    years = sorted(p for p in split if p.startswith(f"van-ban/{ident}/"))
    dates = sorted({r.date[:4] for r in reports if any(slug == r.slug for slug, _ in cited)})
    assert dates == ["2021", "2022", "2023"]
    assert years == [f"van-ban/{ident}/trich-dan-{y}.md" for y in dates]
    assert [t for t in targets(f"van-ban/{ident}.md", main) if t.startswith(f"van-ban/{ident}/")] == years
    assert "### " not in main.split("{ #duoc-trich-dan-tai }", 1)[1]
    assert re.search(r"Được trích dẫn trong 4 báo cáo của 2 cấp ủy", main)  # the timeline stays
    listed = []
    for path in years:
        text = split[path]
        assert f"van-ban/{ident}.md#duoc-trich-dan-tai" in targets(path, text)
        year = path[-7:-3]
        for target in targets(path, text):
            if target.startswith("bao-cao/"):
                page, anchor = target.split("#")
                slug = page.removeprefix("bao-cao/").removesuffix(".md")
                assert next(r for r in reports if r.slug == slug).date.startswith(year)
                listed.append((slug, anchor))
    assert sorted(listed) == sorted(cited)
    # the same directive's page above the threshold, and the others untouched
    assert all(split[p] == whole[p] for p in whole if p != f"van-ban/{ident}.md")


def test_a_directive_page_is_indexed_beside_the_report_that_first_cited_it(archive):
    """Chỉ thị 05-CT/TW is cited by the four reports, read in their files' order: Cam Lộ's of
    2023 first, then the seed (January 2021) and Đông Hà's of 2021 and 2022. Its page is indexed
    in the search shard of Cam Lộ's report."""
    from vanban.search.page_stats import PageStats
    from vanban.search.pagefind import page_stat

    rel = "van-ban/chi-thi-05-ct-tw-2016/index.html"
    page = (archive / "site" / rel).read_text(encoding="utf-8")
    assert re.findall(r'data-vb-shard-with="([^"]+)"', page) == ["bao-cao/cam-lo-2023"]
    assert page_stat(archive / "site", rel, PageStats()).group == "bao-cao/cam-lo-2023"
    # a report's own page, and a page no report cites, go by their own paths
    for own in ("bao-cao/dong-ha-2021/index.html", "thuat-ngu/index.html"):
        assert page_stat(archive / "site", own, PageStats()).group is None
