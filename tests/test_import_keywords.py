"""The keywords of the drafts: the document's language by default (Indonesian for an Indonesian table, English for
an English one), or the one `--keywords` asks for; either way the draft reads as the same SOP."""

from __future__ import annotations

import pytest

from sopdsl.cli import main

from .conftest import FIXTURES, SPECS
from .imported import read_sop, step_values

EXCERPT = FIXTURES / "import" / "seed-001-excerpt.txt"
INDONESIAN = ("kegiatan", "oleh", "waktu", "bagian")
ENGLISH = ("step", "by", "time", "section")


def opening_words(text: str) -> set[str]:
    """The first word of every line that is no comment, without its colon."""
    return {line.split()[0].rstrip(":") for line in text.splitlines()
            if line.strip() and not line.lstrip().startswith("#")}


@pytest.mark.parametrize(("option", "expected"), [([], INDONESIAN), (["--keywords", "id"], INDONESIAN),
                                                  (["--keywords", "en"], ENGLISH)])
def test_an_indonesian_table_gives_indonesian_keywords_unless_asked_otherwise(tmp_path, capsys, option, expected):
    assert main(["import", str(EXCERPT), "-o", str(tmp_path), *option]) == 0
    capsys.readouterr()
    (draft,) = tmp_path.glob("*.sop")
    words = opening_words(draft.read_text(encoding="utf-8"))
    other = ENGLISH if expected is INDONESIAN else INDONESIAN
    assert set(expected) <= words and not set(other) & words


def test_both_languages_read_as_the_same_sop(tmp_path, capsys):
    for language in ("id", "en"):
        assert main(["import", str(EXCERPT), "-o", str(tmp_path / language), "--keywords", language]) == 0
    capsys.readouterr()
    (indonesian,), (english,) = (tmp_path / "id").glob("*.sop"), (tmp_path / "en").glob("*.sop")
    assert step_values(read_sop(indonesian)) == step_values(read_sop(english))


def test_an_english_table_gives_english_keywords(tmp_path, capsys):
    table = tmp_path / "layanan.csv"
    assert main(["render", str(SPECS / "pendokumentasian-informasi-publik.sop"), "--to", "csv", "--lang", "en",
                 "-o", str(table)]) == 0
    assert main(["import", str(table), "-o", str(tmp_path / "out")]) == 0
    capsys.readouterr()
    (draft,) = (tmp_path / "out").glob("*.sop")
    words = opening_words(draft.read_text(encoding="utf-8"))
    assert {"step", "by", "decision"} <= words and not {"kegiatan", "oleh"} & words


def test_an_unknown_keyword_language_is_refused(tmp_path, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["import", str(EXCERPT), "-o", str(tmp_path), "--keywords", "fr"])
    assert stop.value.code == 2
    assert "--keywords" in capsys.readouterr().err
