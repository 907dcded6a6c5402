"""The citation finder on real texts read by hand (benchmarks/citation_gold.yml): recall,
precision and fields at the targets of issue 14 (and of issue 34 on office files). The measure is benchmarks/citation_accuracy.py,
which runs `vanban citations` and shares no code with the finder."""

from __future__ import annotations

import importlib.util
import shutil

import pytest
import yaml

from conftest import REPO, corpus

SPEC = importlib.util.spec_from_file_location("citation_accuracy", REPO / "benchmarks" / "citation_accuracy.py")
accuracy = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(accuracy)


@pytest.fixture(scope="module", params=["extra", "office"])
def measured(request):
    """The report-like texts, then the office files (issue 34: PDFs read by OCR need Tesseract)."""
    corpus(request.param)  # the texts the gold list was read from
    if request.param == "office" and not (shutil.which("tesseract") and shutil.which("pdftoppm")):
        pytest.skip("the office PDFs are read by OCR: needs tesseract-ocr, tesseract-ocr-vie and poppler-utils")
    gold = yaml.safe_load(accuracy.GOLD.read_text(encoding="utf-8"))
    return accuracy.measure({name: entries for name, entries in gold.items()
                             if name.startswith("office/") == (request.param == "office")})


def test_recall_precision_and_fields_on_texts_read_by_hand(measured):
    assert measured["recall"] >= 0.93, measured["per_text"]
    assert measured["precision"] >= 0.97, measured["per_text"]
    assert measured["field_accuracy"] >= 0.95


def test_the_measure_sees_a_miss_and_an_extra():
    """The oracle itself: a listed mention nothing matches is a miss, an unlisted find an extra."""
    entry = {"line": 1, "core": "Nghị định số 116/2007/NĐ-CP"}
    assert accuracy._matches(entry, {"raw": "Nghị định số 116/2007/NĐ-CP của Chính phủ"})
    assert accuracy._matches(entry, {"raw": "116/2007/NĐ-CP"})
    assert not accuracy._matches(entry, {"raw": "Nghị định số 117/2007/NĐ-CP"})
    assert accuracy._matches({"line": 1, "core": "Chỉ thị số 19-CT / TU"}, {"raw": "Chỉ thị số 19-CT/TU ngày 31/12/2009"})
