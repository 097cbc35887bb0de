"""The Indonesian author's guide shows only files that check clean, and only keywords the language has."""

from __future__ import annotations

import json
import re

import pytest

from sopdsl.cli import main
from sopdsl.parse import parse_text
from sopdsl.parse.vocabulary import GRAMMAR_KEYWORDS, TARGETS

from .conftest import ROOT

GUIDE = ROOT / "docs" / "id" / "bahasa.md"
SOP_BLOCK = re.compile(r"^```sop\n(.*?)^```", re.MULTILINE | re.DOTALL)
TABLE_HEADING = "| Indonesia | Inggris | dipakai pada |"


def guide_text() -> str:
    return GUIDE.read_text(encoding="utf-8")


def sop_blocks() -> list[str]:
    """The complete files of the guide: its ```sop fenced blocks."""
    return SOP_BLOCK.findall(guide_text())


def keyword_rows() -> list[tuple[str, str]]:
    """(Indonesian, English) of every row of the guide's keyword table."""
    table = guide_text().split(TABLE_HEADING, 1)[1].split("\n\n", 1)[0]
    rows = []
    for row in table.strip().splitlines()[1:]:
        cells = row.split("|")
        (indonesian,) = re.findall(r"`([^`]+)`", cells[1])
        (english,) = re.findall(r"`([^`]+)`", cells[2])
        rows.append((indonesian, english))
    return rows


ENTRIES = [entry for keywords in (*GRAMMAR_KEYWORDS, TARGETS) for entry in keywords]


def test_the_guide_has_complete_files_and_a_keyword_table():
    assert len(sop_blocks()) >= 2
    assert len(keyword_rows()) >= 40


@pytest.mark.parametrize("index", range(len(sop_blocks())))
def test_every_complete_file_of_the_guide_parses_and_checks_without_errors(index, tmp_path, capsys):
    text = sop_blocks()[index]
    parse_text(text)
    path = tmp_path / f"contoh-{index}.sop"
    path.write_text(text, encoding="utf-8")
    status = main(["check", str(path), "--today", "2025-01-01", "--format", "json", "--no-cache"])
    findings = json.loads(capsys.readouterr().out)
    errors = [finding for finding in findings if finding["severity"] == "error"]
    assert errors == []
    assert status == 0


def test_every_complete_file_uses_the_indonesian_keywords():
    for text in sop_blocks():
        words = re.findall(r"^\s*(step|role|decision|section|by|time|needs|next|note):", text, re.MULTILINE)
        assert words == []


@pytest.mark.parametrize("indonesian, english", keyword_rows())
def test_every_keyword_of_the_table_is_a_spelling_of_the_vocabulary(indonesian, english):
    pairs = {(entry.spellings["id"], entry.spellings["en"]) for entry in ENTRIES}
    assert (indonesian, english) in pairs


def test_the_keyword_table_lists_every_keyword():
    pairs = {(entry.spellings["id"], entry.spellings["en"]) for entry in ENTRIES}
    assert pairs == set(keyword_rows())
