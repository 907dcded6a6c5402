"""Robustness and safety: no input crashes the pipeline, loses words, or injects into the site."""

from __future__ import annotations

import os
import random
import signal
from collections import Counter
from dataclasses import replace
import subprocess
import sys
import time
from pathlib import Path

from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SEED, make_project, run_vanban, message_lines
from fuzz.mutations import MUTATIONS, many_footnotes
from fuzz.oracle import WORD, html_words, lost_words, rendered_html
from vanban.check import check_report
from vanban.cite import extract_citations
from vanban.errors import VanbanError
from vanban.read import read_report
from vanban.render.report_page import render_report

SEED_TEXT = SEED.read_text(encoding="utf-8")
PROPERTY = settings(max_examples=40, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

# Text that looks like a report: headings, bullets, footnote syntax, markup, Vietnamese.
PIECES = st.sampled_from([
    "I. KẾT QUẢ", "1. Mục", "1.1. Tiểu mục", "- gạch", "+ cộng", "***", "BÁO CÁO", "-----", "[footnoteRef:2]",
    "[2: thân chú thích]", "[3:", "]", "[", "“", "”", '"', "Nghị quyết số 35-NQ/TW ngày 22/10/2018",
    "chiếm 85,7%", "42/49", "<script>", "*x*", "_y_", "`z`", "{: .c }", "*[TW]: x", "[^1]:", "--8<--", "|",
    "Đảng", "đảng viên", "\n", " ", "\t", "Ð", "ð", "1.", "#", ">", "&amp;", "{{ x }}", "%",
])
REPORT_TEXT = st.lists(st.one_of(PIECES, st.text(min_size=1, max_size=12)), min_size=1, max_size=60).map("".join)


def _pipeline(tmp_path: Path, text: str):
    """Read, extract, check and render one text; only VanbanError may stop it."""
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        report = read_report(path, slug="r")
    except VanbanError:
        return None, None
    index = extract_citations([report], tmp_path)
    check_report(report, index)
    return report, render_report(report)


@PROPERTY
@given(text=REPORT_TEXT)
def test_arbitrary_text_never_crashes_and_loses_no_word(tmp_path_factory, text):
    tmp = tmp_path_factory.mktemp("prop")
    report, page = _pipeline(tmp, text)
    if report is None:
        return
    assert not lost_words(text, page)


@PROPERTY
@given(seed=st.integers(0, 2**32 - 1), which=st.lists(st.sampled_from(MUTATIONS), min_size=1, max_size=3))
def test_mutations_of_the_seed_never_crash_and_lose_no_word(tmp_path_factory, seed, which):
    rng = random.Random(seed)
    text = SEED_TEXT
    for mutate in which:
        text = mutate(text, rng)
    report, page = _pipeline(tmp_path_factory.mktemp("mut"), text)
    if report is not None:
        assert not lost_words(text, page)


@PROPERTY
@given(text=REPORT_TEXT)
def test_rendering_then_reading_the_text_is_stable(tmp_path_factory, text):
    """Each block's words, rendered and read back from the HTML, are exactly the block's words."""
    report, _ = _pipeline(tmp_path_factory.mktemp("stable"), text)
    if report is None:
        return
    for block in report.blocks:
        alone = replace(report, header=[], blocks=[replace(block, refs=[])], footnotes=[])
        shown = html_words(rendered_html(render_report(alone))) - html_words(rendered_html(
            render_report(replace(report, header=[], blocks=[], footnotes=[]))))
        expected = Counter(WORD.findall(((block.number or "") + " " if block.kind == "heading" else "") + block.text))
        assert shown == expected, block


def test_ten_thousand_footnotes(tmp_path):
    text = many_footnotes(SEED_TEXT, random.Random(1))
    report, page = _pipeline(tmp_path, text)
    assert len(report.footnotes) >= 10_000
    assert not lost_words(text, page)


INJECTIONS = [
    "<script>alert('x')</script>", "<img src=x onerror=alert(1)>", "<iframe src=javascript:alert(1)></iframe>",
    "[bấm](javascript:alert(1))", "![](http://evil.invalid/a.png)", "[^1]: chú thích giả", "---",
    "title: giả", "# Tiêu đề giả", "| a | b |", "|---|---|", "{: .evil onclick=alert(1) }", "--8<-- \"mkdocs.yml\"",
    "*[TW]: giả mạo", "{{ config }}", "{% include 'x' %}", "<!-- bình luận -->", "&lt;b&gt;", "<style>*{}</style>",
]


def test_injection_renders_literally_and_adds_no_element(tmp_path):
    body = "\n".join(f"Đoạn {i}: {s}" for i, s in enumerate(INJECTIONS)) + "\n"
    root = make_project(tmp_path, {"x.txt": "BÁO CÁO\n<b>tiêu đề</b>\n-----\n" + body,
                                   "x.yml": 'title: "<script>alert(9)</script>"\ncommittee: "<img src=y onerror=z>"\n'})
    (root / "data" / "directives.yml").write_text(
        '- id: chi-thi-01-ct-tw-2020\n  type: Chỉ thị\n  number: "01"\n  symbol: 01-CT/TW\n  issuer: "<b>BCT</b>"\n'
        '  level: Trung ương\n  date: 2020-01-01\n  title: "<script>alert(7)</script>\\" onmouseover=\\"x"\n'
        '  note: "[x](javascript:alert(1))"\n', encoding="utf-8")
    (root / "data" / "glossary.yml").write_text('- {abbr: TW, full: "\\"><script>alert(5)</script>"}\n',
                                                encoding="utf-8")
    (root / "data" / "reports" / "x.txt").write_text(
        (root / "data" / "reports" / "x.txt").read_text(encoding="utf-8") + "Theo Chỉ thị số 01-CT/TW ngày 01/01/2020.\n",
        encoding="utf-8")
    result = run_vanban("--root", str(root), "build")
    assert result.returncode == 0, result.stderr
    for page in (root / "site").rglob("*.html"):
        tags = _Tags()
        tags.feed(page.read_text(encoding="utf-8"))
        assert tags.bad == [], page
    import html as h

    visible = h.unescape((root / "site" / "bao-cao" / "x" / "index.html").read_text(encoding="utf-8"))
    for text in INJECTIONS[:4]:
        assert text in visible


class _Tags(HTMLParser):
    """Elements and attributes no input may create: scripts other than the site's own (every
    payload above calls alert), inline handlers, javascript: URLs, tags the pages never use."""

    ALLOWED_SCRIPTS = ("assets/javascripts/", "search/search_index.js")

    def __init__(self) -> None:
        super().__init__()
        self.bad: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("iframe", "object", "embed", "style", "img", "b"):
            self.bad.append(f"<{tag}>")
        if tag == "script" and a.get("src") and not any(s in a["src"] for s in self.ALLOWED_SCRIPTS):
            self.bad.append(f"<script {a}>")
        self.in_script = tag == "script" and not a.get("src")
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith("javascript:"):
                self.bad.append(f"{tag} {name}={value}")
            if name == "class" and "evil" in (value or ""):
                self.bad.append(f"{tag} class={value}")

    def handle_data(self, data):
        if self.in_script and "alert" in data:
            self.bad.append(f"<script>{data[:40]}")

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = False


@pytest.mark.parametrize(
    "name, content, needles",
    [
        ("tcvn3.txt", "Céng hoµ x· héi chñ nghÜa ViÖt Nam §¶ng bé tØnh ®¶ng viªn".encode("latin-1"), ("TCVN3",)),
        ("cp1258.txt", b"\xd0a\xd2ng b\xf4\xf2 t\xecnh, \xf0a\xd2ng vi\xean, \xf0\xf4\xccng ch\xec\xf2",
         ("Windows-1258",)),
        ("vni.txt", "Ñaûng boä tænh Quaûng Trò, ñaûng vieân, Vieät Nam".encode("latin-1"), ("VNI",)),
        ("mojibake.txt", "Céng hoµ x· héi chñ nghÜa ViÖt Nam §¶ng bé tØnh ®¶ng viªn ®ång chÝ".encode("utf-8"),
         ("TCVN3", "phông Unicode")),
    ],
)
def test_legacy_encodings_are_named(tmp_path, name, content, needles):
    path = tmp_path / name
    path.write_bytes(content)
    result = run_vanban("parse", str(path), "--json")
    assert result.returncode == 1 and "internal error" not in result.stderr
    assert len(message_lines(result.stderr)) == 1
    for needle in needles:
        assert needle in result.stderr


def test_huge_file_dangling_link_and_directory_report(tmp_path):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as f:
        f.seek(25_000_000)
        f.write(b"x")
    result = run_vanban("parse", str(huge), "--json")
    assert result.returncode == 1 and "tệp quá lớn" in result.stderr
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "nowhere.txt")
    result = run_vanban("parse", str(link), "--json")
    assert result.returncode == 1 and "không thấy tệp" in result.stderr
    (tmp_path / "p").mkdir()
    root = make_project(tmp_path / "p", {"a.txt": "BÁO CÁO\nthử\n-----\nĐoạn.\n"})
    (root / "data" / "reports" / "thu-muc.txt").mkdir()
    result = run_vanban("--root", str(root), "build")
    assert result.returncode == 1 and "thu-muc.txt" in result.stderr and "thư mục" in result.stderr
    assert "internal error" not in result.stderr


def test_a_report_without_headings_builds(tmp_path):
    root = make_project(tmp_path, {"a.txt": "Một đoạn văn không có tiêu đề nào.\nĐoạn thứ hai.\n"})
    result = run_vanban("--root", str(root), "build")
    assert result.returncode == 0, result.stderr


def test_an_interrupted_build_leaves_docs_and_site_as_they_were(tmp_path):
    root = make_project(tmp_path, {"a.txt": "BÁO CÁO\nthử\n-----\nĐoạn.\n"}, seed=True)
    assert run_vanban("--root", str(root), "build").returncode == 0
    before = {p: p.read_bytes() for p in sorted(root.glob("site/**/*")) if p.is_file()}
    docs = {p: p.read_bytes() for p in sorted(root.glob("docs/**/*")) if p.is_file()}
    (root / "data" / "reports" / "b.txt").write_text("BÁO CÁO\nmới\n-----\nĐoạn mới.\n", encoding="utf-8")
    # Ctrl-C at a terminal: SIGINT with its default action, even where the tests run in the
    # background of a shell (whose commands inherit SIGINT ignored).
    proc = subprocess.Popen([sys.executable, "-m", "vanban", "--root", str(root), "build"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.time() + 60
    while time.time() < deadline and not list((root / ".vanban").glob("stage-*/site")):
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode != 0 and "internal error" not in err
    assert {p: p.read_bytes() for p in sorted(root.glob("site/**/*")) if p.is_file()} == before
    assert {p: p.read_bytes() for p in sorted(root.glob("docs/**/*")) if p.is_file()} == docs
    assert not list((root / ".vanban").glob("stage-*"))


def _running_under(folder: Path) -> list[str]:
    """The command lines of processes still running on anything under `folder`."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            args = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            continue
        if str(folder) in args:
            found.append(args)
    return found


def test_ctrl_c_while_pagefind_indexes_stops_it(tmp_path, monkeypatch):
    """Ctrl-C while the build waits for a shard's Pagefind: no Pagefind is left running once the
    index stage has given up, so nothing writes into a staging folder that is being removed."""
    from vanban.search import pagefind

    root = make_project(tmp_path, seed=True)
    assert run_vanban("--root", str(root), "build").returncode == 0

    def ctrl_c(shard, stop=None):
        while not _running_under(shard.folder):
            time.sleep(0.01)
        raise KeyboardInterrupt

    monkeypatch.setattr(pagefind._Shard, "finish", ctrl_c)
    with pytest.raises(KeyboardInterrupt):
        pagefind.index_site(root / "site")
    assert not _running_under(tmp_path), _running_under(tmp_path)


def test_a_server_that_stops_stops_its_index_rebuild(tmp_path):
    """`vanban serve` stopping while the search index is rebuilt in the background: the plugin's
    shutdown stops the rebuild, no Pagefind is left running or folder of its input left, and the
    served index is not replaced."""
    from vanban.search.plugin import SearchFolding

    root = make_project(tmp_path, seed=True)
    assert run_vanban("--root", str(root), "build").returncode == 0
    shards = root / "site" / "pagefind" / "shards.json"
    served = shards.stat().st_ino
    plugin = SearchFolding()
    plugin.load_config({})
    plugin.on_startup(command="serve", dirty=True)
    plugin._reindex_in_background(root / "site")
    deadline = time.time() + 60
    while time.time() < deadline and not _running_under(tmp_path):
        time.sleep(0.01)
    assert _running_under(tmp_path), "Pagefind did not start"
    plugin.on_shutdown()
    assert not plugin._indexer.is_alive()
    assert not _running_under(tmp_path), _running_under(tmp_path)
    assert not list(root.glob("pagefind-*"))
    assert shards.stat().st_ino == served


def test_ctrl_c_as_the_engine_ends_is_still_an_interruption(tmp_path, monkeypatch):
    """Ctrl-C that lands once the engine has ended and been reaped (its process group gone) is
    still reported as an interruption, not as an internal error about the missing group."""
    import vanban.site

    pid_file = tmp_path / "engine.pid"
    engine = f"import os, time; open({str(pid_file)!r}, 'w').write(str(os.getpid())); time.sleep(0.3)"
    monkeypatch.setattr(vanban.site, "engine_command", lambda name: [sys.executable, "-c", engine])
    monkeypatch.setattr(vanban.site, "PROGRESS_EVERY", 0.05)

    def ctrl_c_once_ended():
        while not pid_file.exists() or not pid_file.read_text():
            time.sleep(0.01)
        os.waitpid(int(pid_file.read_text()), 0)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        vanban.site.run_mkdocs(tmp_path / "mkdocs.yml", 0, cwd=tmp_path, meanwhile=ctrl_c_once_ended)


def test_the_oracle_catches_a_reader_that_drops_a_letter(tmp_path, monkeypatch):
    """The oracle shares no code with the reader: a reader whose display form deletes every "ư"
    loses words, and the oracle says which."""
    import vanban.normalize
    import vanban.read

    text = "BÁO CÁO\nthử\n-----\nI. KẾT QUẢ\nCông tác tư tưởng của Thường vụ được tăng cường.\n"
    report, page = _pipeline(tmp_path, text)
    assert not lost_words(text, page)
    broken = lambda s: vanban.normalize.display(s).replace("ư", "")  # noqa: E731
    monkeypatch.setattr(vanban.read, "display", broken)
    report, page = _pipeline(tmp_path, text)
    assert {"tư", "tưởng", "Thường"} <= set(lost_words(text, page)), lost_words(text, page)
