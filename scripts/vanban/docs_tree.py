"""Keep generated pages apart from hand-written ones in docs/, and write only what changed.

A manifest (`docs/.vanban-generated.json`) lists the pages vanban wrote; a hand-written page is
never overwritten or removed, and a generated page that no report produces any more is removed.
From the same list, `docs/.gitignore` keeps every generated page out of git: whatever path a
new version generates is ignored by construction, and a clean clone holds no generated page.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Mapping
from pathlib import Path

from vanban.errors import VanbanError
from vanban.hardlink import link_or_copy
from vanban.render.page import GENERATED_KEY

MANIFEST = ".vanban-generated.json"
IGNORE_FILE = ".gitignore"
IGNORE_HEAD = "# Written by `vanban build` from .vanban-generated.json: generated pages are never tracked in git."


def generated_paths(docs: Path) -> set[str]:
    """The pages the last generation wrote, from the manifest."""
    try:
        return set(json.loads((docs / MANIFEST).read_text(encoding="utf-8")))
    except (FileNotFoundError, ValueError):
        return set()


def check_no_clash(docs: Path, pages: Mapping[str, object]) -> None:
    """Refuse to overwrite a hand-written page that has the path of a generated one (or a
    hand-written docs/.gitignore, which the build keeps for its pages). A generated file that
    the manifest does not list (an older version's, left in the checkout) is recognised and
    replaced."""
    ignore = docs / IGNORE_FILE
    if ignore.is_file() and not ignore.read_text(encoding="utf-8", errors="replace").startswith(IGNORE_HEAD):
        raise VanbanError("docs/.gitignore viết tay, trong khi bản dựng ghi vào đó các trang nó tạo ra; "
                          "chuyển các dòng của nó sang .gitignore của dự án", ignore)
    known = generated_paths(docs)
    for rel in pages:
        if rel in known:
            continue
        path = docs / rel
        if not path.exists():
            continue
        if path.is_dir() or not was_generated(path, pages[rel]):
            raise VanbanError("trang viết tay trùng đường dẫn với một trang do vanban tạo ra; chuyển chỗ hoặc đổi tên trang này",
                              path)


# The first column of the citations' CSV before its header was in Vietnamese (issue 36).
FORMER_CSV_HEAD = b"document"


def was_generated(path: Path, new: object) -> bool:
    """Whether the file at a generated page's path was written by a build, of this version or an
    older one: a page carrying the generated mark, the very bytes this build writes, or open data
    (which has no room for a mark) of the same shape as this build's."""
    old = path.read_bytes()
    if GENERATED_KEY.encode() in old[:2000]:
        return True
    if path.suffix not in (".json", ".csv"):
        return False
    data = new if isinstance(new, bytes) else (new if isinstance(new, str) else new.read()).encode("utf-8")  # type: ignore[attr-defined]
    if old == data:
        return True
    if path.suffix == ".csv":  # the same first column name (or the English key an older build wrote)
        return _first_cell(old) != b"" and _first_cell(old) in (_first_cell(data), FORMER_CSV_HEAD)
    try:
        before, after = json.loads(old), json.loads(data)
    except ValueError:
        return False
    if isinstance(after, list):  # rows: objects sharing a field with this build's rows
        return (isinstance(before, list) and all(isinstance(row, dict) for row in before)
                and (not before or not after or bool(set(before[0]) & set(after[0]))))
    return isinstance(before, dict) and isinstance(after, dict) and before.get("title") == after.get("title") is not None


def _first_cell(data: bytes) -> bytes:
    return data.removeprefix(b"\xef\xbb\xbf").split(b"\n", 1)[0].split(b",", 1)[0].strip()


def copy_hand_written(docs: Path, target: Path) -> None:
    """Copy docs/ into `target`, leaving out the generated pages."""
    known = generated_paths(docs) | {MANIFEST, IGNORE_FILE}
    target.mkdir(parents=True, exist_ok=True)
    if not docs.is_dir():
        return
    # os.walk, not rglob: the 20 000 generated paths of 1 000 reports are passed over in 0.05 s, not 0.8 s.
    for folder, subfolders, names in os.walk(docs, followlinks=True):
        subfolders.sort()
        prefix = Path(folder).relative_to(docs).as_posix()
        for name in sorted(names):
            rel = name if prefix == "." else f"{prefix}/{name}"
            if rel in known:
                continue
            dest = target / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(os.path.join(folder, name), dest)


def write_pages(folder: Path, pages: Mapping[str, object], stored: Mapping[str, Path] | None = None) -> None:
    """Write pages (text or UTF-8 bytes) into a fresh folder (staging); a page whose text is
    already a file (`stored`: the last build's, vanban.state; its value a StoredText, not read) is
    linked to it instead."""
    made: set[Path] = set()
    stored = stored or {}
    for rel, text in pages.items():
        dest = folder / rel
        if dest.parent not in made:
            dest.parent.mkdir(parents=True, exist_ok=True)
            made.add(dest.parent)
        if rel in stored:
            link_or_copy(stored[rel], dest)
        else:
            dest.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))


class StagedPages(Mapping):
    """Pages already written to a folder, as a mapping from path to their bytes, read when asked
    for (a build syncs docs/ from its staging docs without holding every page)."""

    def __init__(self, folder: Path, paths: list[str]):
        self.folder, self.paths = folder, paths
        self._known = set(paths)

    def __getitem__(self, rel: str) -> bytes:
        if rel not in self._known:
            raise KeyError(rel)
        return (self.folder / rel).read_bytes()

    def __iter__(self):
        return iter(self.paths)

    def __len__(self) -> int:
        return len(self.paths)

    def __contains__(self, rel: object) -> bool:
        return rel in self._known


def sync_pages(docs: Path, pages: Mapping[str, str | bytes], rendered: set[str] | None = None) -> list[str]:
    """Bring docs/ to exactly `pages` plus the hand-written files; return the paths written or removed.
    Only files whose text changed are written (MkDocs then rebuilds only those). `rendered`, if
    given, names the pages that may differ from docs/: the others were not rendered again."""
    old = generated_paths(docs)
    changed = update_pages(docs, pages, sorted(pages if rendered is None else (rendered & set(pages)) | (set(pages) - old)))
    for rel in sorted(old - set(pages)):
        stale = docs / rel
        if stale.is_file():
            stale.unlink()
            changed.append(rel)
            _remove_empty_parents(stale.parent, docs)
    manifest = json.dumps(sorted(pages), ensure_ascii=False, indent=1) + "\n"
    if generated_paths(docs) != set(pages) or not (docs / MANIFEST).exists():
        (docs / MANIFEST).write_text(manifest, encoding="utf-8")
    _write_if_changed(docs / IGNORE_FILE, ignore_text(docs, set(pages)))
    return changed


def update_pages(docs: Path, pages: Mapping[str, object], paths: list[str] | None = None) -> list[str]:
    """Write into docs/ those of `pages` (all, or `paths`) whose text differs from the file's;
    the paths written. A file replaced is replaced in one step (the engine's server may be
    reading it)."""
    changed: list[str] = []
    made: set[Path] = set()
    for rel in paths if paths is not None else sorted(pages):
        dest = docs / rel
        text = pages[rel]
        data = text if isinstance(text, bytes) else text.encode("utf-8") if isinstance(text, str) else text.read().encode("utf-8")  # type: ignore[attr-defined]
        exists = dest.is_file()
        if exists and dest.read_bytes() == data:
            continue
        if dest.parent not in made:
            dest.parent.mkdir(parents=True, exist_ok=True)
            made.add(dest.parent)
        if exists:
            tmp = dest.with_name(f".{dest.name}.tmp")
            tmp.write_bytes(data)
            os.replace(tmp, dest)
        else:
            dest.write_bytes(data)
        changed.append(rel)
    return changed


# A relative link of a generated page's Markdown: its target's path (no scheme, no fragment).
LINK_TARGET = re.compile(r"\]\((?![a-z][a-z0-9+.-]*:|#|/)([^)\s#\"]+)")


def links_resolve(docs: Path, pages: Mapping[str, object]) -> bool:
    """Whether every relative link of these pages reaches a file already in docs/ (pages shown
    before the rest of the archive must not link to a page not yet written)."""
    for rel, text in pages.items():
        markdown = text.decode("utf-8") if isinstance(text, bytes) else text if isinstance(text, str) else text.read()  # type: ignore[attr-defined]
        folder = (docs / rel).parent
        for target in set(LINK_TARGET.findall(markdown)):
            if not os.path.isfile(os.path.normpath(folder / target)):
                return False
    return True


def ignore_text(docs: Path, generated: set[str]) -> str:
    """docs/.gitignore for the generated pages, itself and the manifest: a folder holding only
    generated files is one line (an archive's 20 000 pages are a handful of lines), a generated
    file beside hand-written ones is a line of its own."""
    mixed = {""}  # folders holding a hand-written file, and their parents
    for folder, _subfolders, names in os.walk(docs, followlinks=True):
        prefix = Path(folder).relative_to(docs).as_posix()
        rels = (name if prefix == "." else f"{prefix}/{name}" for name in names)
        if any(rel not in generated and rel not in (MANIFEST, IGNORE_FILE) for rel in rels):
            parts = [] if prefix == "." else prefix.split("/")
            mixed.update("/".join(parts[:i]) for i in range(len(parts) + 1))
    lines = {f"/{IGNORE_FILE}", f"/{MANIFEST}"}
    for rel in generated:
        parts = rel.split("/")
        folder = next(("/".join(parts[:i]) for i in range(1, len(parts)) if "/".join(parts[:i]) not in mixed), None)
        lines.add(f"/{_escape(folder)}/" if folder is not None else f"/{_escape(rel)}")
    return "\n".join([IGNORE_HEAD, *sorted(lines)]) + "\n"


def _escape(path: str) -> str:
    """A path as a literal gitignore pattern."""
    return "".join("\\" + c if c in "*?[]\\!# " else c for c in path)


def _write_if_changed(path: Path, text: str) -> None:
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def _remove_empty_parents(folder: Path, stop: Path) -> None:
    while folder != stop and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
