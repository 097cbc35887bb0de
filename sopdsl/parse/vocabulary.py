"""The keywords of the .sop language: each concept once, with its spelling in each language.

This table is the one place a keyword is spelled. The grammar's keyword terminals are generated from it
(`sopdsl.parse.grammar`), the transformer maps a written word back to its concept with it, and the syntax
messages, the model's field list and the formatter take their words from it. A new spelling of a concept
(the Indonesian `nomor` beside `number`) is one more entry in that concept's `spellings`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import NamedTuple

ENGLISH = "en"
"""The language of the canonical spellings: the ones the formatter writes and the messages name."""

_WORD = re.compile(r"[^\W\d_][\w-]*\Z")


class Keyword(NamedTuple):
    """One concept of the language: its name in the model, the grammar terminal that reads it, its spellings."""

    concept: str
    terminal: str
    spellings: Mapping[str, str]
    kind: str = ""
    """What a header field holds (text, list, date, duration or calendar); empty for other keywords."""

    @property
    def english(self) -> str:
        """The canonical spelling."""
        return self.spellings[ENGLISH]

    @property
    def words(self) -> tuple[str, ...]:
        """Every spelling, the canonical one first, each once (a word may be the same in two languages)."""
        return tuple(dict.fromkeys(self.spellings.values()))


def keyword(concept: str, terminal: str, kind: str = "", **spellings: str) -> Keyword:
    """A table entry: spellings by language code, e.g. `keyword("number", "TEXT_FIELD", "text", en="number")`."""
    if ENGLISH not in spellings:
        raise ValueError(f"the keyword '{concept}' has no English spelling")
    bad = [word for word in spellings.values() if not _WORD.match(word)]
    if bad:
        raise ValueError(f"the keyword '{concept}' has spellings that are not words: {bad}")
    return Keyword(concept, terminal, MappingProxyType(spellings), kind)


class Keywords:
    """The keywords that may stand at one place of a file (the header, a step's block...), in canonical order."""

    def __init__(self, *keywords: Keyword):
        self.keywords = keywords
        self._by_word: dict[str, Keyword] = {}
        self._by_concept = {entry.concept: entry for entry in keywords}
        for entry in keywords:
            for word in entry.words:
                if word in self._by_word:
                    raise ValueError(f"'{word}' spells both '{self._by_word[word].concept}' and '{entry.concept}'")
                self._by_word[word] = entry

    def __iter__(self) -> Iterator[Keyword]:
        return iter(self.keywords)

    def __getitem__(self, concept: str) -> Keyword:
        return self._by_concept[concept]

    def find(self, word: str) -> Keyword | None:
        """The keyword a written word spells, or None."""
        return self._by_word.get(word)

    def concept(self, word: str) -> str:
        """The concept of a word the grammar lexed as one of these keywords."""
        return self._by_word[word].concept

    @property
    def concepts(self) -> tuple[str, ...]:
        return tuple(entry.concept for entry in self.keywords)

    @property
    def english(self) -> tuple[str, ...]:
        return tuple(entry.english for entry in self.keywords)

    @property
    def terminals(self) -> tuple[str, ...]:
        """The grammar terminals of these keywords, each once, in table order."""
        return tuple(dict.fromkeys(entry.terminal for entry in self.keywords))


TOP_LEVEL = Keywords(
    keyword("sop", "SOP", en="sop"),
    keyword("role", "ROLE", en="role"),
    keyword("section", "SECTION", en="section"),
    keyword("step", "STEP", en="step"),
    keyword("decision", "DECISION", en="decision"),
)
"""The words that open a line at column 0."""

HEADER = Keywords(
    keyword("number", "TEXT_FIELD", "text", en="number"),
    keyword("unit", "LIST_FIELD", "list", en="unit"),
    keyword("created", "DATE_FIELD", "date", en="created"),
    keyword("revised", "DATE_FIELD", "date", en="revised"),
    keyword("effective", "DATE_FIELD", "date", en="effective"),
    keyword("approved_by", "TEXT_FIELD", "text", en="approved-by"),
    keyword("legal_basis", "LIST_FIELD", "list", en="legal-basis"),
    keyword("qualifications", "LIST_FIELD", "list", en="qualifications"),
    keyword("related", "LIST_FIELD", "list", en="related"),
    keyword("equipment", "LIST_FIELD", "list", en="equipment"),
    keyword("warning", "TEXT_FIELD", "text", en="warning"),
    keyword("records", "LIST_FIELD", "list", en="records"),
    keyword("sla", "SLA", "duration", en="sla"),
    keyword("calendar", "CALENDAR", "calendar", en="calendar"),
)
"""The fields of the sop header, in canonical order; a concept is the model's attribute name."""

CALENDAR = Keywords(
    keyword("workday", "CALENDAR_KEY", en="workday"),
    keyword("week", "CALENDAR_KEY", en="week"),
    keyword("month", "CALENDAR_KEY", en="month"),
    keyword("year", "CALENDAR_KEY", en="year"),
)
"""The entries of the header's calendar block."""

ATTRIBUTES = Keywords(
    keyword("by", "BY", en="by"),
    keyword("needs", "TEXT_ATTRIBUTE", en="needs"),
    keyword("time", "TIME", en="time"),
    keyword("output", "TEXT_ATTRIBUTE", en="output"),
    keyword("note", "TEXT_ATTRIBUTE", en="note"),
    keyword("every", "EVERY", en="every"),
    keyword("uses", "USES", en="uses"),
    keyword("next", "NEXT", en="next"),
)
"""The attributes of a step or decision, in canonical order."""

BRANCHES = Keywords(
    keyword("yes", "YES", en="yes"),
    keyword("no", "NO", en="no"),
    keyword("branch", "BRANCH", en="branch"),
)
"""The ways out of a decision, written in the same block as its attributes."""

TARGETS = Keywords(
    keyword("next", "ID", en="next"),
    keyword("end", "ID", en="end"),
)
"""The words a jump may name instead of a step id: lexed as ids, and told apart by the flow graph."""

GRAMMAR_KEYWORDS: tuple[Keywords, ...] = (TOP_LEVEL, HEADER, CALENDAR, ATTRIBUTES, BRANCHES)
"""The keywords that have terminals of their own in the grammar."""

