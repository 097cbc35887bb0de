"""Two files of the checked set declare the same SOP id.

SOPs refer to each other by the id of their `sop` line: `related` prints it in Keterkaitan,
and a step with `uses` takes the totals of the SOP of that id. When two files declare one
id, a reference cannot say which of them it means: the totals silently take the file that
happens to come first (on the command line, or in file-name order in a folder), and a
build's pages of the two SOPs compete for one name. Each file that declares the id is
reported, naming the others; a file that does not parse counts once it does. A copy kept
as a draft is best given an id of its own (`pelayanan-permohonan-draf`), or kept out of
the checked folder.

Incorrect:

    # pelayanan-permohonan.sop
    sop pelayanan-permohonan: Pelayanan Permohonan Informasi Publik

    # pelayanan-permohonan-lama.sop
    sop pelayanan-permohonan: Pelayanan Permohonan Informasi Publik (lama)

Correct:

    # pelayanan-permohonan.sop
    sop pelayanan-permohonan: Pelayanan Permohonan Informasi Publik

    # pelayanan-permohonan-lama.sop
    sop pelayanan-permohonan-lama: Pelayanan Permohonan Informasi Publik (lama)
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Severity
from ..i18n import say
from .base import Finding, LibraryContext, Rule, Scope

NAMED = 3  # the other files a message names; the rest are counted, so that a message stays short


def check(library: LibraryContext) -> Iterator[tuple[str, list[Finding]]]:
    """The findings on each file of the checked set, by path."""
    declaring: dict[str, list] = {}
    for file in library.files:
        if file.record is not None:
            declaring.setdefault(file.record.id, []).append(file)
    for sop_id, files in declaring.items():
        if len(files) > 1:
            for file in files:
                message = say("duplicate-sop", sop=sop_id, others=_others(file, files))
                yield file.path, [Finding(file.record.id_span, message)]


def _others(file, files) -> str:
    """The paths of the other files, the first few named and the rest counted."""
    named = [other.path for other in files[: NAMED + 1] if other is not file][:NAMED]
    if len(files) - 1 > NAMED:
        return say("duplicate-sop.more", named=", ".join(named), count=len(files) - 1 - NAMED)
    return ", ".join(named)


RULE = Rule(
    name="duplicate-sop",
    severity=Severity.ERROR,
    scope=Scope.LIBRARY,
    summary="two files of the checked set declare the same SOP id",
    doc=__doc__,
    check=check,
)
