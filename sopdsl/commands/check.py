"""`sopdsl check`: parse and check files and folders, report findings, exit 1 on errors (or warnings with --strict)."""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path

from ..reporters import REPORTERS

MAX_JOBS = 256


def add_arguments(parser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help=".sop files, or folders to search for *.sop (default: .); - reads standard input")
    parser.add_argument("--format", choices=REPORTERS, default="text", help="output format (default: text)")
    parser.add_argument("--strict", action="store_true", help="warnings fail the check too (exit 1)")
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings are reported")
    parser.add_argument(
        "--config", metavar="FILE", help="a .sopdsl.toml or pyproject.toml to use instead of the one found"
    )
    parser.add_argument("--select", type=names, metavar="RULES", help="run only these rules (comma-separated)")
    parser.add_argument("--ignore", type=names, metavar="RULES", help="do not run these rules (comma-separated)")
    parser.add_argument("--extend-select", type=names, metavar="RULES", help="add rules to those selected")
    parser.add_argument("--extend-ignore", type=names, metavar="RULES", help="add rules to those ignored")
    parser.add_argument("--exclude", type=names, metavar="GLOBS", help="globs that folder walks pass over, "
                        "in place of the settings' (default: .git, .venv, node_modules, build and the like)")
    parser.add_argument("--extend-exclude", type=names, metavar="GLOBS", help="globs to pass over as well")
    parser.add_argument("--stdin-filename", metavar="NAME", help="the name to report standard input (-) under")
    parser.add_argument("--jobs", type=positive, metavar="N", help="processes for many files (default: every core)")
    parser.add_argument("--no-cache", action="store_true",
                        help="neither read nor write the cache of unchanged files' results (.sopdsl_cache)")
    parser.add_argument("--statistics", action="store_true", help="print the count of findings per rule instead")
    parser.add_argument("-q", "--quiet", action="store_true", help="print the findings only, without the summary")
    parser.add_argument("-o", "--output-file", metavar="FILE", help="write the report to FILE")
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                        help="colour the text report (default: auto, honouring NO_COLOR and FORCE_COLOR)")
    parser.add_argument("--show-settings", action="store_true", help="print the settings used, and stop")
    parser.add_argument("--show-files", action="store_true", help="print the files that would be checked, and stop")
    parser.add_argument("--watch", action="store_true", help="check again whenever a .sop file changes")
    parser.add_argument("--lang", choices=("en", "id"), help="language of the messages: en (default) or id")
    parser.add_argument("--today", type=day, metavar="DATE",
                        help="the day of the check, YYYY-MM-DD, for evaluation-due (default: today)")


def run(args) -> int:
    import attrs

    from ..config import for_paths, with_overrides
    from ..errors import UsageError
    from ..files import collect
    from ..i18n import settle

    args.paths = args.paths or ["."]
    try:
        config = with_overrides(
            for_paths([p for p in args.paths if p != "-"] or ["."], args.config),
            select=args.select, ignore=args.ignore, extend_select=args.extend_select,
            extend_ignore=args.extend_ignore, exclude=args.exclude, extend_exclude=args.extend_exclude,
        )
        args.lang = settle(args.lang, config.lang)
        if args.today is not None:
            config = attrs.evolve(config, today=args.today)
        files = collect(args.paths, config.exclude, config.root)
    except UsageError as error:
        _report_failure(args, str(error))
        raise
    if args.show_settings:
        print(_settings_text(config))
        return 0
    if args.show_files:
        print("\n".join(str(path) for path in files))
        return 0
    if args.watch:
        from ..watch import watch

        return watch(args.paths, lambda: _check_once(args, config, _reread(args, config)))
    return _check_once(args, config, _standard_input_named(args, files))


def _reread(args, config):
    from ..files import collect

    return collect(args.paths, config.exclude, config.root)


def _standard_input_named(args, files):
    """The files, with standard input read once and named as --stdin-filename says."""
    from ..loading import take_standard_input

    return [take_standard_input(args.stdin_filename) if str(path) == "-" else path for path in files]


def _check_once(args, config, files) -> int:
    from ..checker import check_paths
    from ..diagnostics import Severity
    from ..reporters import reporter

    is_library = any(Path(p).is_dir() for p in args.paths)
    jobs = 1 if any(str(path) in ("-", args.stdin_filename) for path in files) else args.jobs
    checked = check_paths(files, is_library, config, jobs, cache=None if args.no_cache else _cache(config))
    sources = {file.path: file.text for file in checked.files}
    with _output(args) as stream:
        if args.statistics:
            _statistics(checked.diagnostics, stream)
        elif args.format == "text":
            from ..reporters.text_reporter import report_text

            report_text(checked.diagnostics, sources, stream, quiet=args.quiet, color=_colour(args, stream))
        else:
            reporter(args.format)(checked.diagnostics, sources, stream)
    if args.exit_zero:
        return 0
    failing = {Severity.ERROR, Severity.WARNING} if args.strict or config.strict else {Severity.ERROR}
    return 1 if any(d.severity in failing for d in checked.diagnostics) else 0


def _cache(config):
    from ..cache import CheckCache, cache_root

    return CheckCache(cache_root(config), config)


@contextlib.contextmanager
def _output(args):
    """Standard output, or the --output-file, written whole (atomically) once the report is complete."""
    if args.output_file is None:
        yield sys.stdout
        return
    import io

    from ..output import write_atomically

    buffer = io.StringIO()
    yield buffer
    write_atomically(Path(args.output_file), buffer.getvalue().encode("utf-8"))


def _report_failure(args, message: str) -> None:
    """A machine-read format still gets a valid document when nothing could be checked (an upload step needs one)."""
    if args.format != "sarif":
        return
    from ..reporters.sarif_reporter import failure

    with _output(args) as stream:
        failure(message, stream)


def _statistics(diagnostics, stream) -> None:
    """`COUNT  RULE  SEVERITY`, most frequent first, as ruff's --statistics prints them."""
    from collections import Counter

    counts = Counter((d.rule, d.severity.value) for d in diagnostics)
    for (rule, severity), count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        stream.write(f"{count:>5}  {rule:<26} {severity}\n")


def _colour(args, stream) -> bool:
    import os

    if args.color != "auto":
        return args.color == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


def _settings_text(config) -> str:
    """The settings in use, one per line, and the file they come from."""
    import attrs

    from ..i18n import say

    lines = [say("cli.settings-file", path=config.source or say("cli.no-settings-file"))]
    for field in attrs.fields(type(config)):
        if field.name not in ("source",):
            value = getattr(config, field.name)
            lines.append(f"{field.name.replace('_', '-')}: {value if not isinstance(value, dict) else dict(value)}")
    return "\n".join(lines)


def names(value: str):
    return [name.strip() for name in value.split(",") if name.strip()]


def day(value: str):
    """A date written YYYY-MM-DD."""
    import datetime

    try:
        if len(value) == 10:
            return datetime.date.fromisoformat(value)
    except ValueError:
        pass
    from ..i18n import say

    raise argparse.ArgumentTypeError(say("usage.date", value=repr(value)))


def positive(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= MAX_JOBS:
        from ..i18n import say

        raise argparse.ArgumentTypeError(say("usage.jobs", most=MAX_JOBS, value=repr(value)))
    return int(value)
