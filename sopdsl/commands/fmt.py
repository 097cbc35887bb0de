"""`sopdsl fmt`: rewrite .sop files in canonical form, or show which would change and how."""

from __future__ import annotations

import difflib
import re
import sys
from pathlib import Path

from ..i18n import say
from ..output import NotWritten, read_snapshot, write_atomically
from ..parse.vocabulary import LANGUAGES
from ..terminal import printable

_LINES = re.compile(r"[^\n]*\n|[^\n]+\Z")


def add_arguments(parser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help=".sop files, or folders to search for *.sop (default: .); - formats standard input")
    parser.add_argument("--stdin-filename", metavar="NAME", help="the name to report standard input (-) under")
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if any file would change")
    parser.add_argument(
        "--diff", action="store_true", help="change nothing; print a unified diff; exit 1 if there is a diff"
    )
    parser.add_argument("--lang", choices=("en", "id"), help="language of the messages: en (default) or id")
    parser.add_argument(
        "--keywords", choices=LANGUAGES, metavar="id|en",
        help="write every keyword in Indonesian (id) or English (en); by default each keeps the spelling it has",
    )


def run(args) -> int:
    """Format every file given or found below the folders given; returns the exit code.

    With `--keywords id` or `--keywords en` every keyword is written in that language; the safety check
    proves the converted file has the same meaning.

    Only files whose formatted text differs are written, each atomically: a temporary file in the
    same folder, flushed and synced to disk, given the original's permission bits, then moved over
    the original. A file keeps its line-end style (CRLF stays CRLF); a leading byte order mark is
    dropped. A file that does not parse, or whose formatted text fails the safety check, is left
    as it is.

    Reports (`reformatted PATH`, `would reformat PATH`, syntax errors) go to standard output; with
    `--diff`, standard output carries only the unified diff and the reports go to standard error.
    Exit codes: 0 done; 1 a file does not parse, or (with `--check` or `--diff`) a file would change;
    2 a file could not be read, written or formatted safely.
    """
    from ..config import for_paths
    from ..files import collect
    from ..i18n import settle

    args.paths = args.paths or ["."]
    config = for_paths([p for p in args.paths if p != "-"] or ["."], None, runs_rules=False)
    args.lang = settle(args.lang, config.lang)
    status = 0
    for path in collect(args.paths, config.exclude, config.root):
        if str(path) == "-":
            status = max(status, _format_standard_input(args))
        else:
            status = max(status, _format_file(path, args))
    return status


def _format_standard_input(args) -> int:
    """Standard input formatted to standard output (or, with --check / --diff, only judged)."""
    from ..format import FormatError, format_text
    from ..loading import syntax_diagnostic
    from ..parse import SopSyntaxError, decode_source

    name = args.stdin_filename or "-"
    original = sys.stdin.buffer.read()
    try:
        formatted = _with_line_ends_of(original, format_text(decode_source(original), args.keywords)).encode("utf-8")
    except SopSyntaxError as error:
        print(printable(syntax_diagnostic(name, error).line_text), file=sys.stderr)
        if not (args.check or args.diff):
            sys.stdout.buffer.write(original)  # a filter that cannot format passes its input on unchanged
        return 1
    except FormatError as error:
        print(say("fmt.unsafe", path=printable(name), error=error), file=sys.stderr)
        return 2
    if args.diff and formatted != original:
        sys.stdout.write(_unified_diff(printable(name), original.decode("utf-8"), formatted.decode("utf-8")))
    if args.check or args.diff:
        if formatted != original:
            print(say("fmt.would-reformat", path=printable(name)), file=sys.stderr)
            return 1
        return 0
    sys.stdout.buffer.write(formatted)
    sys.stdout.flush()
    return 0


def _format_file(path: Path, args) -> int:
    """Format one file as the options ask; returns its exit status."""
    from ..format import FormatError, format_text
    from ..loading import syntax_diagnostic
    from ..parse import SopSyntaxError, decode_source

    reports = sys.stderr if args.diff else sys.stdout
    shown = printable(str(path))
    try:
        snapshot = read_snapshot(path)
        original = snapshot.data
        formatted = format_text(decode_source(original), args.keywords)
    except OSError as error:
        reason = say("usage.cannot-read", path=shown, reason=error.strerror or error)
        print(say("cli.error", error=reason), file=sys.stderr)
        return 2
    except SopSyntaxError as error:
        print(printable(syntax_diagnostic(str(path), error).line_text), file=reports)
        return 1
    except FormatError as error:
        print(say("fmt.unsafe", path=shown, error=error), file=sys.stderr)
        return 2
    result = _with_line_ends_of(original, formatted).encode("utf-8")
    if result == original:
        return 0
    if args.diff:
        sys.stdout.write(_unified_diff(shown, original.decode("utf-8"), result.decode("utf-8")))
    if args.check or args.diff:
        print(say("fmt.would-reformat", path=shown), file=reports)
        return 1
    try:
        write_atomically(path, result, expected=snapshot)
    except NotWritten as error:
        print(say("cli.error", error=printable(str(error))), file=sys.stderr)
        return 1
    except OSError as error:
        reason = say("usage.cannot-write", path=shown, reason=error.strerror or error)
        print(say("cli.error", error=reason), file=sys.stderr)
        return 2
    print(say("fmt.reformatted", path=shown), file=reports)
    return 0


def _with_line_ends_of(original: bytes, text: str) -> str:
    """The text with CRLF line ends if the original's first line ends so, else as it is (LF)."""
    first_line_end = original.find(b"\n")
    if first_line_end > 0 and original[first_line_end - 1 : first_line_end] == b"\r":
        return text.replace("\n", "\r\n")
    return text


def _unified_diff(path: str, before: str, after: str) -> str:
    lines = difflib.unified_diff(
        _LINES.findall(before), _LINES.findall(after), f"{path}\t(original)", f"{path}\t(formatted)"
    )
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)
