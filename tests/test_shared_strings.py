"""Equal strings made one object across documents' work (vanban.shared_strings), and the
model's dataclasses pickled as tuples (vanban.model.Packed): values, order and equality kept."""

from __future__ import annotations

import pickle
from dataclasses import dataclass, fields

import pytest

from vanban.check.models import Finding
from vanban.cite.models import Citation, Conflict, Directive
from vanban.model import Block, Footnote, FootnoteRef, Mark, Packed
from vanban.render.report_page import Link
from vanban.shared_strings import share_strings


def fresh(text: str) -> str:
    """An equal string that is a new object (as one unpickled from another process)."""
    return "".join(list(text))


@dataclass
class Plain:  # a dataclass of the pipeline's own (not Packed), holding the model's
    name: str
    items: list
    pair: tuple
    by_key: dict
    inner: object = None


@pytest.mark.parametrize("make, reach", [
    (lambda s: [s("TW"), s("TU")], lambda o: o),
    (lambda s: {s("TW"): s("Trung ương"), s("TU"): s("Tỉnh ủy")}, lambda o: [*o, *o.values()]),
    (lambda s: Citation("full", s("05-CT/TW"), 0, 8, s("p-1"), 1, issuer=s("TW")),
     lambda o: [o.raw, o.container, o.issuer]),
    (lambda s: Link(0, 3, s("../van-ban/x.md"), s("Chỉ thị số 05")), lambda o: [o.target, o.title]),
    (lambda s: Plain(s("a"), [s("TW"), (s("TU"), 1)], (s("TW"), None), {s("k"): [s("TW")]},
                     Finding(s("k"), "error", s("r"), s("p-1"), s("q"), s("m"))),
     lambda o: [o.name, o.items[0], o.items[1][0], o.pair[0], *o.by_key, o.by_key["k"][0], o.inner.kind,
                o.inner.report]),
])
def test_equal_strings_become_one_object(make, reach):
    """Two documents' equal work: after sharing, the second holds the first's strings, and each
    is still equal to what it was (a dict keeps its order, a frozen dataclass its fields)."""
    table: dict[str, str] = {}
    first, second, reference = make(fresh), make(fresh), make(fresh)
    share_strings(first, table)
    share_strings(second, table)
    assert first == reference and second == reference
    if isinstance(reference, dict):
        assert list(second) == list(reference)
    pairs = list(zip(reach(first), reach(second)))
    assert pairs and all(a is b for a, b in pairs)


def test_a_string_met_twice_in_one_object_is_shared_too():
    table: dict[str, str] = {}
    block = Block("paragraph", fresh("Nội dung"), fresh("p-1"), 3, section=fresh("p-1"))
    share_strings(block, table)
    assert block.anchor is block.section and table == {"paragraph": "paragraph", "Nội dung": "Nội dung", "p-1": "p-1"}


SAMPLES = [
    Citation("full", "Chỉ thị số 05-CT/TW", 3, 22, "p-i-1", 7, type="Chỉ thị", symbol="05-CT/TW",
             title_span=(1, 2), directive="chi-thi-05"),
    Directive("chi-thi-05", "Chỉ thị", "05", "05-CT/TW", "Bộ Chính trị", "Trung ương", aliases=["CT05"],
              marks=[Mark("internal", "Lưu hành nội bộ", "LƯU HÀNH NỘI BỘ", 2, "text")], relations={"thay-the": ["x"]}),
    Conflict("date", "chi-thi-05", "hai ngày", "bao-cao", ["p-1"]),
    Finding("sum", "error", "bao-cao", "p-1", "12 + 3 = 16", "Tổng sai", expected="15", stated="16", line=4),
    Link(1, 5, "../van-ban/x.md", "Chỉ thị"),
    Mark("secret", "Mật", "MẬT", 1, "sidecar", file="bao-cao.yml"),
    Block("paragraph", "Nội dung¹", "p-1", 4, section="I", refs=[FootnoteRef(8, 1)], rows=[["a", "b"]]),
    Footnote(1, "Chú thích", 12),
]


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda s: type(s).__name__)
def test_the_model_pickles_as_a_tuple_and_back(sample):
    assert isinstance(sample, Packed) and not hasattr(sample, "__dict__")
    data = pickle.dumps(sample, protocol=pickle.HIGHEST_PROTOCOL)
    back = pickle.loads(data)
    assert back == sample and type(back) is type(sample)
    assert all(getattr(back, f.name) == getattr(sample, f.name) for f in fields(sample))
    names = [f.name for f in fields(sample) if len(f.name) > 4]
    assert not any(name.encode() in data for name in names)  # values only, no field names
