"""`sopdsl check`: exit codes, --strict, suppressions, and the same output on one process or many."""

from __future__ import annotations

import concurrent.futures
import json
import pickle
from pathlib import Path

import pytest

from sopdsl import checker
from sopdsl.cli import main
from sopdsl.parse import parse_text
from sopdsl.suppressions import block_extents

from .conftest import FIXTURES
from .sop_files import sop_text, write_sop

MISSING_TIME = """\
step terima: Menerima permohonan
  by: petugas
"""
UNKNOWN_ROLE = """\
step terima: Menerima permohonan
  by: petugas, kepala
  time: 10 menit
"""
UNQUANTIFIED_TIME = """\
step terima: Menerima permohonan
  by: petugas
  time: "Sesuai jadwal"
"""


def findings(capsys, *args):
    """(exit code, [(line, column, rule) ...]) of `sopdsl check --format json ARGS`."""
    code = main(["check", "--format", "json", *map(str, args)])
    return code, [(f["line"], f["column"], f["rule"]) for f in json.loads(capsys.readouterr().out)]


@pytest.mark.parametrize(
    "steps, strict, expected",
    [
        (None, False, 0),
        (UNKNOWN_ROLE, False, 1),
        (MISSING_TIME, False, 0),
        (MISSING_TIME, True, 1),
        (UNQUANTIFIED_TIME, True, 0),
    ],
    ids=["clean", "error", "warning", "warning-strict", "info-strict"],
)
def test_exit_codes(tmp_path, capsys, steps, strict, expected):
    path = write_sop(tmp_path, "x.sop", *([steps] if steps else []))
    assert main(["check", str(path), *(["--strict"] if strict else [])]) == expected


def test_a_clean_check_says_so(tmp_path, capsys):
    assert main(["check", str(write_sop(tmp_path, "x.sop"))]) == 0
    assert capsys.readouterr().out == "1 file checked: no findings\n"


def test_missing_path_exits_2_with_one_line(tmp_path, capsys):
    assert main(["check", str(tmp_path / "nowhere.sop")]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and "nowhere.sop" in captured.err


def test_a_trailing_comment_silences_its_line(tmp_path, capsys):
    steps = UNKNOWN_ROLE.replace("kepala", "kepala  # sopdsl: ignore[unknown-role]")
    assert findings(capsys, write_sop(tmp_path, "x.sop", steps)) == (0, [])


def test_a_step_line_comment_silences_its_attribute_lines(tmp_path, capsys):
    steps = UNKNOWN_ROLE.replace("permohonan\n", "permohonan  # sopdsl: ignore[unknown-role]\n")
    assert findings(capsys, write_sop(tmp_path, "x.sop", steps)) == (0, [])


def test_a_block_comment_does_not_reach_the_next_step(tmp_path, capsys):
    steps = MISSING_TIME.replace("permohonan\n", "permohonan  # sopdsl: ignore[missing-time]\n") + MISSING_TIME.replace(
        "terima", "periksa"
    )
    assert findings(capsys, write_sop(tmp_path, "x.sop", steps)) == (0, [(10, 6, "missing-time")])


def test_one_comment_silences_several_rules(tmp_path, capsys):
    steps = "step terima: Menerima  # sopdsl: ignore[unknown-role, missing-time]\n  by: petugas, kepala\n"
    assert findings(capsys, write_sop(tmp_path, "x.sop", steps)) == (0, [])


def test_unused_and_unknown_names_are_reported_at_the_name(tmp_path, capsys):
    steps = "step terima: Menerima  # sopdsl: ignore[missing-time, no-such-rule]\n  by: petugas\n  time: 5 menit\n"
    path = write_sop(tmp_path, "x.sop", steps)
    code, found = findings(capsys, "--strict", path)
    assert (code, found) == (1, [(8, 41, "unused-ignore"), (8, 55, "unused-ignore")])
    main(["check", "--format", "json", str(path)])
    messages = [f["message"] for f in json.loads(capsys.readouterr().out)]
    assert "'missing-time'" in messages[0] and "does not exist" in messages[1]


def test_blocks_reach_from_their_opening_line_to_their_last_attribute():
    extents = block_extents(parse_text((FIXTURES / "language" / "whole-file.sop").read_text(encoding="utf-8")))
    assert extents[2] == (2, 23)  # the sop header, up to `sla`
    assert extents[4] == (4, 6) and extents[3] == (3, 3)  # a list field and its items; a one-line field
    assert extents[25] == (25, 25)  # a role
    assert extents[35] == (35, 40)  # a decision up to its last branch
    assert extents[42] == extents[43] == (42, 48)  # a step whose text spans two lines opens on both


def test_a_silence_after_a_multi_line_title_covers_the_whole_step(tmp_path, capsys):
    steps = 'step terima: "Menerima\n    permohonan"  # sopdsl: ignore[missing-time]\n  by: petugas\n'
    path = write_sop(tmp_path, "x.sop", steps)
    assert findings(capsys, path) == (0, [])


def test_a_section_block_reaches_its_last_step():
    text = sop_text(
        "section a: Satu\nstep s: S\n  by: petugas\n  time: 1 h\nsection b: Dua\nstep t: T\n  by: petugas\n"
    )
    extents = block_extents(parse_text(text))
    assert (extents[8], extents[12]) == ((8, 11), (12, 14))


def test_library_findings_can_be_silenced(tmp_path, capsys):
    steps = "step terima: Menerima\n  by: petugas\n  uses: lain  # sopdsl: ignore[unknown-sop]\n"
    write_sop(tmp_path, "x.sop", steps)
    assert findings(capsys, tmp_path) == (0, [])


def test_a_silence_for_a_rule_that_did_not_run_is_not_reported(tmp_path, capsys):
    steps = MISSING_TIME.replace("permohonan\n", "permohonan  # sopdsl: ignore[missing-time]\n")
    path = write_sop(tmp_path, "x.sop", steps)
    assert findings(capsys, "--ignore", "missing-time", path) == (0, [])
    assert findings(capsys, "--select", "unused-ignore,unknown-role", path) == (0, [])


def test_select_and_ignore_on_the_command_line(tmp_path, capsys):
    path = write_sop(tmp_path, "x.sop", "step terima: Menerima\n  by: petugas, kepala\n")
    assert findings(capsys, path) == (1, [(8, 6, "missing-time"), (9, 16, "unknown-role")])
    assert findings(capsys, "--select", "missing-time", path) == (0, [(8, 6, "missing-time")])
    assert findings(capsys, "--ignore", "missing-time", path) == (1, [(9, 16, "unknown-role")])
    assert main(["check", "--select", "missing-time,frobnicate", str(path)]) == 2
    assert "'frobnicate' is not a rule" in capsys.readouterr().err


def test_syntax_errors_are_always_reported(tmp_path, capsys):
    bad = tmp_path / "bad.sop"
    bad.write_text("sop x: Judul\nstep s: Kegiatan\n  by:\n", encoding="utf-8")
    assert findings(capsys, "--select", "missing-time", bad) == (1, [(3, 6, "syntax-error")])
    assert main(["check", "--ignore", "syntax-error", str(bad)]) == 2


def test_output_is_sorted_whatever_the_order_of_the_paths(tmp_path, capsys):
    paths = [write_sop(tmp_path, f"{name}.sop", MISSING_TIME) for name in ("b", "a", "c")]
    main(["check", "--format", "json", *map(str, paths)])
    assert [f["path"] for f in json.loads(capsys.readouterr().out)] == sorted(map(str, paths))


def _library(folder, count):
    """`count` SOPs, one of four kinds each: a warning, an error and a use of a broken SOP, info, no parse."""
    for number in range(count):
        name = f"sop{number:02}.sop"
        kind = number % 4
        if kind == 0:
            write_sop(folder, name, MISSING_TIME)
        elif kind == 1:
            write_sop(folder, name, UNKNOWN_ROLE + f"  uses: sop{number + 2:02}\n")
        elif kind == 2:
            write_sop(folder, name, UNQUANTIFIED_TIME + "  uses: lain  # sopdsl: ignore[unknown-sop]\n")
        else:
            (folder / name).write_text("sop broken: Rusak\nstep:\n", encoding="utf-8")


class _CountingPool(concurrent.futures.ProcessPoolExecutor):
    started = 0

    def __init__(self, *args, **kwargs):
        type(self).started += 1
        super().__init__(*args, **kwargs)


def test_many_files_on_a_pool_give_the_same_output_as_one_process(tmp_path, capsys, monkeypatch):
    _library(tmp_path, checker.POOL_THRESHOLD + 4)
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", _CountingPool)
    outputs = []
    for jobs in ("1", "3"):
        for form in ("json", "text"):
            code = main(["check", "--no-cache", "--format", form, "--jobs", jobs, str(tmp_path)])
            outputs.append((jobs, form, code, capsys.readouterr().out))
    assert _CountingPool.started == 2
    serial, parallel = outputs[:2], outputs[2:]
    assert [o[1:] for o in serial] == [o[1:] for o in parallel]
    rules = {f["rule"] for f in json.loads(serial[0][3])}
    assert rules == {"missing-time", "unknown-role", "unquantified-time", "syntax-error", "unknown-sop"}


def test_a_few_files_never_start_a_pool(tmp_path, capsys, monkeypatch):
    _library(tmp_path, checker.POOL_THRESHOLD)
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", None)
    assert main(["check", "--jobs", "8", str(tmp_path)]) == 1


def test_the_model_crosses_process_boundaries():
    sop = parse_text((FIXTURES / "language" / "whole-file.sop").read_text(encoding="utf-8"))
    copy = pickle.loads(pickle.dumps(sop))
    assert copy == sop
    assert copy.comments == sop.comments and copy.field_spans == sop.field_spans
    assert [a.span for a in copy.activities()] == [a.span for a in sop.activities()]


def test_jobs_must_be_a_positive_number(tmp_path, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["check", "--jobs", "0", str(write_sop(tmp_path, "x.sop"))])
    assert stopped.value.code == 2


def test_item10_a_silence_used_in_one_file_does_not_hide_an_unused_one_at_the_same_place_in_another(tmp_path, capsys):
    text = "sop {id}: Contoh\nrole petugas: Petugas\nrole arsip: Arsip  # sopdsl: ignore[unused-role]\n\n" \
           "step terima: Menerima\n  by: {by}\n  time: 1 jam\n"
    (tmp_path / "a.sop").write_text(text.format(id="a", by="petugas"), encoding="utf-8")
    (tmp_path / "b.sop").write_text(text.format(id="b", by="petugas, arsip"), encoding="utf-8")
    main(["check", "--format", "json", "--select", "unused-role,unused-ignore", str(tmp_path)])
    found = [(Path(f["path"]).name, f["line"], f["column"], f["rule"]) for f in json.loads(capsys.readouterr().out)]
    assert found == [("b.sop", 3, 37, "unused-ignore")]
