"""Ranges and references across a library: reversed ranges, SOP ids declared twice, SOPs naming themselves, and
`uses` cycles reported once."""

from __future__ import annotations

import json
from pathlib import Path

from sopdsl.checker import check_paths
from sopdsl.cli import main

from .sop_files import sop_text, write_sop

REVERSED = """\
step terima: Menerima permohonan
  by: petugas
  time: 5-2 jam
"""


def check_json(capsys, *paths):
    """(exit code, [(file name, line, column, rule, message)]) of `sopdsl check --format json PATHS`."""
    code = main(["check", "--format", "json", *map(str, paths)])
    found = json.loads(capsys.readouterr().out)
    return code, [(Path(f["path"]).name, f["line"], f["column"], f["rule"], f["message"]) for f in found]


def test_item7_a_reversed_range_is_an_error_and_counts_in_no_total(tmp_path, capsys):
    path = write_sop(tmp_path, "a.sop", REVERSED, fields="  sla: 1 jam")
    code, found = check_json(capsys, path)
    assert code == 1
    assert [(rule, line, column) for _, line, column, rule, _ in found] == [("reversed-range", 10, 9)]
    assert main(["stats", "--format", "json", str(path)]) == 0
    totals = json.loads(capsys.readouterr().out)
    assert totals["total"] == {"typical_minutes": [0, 0], "min_minutes": 0, "max_minutes": 0}
    assert totals["flows"][0]["unquantified"] == ["terima"]


def test_item7_a_reversed_sla_is_reported_and_not_compared(tmp_path, capsys):
    path = write_sop(tmp_path, "a.sop", fields="  sla: 3-1 menit")
    code, found = check_json(capsys, path)
    assert (code, [(rule, line) for _, line, _, rule, _ in found]) == (1, [("reversed-range", 5)])


def test_item8_two_files_declaring_one_id_are_both_reported(tmp_path, capsys):
    first = write_sop(tmp_path / "first", "layanan.sop")
    second = write_sop(tmp_path / "second", "layanan.sop")
    code, found = check_json(capsys, first, second)
    assert code == 1
    assert [(line, column, rule) for _, line, column, rule, _ in found] == [(1, 5, "duplicate-sop")] * 2
    assert str(second) in found[0][4] and str(first) in found[1][4]


def test_item8_a_message_names_a_few_of_many_files_declaring_one_id(tmp_path):
    paths = [write_sop(tmp_path / f"copy{number}", "layanan.sop") for number in range(40)]
    diagnostics = check_paths(paths, True, jobs=1).diagnostics
    messages = [d.message for d in diagnostics if d.rule == "duplicate-sop"]
    assert len(messages) == 40
    assert all(message.count("copy") == 3 and "and 36 more" in message for message in messages)


def test_item8_an_sop_naming_itself_is_a_self_reference_and_not_a_cycle(tmp_path, capsys):
    steps = "step terima: Menerima permohonan\n  by: petugas\n  uses: a\n"
    path = write_sop(tmp_path, "a.sop", steps, fields="  related:\n    - a")
    code, found = check_json(capsys, path)
    assert code == 0
    assert [(line, column, rule) for _, line, column, rule, _ in found] == [
        (6, 7, "self-reference"), (11, 9, "self-reference")]


def cycle(folder: Path, size: int) -> list[Path]:
    """`size` SOPs, each using the next, the last using the first."""
    paths = []
    for number in range(size):
        steps = f"step terima: Menerima\n  by: petugas\n  uses: s{(number + 1) % size}\n"
        path = folder / f"s{number}.sop"
        path.write_text(sop_text(steps, f"s{number}"), encoding="utf-8")
        paths.append(path)
    return paths


def test_item18_a_cycle_is_reported_once_with_a_bounded_message(tmp_path):
    lengths = {}
    for size in (6, 300):
        folder = tmp_path / str(size)
        folder.mkdir()
        diagnostics = check_paths(cycle(folder, size), True, jobs=1).diagnostics
        [finding] = [d for d in diagnostics if d.rule == "uses-cycle"]
        assert (Path(finding.path).name, finding.line) == ("s0.sop", 10)
        assert f"a cycle of {size} SOPs: s0 -> s1 -> s2 -> s3 -> s4 -> … ({size - 5} more) -> s0" in finding.message
        lengths[size] = len(finding.message)
    assert lengths[300] - lengths[6] <= 4
