"""`sopdsl check`: parse and check files and folders, report findings, exit 1 on errors."""

from __future__ import annotations

import sys
from pathlib import Path

FORMATS = ("text", "json")


def add_arguments(parser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help=".sop files, or folders to search for *.sop")
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")


def run(args) -> int:
    from ..checker import check_paths
    from ..diagnostics import Severity
    from ..files import collect
    from ..reporters import REPORTERS

    files = collect(args.paths)
    is_library = any(Path(p).is_dir() for p in args.paths)
    diagnostics = check_paths(files, is_library)
    sources = _sources(files) if args.format == "text" else {}
    REPORTERS[args.format](diagnostics, sources, sys.stdout)
    return 1 if any(d.severity is Severity.ERROR for d in diagnostics) else 0


def _sources(files):
    texts = {}
    for path in files:
        try:
            texts[str(path)] = path.read_text(encoding="utf-8", errors="replace").lstrip("\ufeff")
        except OSError:
            pass
    return texts
