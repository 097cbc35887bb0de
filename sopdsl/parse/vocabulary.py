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
"""The language of the canonical spellings, which name the concepts; the formatter's word where none was written."""
INDONESIAN = "id"
LANGUAGES = (ENGLISH, INDONESIAN)
"""The languages every keyword is spelled in."""

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

    def in_language(self, language: str) -> str:
        """The spelling in a language (the English one where the table has none)."""
        return self.spellings.get(language, self.english)

    def language_of(self, word: str) -> str | None:
        """The language a written spelling belongs to; None where it is the same in every language."""
        languages = [language for language, spelling in self.spellings.items() if spelling == word]
        return languages[0] if len(languages) == 1 else None


def keyword(concept: str, terminal: str, kind: str = "", **spellings: str) -> Keyword:
    """A table entry: spellings by language code: `keyword("number", "TEXT_FIELD", "text", en="number", id="nomor")`."""
    bad = [word for word in spellings.values() if not _WORD.match(word)]
    if bad:
        raise ValueError(f"the keyword '{concept}' has spellings that are not words: {bad}")
    missing = [language for language in LANGUAGES if language not in spellings]
    if missing:
        raise ValueError(f"the keyword '{concept}' has no spelling in {', '.join(missing)}")
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
    keyword("sop", "SOP", en="sop", id="sop"),
    keyword("role", "ROLE", en="role", id="pelaksana"),
    keyword("section", "SECTION", en="section", id="bagian"),
    keyword("step", "STEP", en="step", id="kegiatan"),
    keyword("decision", "DECISION", en="decision", id="keputusan"),
)
"""The words that open a line at column 0."""

HEADER = Keywords(
    keyword("annex", "TEXT_FIELD", "text", en="annex", id="lampiran"),
    keyword("number", "TEXT_FIELD", "text", en="number", id="nomor"),
    keyword("unit", "LIST_FIELD", "list", en="unit", id="unit"),
    keyword("logo", "TEXT_FIELD", "text", en="logo", id="logo"),
    keyword("created", "DATE_FIELD", "date", en="created", id="dibuat"),
    keyword("revised", "DATE_FIELD", "date", en="revised", id="direvisi"),
    keyword("effective", "DATE_FIELD", "date", en="effective", id="efektif"),
    keyword("evaluated", "LIST_FIELD", "dates", en="evaluated", id="dievaluasi"),
    keyword("approved_by", "TEXT_FIELD", "text", en="approved-by", id="disahkan-oleh"),
    keyword("approver", "APPROVER", "approver", en="approver", id="penandatangan"),
    keyword("legal_basis", "LIST_FIELD", "list", en="legal-basis", id="dasar-hukum"),
    keyword("qualifications", "LIST_FIELD", "list", en="qualifications", id="kualifikasi"),
    keyword("staffing", "TEXT_FIELD", "text", en="staffing", id="jumlah-pelaksana"),
    keyword("related", "LIST_FIELD", "list", en="related", id="keterkaitan"),
    keyword("equipment", "LIST_FIELD", "list", en="equipment", id="peralatan"),
    keyword("warning", "TEXT_FIELD", "text", en="warning", id="peringatan"),
    keyword("records", "LIST_FIELD", "list", en="records", id="pencatatan"),
    keyword("sla", "SLA", "duration", en="sla", id="batas-waktu"),
    keyword("calendar", "CALENDAR", "calendar", en="calendar", id="kalender"),
)
"""The fields of the sop header, in canonical order (the identity sheet's, where it has them)."""

CALENDAR = Keywords(
    keyword("workday", "CALENDAR_KEY", en="workday", id="hari-kerja"),
    keyword("week", "CALENDAR_KEY", en="week", id="minggu"),
    keyword("month", "CALENDAR_KEY", en="month", id="bulan"),
    keyword("year", "CALENDAR_KEY", en="year", id="tahun"),
)
"""The entries of the header's calendar block."""

APPROVER = Keywords(
    keyword("name", "APPROVER_KEY", en="name", id="nama"),
    keyword("rank", "APPROVER_KEY", en="rank", id="pangkat"),
    keyword("nip", "APPROVER_KEY", en="nip", id="nip"),
)
"""The lines of the header's approver block: the signatory's name, rank (pangkat) and NIP."""

ATTRIBUTES = Keywords(
    keyword("by", "BY", en="by", id="oleh"),
    keyword("needs", "TEXT_ATTRIBUTE", en="needs", id="kelengkapan"),
    keyword("time", "TIME", en="time", id="waktu"),
    keyword("output", "TEXT_ATTRIBUTE", en="output", id="output"),
    keyword("note", "TEXT_ATTRIBUTE", en="note", id="keterangan"),
    keyword("every", "EVERY", en="every", id="periode"),
    keyword("uses", "USES", en="uses", id="memakai"),
    keyword("next", "NEXT", en="next", id="lanjut"),
)
"""The attributes of a step or decision, in canonical order."""

BRANCHES = Keywords(
    keyword("yes", "YES", en="yes", id="ya"),
    keyword("no", "NO", en="no", id="tidak"),
    keyword("branch", "BRANCH", en="branch", id="cabang"),
)
"""The ways out of a decision, written in the same block as its attributes."""

TARGETS = Keywords(
    keyword("next", "ID", en="next", id="berikut"),
    keyword("end", "ID", en="end", id="selesai"),
)
"""The words a jump may name instead of a step id: lexed as ids, read as their concept (`selesai` is `end`)."""

GRAMMAR_KEYWORDS: tuple[Keywords, ...] = (TOP_LEVEL, HEADER, CALENDAR, APPROVER, ATTRIBUTES, BRANCHES)
"""The keywords that have terminals of their own in the grammar."""

