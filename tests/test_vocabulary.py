"""The keyword table is the one source of the language's words: the grammar, model, formatter and docs follow it."""

from __future__ import annotations

import re

import attrs
import pytest

from sopdsl.format import format_text
from sopdsl.model import CALENDAR_FIELDS, HEADER_FIELDS, Activity, Calendar, Sop
from sopdsl.parse import parse_text
from sopdsl.parse.grammar import grammar_path, grammar_text
from sopdsl.parse.vocabulary import (
    ATTRIBUTES,
    BRANCHES,
    CALENDAR,
    GRAMMAR_KEYWORDS,
    HEADER,
    TARGETS,
    TOP_LEVEL,
    Keywords,
    keyword,
)

from .conftest import ROOT

HEAD = "sop x: Judul\nrole a: A\n"
FIELD_VALUES = {
    "text": "Nilai", "list": "Nilai", "date": "2024-05-29", "dates": "2024-05-29", "duration": "1 h", "calendar": "",
    "approver": "",
}
BLOCKS = {"calendar": "\n    workday: 8 h", "approver": "\n    nip: 19810207 200003 1 001"}
ATTRIBUTE_VALUES = {"by": "a", "time": "1 h", "every": "bulan", "uses": "lain", "next": "end"}


def spellings(keywords: Keywords):
    """(keyword, word) for every spelling of every keyword, as test parameters."""
    return [pytest.param(entry, word, id=f"{entry.concept}-{word}") for entry in keywords for word in entry.words]


@pytest.mark.parametrize("entry, word", spellings(HEADER))
def test_every_spelling_of_a_header_field_sets_its_attribute(entry, word):
    block = BLOCKS.get(entry.kind, "")
    sop = parse_text(f"sop x: Judul\n  {word}: {FIELD_VALUES[entry.kind]}{block}\n")
    assert getattr(sop, entry.concept) not in (None, ())
    assert list(sop.field_spans) == [entry.concept]


@pytest.mark.parametrize("entry, word", spellings(CALENDAR))
def test_every_spelling_of_a_calendar_entry_sets_its_attribute(entry, word):
    sop = parse_text(f"sop x: Judul\n  calendar:\n    {word}: 8 h\n")
    assert getattr(sop.calendar, entry.concept).wording == "8 h"


@pytest.mark.parametrize("entry, word", spellings(ATTRIBUTES))
def test_every_spelling_of_an_attribute_sets_its_attribute(entry, word):
    sop = parse_text(HEAD + f"step s: Kegiatan\n  {word}: {ATTRIBUTE_VALUES.get(entry.concept, 'Nilai')}\n")
    (step,) = sop.activities()
    assert getattr(step, entry.concept) not in (None, ())


@pytest.mark.parametrize("entry, word", spellings(BRANCHES))
def test_every_spelling_of_a_branch_key_makes_its_kind_of_branch(entry, word):
    label = ' "Lengkap"' if entry.concept == "branch" else ""
    sop = parse_text(HEAD + f"decision d: Lengkap?\n  {word}{label}: end\n")
    (branch,) = next(sop.activities()).branches
    assert branch.kind == ("label" if entry.concept == "branch" else entry.concept)


OPENERS = {
    # concept: (a file that uses the word, what the parse must show)
    "sop": (lambda word: f"{word} x: Judul\n", lambda sop: sop.id == "x"),
    "role": (lambda word: f"sop x: Judul\n{word} b: B\n", lambda sop: [r.id for r in sop.roles] == ["b"]),
    "section": (lambda word: f"sop x: Judul\n{word} a: A\nstep: x\n", lambda sop: sop.sections[0].id == "a"),
    "step": (lambda word: f"sop x: Judul\n{word} s: x\n", lambda sop: not next(sop.activities()).is_decision),
    "decision": (lambda word: f"sop x: Judul\n{word} d: x\n", lambda sop: next(sop.activities()).is_decision),
}


@pytest.mark.parametrize("entry, word", spellings(TOP_LEVEL))
def test_every_spelling_of_a_line_opener_opens_its_line(entry, word):
    source, shows = OPENERS[entry.concept]
    assert shows(parse_text(source(word)))


@pytest.mark.parametrize("entry, word", spellings(TARGETS))
def test_every_spelling_of_a_target_word_is_understood_by_the_flow_graph(entry, word):
    from sopdsl.analysis.graph import END, FlowGraph

    sop = parse_text(HEAD + f"step s: Kegiatan\n  next: {word}\nstep t: Lain\n  next: s\n")
    graph = FlowGraph(sop.sections[0])
    assert graph.successors(0) == ([END] if entry.concept == "end" else [1])
    assert not graph.unresolved


def test_the_model_fields_are_the_table_concepts():
    assert [attribute for _, attribute, _ in HEADER_FIELDS] == list(HEADER.concepts)
    assert set(HEADER.concepts) <= set(attrs.fields_dict(Sop))
    assert CALENDAR_FIELDS == CALENDAR.concepts and set(CALENDAR.concepts) <= set(attrs.fields_dict(Calendar))
    assert set(ATTRIBUTES.concepts) <= set(attrs.fields_dict(Activity))


def test_no_word_spells_two_keywords_where_both_may_stand():
    Keywords(*ATTRIBUTES, *BRANCHES)  # the attributes and branches of a decision share its block


def test_a_table_mistake_is_refused_when_the_table_is_built():
    with pytest.raises(ValueError, match="not words"):
        keyword("number", "TEXT_FIELD", en="number two")
    with pytest.raises(ValueError, match="no spelling in en"):
        keyword("number", "TEXT_FIELD", id="nomor")
    with pytest.raises(ValueError, match="no spelling in id"):
        keyword("number", "TEXT_FIELD", en="number")
    with pytest.raises(ValueError, match="spells both"):
        Keywords(keyword("a", "A", en="kata", id="a"), keyword("b", "B", en="b", id="kata"))


def test_the_keyword_terminals_come_only_from_the_table():
    written = grammar_path().read_text(encoding="utf-8")
    whole = grammar_text()
    for keywords in GRAMMAR_KEYWORDS:
        for terminal in keywords.terminals:
            assert not re.search(rf"^{terminal}\b", written, re.M), f"{terminal} is spelled in sop.lark"
            assert len(re.findall(rf"^{terminal}: ", whole, re.M)) == 1


def test_the_formatter_writes_the_canonical_spelling_of_every_keyword():
    source = (
        "sop x: Judul\n  number: 1\n  calendar:\n    workday: 8 h\n\nrole a: A\n\nsection s: S\n\n"
        'step t: Kegiatan\n  by: a\n  time: 1 h\n  next: end\n\ndecision d: Lengkap?\n  yes: end\n  branch "B": t\n'
    )
    assert format_text(source) == source


def _table_words(markdown: str, heading_row: str):
    """The backticked words of the first column of the markdown table that starts with `heading_row`."""
    table = markdown.split(heading_row, 1)[1].split("\n\n", 1)[0]
    rows = table.strip().splitlines()[1:]
    return [word for row in rows for word in re.findall(r"`([^`]+)`", row.split("|")[1])]


def test_the_language_guide_lists_the_fields_and_attributes_of_the_table_in_order():
    guide = (ROOT / "docs" / "language.md").read_text(encoding="utf-8")
    assert _table_words(guide, "| field | value | printed as |") == list(HEADER.english)
    assert _table_words(guide, "| attribute | value | table column |") == list(ATTRIBUTES.english)


def test_the_contract_keyword_table_has_every_concept_of_the_table(language_md):
    contract = _table_words(language_md.split("## Indonesian keywords", 1)[1], "| English | Indonesian |")
    words = {entry.english for keywords in (*GRAMMAR_KEYWORDS, TARGETS) for entry in keywords}
    assert words <= set(contract)
