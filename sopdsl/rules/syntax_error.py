"""The file does not follow the .sop language.

Reported by the parser, with the line and column where reading stopped and what was
expected there, in the author's terms. A file with a syntax error is not checked further.
Tabs in indentation, unknown time units, malformed durations and dates, quoted text that is
never closed, attributes given twice and unknown keywords are all syntax errors.

Incorrect:

    step terima: Menerima permohonan
      by:
      time: 2 fortnights

Correct:

    step terima: Menerima permohonan
      by: petugas
      time: 2 minggu
"""

from ..diagnostics import Severity
from .base import Rule, Scope

RULE = Rule(
    name="syntax-error",
    severity=Severity.ERROR,
    summary="the file does not parse (or a tab indents it, or a duration is malformed)",
    scope=Scope.PARSER,
    doc=__doc__,
)
