"""The keywords of the vocabulary as an editor offers them: in the keyword language a file is written in."""

from __future__ import annotations

import re
from functools import cache

from ..parse.vocabulary import ENGLISH, GRAMMAR_KEYWORDS, TARGETS, Keywords

INDONESIAN = "id"
_LEADING_WORD = re.compile(r"^[ ]*([^\W\d_][\w-]*)(?=[ :])", re.MULTILINE)


@cache
def _indonesian_only() -> frozenset[str]:
    """The Indonesian spellings that are not also English ones: a file that uses one is written in Indonesian."""
    english = {entry.english for group in (*GRAMMAR_KEYWORDS, TARGETS) for entry in group}
    return frozenset(word for group in (*GRAMMAR_KEYWORDS, TARGETS) for entry in group
                     if (word := entry.spellings.get(INDONESIAN)) and word not in english)


def keyword_language(text: str) -> str:
    """The keyword language of a file: Indonesian when its lines open with an Indonesian-only keyword."""
    indonesian = _indonesian_only()
    if indonesian and any(word in indonesian for word in _LEADING_WORD.findall(text)):
        return INDONESIAN
    return ENGLISH


def spelled(keywords: Keywords, lang: str) -> list[str]:
    """The keywords in the language (each concept once; the English word where it has no such spelling)."""
    return list(dict.fromkeys(entry.spellings.get(lang, entry.english) for entry in keywords))
