"""The formatter writes one canonical layout that reads back to the same model, and `sopdsl fmt` applies it safely."""

from __future__ import annotations

import os
import re
import stat

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sopdsl import format as formatter
from sopdsl.cli import main
from sopdsl.format import WIDTH, FormatError, format_sop, format_text
from sopdsl.parse import SopSyntaxError, parse_text

from .conftest import FIXTURES, ROOT
from .strategies import sops

FUZZ_EXAMPLES = int(os.environ.get("SOPDSL_FUZZ_EXAMPLES") or 200)

MESSY = """\
# Top of file comment
sop  contoh :  Contoh SOP   # trailing on header
  # about the sla
  sla: 2 hari  kerja
      # about number
  number:   12/SOP/2024
  unit:      # the unit
    - Dinas Contoh   # only unit
  legal-basis:
       - UU 14/2008
       # second law
       - UU 25/2009  # pelayanan
  calendar:
    # five-day week
    week: 5 workdays
    workday: 7,5 jam # short days
  related:
    - lain
    - Judul di luar
  created: 2024-01-02

role a: A

role b: "B"    # quoted needlessly
# about the first section
section s1: Satu
  step x: Kerjakan sesuatu
    time: 1-2 (dua) jam
    # about by
    by: a,b
    note: "catatan # penting"
  decision: Lengkap?
    no: x
    yes: next
    by: a
    branch "lain\\"nya": end
    # ends the decision block
section s2: Dua
  step: "Langkah"
    every: 1 x 3 bulan
    time: "Sesuai jadwal"
# end of file
"""

CANONICAL = """\
# Top of file comment
sop contoh: Contoh SOP  # trailing on header
  # about number
  number: 12/SOP/2024
  unit:  # the unit
    - Dinas Contoh  # only unit
  created: 2024-01-02
  legal-basis:
    - UU 14/2008
    # second law
    - UU 25/2009  # pelayanan
  related:
    - lain
    - "Judul di luar"
  # about the sla
  sla: 2 hari kerja
  calendar:
    workday: 7,5 jam  # short days
    # five-day week
    week: 5 workdays

role a: A
role b: B  # quoted needlessly

# about the first section
section s1: Satu

step x: Kerjakan sesuatu
  # about by
  by: a, b
  time: 1-2 (dua) jam
  note: "catatan # penting"

decision: Lengkap?
  by: a
  no: x
  yes: next
  branch "lain\\"nya": end
  # ends the decision block

section s2: Dua

step: Langkah
  time: "Sesuai jadwal"
  every: 1 x 3 bulan

# end of file
"""

HEAD = "sop x: Judul\n\nrole a: A\n\n"


def formatted_step(*attributes: str, opening: str = "step s: Kegiatan") -> str:
    """The formatted text of a file with one step, minus the fixed head."""
    text = format_text(HEAD + opening + "\n" + "".join(f"  {line}\n" for line in attributes))
    assert text.startswith(HEAD)
    return text[len(HEAD) :]


# ---- canonical layout -----------------------------------------------------------------------------


def test_messy_file_gets_the_canonical_layout_with_every_comment_beside_its_element():
    assert format_text(MESSY) == CANONICAL


def test_canonical_text_is_left_as_it_is():
    assert format_text(CANONICAL) == CANONICAL


def test_canonical_text_is_parsed_once_and_changed_text_is_proved_by_a_second_parse(monkeypatch):
    parsed = []
    monkeypatch.setattr(formatter, "parse_text", lambda text: parsed.append(text) or parse_text(text))
    format_text(CANONICAL)
    assert parsed == [CANONICAL]
    parsed.clear()
    format_text(MESSY)
    assert parsed == [MESSY, CANONICAL]


def test_contract_examples_format_to_a_stable_result(language_md):
    blocks = re.findall(r"```\n(.*?)```", language_md, re.S)
    english, indonesian = [block for block in blocks if block.lstrip().startswith(("#", "sop "))]
    for example in (english, indonesian):
        formatted = format_text(example)
        assert format_text(formatted) == formatted
        assert parse_text(formatted) == parse_text(example)
    formatted = format_text(english)
    assert "  qualifications: Memahami ketentuan terkait informasi publik\n" in formatted
    assert '  related:\n    - penyiapan-jawaban\n    - "SOP Pelayanan Keberatan Informasi Publik"\n' in formatted
    assert format_text(indonesian) == indonesian


def test_bundled_example_formats_to_a_stable_result():
    text = (FIXTURES / "language" / "whole-file.sop").read_text(encoding="utf-8")
    formatted = format_text(text)
    assert format_text(formatted) == formatted


def test_steps_indented_under_a_section_come_to_column_0():
    text = "sop x: J\nsection s: S\n  step a: A\n    by: p\n  step b: B\n"
    assert format_text(text) == "sop x: J\n\nsection s: S\n\nstep a: A\n  by: p\n\nstep b: B\n"


def test_header_alone_and_roles_without_flow():
    assert format_text("sop x:   Judul  \n") == "sop x: Judul\n"
    assert format_text("sop x: J\nrole a: A\n\n\nrole b: B\n") == "sop x: J\n\nrole a: A\nrole b: B\n"


def test_attributes_come_in_canonical_order_and_branches_in_source_order():
    text = formatted_step(
        "branch \"Tidak lengkap\": end", "no: s", "uses: lain", "every: month", "note: N", "output: O",
        "time: 15 min", "needs: K", "by: a", "yes: next", opening="decision s: Lengkap?",
    )
    assert text == (
        "decision s: Lengkap?\n  by: a\n  needs: K\n  time: 15 min\n  output: O\n  note: N\n"
        '  every: month\n  uses: lain\n  branch "Tidak lengkap": end\n  no: s\n  yes: next\n'
    )


@pytest.mark.parametrize(
    "written, canonical",
    [
        ("1,5  jam", "1,5 jam"),
        ("2 h   30 min", "2 h 30 min"),
        ("10 (sepuluh)  hari   kerja", "10 (sepuluh) hari kerja"),
        ("1 (satu)-3 (tiga) Hari Kalender", "1 (satu)-3 (tiga) Hari Kalender"),
        ("1-7 hari kerja", "1-7 hari kerja"),
    ],
)
def test_durations_are_written_as_worded(written, canonical):
    assert formatted_step(f"time: {written}") == f"step s: Kegiatan\n  time: {canonical}\n"


@pytest.mark.parametrize(
    "written, canonical",
    [("bulan", "bulan"), ("3  months", "3 months"), ("1 x 3 bulan", "1 x 3 bulan"), ("1x3 bulan", "1 x 3 bulan")],
)
def test_periods_are_written_as_worded(written, canonical):
    assert formatted_step(f"every: {written}") == f"step s: Kegiatan\n  every: {canonical}\n"


# ---- quoting and wrapping -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written, canonical",
    [
        ('"Formulir"', "Formulir"),
        ('"a#b"', "a#b"),
        ('"kata \\"kutipan\\" di tengah"', 'kata "kutipan" di tengah'),
        ('"C:\\\\data"', "C:\\data"),
        ('"- mulai dengan tanda"', "- mulai dengan tanda"),
        ('"Überprüfung"', "Überprüfung"),
        ('"dengan # tanda pagar"', '"dengan # tanda pagar"'),
        ('"#awal"', '"#awal"'),
        ('"\\"awal"', '"\\"awal"'),
        ('"  tepi  "', '"  tepi  "'),
        ('""', '""'),
        ('"tab\t#pagar"', '"tab\t#pagar"'),
    ],
)
def test_text_is_quoted_only_where_needed(written, canonical):
    assert formatted_step(f"needs: {written}") == f"step s: Kegiatan\n  needs: {canonical}\n"


def test_quoted_time_stays_quoted():
    assert formatted_step('time: "Sesuai jadwal"') == 'step s: Kegiatan\n  time: "Sesuai jadwal"\n'


def test_related_titles_are_quoted_and_sop_ids_bare():
    text = format_text('sop x: J\n  related:\n    - lain\n    - "lain-juga"\n    - Judul Lain\n')
    assert text == 'sop x: J\n  related:\n    - lain\n    - "lain-juga"\n    - "Judul Lain"\n'
    assert format_text('sop x: J\n  related: "Judul"\n') == 'sop x: J\n  related: "Judul"\n'


def test_long_text_is_quoted_and_wrapped_two_deeper_at_single_spaces():
    words = " ".join(f"kata{number}" for number in range(40))
    text = formatted_step(f"note: {words}")
    lines = text.splitlines()
    assert lines[1].startswith('  note: "kata0 ') and lines[-1].endswith('kata39"')
    assert all(line.startswith("    kata") for line in lines[2:])
    assert all(len(line) <= WIDTH for line in lines)
    assert parse_text(HEAD + text).sections[0].steps[0].note.value == words


def test_a_double_space_is_never_broken():
    pairs = " ".join(f"ab  cd{number}" for number in range(20))
    text = formatted_step(f'note: "{pairs}"')
    lines = text.splitlines()[1:]
    assert len(lines) > 1
    assert not any(line.endswith("ab") or line.lstrip().startswith("cd") for line in lines)
    assert parse_text(HEAD + text).sections[0].steps[0].note.value == pairs


def test_step_text_wraps_four_deep_clear_of_the_attributes():
    words = " ".join(["Menyiapkan jawaban permohonan"] * 5)
    text = formatted_step(opening=f"step s: {words}")
    assert text.splitlines()[1].startswith("    ") and not text.splitlines()[1].startswith("     ")


def test_a_word_wider_than_the_line_stays_whole_and_unquoted():
    word = "x" * 100
    assert formatted_step(f"output: {word}") == f"step s: Kegiatan\n  output: {word}\n"


def test_bare_text_pattern_is_the_grammar_text_terminal():
    grammar = (ROOT / "sopdsl" / "grammar" / "sop.lark").read_text(encoding="utf-8")
    (pattern,) = re.findall(r"^TEXT: /(.*)/$", grammar, re.M)
    assert formatter._BARE_TEXT.pattern == pattern


# ---- comments -------------------------------------------------------------------------------------


def test_comments_of_a_single_item_list_come_before_the_joined_line_but_the_last_trailing_one():
    text = "sop x: J\n  unit:\n    # B\n    - X  # C\n"
    assert format_text(text) == "sop x: J\n  # B\n  unit: X  # C\n"


def test_comments_at_the_end_of_a_block_stay_above_the_blank_line():
    text = "sop x: J\n  warning: W\n  # records: blank in the source\n# roles\nrole a: A\n"
    assert format_text(text) == "sop x: J\n  warning: W\n  # records: blank in the source\n\n# roles\nrole a: A\n"


def test_comments_move_with_their_attribute():
    text = formatted_step("# about time", "time: 5 min  # five", "by: a")
    assert text == "step s: Kegiatan\n  by: a\n  # about time\n  time: 5 min  # five\n"


def test_trailing_comment_of_a_wrapped_text_stays_on_its_last_line():
    words = " ".join(f"kata{number}" for number in range(40))
    text = formatted_step(f"note: {words}  # catatan")
    assert text.endswith('kata39"  # catatan\n')


def test_indented_comments_at_the_end_of_the_file_stay_in_the_last_block():
    text = format_text("sop x: J\nstep a: A\n  by: p\n  # todo\n# done\n")
    assert text == "sop x: J\n\nstep a: A\n  by: p\n  # todo\n\n# done\n"


# ---- the safety check -----------------------------------------------------------------------------


def broken_rendering(monkeypatch, change):
    real = formatter._render

    def render(sop, keywords=None):
        rendering = real(sop, keywords)
        return formatter._Rendering(*change(rendering.text, rendering.comments))

    monkeypatch.setattr(formatter, "_render", render)


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda text, comments: (text.replace("role a", "role"), comments), "does not parse"),
        (lambda text, comments: (text.replace("Kegiatan", "Lain"), comments), "changes the meaning of: sections"),
        (lambda text, comments: (text.replace("  # five", ""), comments), "does not keep every comment"),
        (lambda text, comments: (text, comments[::-1]), "do not read back in the order"),
    ],
)
def test_unsafe_output_is_never_returned(monkeypatch, change, message):
    broken_rendering(monkeypatch, change)
    with pytest.raises(FormatError, match=message):
        format_text(HEAD + "# about\nstep s:   Kegiatan\n  time: 5 min  # five\n")  # not canonical: proved


def test_unstable_output_is_never_returned(monkeypatch):
    calls = []
    real = formatter._render

    def render(sop, keywords=None):
        calls.append(sop)
        rendering = real(sop, keywords)
        return formatter._Rendering(rendering.text + "\n" * len(calls), rendering.comments)

    monkeypatch.setattr(formatter, "_render", render)
    with pytest.raises(FormatError, match="not stable"):
        format_text("sop x:   Judul\n")


def test_syntax_errors_pass_through():
    with pytest.raises(SopSyntaxError):
        format_text("sop x\n")


# ---- round trip on generated models ---------------------------------------------------------------


@settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)
@given(sop=sops(), data=st.data())
def test_generated_models_round_trip_and_keep_inserted_comments(sop, data):
    text = format_sop(sop)
    assert parse_text(text) == sop
    assert format_text(text) == text
    with_comments = insert_comments(text, data)
    formatted = format_text(with_comments)
    assert parse_text(formatted) == parse_text(with_comments)


def insert_comments(text: str, data) -> str:
    """The text with comments added: own-line ones at any indentation, trailing ones at line ends."""
    lines = text[:-1].split("\n")
    places = data.draw(st.lists(st.tuples(st.integers(0, len(lines)), st.booleans(), st.integers(0, 6)), max_size=6))
    for number, (index, trailing, indent) in enumerate(sorted(places, reverse=True)):
        if trailing and index < len(lines):
            lines[index] += f"  # t{number}"
        else:
            lines.insert(index, " " * indent + f"# c{number}")
    return "\n".join(lines) + "\n"


# ---- sopdsl fmt ---------------------------------------------------------------------------------


UGLY = "sop x:  Judul\nrole a: A\nstep s: Kegiatan\n    by: a\n"
PRETTY = "sop x: Judul\n\nrole a: A\n\nstep s: Kegiatan\n  by: a\n"


@pytest.fixture
def ugly(tmp_path):
    path = tmp_path / "ugly.sop"
    path.write_text(UGLY, encoding="utf-8")
    return path


def test_fmt_rewrites_changed_files_and_reports_them(ugly, capsys):
    assert main(["fmt", str(ugly)]) == 0
    assert ugly.read_text(encoding="utf-8") == PRETTY
    assert capsys.readouterr().out == f"reformatted {ugly}\n"


def test_fmt_formats_every_sop_below_a_folder(tmp_path):
    nested = tmp_path / "a" / "b.sop"
    nested.parent.mkdir()
    nested.write_text(UGLY, encoding="utf-8")
    (tmp_path / "notes.txt").write_text(UGLY, encoding="utf-8")
    assert main(["fmt", str(tmp_path)]) == 0
    assert nested.read_text(encoding="utf-8") == PRETTY
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == UGLY


def test_fmt_leaves_a_formatted_file_untouched(tmp_path, monkeypatch, capsys):
    path = tmp_path / "pretty.sop"
    path.write_text(PRETTY, encoding="utf-8")
    monkeypatch.setattr("sopdsl.commands.fmt.write_atomically", pytest.fail)
    assert main(["fmt", str(path)]) == 0
    assert capsys.readouterr().out == ""


def test_fmt_never_touches_a_file_that_does_not_parse(tmp_path, ugly, capsys):
    broken = tmp_path / "broken.sop"
    broken.write_bytes(b"sop x: J\nstep s: K\n  by a\n")
    assert main(["fmt", str(broken), str(ugly)]) == 1
    assert broken.read_bytes() == b"sop x: J\nstep s: K\n  by a\n"
    assert ugly.read_text(encoding="utf-8") == PRETTY
    out = capsys.readouterr().out
    assert re.search(rf"^{re.escape(str(broken))}:3:\d+: error syntax-error .+$", out, re.M)


def test_fmt_check_changes_nothing_and_exits_1_when_a_file_would_change(ugly, tmp_path, capsys):
    assert main(["fmt", "--check", str(ugly)]) == 1
    assert ugly.read_text(encoding="utf-8") == UGLY
    assert capsys.readouterr().out == f"would reformat {ugly}\n"
    pretty = tmp_path / "pretty.sop"
    pretty.write_text(PRETTY, encoding="utf-8")
    assert main(["fmt", "--check", str(pretty)]) == 0


def test_fmt_diff_prints_a_unified_diff_and_changes_nothing(ugly, capsys):
    assert main(["fmt", "--diff", str(ugly)]) == 1
    assert ugly.read_text(encoding="utf-8") == UGLY
    captured = capsys.readouterr()
    assert captured.out.startswith(f"--- {ugly}\t(original)\n+++ {ugly}\t(formatted)\n@@ ")
    assert "-sop x:  Judul\n+sop x: Judul\n" in captured.out
    assert "-    by: a\n+  by: a\n" in captured.out
    assert captured.err == f"would reformat {ugly}\n"


def test_fmt_keeps_crlf_line_ends(tmp_path):
    path = tmp_path / "crlf.sop"
    path.write_bytes(UGLY.replace("\n", "\r\n").encode("utf-8"))
    assert main(["fmt", str(path)]) == 0
    assert path.read_bytes() == PRETTY.replace("\n", "\r\n").encode("utf-8")
    assert main(["fmt", "--check", str(path)]) == 0


def test_fmt_drops_a_byte_order_mark(tmp_path):
    path = tmp_path / "bom.sop"
    path.write_bytes(b"\xef\xbb\xbf" + PRETTY.encode("utf-8"))
    assert main(["fmt", "--check", str(path)]) == 1
    assert main(["fmt", str(path)]) == 0
    assert path.read_bytes() == PRETTY.encode("utf-8")


def test_fmt_keeps_the_permission_bits(ugly):
    os.chmod(ugly, 0o640)
    assert main(["fmt", str(ugly)]) == 0
    assert stat.S_IMODE(ugly.stat().st_mode) == 0o640


def test_fmt_failing_midway_leaves_the_original_and_no_temporary_file(ugly, tmp_path, monkeypatch, capsys):
    def failing_replace(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", failing_replace)
    assert main(["fmt", str(ugly)]) == 2
    assert ugly.read_text(encoding="utf-8") == UGLY
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ugly.sop"]
    assert "cannot write" in capsys.readouterr().err


def test_fmt_reports_unsafe_formatting_as_internal_error(ugly, monkeypatch, capsys):
    broken_rendering(monkeypatch, lambda text, comments: (text.replace("Kegiatan", "Lain"), comments))
    assert main(["fmt", str(ugly)]) == 2
    assert ugly.read_text(encoding="utf-8") == UGLY
    assert capsys.readouterr().err.startswith(f"sopdsl: internal error: cannot format {ugly} safely: ")


def test_fmt_missing_path_is_a_usage_error(tmp_path, capsys):
    assert main(["fmt", str(tmp_path / "missing.sop")]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_a_one_item_list_keeps_its_block_when_key_and_item_each_end_in_a_comment():
    text = (
        "sop x: T\n  related:  # sopdsl: ignore[unknown-sop]\n    - other-sop  # a note\n\n"
        "role a: A\n\nstep s: K\n  by: a\n"
    )
    assert format_text(text) == text
    joined = text.replace("related:  # sopdsl", "related: other-sop  # sopdsl")
    joined = joined.replace("    - other-sop  # a note\n", "")
    assert format_text(text.replace("  # a note", "")) == joined
