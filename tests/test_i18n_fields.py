"""Findings, setting and command-line errors in the language asked for, naming keywords and units in it too."""

from __future__ import annotations

import sys

import pytest

from sopdsl.cli import main

from .sop_files import write_sop

UNDATED = """\
sop x: Contoh
  created: 2024-05-29
  revised: 2024-05-01
  effective: 2024-01-10

role petugas: Petugas

step terima: Menerima permohonan
  by: petugas
  time: 10 menit
"""


def findings(tmp_path, capsys, *options: str) -> str:
    path = tmp_path / "x.sop"
    path.write_text(UNDATED, encoding="utf-8")
    main(["check", "--select", "missing-metadata,date-order", *options, str(path)])
    return capsys.readouterr().out


def test_indonesian_findings_name_header_fields_by_their_indonesian_keywords_and_printed_labels(tmp_path, capsys):
    out = findings(tmp_path, capsys, "--lang", "id")
    assert "identitas SOP 'x' belum memuat 'nomor' (Nomor SOP); tambahkan, misalnya 'nomor: 12/SOP-PPID/2024'" in out
    assert "belum memuat 'disahkan-oleh' (Disahkan oleh); tambahkan, misalnya 'disahkan-oleh: Kepala Dinas" in out
    assert ("tanggal 'efektif' (Tanggal Efektif: 2024-01-10) lebih awal daripada tanggal 'dibuat' "
            "(Tanggal Pembuatan: 2024-05-29)") in out
    assert "tanggal 'direvisi' (Tanggal Revisi: 2024-05-01) lebih awal daripada tanggal 'dibuat'" in out
    for english in ("'number'", "'approved-by'", "'effective'", "'created'", "'revised'"):
        assert english not in out, english


def test_english_findings_name_header_fields_by_their_english_keywords(tmp_path, capsys):
    out = findings(tmp_path, capsys)
    assert "SOP 'x' has no 'number' (Nomor SOP) in its header; add it, for example 'number: 12/SOP-PPID/2024'" in out
    assert "'effective' (Tanggal Efektif: 2024-01-10) is before 'created' (Tanggal Pembuatan: 2024-05-29)" in out


def setting_error(tmp_path, capsys, setting: str, *options: str) -> str:
    path = write_sop(tmp_path, "x.sop")
    (tmp_path / ".sopdsl.toml").write_text(setting, encoding="utf-8")
    assert main(["check", *options, str(path)]) == 2
    return capsys.readouterr().err


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "evaluation-interval = 'sebentar' is not a duration; give years, months, weeks or days, such as"),
    ("id", "evaluation-interval = 'sebentar' bukan lama waktu; berikan tahun, bulan, minggu atau hari, misalnya"),
])
def test_an_unreadable_evaluation_interval_names_the_setting_not_the_grammar_behind_it(tmp_path, capsys, lang,
                                                                                        expected):
    error = setting_error(tmp_path, capsys, 'evaluation-interval = "sebentar"\n', "--lang", lang)
    assert expected in error and "sla" not in error


def test_a_calendar_in_the_wrong_unit_names_the_entry_as_written_and_the_units_in_the_language(tmp_path, capsys):
    error = setting_error(tmp_path, capsys, '[calendar]\nworkday = "2 minggu"\n', "--lang", "id")
    assert ("calendar: kalender 'workday' tidak dapat ditulis dalam 'minggu': "
            "gunakan satuan yang lebih kecil (menit, jam)") in error
    error = setting_error(tmp_path, capsys, '[calendar]\nworkday = "2 minggu"\n')
    assert "calendar: calendar 'workday' cannot be given in 'minggu': use a smaller unit (minute, hour)" in error
    path = tmp_path / "y.sop"
    path.write_text("sop y: Contoh\n  kalender:\n    hari-kerja: 2 minggu\n", encoding="utf-8")
    (tmp_path / ".sopdsl.toml").unlink()
    main(["check", "--lang", "id", "--select", "invalid-calendar", str(path)])
    assert "kalender 'hari-kerja' tidak dapat ditulis dalam 'minggu': gunakan satuan yang lebih kecil (menit, jam)" in (
        capsys.readouterr().out)


def usage_error(capsys, *arguments: str) -> str:
    with pytest.raises(SystemExit) as stopped:
        main(list(arguments))
    assert stopped.value.code == 2
    return capsys.readouterr().err


def test_a_wrong_due_date_is_said_in_indonesian(tmp_path, capsys):
    path = write_sop(tmp_path, "x.sop")
    error = usage_error(capsys, "due", "--lang", "id", "--from", "2024-13-01", str(path))
    assert "argumen --from: diharapkan tanggal TTTT-BB-HH, bukan '2024-13-01'" in error


def test_a_wrong_port_is_said_in_indonesian(capsys):
    error = usage_error(capsys, "serve", "--lang", "id", "--port", "70000")
    assert "argumen --port: diharapkan nomor port dari 0 sampai 65535, bukan '70000'" in error
    assert "expected a port number from 0 to 65535, not '70000'" in usage_error(capsys, "serve", "--port", "70000")


def test_the_missing_language_server_package_is_said_from_the_catalogues(monkeypatch, capsys):
    from sopdsl.i18n import catalogue

    class Uninstalled:
        """A finder for which pygls is not installed."""

        @staticmethod
        def find_spec(name, path=None, target=None):
            if name.partition(".")[0] == "pygls":
                raise ModuleNotFoundError(f"No module named {name!r}", name="pygls")

    for name in [name for name in sys.modules if name.startswith(("pygls", "sopdsl.lsp"))]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setattr(sys, "meta_path", [Uninstalled(), *sys.meta_path])
    assert main(["lsp"]) == 2  # `lsp` speaks to an editor, not a person: it takes no --lang
    assert capsys.readouterr().err == f"sopdsl: error: {catalogue('en')['usage.lsp-needs-pygls']}\n"
    assert catalogue("id")["usage.lsp-needs-pygls"] == "sopdsl lsp memerlukan pygls: pip install 'sopdsl[lsp]'"


def test_due_dates_past_the_last_date_are_said_in_indonesian(tmp_path, capsys):
    pytest.importorskip("holidays")
    path = write_sop(tmp_path, "x.sop", "step lama: Menunggu\n  by: petugas\n  time: 999999999 tahun\n")
    assert main(["due", "--lang", "id", "--from", "2024-01-01", str(path)]) == 2
    assert "jatuh tempo sesudah 9999-12-31, tanggal terakhir yang ada" in capsys.readouterr().err


def test_the_api_names_an_unknown_format_in_the_language_in_use():
    from sopdsl import api, i18n
    from sopdsl.errors import UsageError
    from sopdsl.parse import parse_text

    i18n.use("id")
    try:
        with pytest.raises(UsageError, match="format 'png' tidak dikenal; pilih salah satu dari html,"):
            api.render(parse_text("sop x: X\n"), "png")
    finally:
        i18n.use(None)


def test_a_performer_named_in_the_activity_is_said_in_indonesian(tmp_path, capsys):
    path = write_sop(tmp_path, "x.sop", "step terima: Petugas menerima berkas permohonan\n  by: petugas\n"
                                        "  time: 10 menit\n")
    main(["check", "--lang", "id", "--select", "activity-names-performer", str(path)])
    assert ("kegiatan 'terima' diawali dengan pelaksananya 'Petugas'; tulis sebagai kata kerja tanpa subjek, "
            "misalnya 'Menerima berkas permohonan': kolom Pelaksana") in capsys.readouterr().out


def test_a_missing_logo_is_said_wholly_in_indonesian(tmp_path, capsys):
    path = tmp_path / "x.sop"
    path.write_text("sop x: Contoh\n  logo: tidak-ada.png\n", encoding="utf-8")
    main(["check", "--lang", "id", "--select", "logo-not-found", str(path)])
    out = capsys.readouterr().out
    assert "logo 'tidak-ada.png' tidak ada (dicari di" in out and "; dokumen dicetak tanpa logo itu" in out
    assert "prints without" not in out


def test_the_settings_shown_name_their_file_in_indonesian(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write_sop(tmp_path, "x.sop")
    assert main(["check", "--lang", "id", "--show-settings"]) == 0
    assert capsys.readouterr().out.startswith("berkas pengaturan: (tidak ada: pengaturan bawaan)\n")


def test_a_read_only_file_is_said_in_indonesian(tmp_path, capsys):
    path = tmp_path / "x.sop"
    path.write_text("sop  x: Contoh\n", encoding="utf-8")
    path.chmod(0o444)
    assert main(["fmt", "--lang", "id", str(path)]) == 1
    assert f"{path} hanya-baca: dibiarkan apa adanya" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "sop  x: Contoh\n"
