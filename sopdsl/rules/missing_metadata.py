"""The header lacks `number`, `effective` or `approved-by`.

The identity sheet of an SOP AP prints the Nomor SOP, the Tanggal Efektif and the official
who approved it (Disahkan oleh). Without them the printed SOP cannot be cited, dated or
signed: it is a draft, not a procedure in force. One finding is reported per missing field,
at the `sop` line.

Incorrect:

    sop pelayanan-permohonan: Pelayanan Permohonan Informasi Publik
      created: 2024-05-29

Correct:

    sop pelayanan-permohonan: Pelayanan Permohonan Informasi Publik
      number: 12/SOP-PPID/2024
      created: 2024-05-29
      effective: 2024-06-10
      approved-by: Kepala Dinas Komunikasi dan Informatika
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Severity
from ..i18n import say
from .base import Finding, Rule, Scope, SopContext, header_keyword

_RECOMMENDED = (  # the field (its attribute of the model), its label on the printed identity sheet, an example
    ("number", "Nomor SOP", "12/SOP-PPID/2024"),
    ("effective", "Tanggal Efektif", "2024-06-10"),
    ("approved_by", "Disahkan oleh", "Kepala Dinas Komunikasi dan Informatika"),
)


def check(context: SopContext) -> Iterator[Finding]:
    """The findings on this SOP."""
    sop = context.sop
    for attribute, printed_as, example in _RECOMMENDED:
        if getattr(sop, attribute) is None:
            keyword = header_keyword(attribute)
            yield Finding(
                sop.span,
                say("missing-metadata", sop=sop.id, keyword=keyword, printed=printed_as, example=example),
            )


RULE = Rule(
    name="missing-metadata",
    severity=Severity.WARNING,
    scope=Scope.SOP,
    summary="the header lacks `number`, `effective` or `approved-by`",
    doc=__doc__,
    check=check,
)
