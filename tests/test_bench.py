"""The benchmark: its generator writes valid, clean, canonical libraries, and its runs report what they measured."""

from __future__ import annotations

import re
import sys
from dataclasses import replace

from bench import long_inputs, run
from bench.generate import Shape, generate
from bench.measure import FLOOR_PROGRAM, ChildProcesses, Command, InProcess, Timing
from sopdsl.cli import main
from sopdsl.parse import parse_text
from sopdsl.parse.parser import _parser

SHAPE = Shape(steps=20, files=3, decisions=0.3, loops=0.5, sections=2, uses=0.2, seed=7)


def test_a_generated_library_parses_checks_clean_and_is_formatted(tmp_path, capsys):
    paths = generate(tmp_path, SHAPE)
    sops = [parse_text(path.read_text(encoding="utf-8")) for path in paths]
    assert [path.stem for path in paths] == [sop.id for sop in sops]
    assert all(len(sop.sections) == 2 and len(list(sop.activities())) == 20 for sop in sops)
    # The generated SOPs took effect in 2019 to 2024: many are due for evaluation, which is no flaw of their flows.
    assert main(["check", "--strict", "--format", "json", "--ignore", "evaluation-due", str(tmp_path)]) == 0
    assert capsys.readouterr().out.strip() == "[]"
    assert main(["fmt", "--check", str(tmp_path)]) == 0


def test_the_library_has_loops_skips_and_uses_chains(tmp_path):
    sops = [parse_text(path.read_text(encoding="utf-8")) for path in generate(tmp_path, SHAPE)]
    jumps = []
    for sop in sops:
        for section in sop.sections:
            position = {step.id: index for index, step in enumerate(section.steps) if step.id is not None}
            jumps += [
                position[branch.target.id] - index
                for index, step in enumerate(section.steps)
                for branch in step.branches
                if branch.target.id != "next"
            ]
    assert any(jump < 0 for jump in jumps), "a rework loop back to an earlier step"
    assert any(jump > 1 for jump in jumps), "a branch skipping ahead"
    ids = [sop.id for sop in sops]
    uses = {(sop.id, step.uses.id) for sop in sops for step in sop.activities() if step.uses is not None}
    assert uses and all(ids.index(used) > ids.index(user) for user, used in uses)


def test_the_same_seed_writes_the_same_files(tmp_path):
    first, again = generate(tmp_path / "a", SHAPE), generate(tmp_path / "b", SHAPE)
    other = generate(tmp_path / "c", replace(SHAPE, seed=8))
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in again]
    assert [p.read_bytes() for p in first] != [p.read_bytes() for p in other]


def test_the_floor_builds_lark_as_sopdsl_does_minus_the_transformer():
    floor = {"__name__": "floor"}
    exec(compile(FLOOR_PROGRAM, "<lark floor>", "exec"), floor)
    bare, full = floor["build_parser"]([]), _parser().lark
    assert bare.source_grammar == full.source_grammar
    assert type(bare.options.postlex) is type(full.options.postlex)
    assert bare.options.transformer is None and full.options.transformer is not None
    assert bare.options.lexer_callbacks.keys() == full.options.lexer_callbacks.keys()
    objects = ("transformer", "postlex", "lexer_callbacks")
    assert {name: value for name, value in bare.options.options.items() if name not in objects} == {
        name: value for name, value in full.options.options.items() if name not in objects
    }


def test_a_row_passes_only_within_all_its_targets():
    floor = Timing(1.0, 1.0, 50)
    assert run.Row("w", "c", Timing(1.4, 2.0, 100), floor, max_ratio=1.5, max_mb=250).verdict == "PASS"
    assert run.Row("w", "c", Timing(1.6, 1.0, 100), floor, max_ratio=1.5).verdict == "FAIL"
    assert run.Row("w", "c", Timing(1.0, 1.0, 300), floor, max_mb=250).verdict == "FAIL"
    assert run.Row("w", "c", Timing(9.0, 9.0, 300), floor).verdict == ""


def test_a_sampled_tree_is_held_to_the_memory_limit_and_a_time_limit_holds_too():
    assert run.Row("w", "c", Timing(1.0, 1.0, 100, tree_mb=300), max_mb=250).verdict == "FAIL"
    assert run.Row("w", "c", Timing(1.0, 1.0, 100, tree_mb=200), max_mb=250).verdict == "PASS"
    assert run.Row("w", "c", Timing(0.4, 0.1, 0), max_seconds=0.3).verdict == "FAIL"
    assert run.Row("w", "c", Timing(0.2, 0.1, 0), max_seconds=0.3).target == "<= 0.3 s"


TWO_PROCESSES = """
import os, time
held = bytearray(60 << 20)
if os.fork() == 0:
    own = bytearray(60 << 20)
    time.sleep(0.6)
    os._exit(0)
time.sleep(0.6)
os.wait()
"""


def test_the_memory_of_a_process_tree_is_summed_over_its_processes(tmp_path):
    runner = ChildProcesses(1, tmp_path)
    both = runner.once(Command("program", "two", (sys.executable, "-c", TWO_PROCESSES), tree=True))
    assert both.tree_mb > both.peak_mb + 50  # the largest process (the child: its own and its parent's pages) and more
    assert runner.once(Command("program", "two", (sys.executable, "-c", TWO_PROCESSES))).tree_mb == 0


def test_repetitions_take_commands_in_turn_and_report_medians():
    class Counting(InProcess):
        repeat = 3

        def __init__(self):
            self.order, self.seconds = [], iter([1.0, 5.0, 3.0, 6.0, 2.0, 4.0])

        def once(self, command):
            self.order.append(command.label)
            return Timing(next(self.seconds), 0.5, 10 * len(self.order))

    runner = Counting()
    floor, check = Command("floor", "floor"), Command("sopdsl", "check")
    assert runner.time_all([floor, check]) == [Timing(2.0, 0.5, 50), Timing(5.0, 0.5, 60)]
    assert runner.order == ["floor", "check"] * 3


def test_the_smoke_run_measures_every_command_beside_its_floor(capsys):
    assert run.main(["--smoke"]) == 0
    out = capsys.readouterr().out
    table = out[out.index("workload") : out.index("scaling with")]
    for command in ("Lark floor", "import lark", "check", "stats", "fmt --check", "render --to html", "build"):
        assert command in table
    assert table.count("PASS") + table.count("FAIL") == 9
    assert "rebuild after one edit" in table
    assert "targets met:" in out


def test_the_profile_names_the_parser_and_the_rules(tmp_path, capsys):
    assert run.main(["--profile", "--big", "30", "--keep", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "exit 0" in out
    assert "lark.parsers.lalr_parser" in out  # the parser leads the profile, as it leads the check
    parts = set(re.findall(r"^\s*[\d.]+ s\s+[\d.]+%\s+(\S.*)$", out, re.MULTILINE))
    assert {"rules, with the flow analysis they call", "parsing: Lark, the indenter and the transformer"} <= parts


def test_the_long_inputs_benchmark_measures_every_kind(tmp_path, capsys):
    sizes = [2048, 8192]
    rows = long_inputs.measure(list(long_inputs.KINDS), ["check"], sizes, InProcess(accepted=(0, 1)), tmp_path)
    assert [kind for kind, _, _ in rows] == list(long_inputs.KINDS)
    assert all(set(timings) == {1024, *sizes} for _, _, timings in rows)
    lines = long_inputs.table(rows, sizes).splitlines()
    assert lines[0].split()[:3] == ["input", "command", "0.00195312"] and len(lines) == 2 + len(long_inputs.KINDS)
    assert list(tmp_path.glob("*.sop")) == []
