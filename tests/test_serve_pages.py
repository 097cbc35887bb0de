"""The pages of `sopdsl serve`: every word they show exists in both languages, and the shells are filled in."""

from __future__ import annotations

import re

from sopdsl.serve.words import WORDS

from .conftest import ROOT

STATIC = ROOT / "sopdsl" / "serve" / "static"
BUILT_KEYS = [  # keys the scripts put together from a prefix and a name
    *(f"link_{kind}" for kind in ("related", "uses")),
    *(f"totals_{column}" for column in ("flow", "steps", "typical", "min", "max")),
    *(f"view_{view}" for view in ("html", "svg", "totals")),
    *("error", "warning", "info"),
    *(f"col_{column}" for column in ("number", "title", "unit", "total", "findings", "silenced", "file")),
]


def test_both_languages_have_the_same_words():
    assert set(WORDS["id"]) == set(WORDS["en"])
    for lang, words in WORDS.items():
        for key, text in words.items():
            placeholders = set(re.findall(r"\{(\w+)\}", text))
            assert placeholders == set(re.findall(r"\{(\w+)\}", WORDS["id"][key])), (lang, key)


def test_every_word_the_scripts_ask_for_exists():
    asked = {key for script in STATIC.glob("*.js") for key in re.findall(r'\bt\("(\w+)"(?!\s*\+)', script.read_text())}
    labels = re.findall(r'\["([\w-]+)", "(\w+)"\]', (STATIC / "index.js").read_text())  # [element id, word key]
    asked |= {key for element_id, key in labels if f'id="{element_id}"' in (STATIC / "index.html").read_text()}
    asked |= {key for _, key in labels if key.startswith("col_")}
    assert asked and asked | set(BUILT_KEYS) <= set(WORDS["id"])


def test_the_pages_load_only_their_own_scripts_and_styles():
    for page in ("index.html", "sop.html"):
        text = (STATIC / page).read_text()
        sources = re.findall(r'(?:src|href)="([^"]+)"', text)
        assert sources and all(source.startswith("/static/") or source in ("/", "/map", "data:,")
                                   for source in sources)
        for source in sources:
            if source.startswith("/static/"):
                assert (STATIC / source[len("/static/"):]).is_file(), source
