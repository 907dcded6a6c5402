"""Equal strings made one object across the documents' work. Each document is processed on its
own (often in another process), so the same words, symbols, rule names and messages arrive as
separate strings per document: at 1 000 reports 2.5 million strings of 0.45 million values, in
memory and in the state a build keeps (vanban.state), where the pickler spends time and memory
on each."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from operator import attrgetter

# Each type met: a dataclass's field names and a getter of their values, or None.
_FIELDS: dict[type, tuple[tuple[str, ...], Callable] | None] = {}


def share_strings(root: object, table: dict[str, str]) -> None:
    """Replace, in place, every string held by `root`'s dataclasses, lists, dicts and tuples with
    the equal string `table` already has (adding those it lacks). Values stay equal, order too."""
    seen: set[int] = set()
    todo: list = []
    _shared(root, table, todo)
    setdefault, setattr_ = table.setdefault, object.__setattr__
    while todo:
        obj = todo.pop()
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        kind = type(obj)
        if kind is list:
            for i, value in enumerate(obj):
                obj[i] = setdefault(value, value) if type(value) is str else _shared(value, table, todo)
        elif kind is dict:
            items = [(_shared(k, table, todo), _shared(v, table, todo)) for k, v in obj.items()]
            obj.clear()
            obj.update(items)
        else:
            names, get = _FIELDS[kind]
            for name, value in zip(names, get(obj)):
                value_kind = type(value)
                if value_kind is str:
                    new = setdefault(value, value)
                elif value is None or value_kind is int or value_kind is bool:
                    continue
                else:
                    new = _shared(value, table, todo)
                if new is not value:
                    setattr_(obj, name, new)


def _shared(value: object, table: dict[str, str], todo: list) -> object:
    """The shared form of one value: a string from the table, a tuple rebuilt around shared
    strings; a list, dict or dataclass is queued to be walked."""
    kind = type(value)
    if kind is str:
        return table.setdefault(value, value)
    if kind is tuple:
        new = tuple(_shared(v, table, todo) for v in value)
        return value if all(a is b for a, b in zip(new, value)) else new
    if kind is list or kind is dict or _is_dataclass(kind):
        todo.append(value)
    return value


def _is_dataclass(kind: type) -> bool:
    """Whether `kind` is a dataclass with fields (their names and a getter of all their values
    are kept in _FIELDS)."""
    if kind not in _FIELDS:
        names = tuple(f.name for f in dataclasses.fields(kind)) if dataclasses.is_dataclass(kind) else ()
        if len(names) == 1:  # attrgetter of one name gives the value, not a tuple of one
            _FIELDS[kind] = (names, lambda obj, name=names[0]: (getattr(obj, name),))
        else:
            _FIELDS[kind] = (names, attrgetter(*names)) if names else None
    return _FIELDS[kind] is not None
