"""The grammar: sopdsl/grammar/sop.lark, completed with keyword terminals generated from the vocabulary."""

from __future__ import annotations

from pathlib import Path

from .vocabulary import GRAMMAR_KEYWORDS


def grammar_path() -> Path:
    """The path of sop.lark, which lives inside the package."""
    return Path(__file__).resolve().parent.parent / "grammar" / "sop.lark"


def grammar_text() -> str:
    """The whole grammar Lark is built from: the file's rules and terminals, then the keyword terminals."""
    return grammar_path().read_text(encoding="utf-8") + "\n" + keyword_terminals()


def keyword_terminals() -> str:
    """One terminal per keyword terminal of the vocabulary, matching any spelling of its keywords as a whole word.

    The look-ahead keeps `bypass` or `step-2` from reading as a keyword and its rest; the contextual lexer tries
    a keyword only where the parser expects it, so a keyword is still free as an id or a word of text elsewhere.
    """
    words: dict[str, list[str]] = {}
    for keywords in GRAMMAR_KEYWORDS:
        for entry in keywords:
            spellings = words.setdefault(entry.terminal, [])
            spellings.extend(word for word in entry.words if word not in spellings)
    lines = []
    for terminal, spellings in words.items():
        pattern = spellings[0] if len(spellings) == 1 else "(?:" + "|".join(spellings) + ")"
        lines.append(f"{terminal}: /{pattern}(?![\\w-])/")
    return "\n".join(lines) + "\n"
