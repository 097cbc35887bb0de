"""`sopdsl diff`: what changed between two versions of an SOP (exit 0 nothing, 1 something, 2 error)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

FORMATS = ("text", "json", "markdown")
LANGUAGES = ("id", "en")


def add_arguments(parser) -> None:
    parser.add_argument("paths", nargs="+", metavar="FILE", help="OLD NEW, or with --git one FILE")
    parser.add_argument("--git", metavar="REV", help="compare FILE as it is at git revision REV with the working tree")
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    parser.add_argument("--lang", choices=LANGUAGES, help="words of the text and Markdown, and messages (default: id)")
    parser.add_argument("--config", metavar="FILE", help="a .sopdsl.toml or pyproject.toml for the default calendar")


def run(args) -> int:
    from ..config import for_paths
    from ..files import UsageError
    from ..i18n import say, settle
    from ..lifecycle import diff_report
    from ..lifecycle.diff import sop_changes

    expected = 1 if args.git is not None else 2
    if len(args.paths) != expected:
        raise UsageError(say("usage.diff-git" if args.git is not None else "usage.diff-files", count=len(args.paths)))
    config = for_paths(args.paths, args.config)
    args.lang = settle(args.lang, config.lang)
    calendar = config.calendar
    if args.git is not None:
        from ..lifecycle.revisions import text_at_revision

        path = Path(args.paths[0])
        old_name, old_text = f"{args.git}:{args.paths[0]}", text_at_revision(path, args.git)
        new_name = args.paths[0]
    else:
        old_name, new_name = args.paths
        old_text = _read(Path(old_name))
    new_text = _read(Path(new_name))
    old = diff_report.version(old_name, _parse(old_name, old_text, calendar))
    new = diff_report.version(new_name, _parse(new_name, new_text, calendar))
    changes = sop_changes(old.sop, new.sop)
    if args.format == "json":
        print(json.dumps(diff_report.as_json(old, new, changes), indent=2, ensure_ascii=False))
    else:
        from ..terminal import printable

        report = diff_report.as_markdown if args.format == "markdown" else diff_report.as_text
        sys.stdout.write(printable(report(old, new, changes, args.lang or "id"), keep="\n"))
    return 1 if changes else 0


def _read(path: Path) -> str:
    from ..files import UsageError
    from ..i18n import say
    from ..parse import SopSyntaxError, read_source

    if path.is_dir():
        raise UsageError(say("usage.diff-folder", path=path))
    if path.exists() and not path.is_file():  # a pipe or device: reading it could block or never end
        raise UsageError(say("usage.not-a-regular-file", path=path))
    try:
        return read_source(path)
    except FileNotFoundError:
        raise UsageError(say("usage.no-such-file", path=path)) from None
    except OSError as error:
        raise UsageError(say("usage.cannot-read", path=path, reason=error.strerror)) from None
    except SopSyntaxError as error:
        raise UsageError(f"{path}:{error.line}:{error.column}: {error.message}") from None


def _parse(name: str, text: str, calendar):
    """The SOP of the text, with the configured calendar where it has none; a syntax error is a UsageError."""
    import attrs

    from ..files import UsageError
    from ..parse import SopSyntaxError, parse_text

    try:
        sop = parse_text(text)
    except SopSyntaxError as error:
        raise UsageError(f"{name}:{error.line}:{error.column}: syntax-error {error.message}") from None
    return attrs.evolve(sop, calendar=calendar) if calendar is not None and sop.calendar is None else sop
