"""`sopdsl render`: one SOP to a printable table (html, pdf, md, csv) or a diagram (mermaid, dot, svg, bpmn)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..render import FORMATS
from ..terminal import printable
from .check import day


def add_arguments(parser) -> None:
    parser.add_argument("file", metavar="FILE", help="the .sop file")
    parser.add_argument("--to", dest="format", required=True, choices=list(FORMATS), help="output format")
    parser.add_argument("-o", "--output", metavar="OUT", help="file to write (default: standard output)")
    add_document_options(parser)


def add_document_options(parser) -> None:
    """The options `render` and `build` share: language, paper, rows per page, settings file."""
    from ..render.options import LANGUAGES, PAPERS

    parser.add_argument("--lang", choices=LANGUAGES, help="printed labels (default: id) and messages (default: en)")
    parser.add_argument("--paper", choices=sorted(PAPERS), default="a4", help="landscape paper (default: a4)")
    parser.add_argument(
        "--rows-per-page",
        type=_rows_per_page,
        default=(6, 5),
        metavar="N[,M]",
        help="steps on the first page of the flowchart table, and on the later ones (default: 6,5)",
    )
    parser.add_argument("--config", metavar="FILE", help="a .sopdsl.toml or pyproject.toml for the default calendar")
    parser.add_argument("--from", dest="start", type=day, metavar="DATE",
                        help="the day the work starts, YYYY-MM-DD: the HTML and PDF document print the dates by which "
                        "the totals and the SLA fall due (Batas waktu), as `sopdsl due` counts them")


def document_options(args, config, **extra):
    """RenderOptions from the shared command-line options and the settings' labels and holidays."""
    from ..render.options import RenderOptions

    first, later = args.rows_per_page
    return RenderOptions(lang=args.lang or "id", paper=args.paper, first_page_rows=first, page_rows=later,
                         labels=config.labels, deadline_from=args.start, holidays=config.holidays, **extra)


def run(args) -> int:
    from ..config import for_paths
    from ..errors import UsageError
    from ..files import STANDARD_INPUT
    from ..i18n import say, settle
    from ..loading import read
    from ..logo import source_folder
    from ..output import write_atomically
    from ..render import renderer

    path = Path(args.file)
    if path.is_dir():
        raise UsageError(say("usage.render-folder", path=args.file))
    if not path.exists():
        raise UsageError(say("usage.no-such-file", path=args.file))
    if not path.is_file() and args.file not in STANDARD_INPUT:
        raise UsageError(say("usage.not-a-regular-file", path=args.file))
    if args.output is not None and _same_file(path, Path(args.output)):
        raise UsageError(say("usage.output-is-source", path=args.output))
    config = for_paths([args.file], args.config, runs_rules=False)
    args.lang = settle(args.lang, config.lang)
    module = renderer(args.format)
    if module.BINARY and args.output is None and sys.stdout.isatty():
        raise UsageError(say("usage.binary-output", format=args.format))
    file = read(path, config.calendar)
    if file.error is not None:
        print(printable(file.error.line_text), file=sys.stderr)
        return 1
    result = module.render(file.sop, document_options(args, config, folder=source_folder(args.file)))
    data = result if module.BINARY else result.encode("utf-8")
    if args.output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        try:
            write_atomically(Path(args.output), data)
        except OSError as error:
            raise UsageError(say("usage.cannot-write", path=args.output, reason=error.strerror or error)) from None
    return 0


def _same_file(source: Path, output: Path) -> bool:
    """Whether writing the output would replace the source (the same file, through any link or name)."""
    try:
        return output.exists() and os.path.samefile(source, output)
    except OSError:
        return False


def _rows_per_page(text: str):
    from ..render.options import parse_rows_per_page

    try:
        return parse_rows_per_page(text)
    except ValueError:
        from ..i18n import say

        raise argparse.ArgumentTypeError(say("usage.rows-per-page", value=repr(text))) from None
