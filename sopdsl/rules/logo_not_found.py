"""`logo` names a file that does not exist or is not a PNG, JPEG or SVG image.

The logo prints beside the unit's lines on the identity sheet, embedded in the HTML and PDF document
and in the Word file. A path is read relative to the folder of the `.sop` file; the image is known by
its content (a PNG, a JPEG or an SVG document), not by its name. A logo that cannot be found or read
is left out of the printed document, which is otherwise complete: this rule says why it is missing.
Put the image beside the `.sop` file (or correct the path), convert it to PNG, or remove the line.

Incorrect:

    sop pelayanan-permohonan: Pelayanan Permohonan Informasi Publik
      logo: gambar/tidak-ada.png

Correct:

    sop pelayanan-permohonan: Pelayanan Permohonan Informasi Publik
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Severity
from ..i18n import say
from ..logo import LogoError, read_logo
from .base import Finding, Rule, Scope, SopContext


def check(context: SopContext) -> Iterator[Finding]:
    """The finding on this SOP's logo, if it cannot be printed."""
    sop = context.sop
    if sop.logo is None:
        return
    try:
        read_logo(sop.logo.value, context.folder)
    except LogoError as error:
        yield Finding(sop.logo.span or sop.span, say("logo-not-found", reason=error))


RULE = Rule(
    name="logo-not-found",
    severity=Severity.ERROR,
    scope=Scope.SOP,
    summary="`logo` names a file that does not exist or is not a PNG, JPEG or SVG image",
    doc=__doc__,
    check=check,
)
