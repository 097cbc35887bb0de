"""A `# sopdsl: ignore[rule-name]` comment silences nothing.

A trailing `# sopdsl: ignore[rule-name]` comment silences the findings of the rules it names
(`ignore[a, b]` names several) on its own line and, when the line opens a block, on every line
of that block: on a `step` or `decision` line, its attribute lines; on the `sop` line, the whole
header; on a `section` line, every step of the section; on a list or `calendar` field, its items.
A name that silences no finding there is reported, so that suppressions do not outlive the
problem they hid; so is a name that is not a rule, a comment that names no rule, and a comment
on a line of its own (it covers no code). A line `# sopdsl: ignore-file[rule-name]` (anywhere in
the file) silences the rule in the whole file, and `# sopdsl: ignore-file` every rule but
`syntax-error`; one that silences nothing is reported too. `syntax-error` cannot be silenced: a file that does
not parse is not checked. A name of a rule that did not run (left out by `select` or `ignore`)
is not reported.

Incorrect:

    step terima: Menerima permohonan  # sopdsl: ignore[missing-time]
      by: petugas
      time: 15 menit

Correct:

    step terima: Menerima permohonan  # sopdsl: ignore[missing-time]
      by: petugas
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Severity
from ..i18n import say
from .base import Finding, Rule, Scope, SilenceReport

UNSILENCEABLE = ("syntax-error", "unused-ignore")


def check(report: SilenceReport) -> Iterator[Finding]:
    """The findings on this file's suppression comments."""
    from . import RULES  # the registry imports this module, so it is read at run time

    for silence in report.silences:
        if silence in report.used:
            continue
        name = silence.rule
        if silence.whole_file and (not name or (name in RULES and name not in UNSILENCEABLE)):
            if name and name not in report.enabled:
                continue
            message = say("unused-ignore.file-rule", rule=name) if name else say("unused-ignore.file")
        elif not name:
            message = say("unused-ignore.no-rule")
        elif name not in RULES:
            message = say("unused-ignore.unknown-rule", rule=name)
        elif name in UNSILENCEABLE:
            message = say("unused-ignore.unsilenceable", rule=name)
        elif name not in report.enabled:
            continue
        elif silence.own_line:
            message = say("unused-ignore.own-line", rule=name)
        else:
            line = silence.line == silence.last_line
            message = say("unused-ignore.line" if line else "unused-ignore.block", rule=name)
        yield Finding(silence.span, message)


RULE = Rule(
    name="unused-ignore",
    severity=Severity.WARNING,
    scope=Scope.SUPPRESSIONS,
    summary="a `# sopdsl: ignore[...]` comment silences nothing, or names no rule",
    doc=__doc__,
    check=check,
)
