"""The messages sopdsl prints for people, in English or Indonesian: one catalogue per language, loaded when used.

A catalogue is a module of this package named as its language (`en`, `id`) whose `MESSAGES` maps a message key
to a `str.format` template. `say(key, **fields)` fills in the template of the language in use; `use(lang)` picks
that language for the process (English until told otherwise). Adding a message means adding its key to each
catalogue: `tests/test_i18n.py` checks that both have every key, with the same fields. A catalogue may also
give `SUMMARIES`, the rules' one-line summaries in its language (English takes each rule's own). The `--help` texts
of the command line are in `help_<lang>` (`HELP`, by option), read only when help is shown; English takes the
command line's own.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping

LANGUAGES = ("en", "id")
DEFAULT = "en"  # messages; printed documents default to Indonesian (see sopdsl.render.options)

_chosen = [DEFAULT]


def use(lang: str | None) -> None:
    """Speak this language from now on (None: English)."""
    lang = lang or DEFAULT
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; the languages are {', '.join(LANGUAGES)}")
    _chosen[0] = lang


def language() -> str:
    """The language messages are said in."""
    return _chosen[0]


def say(key: str, /, **fields: object) -> str:
    """The message `key` in the language in use, its {fields} filled in."""
    return catalogue(_chosen[0])[key].format(**fields)


def summary(rule_name: str, english: str) -> str:
    """A rule's one-line summary in the language in use: the catalogue's `SUMMARIES`, else the rule's own."""
    module = importlib.import_module(f"{__name__}.{_chosen[0]}")
    return getattr(module, "SUMMARIES", {}).get(rule_name, english)


def help_text(key: str, english: str) -> str:
    """A command-line help text in the language in use, by its key (`sopdsl check --strict`): from `HELP` of the
    language's help catalogue (`help_id`), else the English the command line declares."""
    try:
        module = importlib.import_module(f"{__name__}.help_{_chosen[0]}")
    except ModuleNotFoundError:  # English: the command line's own words
        return english
    return module.HELP.get(key, english)


def catalogue(lang: str) -> Mapping[str, str]:
    """The messages of one language, imported on first use."""
    return importlib.import_module(f"{__name__}.{lang}").MESSAGES


def settle(chosen: str | None, setting: str | None) -> str | None:
    """The language of --lang, else of the `lang` setting (None if neither), now used for the messages too."""
    lang = chosen or setting
    use(lang)
    return lang
