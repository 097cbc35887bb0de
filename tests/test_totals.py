"""Timing totals: units and calendars, typical/min/max per flow, loops, `uses` across a library."""

from __future__ import annotations

import textwrap
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sopdsl.analysis import library
from sopdsl.analysis.calendar import format_number, json_minutes, mixed_units
from sopdsl.analysis.graph import END, FlowGraph
from sopdsl.analysis.totals import (
    CalendarError,
    calendar_minutes,
    duration_minutes,
    sop_totals,
    typical_path,
)
from sopdsl.library_record import library_record
from sopdsl.model import Branch, Decision, Duration, Ref, Section, Sop, Step, Term, Text, Unit
from sopdsl.parse import parse_text

from .work import assert_linear

SPECS = Path(__file__).resolve().parent.parent / "specs"


def library_totals(sops):
    """Totals across the SOPs, composed as the checker does, from their summaries."""
    return library.library_totals(map(library_record, sops))


LANGUAGE_EXAMPLE = """\
sop pelayanan-permohonan: Pelayanan Permohonan Informasi Publik
  sla: 10 workdays

role pemohon: Pemohon Informasi
role petugas: Petugas Layanan Informasi
role ppid: PPID

step terima: Menerima dan mencatat permohonan informasi dalam register
  by: petugas
  time: 15 min

decision lengkap: Memeriksa kelengkapan permohonan
  by: petugas
  time: 30 menit
  yes: next
  no: kembalikan

step jawab: "Menyiapkan jawaban permohonan sesuai
    daftar informasi publik"
  by: ppid
  uses: penyiapan-jawaban
  time: 1-7 hari kerja

step serahkan: Menyerahkan jawaban kepada pemohon
  by: petugas
  time: 1 h 30 min
  next: end

step kembalikan: Mengembalikan permohonan untuk dilengkapi
  by: petugas
  time: 10 min
  next: terima
"""

ONE_STEP = "sop {id}: T\nrole r: R\nstep: S\n  by: r\n  time: {time}\n"

# The worked example of docs/totals.md: the seed's totals by hand.
SEED_TOTALS = {
    "sop": "pendokumentasian-informasi-publik",
    "flows": [
        {
            "section": None,
            "steps": 6,
            "typical_minutes": [1005, 1005],
            "min_minutes": 1005,
            "max_minutes": 1005,
            "loops": [
                {"from": "periksa-ketua", "to": "susun", "minutes": [495, 495]},
                {"from": "periksa-atasan", "to": "periksa-ketua", "minutes": [30, 30]},
            ],
            "unquantified": ["arsip"],
        }
    ],
    "total": {"typical_minutes": [1005, 1005], "min_minutes": 1005, "max_minutes": 1005},
}


def sop(text: str) -> Sop:
    return parse_text(textwrap.dedent(text))


def totals_json(text: str) -> dict:
    return sop_totals(sop(text)).as_json()


def flow(text: str) -> dict:
    (only,) = totals_json(text)["flows"]
    return only


def minutes_of(text: str, calendar: str = "") -> tuple:
    source = f"sop x: X\n{calendar}role r: R\nstep s: S\n  by: r\n  time: {text}\n"
    return tuple(totals_json(source)["total"]["typical_minutes"])


# ---- the worked example of docs/totals.md -------------------------------------------------


def test_seed_pendokumentasian_matches_the_worked_example():
    seed = parse_text((SPECS / "pendokumentasian-informasi-publik.sop").read_text(encoding="utf-8"))
    assert sop_totals(seed).as_json() == SEED_TOTALS


def test_language_example():
    assert sop_totals(parse_text(LANGUAGE_EXAMPLE)).as_json() == {
        "sop": "pelayanan-permohonan",
        "flows": [
            {
                "section": None,
                "steps": 5,
                "typical_minutes": [15 + 30 + 480 + 90, 15 + 30 + 3360 + 90],
                "min_minutes": 615,
                "max_minutes": 3495,
                "loops": [{"from": "kembalikan", "to": "terima", "minutes": [15 + 30 + 10, 55]}],
                "unquantified": [],
            }
        ],
        "total": {"typical_minutes": [615, 3495], "min_minutes": 615, "max_minutes": 3495},
    }


def test_language_example_takes_its_own_time_over_the_used_sop():
    used = library_totals([parse_text(LANGUAGE_EXAMPLE), sop(ONE_STEP.format(id="penyiapan-jawaban", time="5 hari"))])
    assert used["pelayanan-permohonan"].as_json()["total"]["typical_minutes"] == [615, 3495]


# ---- units and calendars --------------------------------------------------------------------


@pytest.mark.parametrize(
    "written, expected",
    [
        ("15 min", (15, 15)),
        ("2 h 30 min", (150, 150)),
        ("1,5 jam", (90, 90)),
        ("1.5 hours", (90, 90)),
        ("10 (sepuluh) hari kerja", (4800, 4800)),
        ("1-3 days", (480, 1440)),
        ("1 (satu)-3 (tiga) hari", (480, 1440)),
        ("2 weeks", (4800, 4800)),
        ("1 bulan", (10080, 10080)),
        ("1 tahun", (120960, 120960)),
        ("7 hari kalender", (2400, 2400)),
        ("1 calendar day", (342.86, 342.86)),
    ],
)
def test_durations_in_default_working_minutes(written, expected):
    assert minutes_of(written) == expected


def test_default_calendar():
    minutes = calendar_minutes(None)
    assert minutes == {
        Unit.MINUTE: 1,
        Unit.HOUR: 60,
        Unit.WORKDAY: 480,
        Unit.CALENDAR_DAY: Fraction(2400, 7),
        Unit.WEEK: 2400,
        Unit.MONTH: 10080,
        Unit.YEAR: 120960,
    }


def test_custom_workday_of_seven_and_a_half_hours():
    calendar = "  calendar:\n    workday: 7.5 h\n"
    assert minutes_of("1 hari", calendar) == (450, 450)
    assert minutes_of("1 week", calendar) == (2250, 2250)
    assert minutes_of("2 hari kalender", calendar) == (642.86, 642.86)
    assert minutes_of("1 month", calendar) == (21 * 450, 21 * 450)


def test_custom_calendar_in_every_entry():
    calendar = "  calendar:\n    workday: 7 h 30 min\n    week: 6 workdays\n    month: 4 weeks\n    year: 11 months\n"
    assert minutes_of("1 hari kalender", calendar) == (385.71, 385.71)
    assert minutes_of("1 bulan", calendar) == (4 * 6 * 450,) * 2
    assert minutes_of("1 tahun", calendar) == (11 * 4 * 6 * 450,) * 2


def test_month_in_calendar_days():
    minutes = calendar_minutes(sop("sop x: X\n  calendar:\n    month: 28 hari kalender\n").calendar)
    assert minutes[Unit.MONTH] == 28 * Fraction(2400, 7)


@pytest.mark.parametrize(
    "entry, message",
    [
        ("workday: 1 day", "calendar 'workday' cannot be given in 'day'"),
        ("workday: 1 week", "calendar 'workday' cannot be given in 'week'"),
        ("week: 7 hari kalender", "calendar 'week' cannot be given in 'hari kalender'"),
        ("week: 1 week", "calendar 'week' cannot be given in 'week'"),
        ("month: 1 year", "calendar 'month' cannot be given in 'year'"),
        ("year: 2 years", "calendar 'year' cannot be given in 'years'"),
        ("workday: 7-8 h", "calendar 'workday' must be one length, not the range '7-8 h'"),
        ("week: 0 workdays", "calendar 'week' must be longer than zero"),
    ],
)
def test_calendar_errors(entry, message):
    parsed = sop(f"sop x: X\n  calendar:\n    {entry}\n")
    with pytest.raises(CalendarError) as raised:
        calendar_minutes(parsed.calendar)
    assert raised.value.message.startswith(message)
    assert (raised.value.span.line, raised.value.span.column) == (3, len(entry.split(":")[0]) + 7)


def test_duration_minutes_of_terms_and_ranges():
    minutes = calendar_minutes(None)
    terms = Duration(terms=(Term(number="1", unit_word="jam"), Term(number="15", unit_word="menit")))
    span = Duration(terms=(Term(number="1,5", unit_word="hari"),), upto=Term(number="2", unit_word="hari"))
    assert duration_minutes(terms, minutes) == (75, 75)
    assert duration_minutes(span, minutes) == (720, 960)


def test_json_minutes_and_mixed_units():
    assert json_minutes(Fraction(615)) == 615 and isinstance(json_minutes(Fraction(615)), int)
    assert json_minutes(Fraction(2400, 7)) == 342.86
    assert mixed_units(Fraction(2 * 480 + 3 * 60 + 15), Fraction(480)) == "2 hari 3 jam 15 menit"
    assert mixed_units(Fraction(2 * 480 + 3 * 60 + 15), Fraction(480), "en") == "2 days 3 h 15 min"
    assert mixed_units(Fraction(480 + 1), Fraction(480), "en") == "1 day 1 min"
    assert mixed_units(Fraction(0), Fraction(480)) == "0 menit"
    assert mixed_units(Fraction(2400, 7), Fraction(480)) == "5 jam 42,86 menit"
    assert mixed_units(Fraction(900), Fraction(450), "en") == "2 days"
    working_days = ("working day", "working days")
    assert mixed_units(Fraction(2 * 480 + 1), Fraction(480), "en", working_days) == "2 working days 1 min"
    assert format_number(Fraction(3, 2), "en") == "1.5"


# ---- typical, min, max, loops ----------------------------------------------------------------

HEAD = "sop x: X\nrole r: R\n"


def steps(*lines: str) -> str:
    return HEAD + "".join(textwrap.dedent(line) for line in lines)


def test_range_counts_low_toward_min_and_high_toward_max():
    result = flow(steps("step a: A\n  time: 1-3 h\n", "step b: B\n  time: 2-4 hari\n"))
    assert result["typical_minutes"] == [60 + 960, 180 + 1920]
    assert (result["min_minutes"], result["max_minutes"]) == (1020, 2100)


def test_min_and_max_take_different_branches():
    result = flow(
        steps(
            "decision d: D\n  time: 5 min\n  yes: fast\n  no: slow\n",
            "step slow: S\n  time: 1-2 h\n  next: end\n",
            "step fast: F\n  time: 10-200 min\n",
        )
    )
    assert result["typical_minutes"] == [15, 205]
    assert (result["min_minutes"], result["max_minutes"]) == (5 + 10, 5 + 200)


def test_decision_whose_first_branch_is_a_loop_takes_the_next_branch():
    result = flow(
        steps(
            "step a: A\n  time: 10 min\n",
            "decision d: D\n  time: 5 min\n  yes: a\n  no: next\n",
            "step b: B\n  time: 1 h\n",
        )
    )
    assert result["typical_minutes"] == [75, 75]
    assert result["loops"] == [{"from": "d", "to": "a", "minutes": [15, 15]}]


def test_typical_prefers_the_first_branch_that_reaches_end_without_loops():
    text = steps(
        "step a: A\n  time: 1 min\n",
        "decision d: D\n  time: 2 min\n  yes: stuck\n  no: done\n",
        "step stuck: S\n  time: 1 h\n  next: a\n",
        "step done: E\n  time: 4 min\n",
    )
    assert flow(text)["typical_minutes"] == [7, 7]
    assert typical_path(FlowGraph(sop(text).sections[0])).steps == (0, 1, 3)


def test_decision_with_only_loop_branches_stops_the_typical_path():
    text = steps(
        "step a: A\n  time: 1 min\n",
        "step b: B\n  time: 2 min\n",
        "decision d: D\n  time: 4 min\n  yes: a\n  no: b\n",
        "step after: unreachable\n  time: 1 h\n",
    )
    result = flow(text)
    path = typical_path(FlowGraph(sop(text).sections[0]))
    assert (path.steps, path.reaches_end) == ((0, 1, 2), False)
    assert result["typical_minutes"] == [7, 7]
    assert (result["min_minutes"], result["max_minutes"]) == (0, 0)
    assert result["loops"] == [{"from": "d", "to": "a", "minutes": [7, 7]}, {"from": "d", "to": "b", "minutes": [6, 6]}]


def test_self_loop_costs_the_step_alone():
    result = flow(steps("decision d: D\n  time: 1-2 h\n  yes: d\n  no: end\n"))
    assert result["loops"] == [{"from": "d", "to": "d", "minutes": [60, 120]}]
    assert result["typical_minutes"] == [60, 120]


def test_loop_cost_takes_shortest_and_longest_way_back():
    result = flow(
        steps(
            "decision a: A\n  time: 1 min\n  yes: b\n  no: c\n",
            "step b: B\n  time: 10 min\n",
            "step c: C\n  time: 100 min\n",
            "decision d: D\n  time: 1000 min\n  yes: end\n  no: a\n",
        )
    )
    assert result["loops"] == [{"from": "d", "to": "a", "minutes": [1101, 1111]}]
    assert (result["min_minutes"], result["max_minutes"]) == (1101, 1111)


def test_backward_jump_that_cannot_come_back_costs_zero():
    result = flow(
        steps(
            "step a: A\n  time: 1 min\n  next: c\n",
            "step b: B\n  time: 2 min\n  next: end\n",
            "step c: C\n  time: 4 min\n  next: b\n",
        )
    )
    assert result["loops"] == [{"from": "c", "to": "b", "minutes": [0, 0]}]
    assert result["typical_minutes"] == [5, 5]
    assert (result["min_minutes"], result["max_minutes"]) == (0, 0)


def test_unreachable_steps_neither_count_nor_are_listed():
    result = flow(
        steps(
            "step a: A\n  time: 1 min\n  next: c\n",
            "step b: never\n  time: 1 h\n",
            "step: never either\n",
            "step c: C\n  time: 2 min\n",
        )
    )
    assert result["typical_minutes"] == [3, 3]
    assert (result["min_minutes"], result["max_minutes"], result["steps"]) == (3, 3, 4)
    assert result["unquantified"] == []


def test_unquantified_steps_by_id_or_number():
    result = flow(
        steps(
            'step a: A\n  time: "Sesuai jadwal"\n',
            "step: B\n  every: 3 bulan\n",
            "step c: C\n  time: 5 min\n  every: bulan\n",
            "step: D\n",
        )
    )
    assert result["unquantified"] == ["a", "2", "4"]
    assert result["typical_minutes"] == [5, 5]


def test_sections_are_flows_and_the_total_is_their_sum():
    result = totals_json(
        steps(
            "section A: First\n",
            "step: A1\n  time: 1-2 h\n",
            "section B: Second\n",
            "decision: B1\n  time: 10 min\n  yes: next\n  no: end\n",
            "step: B2\n",
        )
    )
    assert [(f["section"], f["steps"], f["unquantified"]) for f in result["flows"]] == [("A", 1, []), ("B", 2, ["2"])]
    assert result["flows"][1]["min_minutes"] == 10
    assert result["total"] == {"typical_minutes": [70, 130], "min_minutes": 70, "max_minutes": 130}


def test_empty_section():
    result = totals_json(steps("section A: Empty\n", "section B: One\n", "step: B1\n  time: 1 h\n"))
    assert result["flows"][0] == {
        "section": "A",
        "steps": 0,
        "typical_minutes": [0, 0],
        "min_minutes": 0,
        "max_minutes": 0,
        "loops": [],
        "unquantified": [],
    }
    assert result["total"]["max_minutes"] == 60


# ---- uses across a library -------------------------------------------------------------------


def user(sop_id: str, *used: str, time: str = "") -> Sop:
    lines = [f"sop {sop_id}: T", "role r: R"]
    for used_id in used:
        lines += [f"step: uses {used_id}", "  by: r", f"  uses: {used_id}"]
    if time:
        lines += ["step: own", "  by: r", f"  time: {time}"]
    return parse_text("\n".join(lines) + "\n")


def test_uses_takes_typical_min_and_max_of_the_used_sop():
    used = sop(
        """\
        sop b: B
        decision d: D
          time: 10 min
          yes: next
          no: long
        step short: S
          time: 1-2 min
          next: end
        step long: L
          time: 1 h
        """
    )
    totals = library_totals([user("a", "b", time="5 min"), used])
    assert totals["b"].as_json()["total"] == {"typical_minutes": [11, 12], "min_minutes": 11, "max_minutes": 70}
    assert totals["a"].as_json()["total"] == {"typical_minutes": [16, 17], "min_minutes": 16, "max_minutes": 75}
    assert list(totals) == ["a", "b"]


def test_uses_chain_and_diamond_compose_in_dependency_order():
    sops = [
        user("top", "left", "right"),
        user("left", "bottom", time="1 min"),
        user("right", "bottom", time="2 min"),
        sop(ONE_STEP.format(id="bottom", time="1-2 h")),
    ]
    totals = library_totals(sops)
    assert totals["left"].typical == (61, 121) and totals["right"].typical == (62, 122)
    assert totals["top"].as_json()["total"] == {"typical_minutes": [123, 243], "min_minutes": 123, "max_minutes": 243}


def test_uses_cycle_counts_zero_and_is_unquantified():
    sops = [user("a", "b", time="1 min"), user("b", "a", time="2 min"), user("c", "a"), user("d", "d", time="3 min")]
    totals = library_totals(sops)
    assert totals["a"].as_json()["flows"][0]["unquantified"] == ["1"]
    assert totals["b"].typical == (2, 2)
    assert totals["a"].typical == (1, 1)
    assert totals["c"].typical == (1, 1) and totals["c"].flows[0].unquantified == ()
    assert totals["d"].typical == (3, 3) and totals["d"].flows[0].unquantified == ("1",)


def test_cycle_members_do_not_see_each_other():
    totals = library_totals([user("a", "b", time="1 min"), user("b", "a", time="2 min")])
    assert (totals["a"].typical, totals["b"].typical) == ((1, 1), (2, 2))


def test_unknown_used_sop_counts_zero():
    totals = library_totals([user("a", "missing", time="1 min")])
    assert totals["a"].typical == (1, 1)
    assert totals["a"].flows[0].unquantified == ("1",)


def test_invalid_calendar_is_left_out_of_the_library():
    broken = sop("sop b: B\n  calendar:\n    workday: 2 days\nrole r: R\nstep: S\n  time: 1 h\n")
    totals = library_totals([user("a", "b"), broken])
    assert list(totals) == ["a"] and totals["a"].flows[0].unquantified == ("1",)


# ---- speed: no path enumeration ------------------------------------------------------------


def activity(kind, step_id, minutes, *, next_id=None, branches=()):
    """A step or decision of the model; `minutes` is a number, a (low, high) range or None."""
    if isinstance(minutes, tuple):
        low, high = (Term(number=str(m), unit_word="min") for m in minutes)
        time_ = Duration(terms=(low,), upto=high)
    else:
        time_ = Duration(terms=(Term(number=str(minutes), unit_word="min"),)) if minutes is not None else None
    return kind(
        id=step_id,
        text=Text(value=step_id or "step"),
        time=time_,
        next=Ref(id=next_id) if next_id else None,
        branches=tuple(
            Branch(kind=k, target=Ref(id=t)) for k, t in zip(("yes", "no", "label"), branches, strict=False)
        ),
    )


def build(activities, sop_id="x") -> Sop:
    return Sop(id=sop_id, title=Text(value="X"), sections=(Section(id=None, title=None, steps=tuple(activities)),))


def loops(count: int) -> Sop:
    activities = []
    for i in range(count):
        activities.append(activity(Step, f"s{i}", 2))
        activities.append(activity(Decision, f"d{i}", 1, branches=(f"s{i}", "next")))
    return build(activities)


def test_many_decisions_with_loops_take_linear_work():
    assert_linear(lambda count: sop_totals(loops(count)), 200)
    result = sop_totals(loops(1500))
    assert result.typical == (4500, 4500) and (result.min, result.max) == (4500, 4500)
    assert len(result.flows[0].loops) == 1500 and result.flows[0].loops[0].minutes == (3, 3)


def diamonds(count: int) -> Sop:
    activities = []
    for i in range(count):
        activities.append(activity(Decision, f"d{i}", 1, branches=(f"l{i}", f"r{i}")))
        activities.append(activity(Step, f"l{i}", 2, next_id=f"j{i}"))
        activities.append(activity(Step, f"r{i}", 5))
        activities.append(activity(Step, f"j{i}", 0))
    activities.append(activity(Decision, "back", 0, branches=("end", "d0")))
    return build(activities)


def test_long_chain_of_diamonds_takes_linear_work():
    assert_linear(lambda count: sop_totals(diamonds(count)), 100)
    result = sop_totals(diamonds(400))
    assert (result.min, result.max, result.typical) == (400 * 3, 400 * 6, (1200, 1200))
    assert result.flows[0].loops[0].minutes == (1200, 2400)


# ---- properties -----------------------------------------------------------------------------


@st.composite
def flows(draw):
    size = draw(st.integers(1, 8))
    ids = [f"s{i}" for i in range(size)]
    activities = []
    for step_id in ids:
        targets = st.sampled_from(ids + ["end", "next"])
        ends = st.tuples(st.integers(0, 500), st.integers(0, 500)).map(sorted).map(tuple)
        minutes = draw(st.one_of(st.none(), st.integers(0, 500), ends))
        if draw(st.booleans()):
            branches = draw(st.lists(targets, min_size=2, max_size=3))
            activities.append(activity(Decision, step_id, minutes, branches=branches))
        else:
            activities.append(activity(Step, step_id, minutes, next_id=draw(st.one_of(st.none(), targets))))
    return build(activities)


def loop_free_paths(graph: FlowGraph, position: int, last: int):
    """Every path without loops from step `position` to step `last` (END: to `end`), as step lists."""
    if position == last:
        yield [position]
        return
    for edge in graph.edges[position]:
        if edge.target == last == END:
            yield [position]
        elif not edge.is_loop and edge.target != END:
            for rest in loop_free_paths(graph, edge.target, last):
                yield [position] + rest


def extremes(paths, low, high):
    """(shortest with low ends, longest with high ends) over the paths, or (0, 0) when there is none."""
    paths = list(paths)
    if not paths:
        return 0, 0
    return min(sum(low[p] for p in path) for path in paths), max(sum(high[p] for p in path) for path in paths)


@settings(max_examples=150, deadline=None)
@given(flows())
def test_totals_agree_with_path_enumeration(generated):
    graph = FlowGraph(generated.sections[0])
    result = sop_totals(generated)
    ends = [duration_minutes(s.time, calendar_minutes(None)) if s.time else (0, 0) for s in graph.steps]
    low, high = [lo for lo, _ in ends], [hi for _, hi in ends]
    assert (result.min, result.max) == extremes(loop_free_paths(graph, 0, END), low, high)
    for loop in result.flows[0].loops:
        source, target = graph.index[loop.source_id], graph.index[loop.target_id]
        assert loop.minutes == extremes(loop_free_paths(graph, target, source), low, high)
    assert 0 <= result.min <= result.max and 0 <= result.typical[0] <= result.typical[1]
    if typical_path(graph).reaches_end:
        assert result.min <= result.typical[0] <= result.typical[1] <= result.max


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 999), st.integers(0, 999)), max_size=10), st.integers(0, 999))
def test_adding_a_timed_step_to_a_straight_flow_adds_its_time(ranges, extra):
    def straight(pairs):
        return "".join(f"step: S\n  time: {min(p)}-{max(p)} min\n" for p in pairs)

    before = sop_totals(sop(steps(straight(ranges)))) if ranges else None
    after = sop_totals(sop(steps(straight(ranges + [(extra, extra)]))))
    base = (before.typical[0], before.typical[1], before.min, before.max) if before else (0, 0, 0, 0)
    assert (after.typical[0], after.typical[1], after.min, after.max) == tuple(value + extra for value in base)
