"""Load small YAML data files with line numbers, so that every data error names file and line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from vanban.errors import VanbanError


# libyaml's parser when PyYAML has it (its wheels do): several times faster than pure Python.
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_package_data(path: Path) -> Any:
    """One of vanban's own data files (patterns, rules, vocabularies), trusted and small."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=FAST_LOADER)


class LineLoader(FAST_LOADER):
    """A safe loader (libyaml's when present) that records the line of every mapping in `__line__`."""


def _construct_mapping(loader: LineLoader, node: yaml.MappingNode) -> dict:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise VanbanError(f"khóa {key!r} bị lặp", loader.name, key_node.start_mark.line + 1)
        seen[key] = key_node.start_mark.line + 1
    mapping = loader.construct_mapping(node)
    mapping["__line__"] = node.start_mark.line + 1
    mapping["__lines__"] = seen
    return mapping


LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(path: Path, label: str | Path | None = None) -> Any:
    """Parse `path`; mappings carry `__line__` and `__lines__` (key → line) for error messages.

    `label` is how messages name the file (default: the path).
    """
    label = label or path
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise VanbanError("không thấy tệp", label) from None
    except UnicodeDecodeError as exc:
        raise VanbanError(f"không phải văn bản UTF-8 (byte ở vị trí {exc.start}); hãy lưu lại dạng UTF-8", label) from None
    except OSError as exc:
        raise VanbanError(f"không đọc được: {exc.strerror}", label) from None
    loader = LineLoader(text)
    loader.name = str(label)
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        context = ""
        if exc.context and exc.context_mark and exc.context_mark.line + 1 != line:
            context = f" ({exc.context} from line {exc.context_mark.line + 1})"
        raise VanbanError(f"YAML sai: {exc.problem or exc.context}{context}", label, line) from None
    except yaml.YAMLError as exc:
        raise VanbanError(f"YAML sai: {exc}", label) from None
    finally:
        loader.dispose()


def check_keys(mapping: dict, allowed: set[str], path: Path, what: str) -> None:
    """Reject unknown keys, naming the line of the first one."""
    for key, line in mapping.get("__lines__", {}).items():
        if key not in allowed:
            known = ", ".join(sorted(allowed))
            raise VanbanError(f"trường {key!r} không có trong {what} (các trường: {known})", path, line)


def key_line(mapping: dict, key: str) -> int | None:
    """The line of `key` in a mapping loaded by `load_yaml`, or of the mapping itself."""
    return mapping.get("__lines__", {}).get(key, mapping.get("__line__"))
