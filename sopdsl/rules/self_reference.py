"""`related` or `uses` names the SOP itself.

`related` (Keterkaitan) lists the other procedures a reader may need, and `uses` hands a step
over to another SOP, whose time it counts. Naming the SOP's own id in either says nothing:
the printed Keterkaitan points the reader back to the page they are on, and a step that
uses its own SOP would contain the whole procedure (without a `time` of its own, it counts
0 in the totals). It is usually a copied header, or a slip for a neighbouring SOP's id.
Only this is reported for a `uses` of the SOP itself, not also `uses-cycle`.

Incorrect:

    sop pelayanan-permohonan: Pelayanan Permohonan Informasi Publik
      related:
        - pelayanan-permohonan

    step jawab: Menyiapkan jawaban permohonan
      by: ppid
      uses: pelayanan-permohonan

Correct:

    sop pelayanan-permohonan: Pelayanan Permohonan Informasi Publik
      related:
        - "SOP Pelayanan Keberatan Informasi Publik"

    step jawab: Menyiapkan jawaban permohonan
      by: ppid
      time: 1-7 hari kerja
"""

from __future__ import annotations

from collections.abc import Iterator

from ..describe import step_name
from ..diagnostics import Severity
from ..i18n import say
from ..model import Ref
from .base import Finding, Rule, Scope, SopContext


def check(context: SopContext) -> Iterator[Finding]:
    """The findings on this SOP."""
    sop = context.sop
    for item in sop.related:
        if isinstance(item, Ref) and item.id == sop.id:
            yield Finding(item.span, say("self-reference.related", sop=sop.id))
    for activity in sop.activities():
        if activity.uses is not None and activity.uses.id == sop.id:
            yield Finding(activity.uses.span, say("self-reference.uses", step=step_name(activity), sop=sop.id))


RULE = Rule(
    name="self-reference",
    severity=Severity.WARNING,
    scope=Scope.SOP,
    summary="`related` or `uses` names the SOP itself",
    doc=__doc__,
    check=check,
)
