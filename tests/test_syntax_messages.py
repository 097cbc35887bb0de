"""Each row of the syntax message table is reached by its own example, in its place in the order."""

from __future__ import annotations

import pytest
from lark.exceptions import UnexpectedInput

from sopdsl.parse import SopSyntaxError, parse_text
from sopdsl.parse.messages import MESSAGES, Situation, choose
from sopdsl.parse.parser import _parser

HEAD = "sop x: Judul\nrole a: A\n"
STEP = HEAD + "step s: Kegiatan\n"
DECISION = HEAD + "decision d: Lengkap?\n"

EXAMPLES = {
    # row: (source, the whole message)
    "text-after-quote": (
        HEAD + 'step s: "Kegiatan" lagi\n',
        "text continues after the closing quote; quote all of the text or none of it",
    ),
    "unclosed-quote": (HEAD + 'step s: "Kegiatan\n', "quoted text opened on line 3 is never closed"),
    "lone-carriage-return": (
        STEP + "  by: a\r  time: 1 h\n",
        "a carriage return (CR) without a line feed after it; save the file with LF or CRLF line ends",
    ),
    "only-comments": (
        "# hanya komentar\n\n",
        "the file has only comments and blank lines; a .sop file starts with 'sop <id>: <title>'",
    ),
    "calendar-without-entries": (
        "sop x: Judul\n  calendar:\nrole a: A\n",
        "expected the calendar's entries (workday, week, month, year) indented below 'calendar:', "
        "found 'end of line'",
    ),
    "approver-without-entries": (
        "sop x: Judul\n  approver:\nrole a: A\n",
        "expected the approver's lines (name, rank, nip) indented below 'approver:', found 'end of line'",
    ),
    "list-without-items": (
        "sop x: Judul\n  unit:\nrole a: A\n",
        "expected a value after 'unit:', or its items indented below it as '- item', found 'end of line'",
    ),
    "unexpected-indentation": (
        HEAD + "  role b: B\n",
        "unexpected indentation: only the sop header, lists, calendar, steps and decisions take an indented block",
    ),
    "unknown-attribute": (
        STEP + "  owner: a\n",
        "unknown attribute 'owner' here; a step or decision takes by, needs, time, output, note, every, uses, "
        "next, yes, no, branch",
    ),
    "unknown-field": (
        "sop x: Judul\n  pemilik: Budi\n",
        "unknown field 'pemilik' in the sop header; the fields are annex, number, unit, logo, created, revised, "
        "effective, evaluated, approved-by, approver, legal-basis, qualifications, staffing, related, equipment, "
        "warning, records, sla, calendar",
    ),
    "unknown-calendar-entry": (
        "sop x: Judul\n  calendar:\n    day: 8 h\n",
        "unknown calendar entry 'day'; use workday, week, month or year",
    ),
    "unknown-approver-entry": (
        "sop x: Judul\n  approver:\n    jabatan: Kepala\n",
        "unknown approver line 'jabatan'; use name, rank or nip",
    ),
    "line-after-header": (
        "sop x: Judul\nstpe s: Kegiatan\n",
        "expected 'role', 'section', 'step' or 'decision' at the start of the line, found 'stpe'",
    ),
    "line-start": (
        STEP + "role b: B\n",
        "expected 'section', 'step' or 'decision' at the start of the line, found 'role'",
    ),
    "no-sop-line": ("step s: x\n", "a .sop file starts with 'sop <id>: <title>', found 'step'"),
    "text-missing-alone": ("sop x: Judul\n  unit:\n    -\n", "expected text"),
    "title-missing": ("sop x:\n", "expected the SOP title after ':'"),
    "text-missing": ("sop x: Judul\n  number:\n", "expected text after 'number:'"),
    "period-missing": (
        STEP + "  every:\n",
        "expected a period after 'every:', such as 'bulan', '3 bulan' or '1 x 3 bulan'",
    ),
    "term-or-end": (
        STEP + "  time: 15 menit.\n",
        "expected another '<number> <unit>' term or the end of the line, found '.'",
    ),
    "time-missing": (
        STEP + "  time: Sesuai jadwal\n",
        "expected a duration after 'time:', such as '30 menit', '2 jam 30 menit' or '1-3 hari kerja'; "
        'a time that is not a number goes in quotes: time: "Sesuai jadwal"',
    ),
    "duration-missing": (
        "sop x: Judul\n  sla: segera\n",
        "expected a duration after 'sla:', such as '30 menit', '2 jam 30 menit' or '1-3 hari kerja'",
    ),
    "unit-missing": (
        STEP + "  time: 1-3\n",
        "expected a time unit, found 'end of line'; "
        "use menit, jam, hari, hari kerja, minggu, bulan, tahun or their English names",
    ),
    "id-missing": (STEP + "  next:\n", "expected a step id, 'next' or 'end' after 'next:', found 'end of line'"),
    "colon-missing": (HEAD + "step s Kegiatan\n", "expected ':' here, found 'Kegiatan'"),
    "role-list-goes-on": (STEP + "  by: a b\n", "expected another role id after ',' or the end of the line, found 'b'"),
    "line-goes-on": (STEP + "  next: a b\n", "expected the end of the line, found 'b'"),
    "unexpected": (DECISION + "  branch x\n", "unexpected 'x'; expected quoted text, the end of the line"),
}


def _chosen_row(source: str) -> str:
    """The name of the table row that explains the Lark error the parser raises on `source`."""
    parser = _parser()
    with pytest.raises(UnexpectedInput) as caught:
        parser.lark.parse(source + "\n")
    return choose(Situation.of(caught.value, source, parser.indenter.history)).name


def test_every_row_has_one_example_and_names_are_unique():
    names = [message.name for message in MESSAGES]
    assert len(names) == len(set(names))
    assert set(names) == set(EXAMPLES)


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_the_example_of_a_row_gets_that_rows_message(name):
    source, message = EXAMPLES[name]
    assert _chosen_row(source) == name
    with pytest.raises(SopSyntaxError) as caught:
        parse_text(source)
    assert caught.value.message == message


def test_a_found_word_with_braces_or_a_blank_before_a_comma_is_shown_as_written():
    with pytest.raises(SopSyntaxError) as caught:
        parse_text("sop x: Judul\nrole . , {s} b: B\n")
    assert caught.value.message == "expected an id after 'role', found '. , {s} b: B'"


KEPALA = "sop x: Judul\npelaksana a: A\n"
KEGIATAN = KEPALA + "kegiatan s: Kegiatan\n"

INDONESIAN_EXAMPLES = [
    # (a file written with Indonesian keywords so far, the whole message: keywords named in Indonesian)
    (
        KEGIATAN + "  pemilik: a\n",
        "unknown attribute 'pemilik' here; a step or decision takes oleh, kelengkapan, waktu, output, keterangan, "
        "periode, memakai, lanjut, ya, tidak, cabang",
    ),
    (KEGIATAN + "  lanjut:\n", "expected a step id, 'berikut' or 'selesai' after 'lanjut:', found 'end of line'"),
    (KEGIATAN + "  oleh:\n", "expected a role id after 'oleh:', found 'end of line'"),
    (
        KEGIATAN + "  waktu: Sesuai jadwal\n",
        "expected a duration after 'waktu:', such as '30 menit', '2 jam 30 menit' or '1-3 hari kerja'; "
        'a time that is not a number goes in quotes: waktu: "Sesuai jadwal"',
    ),
    (
        KEGIATAN + "  waktu: 1 x 3 bulan\n",
        "'x' makes this a period, not a duration: a routine step says 'periode: 1 x 3 bulan'",
    ),
    (
        KEGIATAN + "pelaksana b: B\n",
        "expected 'bagian', 'kegiatan' or 'keputusan' at the start of the line, found 'pelaksana'",
    ),
    (
        "sop x: Judul\n  nomor: 1\n  pemilik: Budi\n",
        "unknown field 'pemilik' in the sop header; the fields are lampiran, nomor, unit, logo, dibuat, direvisi, "
        "efektif, dievaluasi, disahkan-oleh, penandatangan, dasar-hukum, kualifikasi, jumlah-pelaksana, keterkaitan, "
        "peralatan, peringatan, pencatatan, batas-waktu, kalender",
    ),
    (
        "sop x: Judul\n  kalender:\n    hari: 8 jam\n",
        "unknown calendar entry 'hari'; use hari-kerja, minggu, bulan or tahun",
    ),
    (
        "sop x: Judul\n  penandatangan:\n    jabatan: Kepala\n",
        "unknown approver line 'jabatan'; use nama, pangkat or nip",
    ),
    (
        "sop x: Judul\nbagian a: A\nkegiatan: x\nkeputusan d: y\n  ya: selesai\n  owner: a\n",
        "unknown attribute 'owner' here; a step or decision takes oleh, kelengkapan, waktu, output, keterangan, "
        "periode, memakai, lanjut, ya, tidak, cabang",
    ),
]


@pytest.mark.parametrize("source, message", INDONESIAN_EXAMPLES)
def test_messages_name_keywords_in_the_language_of_the_file(source, message):
    with pytest.raises(SopSyntaxError) as caught:
        parse_text(source)
    assert caught.value.message == message


UNKNOWN_PEMILIK = "unknown attribute 'pemilik' here; a step or decision takes"


@pytest.mark.parametrize(
    "source, message",
    [
        # most keywords so far are English: English words, though the line's own keyword is Indonesian
        (STEP + "  by: a\n  time: 1 h\n  oleh: a\n  pemilik: a\n", f"{UNKNOWN_PEMILIK} by,"),
        # a tie goes to the language used last
        (HEAD + "kegiatan s: Kegiatan\n  pemilik: a\n", f"{UNKNOWN_PEMILIK} oleh,"),
        (KEPALA + "step s: Kegiatan\n  pemilik: a\n", f"{UNKNOWN_PEMILIK} by,"),
    ],
)
def test_a_mixed_file_gets_the_language_of_most_keywords_so_far(source, message):
    with pytest.raises(SopSyntaxError) as caught:
        parse_text(source)
    assert caught.value.message.startswith(message)
