"""`sopdsl check`: parse and check files and folders, report findings, exit 1 on errors (or warnings with --strict)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..reporters import REPORTERS


def add_arguments(parser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help=".sop files, or folders to search for *.sop")
    parser.add_argument("--format", choices=REPORTERS, default="text", help="output format (default: text)")
    parser.add_argument("--strict", action="store_true", help="warnings fail the check too (exit 1)")
    parser.add_argument(
        "--config", metavar="FILE", help="a .sopdsl.toml or pyproject.toml to use instead of the one found"
    )
    parser.add_argument("--select", type=_names, metavar="RULES", help="run only these rules (comma-separated)")
    parser.add_argument("--ignore", type=_names, metavar="RULES", help="do not run these rules (comma-separated)")
    parser.add_argument("--jobs", type=_positive, metavar="N", help="processes for many files (default: every core)")


def run(args) -> int:
    from ..checker import check_paths
    from ..config import for_paths, with_overrides
    from ..diagnostics import Severity
    from ..files import collect
    from ..reporters import reporter

    files = collect(args.paths)
    config = with_overrides(for_paths(args.paths, args.config), select=args.select, ignore=args.ignore)
    is_library = any(Path(p).is_dir() for p in args.paths)
    checked = check_paths(files, is_library, config, args.jobs)
    sources = {file.path: file.text for file in checked.files}
    reporter(args.format)(checked.diagnostics, sources, sys.stdout)
    failing = {Severity.ERROR, Severity.WARNING} if args.strict or config.strict else {Severity.ERROR}
    return 1 if any(d.severity in failing for d in checked.diagnostics) else 0


def _names(value: str):
    return [name.strip() for name in value.split(",") if name.strip()]


MAX_JOBS = 256


def _positive(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= MAX_JOBS:
        raise argparse.ArgumentTypeError(f"expected a whole number of processes from 1 to {MAX_JOBS}, not {value!r}")
    return int(value)
