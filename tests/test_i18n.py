"""Messages in English and Indonesian: the catalogues, `--lang` and the `lang` setting on every command."""

from __future__ import annotations

import json
import string
import subprocess
import sys

import pytest

from sopdsl import i18n
from sopdsl.cli import main
from sopdsl.i18n import catalogue

from .conftest import TODAY
from .sop_files import write_sop

BROKEN_STEP = """\
step terima: Menerima permohonan
  by: ptugas
  time: 10 menit

step catat: Mencatat permohonan
  by: petugas
  time: 5 menit
"""


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def test_every_message_has_both_languages_with_the_same_fields():
    english, indonesian = catalogue("en"), catalogue("id")
    assert set(english) == set(indonesian)
    for key, template in english.items():
        assert fields(template) == fields(indonesian[key]), key
        assert indonesian[key].strip(), key


def test_the_indonesian_messages_use_the_words_of_indonesian_sops():
    words = " ".join(catalogue("id").values())
    for word in ("kegiatan", "pelaksana", "waktu", "hari kerja", "keputusan", "bagian", "berkas"):
        assert word in words, word
    for english in (" the ", " is ", " step ", " role "):
        assert english not in words, english


def test_check_speaks_the_chosen_language_and_english_by_default(tmp_path, capsys):
    path = write_sop(tmp_path, "x.sop", BROKEN_STEP)
    assert main(["check", str(path)]) == 1
    english = capsys.readouterr().out
    assert "step 'terima' is done by 'ptugas', which is not a declared role; did you mean 'petugas'?" in english
    assert english.endswith("1 file checked: 1 error\n")
    assert main(["check", "--lang", "id", str(path)]) == 1
    indonesian = capsys.readouterr().out
    assert "kegiatan 'terima' dilaksanakan oleh 'ptugas', yang tidak dideklarasikan sebagai pelaksana" in indonesian
    assert indonesian.endswith("1 berkas diperiksa: 1 kesalahan\n")
    assert main(["check", "--lang", "en", str(path)]) == 1
    assert capsys.readouterr().out == english
    assert i18n.language() == "en"  # main leaves its caller in English


def test_syntax_errors_in_indonesian(tmp_path, capsys):
    path = tmp_path / "x.sop"
    path.write_text("sop x: Contoh\n  by: petugas\n", encoding="utf-8")
    assert main(["check", "--lang", "id", str(path)]) == 1
    out = capsys.readouterr().out
    assert "isian 'by' tidak dikenal dalam identitas sop" in out
    path.write_text("sop x: Contoh\n\nstep a: A\n  time: 2 jem\n", encoding="utf-8")
    assert main(["check", "--lang", "id", str(path)]) == 1
    assert "satuan waktu" in capsys.readouterr().out


@pytest.mark.parametrize("form", ["json", "sarif"])
def test_machine_formats_keep_rule_names_and_carry_the_chosen_language(tmp_path, capsys, form):
    path = write_sop(tmp_path, "x.sop", BROKEN_STEP)
    assert main(["check", "--lang", "id", "--format", form, str(path)]) == 1
    document = json.loads(capsys.readouterr().out)
    if form == "json":
        (finding,) = document
        rule, message = finding["rule"], finding["message"]
    else:
        (result,) = document["runs"][0]["results"]
        rule, message = result["ruleId"], result["message"]["text"]
    assert rule == "unknown-role"
    assert "dilaksanakan oleh 'ptugas'" in message


def test_the_lang_setting_and_the_option_over_it(tmp_path, capsys):
    path = write_sop(tmp_path, "x.sop", BROKEN_STEP)
    (tmp_path / ".sopdsl.toml").write_text('lang = "id"\n', encoding="utf-8")
    assert main(["check", str(path)]) == 1
    assert capsys.readouterr().out.endswith("1 berkas diperiksa: 1 kesalahan\n")
    assert main(["check", "--lang", "en", str(path)]) == 1
    assert capsys.readouterr().out.endswith("1 file checked: 1 error\n")


def test_a_wrong_lang_setting_is_a_usage_error(tmp_path, capsys):
    path = write_sop(tmp_path, "x.sop")
    (tmp_path / ".sopdsl.toml").write_text('lang = "jv"\n', encoding="utf-8")
    assert main(["check", str(path)]) == 2
    assert "lang = 'jv'; use \"id\" or \"en\"" in capsys.readouterr().err


def test_usage_errors_in_indonesian(tmp_path, capsys):
    missing = str(tmp_path / "tidak-ada.sop")
    assert main(["check", "--lang", "id", missing]) == 2
    assert capsys.readouterr().err == f"sopdsl: kesalahan: berkas atau folder tidak ditemukan: {missing}\n"
    assert main(["render", "--lang", "id", missing, "--to", "html"]) == 2
    assert capsys.readouterr().err == f"sopdsl: kesalahan: berkas tidak ditemukan: {missing}\n"
    assert main(["rules", "--lang", "id", "unknown-rol"]) == 2
    assert "tidak ada aturan bernama 'unknown-rol'; mungkin maksudnya unknown-role?" in capsys.readouterr().err
    assert main(["rules", "unknown-rol"]) == 2
    assert "no rule named 'unknown-rol'; did you mean unknown-role?" in capsys.readouterr().err


def test_stats_text_in_both_languages(tmp_path, capsys):
    path = write_sop(tmp_path, "x.sop")
    assert main(["stats", str(path)]) == 0
    default = capsys.readouterr().out
    assert "typical" in default and "10 menit" in default  # English headings, the SOP's own units
    assert main(["stats", "--lang", "id", str(path)]) == 0
    indonesian = capsys.readouterr().out
    assert "biasanya" in indonesian and "jumlah" in indonesian and "10 menit" in indonesian
    assert main(["stats", "--lang", "en", str(path)]) == 0
    english = capsys.readouterr().out
    assert "typical" in english and "10 min" in english


def test_fmt_reports_in_indonesian(tmp_path, capsys):
    path = write_sop(tmp_path, "x.sop")
    path.write_text(path.read_text(encoding="utf-8").replace("  by: petugas", "  by:   petugas"), encoding="utf-8")
    assert main(["fmt", "--check", "--lang", "id", str(path)]) == 1
    assert capsys.readouterr().out == f"perlu dirapikan: {path}\n"
    assert main(["fmt", "--check", str(path)]) == 1
    assert capsys.readouterr().out == f"would reformat {path}\n"


def test_build_speaks_and_prints_in_the_chosen_language(tmp_path, capsys):
    library = tmp_path / "library"
    write_sop(library, "x.sop", BROKEN_STEP)
    out = tmp_path / "site"
    assert main(["build", str(library), "-o", str(out), "--no-pdf", "--lang", "id"]) == 1
    captured = capsys.readouterr()
    assert "1 berkas diperiksa: 1 kesalahan" in captured.out
    assert "sopdsl: 1 SOP dibuat di" in captured.err
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "Daftar SOP" in index and "dilaksanakan oleh" in index
    assert main(["build", str(library), "-o", str(out), "--no-pdf", "--lang", "en"]) == 1
    captured = capsys.readouterr()
    assert "1 file checked: 1 error" in captured.out and "sopdsl: built 1 SOPs into" in captured.err
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "SOP library" in index and "is done by" in index


def test_a_clean_check_loads_no_catalogue(tmp_path):
    path = write_sop(tmp_path, "x.sop")
    probe = (
        "import sys\nfrom sopdsl.cli import main\nmain(['check', '-q', '--today', sys.argv[2], sys.argv[1]])\n"
        "print('sopdsl.i18n.en' in sys.modules, 'sopdsl.i18n.id' in sys.modules)"
    )
    run = subprocess.run([sys.executable, "-c", probe, str(path), TODAY.isoformat()], capture_output=True, text=True,
                         check=True)
    assert run.stdout.split() == ["False", "False"]


@pytest.mark.parametrize(("lang", "loaded", "left"), [("en", "en", "id"), ("id", "id", "en")])
def test_check_loads_only_the_catalogue_it_speaks(tmp_path, lang, loaded, left):
    path = write_sop(tmp_path, "x.sop", BROKEN_STEP)
    probe = (
        "import sys\nfrom sopdsl.cli import main\nmain(['check', '--lang', sys.argv[2], sys.argv[1]])\n"
        "print(*(f'sopdsl.i18n.{lang}' in sys.modules for lang in sys.argv[3:]))"
    )
    run = subprocess.run([sys.executable, "-c", probe, str(path), lang, loaded, left], capture_output=True, text=True)
    assert run.stdout.splitlines()[-1].split() == ["True", "False"]


def test_command_line_errors_in_indonesian(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["render", "--lang", "id"])
    assert stopped.value.code == 2
    assert capsys.readouterr().err.endswith("sopdsl render: kesalahan: argumen berikut wajib diberikan: FILE, --to\n")
    with pytest.raises(SystemExit):
        main(["check", "--lang=id", "--format", "xx"])
    assert "kesalahan: argumen --format: pilihan 'xx' tidak sah" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["check", "--format", "xx"])
    assert "sopdsl check: error: argument --format: invalid choice: 'xx'" in capsys.readouterr().err
    assert i18n.language() == "en"


def test_every_rule_has_an_indonesian_summary(capsys):
    from sopdsl.i18n.id import SUMMARIES
    from sopdsl.rules import RULES

    assert set(RULES) <= set(SUMMARIES)
    assert main(["rules", "--lang", "id"]) == 0
    assert "`oleh` menyebut pelaksana yang tidak dideklarasikan" in capsys.readouterr().out
    assert main(["rules"]) == 0
    assert "`by` names no declared role" in capsys.readouterr().out
