"""`sopdsl build`: check a library and write every SOP's document (HTML, PDF) and diagrams, with an index page."""

from __future__ import annotations

import sys
from contextlib import ExitStack
from pathlib import Path

from ..terminal import printable
from .check import day
from .render import add_document_options, document_options


def add_arguments(parser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help=".sop files, or folders to search for *.sop")
    parser.add_argument("-o", "--output", metavar="DIR", required=True, help="folder to write into")
    parser.add_argument("--no-pdf", action="store_true", help="write no PDFs (they need Chromium)")
    parser.add_argument("--no-cache", action="store_true",
                        help="make every page afresh, and check every file without .sopdsl_cache")
    parser.add_argument("--strict", action="store_true", help="warnings fail the build too (exit 1)")
    parser.add_argument("--today", type=day, metavar="DATE",
                        help="the day the index counts evaluations up to, YYYY-MM-DD (default: today)")
    add_document_options(parser)


def run(args) -> int:
    import attrs

    from ..browser.chromium import ChromiumError
    from ..cache import CheckCache
    from ..checker import check_paths
    from ..config import for_paths
    from ..diagnostics import Severity
    from ..files import UsageError, collect
    from ..i18n import say, settle
    from ..reporters import reporter
    from ..site.build import build

    files = collect(args.paths)
    out = Path(args.output)
    if out.exists() and not out.is_dir():
        raise UsageError(say("usage.not-a-folder", path=args.output))
    config = for_paths(args.paths, args.config)
    if args.today is not None:
        config = attrs.evolve(config, today=args.today)
    args.lang = settle(args.lang, config.lang)
    cache = None if args.no_cache else CheckCache(out, config)  # inside the output folder: a build writes nowhere else
    checked = check_paths(files, any(Path(p).is_dir() for p in args.paths), config, cache=cache)
    reporter("text")(checked.diagnostics, {f.path: f.text for f in checked.files}, sys.stdout)
    with ExitStack() as stack:
        print_pdf, note = None, None
        if not args.no_pdf:
            from ..render.document.pdf import printer

            try:
                print_pdf = stack.enter_context(printer()).each
            except ChromiumError as error:
                note = say("build.pdf-skipped", error=error)
                print(f"sopdsl: {printable(note)}", file=sys.stderr)
        try:
            result = build(checked, out, document_options(args, config), print_pdf, note, settings=config,
                           calendar=config.calendar, reuse=not args.no_cache, today=config.today,
                           interval=config.evaluation_interval)
        except OSError as error:
            raise UsageError(say("usage.cannot-write-into", path=args.output, reason=error.strerror or error)) from None
    built = sum(1 for entry in result.entries if entry.pages)
    print(say("build.built", count=built, folder=printable(str(out)), made=result.rendered), file=sys.stderr)
    failing = {Severity.ERROR, Severity.WARNING} if args.strict or config.strict else {Severity.ERROR}
    return 1 if any(d.severity in failing for d in checked.diagnostics) else 0
