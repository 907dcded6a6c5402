"""Helpers for real-browser tests: serve a built site on 127.0.0.1, drive Debian's chromium."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync", "--disable-quic"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


class _Server(http.server.ThreadingHTTPServer):
    """A listen backlog for a browser's bursts of parallel requests (the default is 5)."""

    request_queue_size = 128

    def handle_error(self, request, client_address) -> None:
        """A browser closing a connection mid-answer (a page left) is no error of the site."""
        import sys

        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


@contextmanager
def _served(handler):
    """Run an HTTP server with `handler` on a free loopback port; yields its root URL (no slash)."""
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class _OpenHandler(_QuietHandler):
    """Lets pages of other origins read the files (CORS), as a site searched by others must."""

    def end_headers(self) -> None:
        self.send_header("Access-Control-Allow-Origin", "*")
        super().end_headers()


@contextmanager
def serve(folder: Path, cors: bool = False):
    """Serve `folder` on a free loopback port; yields the base URL."""
    with _served(functools.partial(_OpenHandler if cors else _QuietHandler, directory=str(folder))) as root:
        yield root + "/"


class _SubPathHandler(_QuietHandler):
    """Serves the site under PREFIX and answers a missing page with its 404.html, as nginx's
    `error_page 404` does."""

    prefix = "/"

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "no-such-file")
        return super().translate_path("/" + path[len(self.prefix):])

    def send_error(self, code, message=None, explain=None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve_under(folder: Path, prefix: str):
    """Serve `folder` at `prefix` (such as /vanban/) on a free loopback port; yields the
    server's root URL (the site is at root + prefix)."""
    handler = functools.partial(type("Handler", (_SubPathHandler,), {"prefix": prefix}), directory=str(folder))
    with _served(handler) as root:
        yield root


@contextmanager
def served_page(browser, folder: Path):
    """Serve `folder` and open one page for it: yields (base URL, page)."""
    with serve(folder) as base:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        try:
            yield base, page
        finally:
            page.close()


@contextmanager
def chromium():
    """A headless Debian chromium under Playwright; never downloads a browser."""
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium")
    assert executable, "Debian's chromium is not installed (apt-get install chromium)"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def search(page, base: str, query: str, timeout: float = 15000) -> list[dict]:
    """Type `query` into Material's search on the home page; return the results shown, each
    with `href` relative to the site root (no highlight query) and its `text`."""
    page.goto(base)
    box = page.locator("input[data-md-component=search-query]")
    box.click()
    page.wait_for_function(  # the index is loaded when the placeholder replaces "Initializing"
        "() => /Nhập để/.test(document.querySelector('.md-search-result__meta').textContent)", timeout=timeout)
    box.fill(query)
    box.press("End")  # Material reacts to key events, not to fill() alone
    page.wait_for_function(
        "() => { const m = document.querySelector('.md-search-result__meta');"
        " return m && m.textContent.trim() !== '' && !/Initializing|Nhập để/.test(m.textContent); }",
        timeout=timeout,
    )
    page.wait_for_timeout(150)
    found = page.eval_on_selector_all(
        ".md-search-result__item > .md-search-result__link",
        "els => els.map(e => ({href: e.href, text: e.textContent}))",
    )
    for result in found:
        url = urlsplit(result["href"])
        result["href"] = url.path.lstrip("/") + (f"#{url.fragment}" if url.fragment else "")
    return found


# WCAG 2.1 A and AA: the rules axe-core runs on each page.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def serious_violations(page) -> list[tuple]:
    """axe-core's serious or critical WCAG 2.1 AA violations on the page open in `page`:
    (rule, number of nodes, first node), none if the page passes."""
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return [(v["id"], len(v["nodes"]), v["nodes"][0]["target"]) for v in result.response["violations"]
            if v["impact"] in ("serious", "critical")]
