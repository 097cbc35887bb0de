"""Syntax errors speak the author's language and point at the right line and column."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sopdsl.parse import SopSyntaxError, parse_text

HEAD = "sop x: Judul\nrole a: A\n"

CASES = [
    # (source, line, column, words the message must contain)
    (HEAD + "step s: Kegiatan\n  by:\n", 4, 6, "expected a role id after 'by:'"),
    (HEAD + "step s: Kegiatan\n  by: 3a\n", 4, 7, "expected a role id after 'by:', found '3a'"),
    (
        HEAD + "step s: Kegiatan\n  time: 2 fortnights\n",
        4,
        11,
        "unknown time unit 'fortnights'; use menit, jam, hari, hari kerja, minggu, bulan, tahun or their English names",
    ),
    (
        HEAD + "step s: Kegiatan\n  by: a\n\n\n\n\n\n\n\n\n\n\ttime: 1 h\n",
        14,
        1,
        "tab used for indentation on line 14; indent with spaces",
    ),
    (
        HEAD + "step s: Kegiatan\n  by: a\n \t time: 1 h\n",
        5,
        2,
        "tab used for indentation on line 5; indent with spaces",
    ),
    (
        HEAD + 'step s: Kegiatan\n  by: a\n\n\n\n  note: "dibuka\n  time: 1 h\n',
        8,
        9,
        "quoted text opened on line 8 is never closed",
    ),
    (HEAD + "step s: Kegiatan\n  owner: a\n", 4, 3, "unknown attribute 'owner'"),
    ("sop x: Judul\n  pemilik: Budi\n", 2, 3, "unknown field 'pemilik' in the sop header"),
    (
        HEAD + "stpe s: Kegiatan\n",
        3,
        1,
        "expected 'role', 'section', 'step' or 'decision' at the start of the line, found 'stpe'",
    ),
    (HEAD + "step s: Kegiatan\nrole b: B\n", 4, 1, "found 'role'"),
    (HEAD + "step s: Kegiatan\n  time: Sesuai jadwal\n", 4, 9, "a time that is not a number goes in quotes"),
    (HEAD + "step s:\n  by: a\n", 3, 8, "expected the activity text after ':'"),
    (HEAD + "step s Kegiatan\n", 3, 8, "expected ':' here, found 'Kegiatan'"),
    (
        HEAD + "step s: Kegiatan\n    by: a\n  time: 1 h\n",
        5,
        3,
        "indented by 2 spaces, which matches no enclosing block",
    ),
    (HEAD + "  role b: B\n", 3, 3, "unexpected indentation"),
    ("", 1, 1, "the file is empty"),
    ("step s: x\n", 1, 1, "a .sop file starts with 'sop <id>: <title>'"),
    ("sop x: Judul\n  created: 29 Mei 2024\n", 2, 12, "'29 Mei 2024' is not a date written YYYY-MM-DD"),
    ("sop x: Judul\n  created: 2024-02-30\n", 2, 12, "'2024-02-30' is not a real date"),
    (HEAD + "step s: Kegiatan\n  by: a\n  by: a\n", 5, 3, "'by' is given twice in the step 's' (first on line 4)"),
    (HEAD + 'step s: "Kegiatan" lagi\n', 3, 20, "text continues after the closing quote"),
    ("sop x:", 1, 7, "expected the SOP title"),
    (HEAD + "step s: Kegiatan\n  time: 1-3\n", 4, 12, "expected a time unit"),
    (HEAD + "step s: Kegiatan\n  next:\n", 4, 8, "expected a step id, 'next' or 'end' after 'next:'"),
    (HEAD + 'step s: Kegiatan\n  uses: "x"\n', 4, 9, "expected an SOP id after 'uses:'"),
    (HEAD + "step s: Kegiatan\nsection a: A\nstep t: x\n", 3, 1, "comes before the first section"),
    ("sop x: Judul\n  calendar:\n    day: 8 h\n", 3, 5, "unknown calendar entry 'day'"),
    (HEAD + "step s: Kegiatan\n  every: 3\n", 4, 11, "expected a time unit"),
    (HEAD + "step s: Kegiatan\n  by: a b\n", 4, 9, "expected another role id after ','"),
    (HEAD + "step s: Kegiatan\n  time: 1 x 3 bulan\n", 4, 11, "a routine step says 'every: 1 x 3 bulan'"),
    (HEAD + "step s: Kegiatan\n  time: 15 menit.\n", 4, 17, "expected another '<number> <unit>' term or the end"),
]


@pytest.mark.parametrize("source, line, column, words", CASES)
def test_error_message_and_position(source, line, column, words):
    with pytest.raises(SopSyntaxError) as caught:
        parse_text(source)
    error = caught.value
    assert words in error.message
    assert (error.line, error.column) == (line, column)


ALPHABET = st.sampled_from(
    list('sop role step decision section by time next yes no : - " # \t \n  \r x 1 , . ( ) é 步 \u200b')
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ALPHABET, max_size=60).map("".join))
def test_any_text_parses_or_fails_with_a_position_inside_the_file(text):
    source = "sop x: Judul\nrole a: A\nstep s: Kegiatan\n" + text
    try:
        parse_text(source)
    except SopSyntaxError as error:
        lines = source.split("\n")
        assert 1 <= error.line <= len(lines)
        assert 1 <= error.column <= len(lines[error.line - 1].rstrip("\r")) + 2
        assert error.message
