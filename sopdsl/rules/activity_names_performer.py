"""An activity's text begins with the name of its own performer.

Permenpan RB 35/2012 writes each activity as a verb without a subject ("Mengunggah konten"): the
Pelaksana column already shows who does it, so "Operator mengunggah konten" in the Operator column
says it twice. The rule looks only at the start of the text (after an article such as "the" or
"para"), compares whole words without regard to case, and knows a performer by the name of its role
or by its id (`kepala-seksi` reads as "kepala seksi"); a text that names its performer further on,
or names another role first, is left alone.

Incorrect:

    role operator: Operator

    step: Operator mengunggah konten
      by: operator
      time: 1 jam

Correct:

    role operator: Operator

    step: Mengunggah konten
      by: operator
      time: 1 jam
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..describe import step_name
from ..diagnostics import Severity
from ..i18n import say
from .base import Finding, Rule, Scope, SopContext

ARTICLES = frozenset({"the", "a", "an", "para", "sang", "si"})
"""Words before a subject that do not change who it is ("Para petugas memeriksa …")."""
TRAILING = ",.:;"  # punctuation that may close the performer's name ("Operator: mengunggah …")
ADVICE_WORDS = 4  # words of the activity the message quotes, without its subject
SHORTEST_ID = 2  # a one-letter id is too likely the first letter of a word or a list marker to count


def check(context: SopContext) -> Iterator[Finding]:
    """The findings on this SOP: one per activity whose text begins with one of its performers."""
    roles = {role.id: role for role in context.sop.roles}
    for activity in context.sop.activities():
        words = activity.text.value.split()
        if words and words[0].casefold() in ARTICLES:
            words = words[1:]
        for ref in activity.by:
            role = roles.get(ref.id)
            length = _subject_length(words, _names(ref.id, role.name.value if role is not None else None))
            if length:
                yield Finding(activity.text.span or activity.span, _message(activity, words, length))
                break


def _names(role_id: str, name: str | None) -> list[list[str]]:
    """The ways a performer may be named, as lower-case words: its role's name, its id, the id's parts."""
    names = [name.casefold().split()] if name else []
    if len(role_id) >= SHORTEST_ID:
        names += [[role_id.casefold()], [word for word in re.split(r"[-_]+", role_id.casefold()) if word]]
    return [words for words in names if words]


def _subject_length(words: list[str], names: list[list[str]]) -> int:
    """How many of the first words name the performer (0 when they do not); the last may end in punctuation."""
    for name in names:
        start = [word.casefold() for word in words[: len(name)]]
        if start and start[-1] != name[-1]:
            start[-1] = start[-1].rstrip(TRAILING)
        if start == name:
            return len(name)
    return 0


def _message(activity, words: list[str], length: int) -> str:
    subject = " ".join(words[:length]).rstrip(TRAILING)
    rest = " ".join(words[length:length + ADVICE_WORDS]) + ("…" if len(words) > length + ADVICE_WORDS else "")
    advice = f"'{rest[:1].upper()}{rest[1:]}'" if rest else say("activity-names-performer.verb")
    return say("activity-names-performer", step=step_name(activity), subject=subject, advice=advice)


RULE = Rule(
    name="activity-names-performer",
    severity=Severity.INFO,
    scope=Scope.SOP,
    summary="an activity's text begins with the name of its own performer (Permenpan RB 35/2012 writes activities "
    "as verbs without a subject; the Pelaksana column shows who)",
    doc=__doc__,
    check=check,
)
