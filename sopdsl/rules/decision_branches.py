"""A decision has fewer than two branches, two branches with one label, or all branches to one target.

A decision is a question with at least two answers, each printed as a labelled arrow out of
the diamond ("Ya" / "Tidak", or the branch labels). A decision with one branch is a plain
step in disguise; two branches with the same label leave the reader unable to tell which
arrow to follow; branches that all lead to the same step make the answer irrelevant.
Labels are compared as printed, ignoring case: `yes` prints "Ya" and `no` prints "Tidak",
so `yes` and `branch "Ya"` share one label. A target is compared after resolving `next`,
so `yes: next` and `no: <id of the following step>` lead to one target.

Incorrect:

    decision lengkap: Memeriksa kelengkapan permohonan
      by: petugas
      yes: next
      yes: kembalikan

Correct:

    decision lengkap: Memeriksa kelengkapan permohonan
      by: petugas
      yes: next
      no: kembalikan
"""

from __future__ import annotations

from collections.abc import Iterator

from ..analysis.graph import END
from ..describe import step_name, step_span
from ..diagnostics import Severity
from ..i18n import say
from .base import Finding, Rule, Scope, SopContext

_PRINTED = {"yes": "Ya", "no": "Tidak"}
_SAME_AS = {"yes": "ya", "no": "tidak"}


def check(context: SopContext) -> Iterator[Finding]:
    """The findings on this SOP."""
    for graph in context.graphs:
        for position, step in enumerate(graph.steps):
            if step.is_decision:
                yield from _too_few(step)
                yield from _shared_labels(step)
                yield from _one_target(graph, position, step)


def _too_few(decision):
    if len(decision.branches) == 0:
        yield Finding(
            step_span(decision),
            say("decision-branches.none", step=step_name(decision)),
        )
    elif len(decision.branches) == 1:
        yield Finding(
            step_span(decision),
            say("decision-branches.one", step=step_name(decision), branch=_printed(decision.branches[0])),
        )


def _shared_labels(decision):
    first_line: dict[str, int] = {}
    for branch in decision.branches:
        key = _label_key(branch)
        if key in first_line:
            yield Finding(
                branch.span,
                say("decision-branches.same-label", step=step_name(decision), label=_printed(branch),
                    line=first_line[key]),
            )
        else:
            first_line[key] = branch.span.line


def _one_target(graph, position, decision):
    if len(decision.branches) < 2:
        return
    targets = {graph.resolve(position, branch.target) for branch in decision.branches}
    if len(targets) == 1 and None not in targets:
        (target,) = targets
        where = say("describe.end") if target == END else step_name(graph.steps[target])
        yield Finding(
            step_span(decision),
            say("decision-branches.one-target", step=step_name(decision), target=where),
        )


def _printed(branch):
    return _PRINTED.get(branch.kind, branch.label)


def _label_key(branch):
    label = " ".join(_printed(branch).casefold().split())
    return _SAME_AS.get(label, label)


RULE = Rule(
    name="decision-branches",
    severity=Severity.ERROR,
    scope=Scope.SOP,
    summary="a decision with fewer than two branches, two branches with one label, or all branches to one target",
    doc=__doc__,
    check=check,
)
