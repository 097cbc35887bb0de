"""`--help` in the language asked for: `--lang`, else the `lang` setting found from the working folder."""

from __future__ import annotations

import argparse

import pytest

from sopdsl.cli import COMMANDS, build_parser, help_key, main
from sopdsl.i18n.help_id import HELP


def declared_help(parser: argparse.ArgumentParser, found: dict[str, str]) -> dict[str, str]:
    """Every help text the parser and its sub-commands declare, by its key in the catalogues' `HELP`."""
    if parser.description:
        found[parser.prog] = parser.description
    for action in parser._actions:
        if action.help and action.help is not argparse.SUPPRESS:
            found[help_key(parser.prog, action)] = action.help
        for choice in getattr(action, "_choices_actions", ()):
            found[f"{parser.prog} {choice.dest}"] = choice.help
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                declared_help(sub, found)
    return found


def every_declared_help() -> dict[str, str]:
    found = declared_help(build_parser(None), {"--help": "show this help message and exit"})
    for name in COMMANDS:
        declared_help(build_parser(name), found)
    return found


def shown_help(capsys, command: str, *options: str) -> str:
    with pytest.raises(SystemExit) as stopped:
        main([*command.split(), "--help", *options])
    assert stopped.value.code == 0
    return capsys.readouterr().out


def test_every_help_text_has_its_indonesian_and_no_other():
    declared = every_declared_help()
    assert set(HELP) == set(declared)
    for key, text in HELP.items():
        assert text.strip() and text != declared[key] and "%" not in text, key


@pytest.mark.parametrize("command", [*COMMANDS, "form monitoring", "form read"])
def test_the_help_of_every_command_speaks_indonesian_when_asked(capsys, command):
    text = shown_help(capsys, command, "--lang", "id")
    assert text.startswith(f"penggunaan: sopdsl {command} ") and "\nopsi:\n" in text
    assert "tampilkan bantuan ini lalu berhenti" in text
    assert "show this help" not in text and "usage:" not in text


def test_check_help_in_both_languages(capsys):
    indonesian = shown_help(capsys, "check", "--lang", "id")
    assert "urai dan periksa berkas dan folder .sop" in indonesian
    assert "peringatan juga menggagalkan pemeriksaan (keluar 1)" in indonesian
    english = shown_help(capsys, "check")
    assert english.startswith("usage: sopdsl check ") and "\noptions:\n" in english
    assert "warnings fail the check too (exit 1)" in english


def test_the_list_of_commands_speaks_indonesian(capsys):
    text = shown_help(capsys, "", "--lang", "id")
    assert "Menulis, memeriksa dan mencetak Standar Operasional Prosedur." in text
    assert "jumlah waktu dan hitungan" in text and "argumen posisi:" in text


def test_help_follows_the_lang_setting_of_the_working_folder(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".sopdsl.toml").write_text('lang = "id"\n', encoding="utf-8")
    assert "peringatan juga menggagalkan pemeriksaan" in shown_help(capsys, "check")
    assert "warnings fail the check too" in shown_help(capsys, "check", "--lang", "en")
    (tmp_path / ".sopdsl.toml").write_text("lang = [\n", encoding="utf-8")  # unreadable: help still shows
    assert "warnings fail the check too" in shown_help(capsys, "check")


def test_usage_errors_show_the_usage_line_in_the_language(capsys):
    with pytest.raises(SystemExit):
        main(["render", "--lang", "id"])
    assert capsys.readouterr().err.startswith("penggunaan: sopdsl render ")
