"""Two roles, two sections or two steps share an id.

Ids name roles (in `by:`), sections and steps (in `next:` and branch targets), so each must
be unique within its kind in the file. The second declaration is reported, with the line of
the first. Roles, sections and steps have separate namespaces: a role and a step may share
an id.

Incorrect:

    step periksa: Memeriksa berkas
      by: petugas
    step periksa: Memeriksa ulang berkas
      by: petugas

Correct:

    step periksa: Memeriksa berkas
      by: petugas
    step periksa-ulang: Memeriksa ulang berkas
      by: petugas
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Severity
from ..i18n import say
from .base import Finding, Rule, Scope, SopContext


def check(context: SopContext) -> Iterator[Finding]:
    """The findings on this SOP."""
    sop = context.sop
    groups = (
        ("role", sop.roles),
        ("section", [s for s in sop.sections if s.id is not None]),
        ("step", [a for a in sop.activities() if a.id is not None]),
    )
    for kind, nodes in groups:
        first_line: dict[str | None, int] = {}
        for node in nodes:
            if node.id in first_line:
                yield Finding(
                    node.id_span or node.span,
                    say(f"duplicate-id.{kind}", id=node.id, line=first_line[node.id]),
                )
            else:
                first_line[node.id] = node.span.line


RULE = Rule(
    name="duplicate-id",
    severity=Severity.ERROR,
    scope=Scope.SOP,
    summary="two roles, sections or steps share an id",
    doc=__doc__,
    check=check,
)
