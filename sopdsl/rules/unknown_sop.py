"""A `related` or `uses` item names an SOP id that is not in the checked set.

`related` (Keterkaitan) and `uses` refer to other SOPs of the library by their `sop` id.
An id that no checked file declares is a broken link: the printed Keterkaitan names a
procedure nobody can find, and a step with `uses` cannot take its time from it. When a
folder is checked as a library, this is an error. When single files are checked, the
other SOPs may simply not have been given, so it is reported as info. An SOP outside the
library is written as a quoted title, which is never checked. A file of the set that does
not parse still declares the id of its `sop` line.

Incorrect:

    # pelayanan-permohonan.sop
    sop pelayanan-permohonan: Pelayanan Permohonan Informasi Publik
      related:
        - penyiapan-jawban
        - "SOP Pelayanan Keberatan Informasi Publik"

    # penyiapan-jawaban.sop
    sop penyiapan-jawaban: Penyiapan Jawaban Permohonan Informasi Publik

Correct:

    # pelayanan-permohonan.sop
    sop pelayanan-permohonan: Pelayanan Permohonan Informasi Publik
      related:
        - penyiapan-jawaban
        - "SOP Pelayanan Keberatan Informasi Publik"

    # penyiapan-jawaban.sop
    sop penyiapan-jawaban: Penyiapan Jawaban Permohonan Informasi Publik
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..diagnostics import Severity
from ..i18n import say
from .base import Finding, LibraryContext, Rule, Scope

_SOP_LINE = re.compile(r"^sop[ \t]+([^\W\d_][\w-]*)", re.MULTILINE)


def check(library: LibraryContext) -> Iterator[tuple[str, list[Finding]]]:
    """The findings on each file of the checked set, by path."""
    known = _declared_ids(library)
    for file in library.files:
        if file.record is not None:
            yield file.path, list(_unknown_references(file.record, known, library.is_library))


def _declared_ids(library):
    """The SOP ids the checked files declare, read from the `sop` line of files that do not parse."""
    return {sop_id for sop_id in map(declared_id, library.files) if sop_id is not None}


def declared_id(file) -> str | None:
    """The SOP id a file declares: its record's, or for a file that does not parse, the one on its `sop` line."""
    if file.record is not None:
        return file.record.id
    found = _SOP_LINE.search(file.text) if file.text is not None else None
    return found.group(1) if found else None


def _unknown_references(record, known, is_library):
    severity = None if is_library else Severity.INFO
    where = "library" if is_library else "files"
    for item in record.related:
        if item.id not in known:
            yield Finding(
                item.span,
                say(f"unknown-sop.related-{where}", sop=item.id),
                severity,
            )
    for use in record.uses:
        if use.ref.id not in known:
            yield Finding(
                use.ref.span,
                say(f"unknown-sop.uses-{where}", step=use.step, sop=use.ref.id),
                severity,
            )


RULE = Rule(
    name="unknown-sop",
    severity=Severity.ERROR,
    scope=Scope.LIBRARY,
    summary="`related` or `uses` names an SOP id not in the checked set (info for a lone file)",
    doc=__doc__,
    check=check,
)
