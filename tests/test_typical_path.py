"""The typical path as the contract words it, checked against an independent reading of the SOP's arrows.

LANGUAGE.md, "Timing totals": at each decision, the first branch that is not a loop and from which `end` can be
reached without following a loop; where no branch qualifies, the first branch that is not a loop.
Set SOPDSL_FUZZ_EXAMPLES to compare more generated flows.
"""

from __future__ import annotations

import functools
import os

from hypothesis import given, settings

from sopdsl.analysis.graph import FlowGraph
from sopdsl.analysis.totals import sop_totals, typical_path
from sopdsl.model import Decision, Section, Step

from .test_totals import activity, build, flows, steps
from .test_totals import sop as parsed

END = "end"
EXAMPLES = int(os.environ.get("SOPDSL_FUZZ_EXAMPLES") or 200)


def contract_path(section: Section) -> tuple[list[int], bool]:
    """The typical path read from the model as the contract says: (its steps, whether it reaches `end`)."""
    items = section.steps
    index = {}
    for position, item in enumerate(items):
        if item.id is not None:
            index.setdefault(item.id, position)

    def arrows(position):
        item = items[position]
        if item.is_decision and item.branches:
            written = [branch.target.id for branch in item.branches]
        else:
            written = [item.next.id if item.next is not None else "next"]
        following = position + 1 if position + 1 < len(items) else END
        return [END if word == "end" else following if word == "next" else index[word] for word in written]

    def is_loop(position, target):
        return target != END and target <= position

    @functools.cache
    def end_without_loop(position):
        return any(t == END or end_without_loop(t) for t in arrows(position) if not is_loop(position, t))

    path, position = [], 0
    while position != END:
        path.append(position)
        ways = [t for t in arrows(position) if not is_loop(position, t)]
        if not ways:
            return path, False
        position = next((t for t in ways if t == END or end_without_loop(t)), ways[0])
    return path, True


@settings(max_examples=EXAMPLES, deadline=None)
@given(flows())
def test_item13_the_typical_path_is_the_contracts(generated):
    section = generated.sections[0]
    found = typical_path(FlowGraph(section))
    assert (list(found.steps), found.reaches_end) == contract_path(section)


def test_item13_the_first_qualifying_branch_wins_even_when_a_later_one_is_shorter():
    text = steps(
        "decision d: D\n  time: 1 min\n  yes: long\n  no: short\n",
        "step long: L\n  time: 1 h\n  next: end\n",
        "step short: S\n  time: 1 min\n",
    )
    assert typical_path(FlowGraph(parsed(text).sections[0])).steps == (0, 1)
    assert sop_totals(parsed(text)).typical == (61, 61)


def test_item13_a_branch_that_reaches_end_only_through_a_loop_does_not_qualify():
    text = steps(
        "step a: A\n  time: 1 min\n",
        "decision d: D\n  time: 1 min\n  yes: redo\n  no: later\n",
        "decision redo: R\n  time: 1 h\n  yes: a\n  no: d\n",
        "step later: L\n  time: 2 min\n",
    )
    path = typical_path(FlowGraph(parsed(text).sections[0]))
    assert (path.steps, path.reaches_end) == ((0, 1, 3), True)


def test_item13_where_no_branch_qualifies_the_path_takes_the_first_that_is_not_a_loop_and_stops():
    model = build([
        activity(Step, "a", 1),
        activity(Decision, "d", 1, branches=("a", "x", "y")),
        activity(Step, "x", 1, next_id="a"),
        activity(Step, "y", 1, next_id="d"),
    ])
    path = typical_path(FlowGraph(model.sections[0]))
    assert (path.steps, path.reaches_end) == ((0, 1, 2), False)
    assert contract_path(model.sections[0]) == ([0, 1, 2], False)
