"""The build: pages, nav, escaping, determinism, and hand-written pages left alone."""

from __future__ import annotations

import re

from conftest import SEED_SLUG, make_project, run_vanban

REPORT = "BÁO CÁO\nthử\n-----\nI. MỘT\nĐoạn văn.\n"


def _tree(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_seed_site_has_home_report_and_nav(seed_site):
    home = (seed_site / "site" / "index.html").read_text(encoding="utf-8")
    assert f'href="bao-cao/{SEED_SLUG}/"' in home
    assert 'lang="vi"' in home
    page = (seed_site / "site" / "bao-cao" / SEED_SLUG / "index.html").read_text(encoding="utf-8")
    for anchor in ("muc-i", "muc-i-2-2", "muc-iii-2-6", "p-0-1", "p-i-2-2-3", "p-cuoi-1"):
        assert f'id="{anchor}"' in page
    # author's footnote numbers, with back-links
    assert '<a class="footnote-ref" href="#fn:2">2</a>' in page
    assert '<li id="fn:20" value="20">' in page
    assert page.count('class="footnote-backref"') == 19
    generated = (seed_site / "docs" / "bao-cao" / f"{SEED_SLUG}.md").read_text(encoding="utf-8")
    assert generated.startswith("---\n") and '\ngenerated_by: "vanban, from data/reports/' in generated.split("\n---\n")[0]


def test_markup_in_a_report_renders_literally(tmp_path):
    nasty = ("Chữ *nghiêng* và __đậm__ <script>alert(1)</script> <b>x</b> [liên kết](http://x.invalid) "
             "# không phải tiêu đề | a | b | {: .lop } &amp; `mã` ![ảnh](a.png) [^1] {{ jinja }}")
    lines = ["BÁO CÁO", "thử", "-----", nasty, "# Dòng bắt đầu bằng thăng", "--8<-- \"mkdocs.yml\"",
             "*[TW]: Trung ương", "1. Không phải danh sách", "> không phải trích dẫn"]
    root = make_project(tmp_path, {"x.txt": "\n".join(lines) + "\n"})
    result = run_vanban("--root", str(root), "build")
    assert result.returncode == 0, result.stderr
    html = (root / "site" / "bao-cao" / "x" / "index.html").read_text(encoding="utf-8")
    article = html[html.index("<article") : html.index("</article>")]
    assert "<script>alert" not in article and "<b>x</b>" not in article
    assert "<em>" not in article and "<strong>" not in article and "<code>" not in article
    assert "<img" not in article and "<blockquote>" not in article and "<ol>" not in article
    assert 'href="http://x.invalid"' not in article
    assert "<abbr" not in article and 'class="lop"' not in article
    assert "site_name" not in article  # the snippet line was not expanded
    text = re.sub(r"<[^>]+>", "", article)
    import html as h

    visible = h.unescape(text)
    for piece in ("*nghiêng*", "__đậm__", "<script>alert(1)</script>", "[liên kết](http://x.invalid)",
                  "| a | b |", "{: .lop }", "&amp;", "`mã`", "![ảnh](a.png)", "[^1]", "{{ jinja }}",
                  "# Dòng bắt đầu bằng thăng", '--8<-- "mkdocs.yml"', "*[TW]: Trung ương",
                  "1. Không phải danh sách", "> không phải trích dẫn"):
        assert piece in visible, piece


def test_two_builds_are_byte_identical(tmp_path):
    root = make_project(tmp_path, {"a.txt": REPORT}, seed=True)
    assert run_vanban("--root", str(root), "build").returncode == 0
    docs1 = _tree(root / "docs")
    site1 = _tree(root / "site")
    assert run_vanban("--root", str(root), "build").returncode == 0
    assert _tree(root / "docs") == docs1
    assert _tree(root / "site") == site1


def test_hand_written_pages_survive_and_stale_pages_go(tmp_path):
    root = make_project(tmp_path, {"a.txt": REPORT, "b.txt": REPORT})
    (root / "docs" / "gioi-thieu.md").write_text("# Giới thiệu\n\nTrang viết tay.\n", encoding="utf-8")
    assert run_vanban("--root", str(root), "build").returncode == 0
    assert (root / "site" / "gioi-thieu" / "index.html").exists()
    assert (root / "docs" / "bao-cao" / "b.md").exists()
    (root / "data" / "reports" / "b.txt").unlink()
    assert run_vanban("--root", str(root), "build").returncode == 0
    assert not (root / "docs" / "bao-cao" / "b.md").exists()
    assert not (root / "site" / "bao-cao" / "b").exists()
    assert (root / "docs" / "gioi-thieu.md").read_text(encoding="utf-8").endswith("Trang viết tay.\n")


def test_hand_written_page_at_a_generated_path_is_refused(tmp_path):
    root = make_project(tmp_path, {"a.txt": REPORT})
    (root / "docs" / "index.md").write_text("# Trang chủ viết tay\n", encoding="utf-8")
    result = run_vanban("--root", str(root), "build")
    assert result.returncode != 0 and "trang viết tay trùng đường dẫn" in result.stderr
    assert (root / "docs" / "index.md").read_text(encoding="utf-8") == "# Trang chủ viết tay\n"


def test_build_reports_progress_per_stage(tmp_path):
    root = make_project(tmp_path, {"a.txt": REPORT})
    result = run_vanban("--root", str(root), "build")
    assert result.returncode == 0
    stages = [ln.split(":")[1].strip() for ln in result.stderr.splitlines() if re.match(r"vanban: [\w ]+: \d+ ", ln)]
    assert stages == ["văn bản", "tạo trang", "dựng trang", "tìm kiếm"]
    assert re.search(r"vanban: văn bản: 1 đã đọc, trích dẫn và kiểm tra \(\d+ trích dẫn, \d+ phát hiện\), \d+,\d giây "
                     r"\(từ đầu: \d+,\d giây\)", result.stderr)
    assert re.search(r"vanban: tạo trang: \d+ trang, \d+,\d giây", result.stderr)
    assert re.search(r"^vanban: đã dựng xong 1 báo cáo, \d+ trang vào ", result.stderr, re.MULTILINE)


GENERATOR = re.compile(r'<meta name="generator" content="[^"]*">')


def test_properdocs_builds_the_same_pages(seed_site, tmp_path):
    """ProperDocs (the maintained MkDocs fork) builds the same pages with the same anchors; only
    the generator tag names the engine."""
    root = make_project(tmp_path, seed=True)
    result = run_vanban("--root", str(root), "build", "--engine", "properdocs")
    assert result.returncode == 0, result.stderr
    ours, theirs = seed_site / "site", root / "site"
    pages = sorted(p.relative_to(ours) for p in ours.rglob("*.html"))
    assert pages == sorted(p.relative_to(theirs) for p in theirs.rglob("*.html"))
    for page in pages:
        a, b = (GENERATOR.sub("", (site / page).read_text(encoding="utf-8")) for site in (ours, theirs))
        assert a == b, page
    assert "ProperDocs" in (theirs / "index.html").read_text(encoding="utf-8")


def test_the_search_step_after_any_engine_makes_the_plugins_pages(seed_site, tmp_path):
    """vanban's post-build step prepares pages for Pagefind as the plugin does inside MkDocs: undo
    the plugin's marks in a copy of the site (as an engine without plugins would leave it), run
    the step, get the same files."""
    import shutil

    from vanban.search.pagefind import BODY_ATTRIBUTE, WORKER, prepare_site

    site = tmp_path / "site"
    shutil.copytree(seed_site / "site", site)
    material = next((site / "assets" / "javascripts" / "workers").glob("search.*.min.js")).name
    originals = {}
    for path in site.rglob("*.html"):
        if path.relative_to(site).parts[0] == "pagefind":
            continue
        originals[path] = path.read_text(encoding="utf-8")
        path.write_text(originals[path].replace(f" {BODY_ATTRIBUTE}", "").replace(WORKER.name, material),
                        encoding="utf-8")
    (site / WORKER).unlink()
    marked = sum(BODY_ATTRIBUTE in html for html in originals.values())
    assert 0 < marked < len(originals)  # checks, key figures and lists are left out of search
    assert prepare_site(site) == len(originals)  # Material's search is on every page, the 404 too
    assert all(path.read_text(encoding="utf-8") == html for path, html in originals.items())
    assert (site / WORKER).is_file()


def _indexed(site) -> dict[str, str]:
    """What Pagefind indexed of each page (url → text), read from its fragments."""
    import gzip
    import json

    out = {}
    for path in (site / "pagefind").glob("s*/fragment/*.pf_fragment"):
        data = json.loads(gzip.decompress(path.read_bytes())[len(b"pagefind_dcd"):])
        out[data["url"]] = data["content"]
    return out


def test_lists_and_findings_are_left_out_of_search(seed_site):
    """What only repeats other pages is not searched: the list of reports, the home page's list
    and count, a directive page's list of findings (the reports' checks), heading included. So adding a report
    changes the search index of its own pages, not of every list."""
    import html as html_lib

    site = seed_site / "site"
    indexed = _indexed(site)
    title = re.search(r"<h1[^>]*>(.*?)<", (site / "bao-cao" / SEED_SLUG / "index.html").read_text(encoding="utf-8")).group(1)
    assert "/bao-cao/" not in indexed and f"/bao-cao/{SEED_SLUG}/" in indexed
    assert "Dữ liệu mở" in indexed["/"] and title.strip()[:40] not in indexed["/"]
    with_findings = 0
    for page in sorted((site / "van-ban").glob("*/index.html")):
        html = page.read_text(encoding="utf-8")
        section = re.search(r'id="mau-thuan".*?<ul>(.*?)</ul>', html, re.S)
        if section is None:
            continue
        with_findings += 1
        url = "/" + page.parent.relative_to(site).as_posix() + "/"
        first = html_lib.unescape(re.sub(r"<[^>]+>", "", re.search(r"<li>(.*?)</li>", section.group(1), re.S).group(1)))
        assert len(first) > 30 and "Điểm chưa thống nhất" not in indexed[url] and first[:30] not in indexed[url], url
        assert "Nguồn thông tin" in indexed[url]  # the page itself is searched
    assert with_findings


def test_no_internal_path_on_any_page(seed_site):
    """A cadre reads publications, not the project's files: no page names data/, shared/ or a
    .yml file."""
    from htmltext import page_text

    found = []
    for path in sorted((seed_site / "site").rglob("*.html")):
        main, notes = page_text(path.read_text(encoding="utf-8"))
        found += [f"{path.relative_to(seed_site)}: {m.group()}"
                  for m in re.finditer(r"\S*(?:data/|shared/|\.yml)\S*", main + " " + notes)]
    assert not found, found[:5]


def test_pages_have_their_own_description(seed_site):
    def description(path):
        html = (seed_site / "site" / path / "index.html").read_text(encoding="utf-8")
        return re.search(r'<meta name="description" content="([^"]*)"', html).group(1)

    assert description(f"bao-cao/{SEED_SLUG}") == ("Báo cáo tổng kết công tác xây dựng Đảng năm 2020, phương "
                                                   "hướng, nhiệm vụ năm 2021 — Thành ủy Đông Hà (Đảng bộ tỉnh "
                                                   "Quảng Trị) — tháng 01/2021")
    assert description("van-ban/chi-thi-05-ct-tw-2016").startswith("Chỉ thị số 05-CT/TW: Về đẩy mạnh học tập")
