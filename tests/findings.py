"""The command line run in-process for the robustness tests, and the findings it prints, checked against the file."""

from __future__ import annotations

import contextlib
import io
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

from sopdsl.checker import check_paths, file_diagnostics, library_diagnostics
from sopdsl.cli import main
from sopdsl.config import DEFAULTS, Config
from sopdsl.rules.base import LibraryContext

BYTE_ORDER_MARK = b"\xef\xbb\xbf"
# `path:line:column: severity rule message`, as `check` (text), `stats`, `render` and `fmt` print a finding.
FINDING_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning|info) "
                          r"(?P<rule>[a-z-]+) (?P<message>.+)$", re.MULTILINE)
LINE_NUMBER = re.compile(r"\bline \d+")
# fmt writes a list of one item on its key's line, so a silence there stands on a line rather than on a block.
SILENCE_PLACE = re.compile(r"\b(?:on this line|in this block)\b")
# The word a finding points at: an id, a keyword, a rule named in a suppression, the first word of a text.
# A quoted text is read as its value (escapes undone), since fmt may write the same value without quotes.
QUOTED_WORD = re.compile(r'"((?:\\.|[^\s",:\[\]\\])*)')
BARE_WORD = re.compile(r'[^\s,:\[\]]*')
ESCAPE = re.compile(r"\\(.)")


class Run(NamedTuple):
    """One command: its exit code and what it wrote to standard output and standard error."""

    code: int
    out: str
    err: str


def run_cli(*args: str) -> Run:
    """`sopdsl ARGS` in this process; a SystemExit (from argparse) is taken as the exit code."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else 2
    return Run(code, out.getvalue(), err.getvalue())


def assert_handled(run: Run, codes: Sequence[int] = (0, 1)) -> None:
    """The command finished as the contract says: an expected exit code, no traceback, no internal error."""
    assert run.code in codes, run
    assert "Traceback" not in run.err, run.err
    assert "internal error" not in run.err, run.err


def file_lines(data: bytes) -> list[str]:
    """The lines of a file as findings count them: split at LF only, a leading byte order mark left out,
    bytes that are not UTF-8 shown as one replacement character each run."""
    if data.startswith(BYTE_ORDER_MARK):
        data = data[len(BYTE_ORDER_MARK):]
    return data.decode("utf-8", errors="replace").split("\n")


def assert_inside(lines: Sequence[str], line: int, column: int, what: object = "") -> None:
    """A finding points at a line of the file and at a character of it, or just past its end."""
    assert 1 <= line <= len(lines), (line, column, len(lines), what)
    assert 1 <= column <= len(lines[line - 1].rstrip("\r")) + 1, (line, column, lines[line - 1][:200], what)


def printed_findings(output: str) -> list[dict]:
    """The findings in `path:line:column: severity rule message` lines of an output."""
    return [
        {**match.groupdict(), "line": int(match.group("line")), "column": int(match.group("column"))}
        for match in FINDING_LINE.finditer(output)
    ]


def json_findings(run: Run) -> list[dict]:
    """The findings of `check --format json`."""
    return json.loads(run.out)


def placed(findings: Iterable[dict], lines: Sequence[str]) -> Counter:
    """Findings counted as (rule, severity, message, word pointed at): what fmt keeps wherever lines move."""
    return Counter(
        (
            f["rule"],
            str(f["severity"]),
            SILENCE_PLACE.sub("here", LINE_NUMBER.sub("line N", f["message"])),
            pointed_word(lines[f["line"] - 1], f["column"] - 1),
        )
        for f in findings
    )


def pointed_word(line: str, index: int) -> str:
    """The word that starts at `index` of `line`: a quoted text by its value, else up to a space or a mark.

    A closing quote is not part of the word, nor is a quote the word ends with, so that `"a\\""` (quoted)
    and `a"` (as fmt may write the same value bare) point at the same word.
    """
    quoted = QUOTED_WORD.match(line, index)
    if quoted:
        return ESCAPE.sub(r"\1", quoted.group(1)).rstrip('"')
    return BARE_WORD.match(line, index).group(0).rstrip('"')


def placed_findings(path: Path) -> Counter:
    """`check`'s findings on one file, placed (see `placed`)."""
    diagnostics = check_paths([path], False, jobs=1).diagnostics
    return placed((diagnostic._asdict() for diagnostic in diagnostics), file_lines(path.read_bytes()))


def check_library(library: LibraryContext, settings: Config = DEFAULTS) -> list:
    """Every finding on every file of an already loaded library, with the settings given (default ones), sorted."""
    per_file = [d for file in library.files for d in file_diagnostics(file, settings)]
    return list(library_diagnostics(library, per_file, settings)[0])
