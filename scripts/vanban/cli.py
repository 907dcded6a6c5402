"""The `vanban` command: build, serve, parse.

Every failure is one line on stderr (`FILE:LINE: error: …`) and a non-zero exit; never a traceback
(set VANBAN_DEBUG=1 to see one).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path

from vanban import __version__
from vanban.errors import VanbanError

EXIT_ERROR = 1
EXIT_USAGE = 2


# argparse's own usage errors, in Vietnamese.
USAGE_ERRORS = [
    (re.compile(r"argument ([^:]+): invalid choice: (.+) \(choose from (.+)\)$"), r"\1: không có lựa chọn \2 (chọn một trong \3)"),
    (re.compile(r"argument ([^:]+): expected one argument"), r"\1: cần một giá trị"),
    (re.compile(r"argument ([^:]+): "), r"\1: "),
    (re.compile(r"the following arguments are required: "), "thiếu: "),
    (re.compile(r"unrecognized arguments: "), "không hiểu: "),
]


class _Formatter(argparse.HelpFormatter):
    """argparse's help, its headings in Vietnamese."""

    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, prefix="cách dùng: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """argparse in Vietnamese (`--help` and its headings), and a usage error is one line."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, formatter_class=_Formatter, add_help=False, **kwargs)
        self._positionals.title = "lệnh"
        self._optionals.title = "tùy chọn"
        self.add_argument("-h", "--help", action="help", help="in hướng dẫn này rồi thoát")

    def error(self, message: str) -> None:  # type: ignore[override]
        for english, vietnamese in USAGE_ERRORS:
            message = english.sub(vietnamese, message)
        print(f"vanban: error: {message} (xem 'vanban --help')", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def _jobs(text: str) -> int:
    """--jobs N: a whole number of processes, at least 1."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"--jobs cần một số nguyên tiến trình, ít nhất là 1, không phải {text!r}")
    return int(text)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="vanban", description="Dựng trang web vanban từ các văn bản trong data/.")
    parser.add_argument("--version", action="version", version=f"vanban {__version__}", help="in phiên bản rồi thoát")
    parser.add_argument("--root", type=Path, default=Path.cwd(),
                        help="thư mục dự án, nơi có mkdocs.yml, data/ và docs/ (mặc định: thư mục hiện tại)")
    verbs = parser.add_subparsers(dest="verb", parser_class=_Parser, metavar="COMMAND")
    build = verbs.add_parser("build", help="tạo docs/ từ data/ và dựng trang web vào site/")
    build.add_argument("--offline", action="store_true",
                       help="dựng site-offline/, mở được từ file:// (USB, thư mục chung), có tìm kiếm")
    build.add_argument("--engine", choices=("mkdocs", "properdocs"), default="mkdocs",
                       help="bộ dựng: MkDocs, hoặc ProperDocs, bản tiếp nối của MkDocs (trang như nhau)")
    build.add_argument("--jobs", type=_jobs, default=None, metavar="N",
                       help="số tiến trình dựng (mặc định: mỗi CPU một; 1: một tiến trình, như MkDocs; "
                            "trang web ngoại tuyến luôn dựng trong một tiến trình)")
    build.add_argument("--clean", action="store_true",
                       help="dựng lại từ đầu, bỏ qua những gì lần dựng trước giữ trong .vanban/state/")
    serve = verbs.add_parser("serve", help="dựng, rồi phục vụ trang web, tự cập nhật khi data/ thay đổi")
    serve.add_argument("-a", "--address", default="127.0.0.1:8000", help="máy:cổng (mặc định 127.0.0.1:8000)")
    serve.add_argument("--engine", choices=("mkdocs", "properdocs"), default="mkdocs",
                       help="bộ dựng: MkDocs, hoặc ProperDocs, bản tiếp nối của MkDocs (trang như nhau)")
    parse = verbs.add_parser("parse", help="in mô hình tài liệu của một báo cáo hay một văn bản (JSON)")
    parse.add_argument("file", type=Path)
    parse.add_argument("--json", action="store_true", help="in JSON (định dạng duy nhất, mặc định)")
    parse.add_argument("--kind", choices=("report", "directive"),
                       help="đọc tệp như một báo cáo hay toàn văn một văn bản (mặc định: tệp trong thư mục "
                            "directives là toàn văn văn bản)")
    check = verbs.add_parser("check", help="liệt kê những chỗ cần sửa trong báo cáo: số liệu, trích dẫn, chữ")
    check.add_argument("reports", nargs="*", help="slug hoặc tệp báo cáo (mặc định: mọi báo cáo trong data/reports)")
    check.add_argument("--json", action="store_true", help="in các phát hiện thành danh sách JSON")
    check.add_argument("--strict", action="store_true", help="thoát với mã 1 nếu có phát hiện nào là lỗi")
    ocr = verbs.add_parser("ocr", help="nhận dạng chữ các tệp PDF bản quét, lưu vào .vanban/ocr/ để lần dựng sau dùng lại")
    ocr.add_argument("files", nargs="+", type=Path, metavar="FILE")
    cites = verbs.add_parser("citations", help="in các trích dẫn của một báo cáo, đã đối chiếu với danh mục (JSON)")
    cites.add_argument("file", type=Path)
    cites.add_argument("--json", action="store_true", help="in JSON (định dạng duy nhất, mặc định)")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.verb is None:  # `vanban` alone: what it can do
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return _run(args)
    except VanbanError as exc:
        print(exc, file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("vanban: đã dừng giữa chừng; docs/ và site/ giữ nguyên như trước", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `vanban check | head`: the reader left; not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # a bug: still one line, unless debugging
        if os.environ.get("VANBAN_DEBUG"):
            raise
        print(f"vanban: internal error: lỗi của chương trình: {type(exc).__name__}: {exc} (đặt VANBAN_DEBUG=1 để xem chi tiết)",
              file=sys.stderr)
        return EXIT_ERROR


def _run(args: argparse.Namespace) -> int:
    root = args.root.resolve()
    if args.verb == "parse":
        return _parse(args.file, root, args.kind)
    if args.verb == "citations":
        return _citations(args.file, root)
    if args.verb == "ocr":
        return _ocr(args.files, root)
    if args.verb == "check":
        from vanban.commands.check import run_check

        return run_check(root, args.reports, as_json=args.json, strict=args.strict)
    if args.verb == "build":
        from vanban.site import build

        from vanban.site import OFFLINE_SITE_DIR, SITE_DIR, Progress

        built = build(root, offline=args.offline, progress=Progress(), engine=args.engine, jobs=args.jobs,
                      clean=args.clean)
        for line in built.warnings:
            print(line, file=sys.stderr)
        target = root / (OFFLINE_SITE_DIR if args.offline else SITE_DIR)
        print(f"vanban: đã dựng xong {built.reports} báo cáo, {len(built.pages)} trang vào {target}", file=sys.stderr)
        return 0
    if args.verb == "serve":
        from vanban.serve import address_problem, serve

        problem = address_problem(args.address)
        if problem:
            print(f"vanban: error: {problem}", file=sys.stderr)
            return EXIT_USAGE
        return serve(root, args.address, args.engine)
    raise VanbanError(f"không có lệnh {args.verb!r}")


def _parse(path: Path, root: Path, kind: str | None) -> int:
    from vanban.sources import kind_of, read_source

    report = read_source(path, root, kind or kind_of(path, root))
    _print_diagnostics([report])
    json.dump(report.to_json(), sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


def _citations(path: Path, root: Path) -> int:
    """A document's citations as the site shows them: a file in data/ as the build resolves it
    (with every text there: ids, relations, pins, force on the document's date); another file
    on its own against the catalog, each directive's force read from the texts in data/."""
    from vanban.cite import extract_citations
    from vanban.regenerate import Regenerator
    from vanban.sources import kind_of, read_source

    report = read_source(path, root, kind_of(path, root))
    known = Regenerator(root).analyse()
    built = next((d for d in known.documents if d.source == report.source), None)
    index = known.index if built is not None else extract_citations([report], root)
    report = built or report
    # resolved and unresolved ("Nghị quyết số 52": no directive)
    order = {b.anchor: n for n, b in enumerate(report.blocks)} | {f"fn:{f.number}": len(report.blocks) + n
                                                                  for n, f in enumerate(report.footnotes)}
    resolved = index.by_report.get(report.slug, [])

    def place(c) -> tuple[int, int]:
        return order.get(c.container, 0), c.start

    waiting = sorted(index.unresolved.get(report.slug, []), key=place)
    cites = []
    for c in resolved:  # in the order the site keeps them (the open data's), each unresolved one where it stands
        while waiting and place(waiting[0]) < place(c):
            cites.append(waiting.pop(0))
        cites.append(c)
    cites += waiting
    moved = {old: cites.index(c) for old, c in enumerate(resolved)}  # in_title_of, alias_of: into this list
    _print_diagnostics([report])
    force = _force_on_its_date(report, known.index)
    json.dump([c.to_json() | {"status": force(c)} | {k: moved[v] for k in ("in_title_of", "alias_of")
                                                      if (v := getattr(c, k)) is not None} for c in cites],
              sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


def _ocr(files: list[Path], root: Path) -> int:
    """Recognise scanned PDFs into the OCR store of the project (any machine can fill it: the
    entries are keyed by the file's content, and copied as they are)."""
    from vanban.read.ocr import recognise
    from vanban.read.pdf import needs_ocr
    from vanban.sources import OCR_STORE

    for path in files:
        label = str(path)
        if not path.is_file():
            raise VanbanError("không thấy tệp", label)
        if path.suffix.lower() != ".pdf":
            raise VanbanError("chỉ nhận dạng chữ tệp PDF", label)
        pages, wanted = needs_ocr(path, label)
        if not wanted:
            print(f"vanban: {label}: có lớp chữ, không cần nhận dạng", file=sys.stderr)
            continue
        recognise(path, label, pages, root / OCR_STORE)
        print(f"vanban: {label}: đã lưu kết quả nhận dạng ({pages} trang) vào {OCR_STORE}/", file=sys.stderr)
    return 0


def _force_on_its_date(report, index):
    """The force of a citation's directive on the document's date (None: a text's own, or one it
    ends): vanban.cite.in_force, as the report's page says it beside the citation."""
    from vanban.cite.in_force import force_on
    from vanban.cite.relations import statuses
    from vanban.model import text_owner

    said = statuses(index)
    owner = text_owner(report.slug)

    def force(c) -> dict | None:
        d = index.directives.get(c.directive)
        if d is None:
            return None
        status = said.get(d.id)
        if owner is not None and owner in (d.id, status.by if status else None):
            return None
        return force_on(d, status, index.directives.get(status.by) if status else None, report.date).to_json()
    return force


def _print_diagnostics(reports) -> None:
    """Warnings go to stderr; informational notes are left to `vanban check`."""
    for report in reports:
        for diag in report.warnings:
            print(diag, file=sys.stderr)
