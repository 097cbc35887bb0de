"""The post-lexer: turns indentation into _INDENT/_DEDENT, rejects tabs, collects comments."""

from __future__ import annotations

import re

from lark import Token
from lark.lark import PostLex

from ..i18n import say
from .errors import SopSyntaxError
from .tokens import LexedToken
from .vocabulary import ENGLISH, GRAMMAR_KEYWORDS

_COMMENT_LINE = re.compile(r"\n([ \t]*)(#[^\r\n]*)")
_KEYWORD_TYPES = frozenset(terminal for keywords in GRAMMAR_KEYWORDS for terminal in keywords.terminals)
_LANGUAGE_OF = {
    word: language
    for keywords in GRAMMAR_KEYWORDS
    for entry in keywords
    for word in entry.words
    if (language := entry.language_of(word)) is not None
}
"""The language of each keyword spelling that belongs to one language only (`oleh`, `by`; not `output`)."""


class SopIndenter(PostLex):
    """Indentation blocks for LALR, as in Python, with the checks the .sop language needs; counts keyword languages."""

    always_accept = ("_NL",)

    def __init__(self) -> None:
        self.comments: list[LexedToken] = []
        self.history: list[Token] = []
        self.keyword_counts: dict[str, int] = {}
        self.last_language = ENGLISH

    @property
    def language(self) -> str:
        """The language of most keywords so far; in a tie, the one used last (English before any)."""
        counts = self.keyword_counts
        return max(counts, key=lambda language: (counts[language], language == self.last_language), default=ENGLISH)

    def process(self, stream):
        self.comments = []
        self.history = []
        self.keyword_counts = {}
        self.last_language = ENGLISH
        levels = [0]
        token = None
        for token in stream:
            self.history.append(token)
            if len(self.history) > 8:
                del self.history[:4]
            if token.type != "_NL":
                if token.type in _KEYWORD_TYPES:
                    self._count(token.value)
                yield token
                continue
            self._collect_comments(token)
            yield token
            indent = self._indentation(token)
            if indent > levels[-1]:
                levels.append(indent)
                yield Token.new_borrow_pos("_INDENT", "", token)
                continue
            if indent not in levels:
                depths = f" {say('syntax.or-word')} ".join(str(level) for level in levels)
                raise SopSyntaxError(
                    say("syntax.indent-one" if indent == 1 else "syntax.indent", indent=indent, depths=depths),
                    token.end_line,
                    indent + 1,
                )
            while indent < levels[-1]:
                levels.pop()
                yield Token.new_borrow_pos("_DEDENT", "", token)
        while len(levels) > 1 and token is not None:  # an open block: a line was read
            levels.pop()
            yield Token.new_borrow_pos("_DEDENT", "", token)

    @staticmethod
    def _indentation(token: LexedToken) -> int:
        indent = token.value.rsplit("\n", 1)[1]
        if "\t" in indent:
            line = token.end_line
            raise SopSyntaxError(
                say("syntax.tab", line=line),
                line,
                indent.index("\t") + 1,
            )
        return len(indent)

    def _count(self, word: str) -> None:
        """Count a keyword toward its language, so that a syntax message names keywords in the file's language."""
        language = _LANGUAGE_OF.get(word)
        if language is not None:
            self.keyword_counts[language] = self.keyword_counts.get(language, 0) + 1
            self.last_language = language

    def _collect_comments(self, token: LexedToken) -> None:
        if "#" not in token.value:
            return
        line, counted = token.line, 0
        for match in _COMMENT_LINE.finditer(token.value):  # line breaks counted once each: a long run stays linear
            line += token.value.count("\n", counted, match.start() + 1)
            counted = match.start() + 1
            text, column = match.group(2), len(match.group(1)) + 1
            self.comments.append(LexedToken("COMMENT", text, line=line, column=column, end_line=line,
                                            end_column=column + len(text)))
