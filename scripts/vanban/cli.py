"""The `vanban` command: build, serve, parse.

Every failure is one line on stderr (`FILE:LINE: error: …`) and a non-zero exit; never a traceback
(set VANBAN_DEBUG=1 to see one).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from vanban import __version__
from vanban.errors import VanbanError

EXIT_ERROR = 1
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line."""

    def error(self, message: str) -> None:  # type: ignore[override]
        print(f"vanban: error: {message} (see 'vanban --help')", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def _jobs(text: str) -> int:
    """--jobs N: a whole number of processes, at least 1."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"--jobs wants a whole number of processes, at least 1, not {text!r}")
    return int(text)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="vanban", description="Build the vanban site from data/.")
    parser.add_argument("--version", action="version", version=f"vanban {__version__}")
    parser.add_argument("--root", type=Path, default=Path.cwd(),
                        help="project folder holding mkdocs.yml, data/ and docs/ (default: current folder)")
    verbs = parser.add_subparsers(dest="verb", parser_class=_Parser, metavar="COMMAND")
    build = verbs.add_parser("build", help="generate docs/ from data/ and build site/ (strict)")
    build.add_argument("--offline", action="store_true",
                       help="build site-offline/, which works from file:// (a USB stick) with search")
    build.add_argument("--engine", choices=("mkdocs", "properdocs"), default="mkdocs",
                       help="the site engine: MkDocs, or its maintained fork ProperDocs (same pages)")
    build.add_argument("--jobs", type=_jobs, default=None, metavar="N",
                       help="processes to build with (default: one per CPU; 1 builds in one process, "
                            "as MkDocs does; the offline site's pages are always built in one)")
    build.add_argument("--clean", action="store_true",
                       help="build from nothing, ignoring what the last build kept in .vanban/state/")
    serve = verbs.add_parser("serve", help="build, then serve with live reload when data/ changes")
    serve.add_argument("-a", "--address", default="127.0.0.1:8000", help="host:port (default 127.0.0.1:8000)")
    serve.add_argument("--engine", choices=("mkdocs", "properdocs"), default="mkdocs",
                       help="the site engine: MkDocs, or its maintained fork ProperDocs (same pages)")
    parse = verbs.add_parser("parse", help="print the document model of one report or directive text")
    parse.add_argument("file", type=Path)
    parse.add_argument("--json", action="store_true", help="print JSON (the only format, and the default)")
    parse.add_argument("--kind", choices=("report", "directive"),
                       help="read the file as a report or a directive's text (default: a file in a folder named "
                            "directives is a directive's text)")
    check = verbs.add_parser("check", help="list what to fix in reports: figures, citations, text")
    check.add_argument("reports", nargs="*", help="report slugs or files (default: every report in data/reports)")
    check.add_argument("--json", action="store_true", help="print the findings as a JSON list")
    check.add_argument("--strict", action="store_true", help="exit 1 when any finding is an error")
    cites = verbs.add_parser("citations", help="print the citations of one report, resolved against the catalog")
    cites.add_argument("file", type=Path)
    cites.add_argument("--json", action="store_true", help="print JSON (the only format, and the default)")
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
        print("vanban: interrupted; docs/ and site/ are left as they were", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `vanban check | head`: the reader left; not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # a bug: still one line, unless debugging
        if os.environ.get("VANBAN_DEBUG"):
            raise
        print(f"vanban: internal error: {type(exc).__name__}: {exc} (set VANBAN_DEBUG=1 for details)",
              file=sys.stderr)
        return EXIT_ERROR


def _run(args: argparse.Namespace) -> int:
    root = args.root.resolve()
    if args.verb == "parse":
        return _parse(args.file, root, args.kind)
    if args.verb == "citations":
        return _citations(args.file, root)
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
        print(f"vanban: {built.reports} report(s), {len(built.pages)} page(s) built into {target}", file=sys.stderr)
        return 0
    if args.verb == "serve":
        from vanban.serve import address_problem, serve

        problem = address_problem(args.address)
        if problem:
            print(f"vanban: error: {problem}", file=sys.stderr)
            return EXIT_USAGE
        return serve(root, args.address, args.engine)
    raise VanbanError(f"unknown verb {args.verb!r}")


def _parse(path: Path, root: Path, kind: str | None) -> int:
    from vanban.sources import kind_of, read_source

    report = read_source(path, root, kind or kind_of(path, root))
    _print_diagnostics([report])
    json.dump(report.to_json(), sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


def _citations(path: Path, root: Path) -> int:
    from vanban.cite import extract_citations
    from vanban.sources import kind_of, read_source

    report = read_source(path, root, kind_of(path, root))
    index = extract_citations([report], root)
    _print_diagnostics([report])
    cites = [c.to_json() for c in index.by_report[report.slug]]
    json.dump(cites, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


def _print_diagnostics(reports) -> None:
    """Warnings go to stderr; informational notes are left to `vanban check`."""
    for report in reports:
        for diag in report.warnings:
            print(diag, file=sys.stderr)
