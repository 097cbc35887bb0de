"""How findings name what they point at: a step by its id or its shortened activity text, a flow by its section."""

from __future__ import annotations

import re

from .i18n import say
from .model import Activity, Section, Span

_SHORT_TEXT = 40
_LONGEST_SLIP = 200
_WORDS = re.compile(r"\S+")


def step_name(activity: Activity) -> str:
    """`step 'jawab'`, or for a step without id its activity text, shortened: `step 'Menyiapkan jawaban…'`."""
    keyword = say("describe.decision" if activity.is_decision else "describe.step")
    name = activity.id if activity.id is not None else shorten(activity.text.value)
    return say("describe.named", keyword=keyword, name=name)


def step_span(activity: Activity) -> Span:
    """Where a finding about a whole step points: its id, or its keyword when it has none."""
    return activity.id_span or activity.span


def flow_name(section: Section) -> str:
    """`section 'A'`, or `the flow` in a file without sections."""
    return say("describe.section", id=section.id) if section.id is not None else say("describe.the-flow")


def closest(word: str, candidates) -> str | None:
    """The candidate most like a misspelt word, if one is close enough; none for a word too long to be a slip."""
    if len(word) > _LONGEST_SLIP:
        return None  # difflib indexes every character of the word: time and memory many times its length
    from difflib import get_close_matches  # only needed when a finding is reported

    close = get_close_matches(word, candidates, n=1)
    return close[0] if close else None


def shorten(text: str, width: int = _SHORT_TEXT) -> str:
    """The text cut at a word boundary to about `width` characters, with '…' when cut."""
    words, length = [], -1
    for word in _WORDS.finditer(text):  # only the first words: a long text is never split whole
        words.append(word.group())
        length += 1 + len(words[-1])
        if length > width:
            break
    text = " ".join(words)
    if len(text) <= width:
        return text
    cut = text[:width].rsplit(" ", 1)[0] or text[:width]
    return cut.rstrip(",;:.") + "…"

