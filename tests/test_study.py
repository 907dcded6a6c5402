"""For study sessions: glossary, key figures, "¶" links, print, offline (issue: study sessions)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from browser import search, serve
from conftest import SEED_SLUG, make_project, run_vanban

PARAGRAPH = "p-i-2-2-3"


@pytest.fixture(scope="module")
def online(seed_site, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    with serve(seed_site / "site") as base:
        yield base, context.new_page()
    context.close()


def test_an_abbreviation_shows_its_full_form(online):
    base, page = online
    page.goto(f"{base}bao-cao/{SEED_SLUG}/")
    abbr = page.locator("abbr", has_text="TCCS").first
    abbr.scroll_into_view_if_needed()
    abbr.hover()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(timeout=5000)
    assert "Tổ chức cơ sở đảng" in tooltip.inner_text()


def test_glossary_page_and_missing_abbreviations(seed_site, tmp_path):
    page = (seed_site / "site" / "thuat-ngu" / "index.html").read_text(encoding="utf-8")
    assert "HTXSNV" in page and "Hoàn thành xuất sắc nhiệm vụ" in page
    root = make_project(tmp_path, {"a.txt": "BÁO CÁO\nthử\n-----\nĐoạn có XYZT và TCCS.\n"})
    (root / "data" / "glossary.yml").write_text("- {abbr: TCCS, full: Tổ chức cơ sở đảng}\n", encoding="utf-8")
    result = run_vanban("--root", str(root), "check")
    assert "“XYZT” (1 lần) chưa có trong bảng thuật ngữ" in result.stdout
    assert "TCCS”" not in result.stdout


def test_bad_glossary_is_one_clear_error(tmp_path):
    root = make_project(tmp_path, {"a.txt": "BÁO CÁO\nthử\n-----\nĐoạn.\n"})
    (root / "data" / "glossary.yml").write_text("- {abbr: TCCS, full: a}\n- {abbr: TCCS, full: b}\n",
                                                encoding="utf-8")
    result = run_vanban("--root", str(root), "build")
    assert result.returncode == 1 and "glossary.yml:2:" in result.stderr and "có hai lần" in result.stderr


def test_pilcrow_link_carries_and_copies_the_paragraph_url(online):
    base, page = online
    page.goto(f"{base}bao-cao/{SEED_SLUG}/")
    link = page.locator(f"#{PARAGRAPH} a.vb-para-link")
    assert link.get_attribute("href") == f"#{PARAGRAPH}"
    link.click()
    expected = f"{base}bao-cao/{SEED_SLUG}/#{PARAGRAPH}"
    assert page.evaluate("navigator.clipboard.readText()") == expected
    assert page.evaluate("location.hash") == f"#{PARAGRAPH}"
    # following that URL lands on the paragraph
    page.goto(expected)
    assert page.evaluate(f"document.getElementById('{PARAGRAPH}').getBoundingClientRect().top") < 200


def test_print_is_a_clean_handout(online, tmp_path):
    """Printed: no navigation or on-screen markers, no forced page breaks leaving pages near
    empty, page numbers, links as their text, footnotes in black at body size."""
    base, page = online
    page.goto(f"{base}bao-cao/{SEED_SLUG}/")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", "a.vb-para-link",
                     "a.footnote-backref", "details.vb-contents"):
        assert page.locator(selector).first.is_hidden(), selector
    link = page.locator("a[href*='van-ban/']").first
    assert link.evaluate("e => getComputedStyle(e, '::after').content") in ("none", "normal")
    assert page.evaluate("getComputedStyle(document.getElementById('muc-ii')).breakBefore") == "auto"
    assert page.evaluate("getComputedStyle(document.getElementById('muc-ii')).breakAfter") == "avoid"
    notes = page.locator(".footnote li").first
    assert notes.evaluate("e => getComputedStyle(e).color") == "rgb(0, 0, 0)"
    assert page.locator("h2#muc-ii").inner_text().startswith("II.")
    pdf = tmp_path / "bao-cao.pdf"
    page.pdf(path=str(pdf))
    pages = pdf.read_bytes().count(b"/Type /Page") - pdf.read_bytes().count(b"/Type /Pages")
    assert 10 <= pages <= 20, pages  # 25 with a page break before every section
    page.emulate_media(media="screen")


# The bottom of a page's last line of text, the font size there, and the bottom of the flow.
FLOW_END = """() => {
  const walker = document.createTreeWalker(document.querySelector('.md-content'), NodeFilter.SHOW_TEXT);
  let last = 0, size = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim()) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const rect of range.getClientRects()) {
      if (rect.bottom >= last) { last = rect.bottom; size = parseFloat(getComputedStyle(node.parentElement).fontSize); }
    }
  }
  return [last, size, document.querySelector('.md-container').getBoundingClientRect().bottom];
}"""


@pytest.mark.parametrize("path", [f"bao-cao/{SEED_SLUG}/", "van-ban/nghi-quyet-35-nq-tw-2018/", ""])
def test_print_ends_with_the_last_line(online, path):
    """Printed, the flow ends with the page's last line: no trailing margin that spills onto a
    blank last page when the text just fits (a directive's page of one sheet printed on two)."""
    base, page = online
    page.goto(base + path)
    page.emulate_media(media="print")
    last_line, size, flow_end = page.evaluate(FLOW_END)
    page.emulate_media(media="screen")
    # below the glyphs, only the rest of their line (half its leading), not a margin
    assert 0 < last_line and flow_end - last_line < size / 2, (last_line, size, flow_end)


def test_offline_site_searches_from_file_with_the_network_off(offline_site, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, offline=True)
    requests = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    results = search(page, offline_site.as_uri() + "/index.html", "nghi quyet 35")
    assert results and results[0]["href"].endswith("van-ban/nghi-quyet-35-nq-tw-2018.html")
    assert [u for u in requests if not u.startswith("file:")] == []
    context.close()


class _Resources(HTMLParser):
    """URLs a page would load: scripts, styles, icons, fonts, images, frames."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("script", "img", "iframe", "source", "audio", "video", "embed") and a.get("src"):
            self.urls.append(a["src"])
        if tag == "link" and a.get("href") and a.get("rel") not in ("canonical", "alternate", "next", "prev"):
            self.urls.append(a["href"])
        if tag == "object" and a.get("data"):
            self.urls.append(a["data"])


CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)|@import\s+['"]([^'"]+)""")


def _external(url: str) -> bool:
    parts = urlsplit(url.strip())
    return bool(parts.scheme in ("http", "https") or url.strip().startswith("//")) and parts.hostname not in (
        "127.0.0.1", "localhost")


@pytest.mark.parametrize("folder", ["site", "site-offline"])
def test_no_page_loads_anything_from_another_host(seed_site, offline_site, folder):
    root = seed_site / folder
    bad = []
    for html in root.rglob("*.html"):
        parser = _Resources()
        parser.feed(html.read_text(encoding="utf-8"))
        bad += [(html.name, u) for u in parser.urls if _external(u)]
    for css in root.rglob("*.css"):
        for m in CSS_URL.finditer(css.read_text(encoding="utf-8")):
            url = m.group(1) or m.group(2)
            if _external(url):
                bad.append((css.name, url))
    assert bad == []


def test_the_scan_would_catch_a_cdn_script(tmp_path):
    parser = _Resources()
    parser.feed('<script src="https://unpkg.com/iframe-worker/shim"></script><link rel="stylesheet" href="a.css">')
    assert [u for u in parser.urls if _external(u)] == ["https://unpkg.com/iframe-worker/shim"]


def test_key_figures_page(seed_site):
    page = (seed_site / "site" / "so-lieu" / SEED_SLUG / "index.html").read_text(encoding="utf-8")
    for text in ("Tổ chức cơ sở đảng trực thuộc", "6.576", "86/150", "Xếp loại chất lượng",
                 "Chỉ tiêu năm tới và kết quả năm nay", "95%", "85,7%", "79,7"):
        assert text in page, text
    assert f'href="../../bao-cao/{SEED_SLUG}/#p-i-2-2-11"' in page
    assert page.count("<svg viewBox") >= 3 and "http" not in page.split("<svg viewBox")[1].split("</svg>")[0]
    row = re.search(r"Kết nạp đảng viên mới</td>\s*<td>(.*?)</td>\s*<td>(.*?)</td>", page, re.DOTALL)
    assert row and "150" in row.group(1) and "86/150" in row.group(2)


def test_the_paragraph_link_copies_without_a_secure_context(online):
    """An intranet on plain http (no secure context, no clipboard API): ¶ still copies, and says
    what it copied."""
    base, page = online
    page.goto(f"{base}bao-cao/{SEED_SLUG}/")
    page.evaluate("Object.defineProperty(window, 'isSecureContext', {value: false})")
    page.evaluate("navigator.clipboard.writeText('')")
    link = page.locator(f"#{PARAGRAPH} a.vb-para-link")
    link.click()
    assert page.evaluate("navigator.clipboard.readText()") == f"{base}bao-cao/{SEED_SLUG}/#{PARAGRAPH}"
    assert link.get_attribute("data-vb-copied") == f"Đã sao chép liên kết: #{PARAGRAPH}"


@pytest.mark.parametrize("selector", ["a.vb-para-link", "a.vb-flag", "a.footnote-ref"])
def test_tap_targets_are_at_least_24_px(online, selector):
    base, page = online
    page.set_viewport_size({"width": 390, "height": 800})
    try:
        page.goto(f"{base}bao-cao/{SEED_SLUG}/")
        box = page.locator(selector).first.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, box
    finally:
        page.set_viewport_size({"width": 1280, "height": 900})


def test_key_figures_say_one_percentage_in_vietnamese_numbers(seed_site):
    """The bar's legend gives counts, the table the report's own percentages: one percentage per
    figure; every count of four digits or more has its thousands dot."""
    from htmltext import page_text

    html = (seed_site / "site" / "so-lieu" / SEED_SLUG / "index.html").read_text(encoding="utf-8")
    legends = re.findall(r'<ul class="vb-legend">(.*?)</ul>', html, re.DOTALL)
    assert legends and not any("%" in legend for legend in legends)
    main, _ = page_text(html)
    counts = re.findall(r"(?<![\d.,/])\d{4,}(?![\d.,/%])", main)
    assert [c for c in counts if not 1900 <= int(c) <= 2100] == []  # years aside
    titles = re.findall(r"<rect [^>]*><title>[^<:]*: ([^<]*)</title>", html)
    assert titles and all(re.fullmatch(r"\d{1,3}(\.\d{3})*", t) for t in titles), titles


def test_a_wrong_figure_says_so_and_links_its_finding(seed_site, browser):
    """Beside a percentage the checks prove wrong: the right one and a link that lands on the
    finding that states it; the checks page itself is a link."""
    from browser import served_page

    html = (seed_site / "site" / "so-lieu" / SEED_SLUG / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="\.\./\.\./kiem-tra/[^"]+/">Kiểm tra dữ liệu</a>', html)
    notes = re.findall(r'<td[^>]*>([^<]*)<a class="vb-figure-note" href="\.\./\.\./kiem-tra/[^"#]+/#(kt-\d+)">⚑ sai, đúng ra ([^<]+)</a>',
                       html)
    assert notes, "no figure marked wrong on the seed's key figures"
    checks = (seed_site / "site" / "kiem-tra" / SEED_SLUG / "index.html").read_text(encoding="utf-8")
    for stated, anchor, expected in notes:
        finding = checks[checks.index(f'id="{anchor}"'):]
        finding = finding[:finding.index("</p>")]
        assert f"Báo cáo ghi: {stated.strip()}" in finding and f"Đúng ra: {expected}" in finding, finding
    with served_page(browser, seed_site / "site") as (base, page):
        page.goto(f"{base}so-lieu/{SEED_SLUG}/")
        page.click("a.vb-figure-note >> nth=0")
        page.wait_for_url(lambda url: "/kiem-tra/" in url and "#kt-" in url)
        target = page.url.split("#")[1]
        assert page.locator(f"#{target}").is_visible()
