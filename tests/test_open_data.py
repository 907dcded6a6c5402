"""Open data (`du-lieu/`): the files are in the built site, each valid against its JSON Schema,
and they hold the same rows as `vanban citations` and `vanban check`, each URL landing on an
element of the built page."""

from __future__ import annotations

import csv
import html
import io
import json
import re

import pytest

from conftest import SEED_SLUG, run_vanban

FILES = ["bao-cao", "van-ban", "trich-dan", "so-lieu", "kiem-tra"]


def _load(seed_site, name):
    return json.loads((seed_site / "site" / "du-lieu" / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", FILES)
def test_each_file_is_valid_against_its_schema(seed_site, name):
    import jsonschema

    data, schema = _load(seed_site, f"{name}.json"), _load(seed_site, f"{name}.schema.json")
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(data)
    assert data, name


def test_the_schemas_can_fail(seed_site):
    import jsonschema

    schema = _load(seed_site, "trich-dan.schema.json")
    row = dict(_load(seed_site, "trich-dan.json")[0], kind="made-up")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([row], schema)


def test_citations_are_those_of_vanban_citations(seed_site):
    result = run_vanban("--root", str(seed_site), "citations",
                        str(seed_site / "data" / "reports" / f"{SEED_SLUG}.txt"))
    cli = json.loads(result.stdout)
    rows = [r for r in _load(seed_site, "trich-dan.json") if r["document"] == SEED_SLUG]
    assert [(r["anchor"], r["raw"], r["directive"], r["pin"]) for r in rows] == \
        [(c["container"], c["raw"], c["directive"], c["pin"]) for c in cli]
    raw = (seed_site / "site" / "du-lieu" / "trich-dan.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with its byte order mark
    table = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert list(table[0])[:3] == ["Văn bản trích dẫn (mã)", "Loại (report: báo cáo, directive: văn bản)", "Đoạn (mã)"]
    assert [(t["Văn bản trích dẫn (mã)"], t["Đoạn (mã)"], t["Nguyên văn"]) for t in table] == \
        [(r["document"], r["anchor"], r["raw"]) for r in _load(seed_site, "trich-dan.json")]


def test_findings_are_those_of_vanban_check(seed_site):
    result = run_vanban("--root", str(seed_site), "check", SEED_SLUG, "--json")
    cli = json.loads(result.stdout)
    rows = _load(seed_site, "kiem-tra.json")
    assert [(r["kind"], r["anchor"], r["message"]) for r in rows] == [(f["kind"], f["anchor"], f["message"]) for f in cli]


@pytest.mark.parametrize("name", ["trich-dan", "so-lieu", "kiem-tra"])
def test_every_url_lands_on_an_element_of_its_page(seed_site, name):
    pages = {}
    for row in _load(seed_site, f"{name}.json"):
        path, _, anchor = row["url"].partition("#")
        if path not in pages:
            pages[path] = (seed_site / "site" / path / "index.html").read_text(encoding="utf-8")
        assert f'id="{anchor}"' in pages[path], row["url"]


def test_the_home_page_links_the_data(seed_site):
    home = (seed_site / "site" / "index.html").read_text(encoding="utf-8")
    linked = set(re.findall(r'href="(du-lieu/[^"]*)"', home))
    assert linked == {f"du-lieu/{n}.json" for n in FILES} | {"du-lieu/trich-dan.csv", "du-lieu/"}
    assert all((seed_site / "site" / link).is_file() or (seed_site / "site" / link / "index.html").is_file()
               for link in linked)


def test_the_data_folder_has_a_page_that_says_what_each_file_holds(seed_site):
    """`du-lieu/` is a page (not the server's directory listing): every file linked with its
    schema, its count of rows and its first row, as the file has it."""
    page = (seed_site / "site" / "du-lieu" / "index.html").read_text(encoding="utf-8")
    for name in FILES:
        assert f'href="{name}.json"' in page and f'href="{name}.schema.json"' in page
    text = html.unescape(re.sub(r"<[^>]+>", "", page))
    rows = _load(seed_site, "trich-dan.json")
    assert f'"raw": "{rows[0]["raw"]}"' in text  # the first row, as the file has it
    assert f"| {len(rows)} |" in text or f"{len(rows)}" in re.findall(r"<td[^>]*>(\d+)</td>", page)
    reports = _load(seed_site, "bao-cao.json")
    assert [r["id"] for r in reports] == [SEED_SLUG] and reports[0]["date"] == "2021-01"
