"""`effective` is before `created`, or `revised` before `created`.

An SOP is created first, then possibly revised, and takes effect once approved. A
Tanggal Efektif or Tanggal Revisi earlier than the Tanggal Pembuatan is almost always a
typing slip in the year or month, and the printed identity sheet would contradict itself.
The later-named date is reported.

Incorrect:

    sop pelayanan-permohonan: Pelayanan Permohonan Informasi Publik
      created: 2024-05-29
      effective: 2023-06-10

Correct:

    sop pelayanan-permohonan: Pelayanan Permohonan Informasi Publik
      created: 2024-05-29
      effective: 2024-06-10
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Severity
from ..i18n import say
from .base import Finding, Rule, Scope, SopContext, header_keyword

PRINTED = {"created": "Tanggal Pembuatan", "revised": "Tanggal Revisi", "effective": "Tanggal Efektif"}
"""The dates' labels on the printed identity sheet."""


def check(context: SopContext) -> Iterator[Finding]:
    """The findings on this SOP."""
    sop = context.sop
    if sop.created is None:
        return
    for field, date in (("revised", sop.revised), ("effective", sop.effective)):
        if date is not None and date.value < sop.created.value:
            yield Finding(date.span, say(
                "date-order", keyword=header_keyword(field), printed=PRINTED[field], date=date.value.isoformat(),
                created_keyword=header_keyword("created"), created_printed=PRINTED["created"],
                created=sop.created.value.isoformat(),
            ))


RULE = Rule(
    name="date-order",
    severity=Severity.ERROR,
    scope=Scope.SOP,
    summary="`effective` is before `created`, or `revised` before `created`",
    doc=__doc__,
    check=check,
)
