"""Odd and extreme files: each gets a clear finding at a position inside it, or goes through every command whole.

Large inputs run with the recursion limit lowered, to prove no step of the work recurses as deep as the input is long.
"""

from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path

import pytest

from sopdsl.format import format_text
from sopdsl.parse import SopSyntaxError, parse_text

from .findings import assert_handled, assert_inside, file_lines, json_findings, printed_findings, run_cli
from .work import assert_linear

HEADER = "sop besar: Prosedur Besar\n  number: 1/SOP/2024\n  effective: 2024-06-10\n  approved-by: Kepala Dinas\n"
ROLE = "role petugas: Petugas\n"
MANY = 1500  # steps in the large-file tests: enough to show depth and time do not grow with the input
RECURSION_ROOM = 300  # frames a command may use above the test's own, whatever the size of its input


def sop(*steps: str) -> str:
    return HEADER + ROLE + "".join(steps)


def step(step_id: str, text: str, *attributes: str) -> str:
    return f"step {step_id}: {text}\n  by: petugas\n  time: 5 menit\n" + "".join(f"  {a}\n" for a in attributes)


def decision(step_id: str, text: str, *attributes: str) -> str:
    return f"decision {step_id}: {text}\n  by: petugas\n  time: 1 menit\n" + "".join(f"  {a}\n" for a in attributes)


def chain(count: int) -> str:
    """`count` plain steps, one after the other."""
    return sop(*(step(f"s{i}", f"Langkah {i}") for i in range(count)))


def decisions_back_to_the_first(count: int) -> str:
    """A first step, then decisions that each go on, or loop back to the first step."""
    return sop(step("s0", "Mulai"), *(decision(f"d{i}", f"Periksa {i}?", "yes: next", "no: s0") for i in range(count)))


def backward_chain(count: int) -> str:
    """Steps run in reverse: the first jumps to the last, each jumps back to the one before, the second ends."""
    first = step("s0", "Mulai", f"next: s{count - 1}")
    rest = (step(f"s{i}", f"Langkah {i}", f"next: {'end' if i == 1 else f's{i - 1}'}") for i in range(1, count))
    return sop(first, *rest)


@contextlib.contextmanager
def shallow_stack():
    """Lower the recursion limit to the current depth plus RECURSION_ROOM for the block."""
    depth, frame = 0, sys._getframe()
    while frame is not None:
        depth, frame = depth + 1, frame.f_back
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(depth + RECURSION_ROOM)
    try:
        yield
    finally:
        sys.setrecursionlimit(limit)


def write(folder: Path, data, name: str = "edge.sop") -> Path:
    path = folder / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8", newline="")
    else:
        path.write_bytes(data)
    return path


def only_finding(path: Path) -> dict:
    """The one finding `check` reports on a file, after asserting it exits 1 and points inside the file."""
    run = run_cli("check", "--format", "json", str(path))
    assert_handled(run)
    assert run.code == 1
    (finding,) = json_findings(run)
    assert_inside(file_lines(path.read_bytes()), finding["line"], finding["column"], finding)
    return finding


def assert_every_command_agrees(path: Path, finding: dict) -> None:
    """stats, render and fmt report the same syntax error as check, and fmt leaves the file alone."""
    before = path.read_bytes()
    for args in (["stats"], ["render", "--to", "html"], ["fmt"]):
        run = run_cli(*args, str(path))
        assert_handled(run)
        assert run.code == 1
        (printed,) = printed_findings(run.out + run.err)
        assert (printed["line"], printed["column"], printed["message"]) == (
            finding["line"], finding["column"], finding["message"])
    assert path.read_bytes() == before


def run_everything(folder: Path, path: Path) -> None:
    """check, stats, fmt and render html, svg and md all finish on the file, none with an error of their own."""
    for args in (["check"], ["stats"], ["fmt"]):
        assert_handled(run_cli(*args, str(path)))
    for name in ("html", "svg", "md"):
        run = run_cli("render", str(path), "--to", name, "-o", str(folder / f"out.{name}"))
        assert_handled(run)
        assert run.code == 0, run


# ---- files that are not .sop text ----------------------------------------------------------------


@pytest.mark.parametrize("content", ["", "\n", "   \n\n  \n", "\r\n\r\n", "\ufeff", "\t\n"])
def test_an_empty_or_blank_file_is_one_clear_error(tmp_path, content):
    path = write(tmp_path, content)
    finding = only_finding(path)
    assert finding["rule"] == "syntax-error"
    assert (finding["line"], finding["column"]) == (1, 1)
    assert finding["message"] == "the file is empty; a .sop file starts with 'sop <id>: <title>'"
    assert_every_command_agrees(path, finding)


def test_a_binary_file_is_named_binary_at_its_first_nul_byte(tmp_path):
    path = write(tmp_path, b"sop x: y\n\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe")
    finding = only_finding(path)
    assert finding["message"] == "the file contains a NUL byte: it is binary, not a .sop text file"
    assert (finding["line"], finding["column"]) == (4, 1)
    assert_every_command_agrees(path, finding)


@pytest.mark.parametrize(
    "data, byte, line, column",
    [
        (b"sop x: Caf\xe9\n", "0xe9", 1, 11),  # Latin-1
        (b"sop x: Judul\nrole a: Pen\xc3\xa9lit\xed\n", "0xed", 2, 16),  # after a valid two-byte letter
        (b"\xff\xfesop\n", "0xff", 1, 1),  # UTF-16 byte order mark
        (b"sop x: Judul\nrole a: A\xe2\x82\n", "0xe2", 2, 10),  # a sequence cut short
    ],
)
def test_a_file_that_is_not_utf8_names_the_byte_and_where_it_is(tmp_path, data, byte, line, column):
    path = write(tmp_path, data)
    finding = only_finding(path)
    assert finding["message"] == f"byte {byte} is not valid UTF-8; save the file as UTF-8"
    assert (finding["line"], finding["column"]) == (line, column)
    assert_every_command_agrees(path, finding)


def test_a_byte_order_mark_changes_nothing_but_is_dropped_by_fmt(tmp_path):
    text = sop(step("a", "Satu"), step("b", "Dua", "next: a"))
    plain = write(tmp_path, text, "plain.sop")
    marked = write(tmp_path, b"\xef\xbb\xbf" + text.encode("utf-8"), "marked.sop")
    findings = [json_findings(run_cli("check", "--format", "json", str(path))) for path in (plain, marked)]
    assert findings[0], "the steps loop without end: there are findings to compare"
    assert [{**f, "path": ""} for f in findings[0]] == [{**f, "path": ""} for f in findings[1]]
    assert run_cli("fmt", str(plain), str(marked)).code == 0
    assert marked.read_bytes() == plain.read_bytes() == format_text(text).encode("utf-8")


# ---- long lines and strings --------------------------------------------------------------------------


def test_a_one_megabyte_step_title_goes_through_every_command(tmp_path):
    title = "x" * 1_000_000
    path = write(tmp_path, sop(step("s", title)))
    run_everything(tmp_path, path)
    assert parse_text(path.read_text(encoding="utf-8")).sections[0].steps[0].text.value == title
    assert title in (tmp_path / "out.md").read_text(encoding="utf-8")


def test_a_one_megabyte_line_of_garbage_is_one_short_finding(tmp_path):
    path = write(tmp_path, sop(step("s", "Satu")) + "~" * 1_000_000 + "\n")
    finding = only_finding(path)
    assert finding["line"] == 9 and finding["column"] == 1
    assert len(finding["message"]) < 200 and "..." in finding["message"]
    assert_every_command_agrees(path, finding)


@pytest.mark.parametrize("attribute", ["text", "note"])
def test_a_hundred_thousand_character_quoted_string_survives_fmt_and_rendering(tmp_path, attribute):
    value = " ".join(f"kata{i}" for i in range(15_000))[:100_000].strip() + ' "dikutip" \\ # bukan komentar'
    quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    body = step("s", quoted) if attribute == "text" else step("s", "Satu", f"note: {quoted}")
    path = write(tmp_path, sop(body))
    with shallow_stack():
        run_everything(tmp_path, path)
    kept = parse_text(path.read_text(encoding="utf-8")).sections[0].steps[0]
    assert (kept.text if attribute == "text" else kept.note).value == value


@pytest.mark.parametrize(
    "source, line, column",
    [
        (sop(step("s", '"Menerima permohonan')), 6, 9),
        (sop(step("s", "Satu", 'note: "catatan')), 9, 9),
        (HEADER + 'role a: "Petugas\nstep s: Satu\n  by: a\n', 5, 9),
    ],
)
def test_an_unterminated_quote_is_reported_where_it_opens(tmp_path, source, line, column):
    path = write(tmp_path, source)
    finding = only_finding(path)
    assert finding["message"] == f"quoted text opened on line {line} is never closed"
    assert (finding["line"], finding["column"]) == (line, column)
    assert_every_command_agrees(path, finding)


# ---- line ends, comments, tabs -------------------------------------------------------------------------


def test_a_file_of_only_comments_says_so(tmp_path):
    path = write(tmp_path, "# Draft\n  # indented\n\n#\n")
    finding = only_finding(path)
    assert finding["message"].startswith("the file has only comments and blank lines; a .sop file starts with 'sop ")
    assert finding["line"] == 4
    assert_every_command_agrees(path, finding)


def test_carriage_returns_alone_as_line_ends_are_named(tmp_path):
    path = write(tmp_path, sop(step("s", "Satu")).replace("\n", "\r"))
    finding = only_finding(path)
    assert "carriage return (CR) without a line feed" in finding["message"]
    assert (finding["line"], finding["column"]) == (1, len("sop besar: Prosedur Besar") + 1)
    assert_every_command_agrees(path, finding)
    text_report = run_cli("check", str(path)).out
    assert "\r" not in text_report and "sop besar: Prosedur Besar" in text_report


def test_crlf_files_check_and_keep_their_line_ends_through_fmt(tmp_path):
    text = sop(step("s", "Satu"), step("t", "Dua"))
    path = write(tmp_path, text.replace("\n", "\r\n").replace("by: petugas", "by:   petugas"))
    assert json_findings(run_cli("check", "--format", "json", str(path))) == []
    assert run_cli("fmt", str(path)).code == 0
    assert path.read_bytes() == format_text(text).replace("\n", "\r\n").encode("utf-8")


@pytest.mark.parametrize(
    "indent, column",
    [("\tby: petugas", 1), ("  \tby: petugas", 3), (" \t by: petugas", 2)],
)
def test_a_tab_in_the_indentation_is_an_error_at_the_tab(tmp_path, indent, column):
    path = write(tmp_path, sop(f"step s: Satu\n{indent}\n  time: 5 menit\n"))
    finding = only_finding(path)
    assert finding["message"] == "tab used for indentation on line 7; indent with spaces"
    assert (finding["line"], finding["column"]) == (7, column)
    assert_every_command_agrees(path, finding)


def test_tabs_inside_a_line_are_blanks(tmp_path):
    path = write(tmp_path, sop("step\ts:\tSatu\tdan\tdua\n  by:\tpetugas\n  time:\t5\tmenit\n"))
    assert json_findings(run_cli("check", "--format", "json", str(path))) == []
    assert run_cli("fmt", str(path)).code == 0
    assert "step s: Satu\tdan\tdua\n  by: petugas\n  time: 5 menit\n" in path.read_text(encoding="utf-8")


def test_control_characters_in_a_file_do_not_reach_the_terminal_raw(tmp_path):
    path = write(tmp_path, sop(step("s", "Satu")) + "\x1b[2J\x07\n")
    finding = only_finding(path)
    assert "\\x1b[2J\\x07" in finding["message"]
    titled = write(tmp_path, sop(step("s", "Satu")).replace("Prosedur Besar", '"Prosedur\x1b[2J\x07"'), "titled.sop")
    for args in (["check"], ["stats"], ["fmt"], ["render", "--to", "md"]):
        for run in (run_cli(*args, str(path)), run_cli(*args, str(titled))):
            assert "\x1b" not in run.out + run.err and "\x07" not in run.out + run.err
    assert "Prosedur\\x1b[2J\\x07" in run_cli("stats", str(titled)).out


# ---- size and depth -------------------------------------------------------------------------------------


@pytest.mark.parametrize("make", [chain, decisions_back_to_the_first, backward_chain])
def test_many_steps_go_through_every_command_without_deep_recursion(tmp_path, make):
    path = write(tmp_path, make(MANY))
    with shallow_stack():
        run_everything(tmp_path, path)
    stats = run_cli("stats", "--format", "json", str(path))
    assert json.loads(stats.out)["flows"][0]["steps"] >= MANY


def test_lines_each_indented_more_than_the_last_stop_at_the_first_unexpected_block(tmp_path):
    path = write(tmp_path, HEADER + ROLE + "".join(" " * depth + f"step s{depth}: Satu\n" for depth in range(5000)))
    with shallow_stack():
        finding = only_finding(path)
        assert_every_command_agrees(path, finding)
    assert finding["line"] == 7


def test_comments_each_indented_more_than_the_last_are_kept_in_place(tmp_path):
    comments = "".join(" " * depth + f"# catatan {depth}\n" for depth in range(5000))
    path = write(tmp_path, sop(step("a", "Satu"), comments, step("b", "Dua")))
    with shallow_stack():
        sop_model = parse_text(path.read_text(encoding="utf-8"))
        run_everything(tmp_path, path)
    assert len(sop_model.comments) == 5000
    assert [c.text for c in parse_text(path.read_text(encoding="utf-8")).comments] == [
        c.text for c in sop_model.comments]


def test_blocks_nested_by_indentation_alone_are_refused_at_once():
    with shallow_stack(), pytest.raises(SopSyntaxError) as caught:
        parse_text(sop("step s: Satu\n" + "".join(" " * (2 + depth) + "by: petugas\n" for depth in range(5000))))
    assert caught.value.line == 8


def comments(size: int) -> str:
    return sop(step("s", "Satu"), "".join(f"# komentar {i}\n" for i in range(size * 40)))


def long_title(size: int) -> str:
    return sop(step("s", "w" * size * 400))


@pytest.mark.parametrize(
    "make, args",
    [
        (chain, ["render", "--to", "html"]),
        (backward_chain, ["render", "--to", "svg"]),
        (decisions_back_to_the_first, ["check", "--no-cache"]),
        (decisions_back_to_the_first, ["fmt", "--check"]),
        (comments, ["render", "--to", "md"]),
        (long_title, ["render", "--to", "svg"]),
    ],
)
def test_work_grows_linearly_with_the_input(tmp_path, make, args):
    """Four times the input makes at most six times the function calls (quadratic work would make sixteen)."""

    def work(size: int) -> None:
        path = write(tmp_path, make(size), f"size-{size}.sop")
        output = ["-o", str(tmp_path / "out")] if args[0] == "render" else []
        assert_handled(run_cli(*args, str(path), *output))

    assert_linear(work, 100)
