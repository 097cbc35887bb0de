"""The parser: built once per process from the cached grammar tables, then reused."""

from __future__ import annotations

import contextlib
import functools
import gc
from typing import cast

import attrs
from lark import Lark
from lark.exceptions import UnexpectedInput

from ..i18n import say
from ..model import Comment, Sop
from .errors import SopSyntaxError, explain
from .grammar import grammar_text
from .indenter import SopIndenter
from .messages import words
from .tokens import LexedToken
from .transformer import SopTransformer

PARSE_GC_THRESHOLD = 100_000
"""Allocations between two young-generation collections while parsing (Python's default is 700): a parse makes
many short-lived objects and no garbage cycles, and scanning them again and again made large files slower than
linear (docs/performance.md has the figures)."""


class _Parser:
    """A Lark LALR parser with the indenter and an inline transformer, and the comments of the last parse."""

    def __init__(self) -> None:
        self.indenter = SopIndenter()
        self.trailing_comments: list[LexedToken] = []
        self.lark = Lark(
            grammar_text(),
            parser="lalr",
            lexer="contextual",
            postlex=self.indenter,
            transformer=SopTransformer(lambda: self.indenter.language),
            lexer_callbacks={"COMMENT": self.trailing_comments.append},
            cache=True,
            maybe_placeholders=False,
        )

    def parse(self, text: str) -> Sop:
        self.trailing_comments.clear()
        try:
            ended = text if text.endswith("\n") else text + "\n"  # no copy of a file that ends its last line
            with _collector_relaxed():
                sop = cast(Sop, self.lark.parse(ended))  # the transformer builds the model as it parses
        except UnexpectedInput as error:
            raise explain(error, text, self.indenter.history, self.indenter.language) from None
        comments = [_comment(token, text, True) for token in self.indenter.comments]
        comments += [_comment(token, text, False) for token in self.trailing_comments]
        comments += [_comment(token, text, False) for token in self.indenter.line_end_comments]
        comments.sort(key=lambda c: (c.line, c.column))
        return attrs.evolve(sop, comments=tuple(comments))


def _comment(token: LexedToken, text: str, own_line: bool) -> Comment:
    if not own_line:  # a lexed comment stands on its own line only at the very top of the file
        own_line = token.line == 1 and not text[: token.start_pos].strip()
    return Comment(text=token.value.rstrip(), line=token.line, column=token.column, own_line=own_line)


@contextlib.contextmanager
def _collector_relaxed():
    """The young generation collected less often for the duration."""
    threshold = gc.get_threshold()
    gc.set_threshold(PARSE_GC_THRESHOLD, *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)


@functools.lru_cache(maxsize=1)
def _parser() -> _Parser:
    parser = _Parser()
    gc.freeze()  # what the imports and the grammar made lives as long as the process: never scan it again
    return parser


def prepare() -> None:
    """Build the parser now rather than on the first parse: before forking workers, so that they all share it."""
    _parser()


def parse_text(text: str) -> Sop:
    """Parse the text of one .sop file; raises SopSyntaxError with line and column."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise SopSyntaxError(say("syntax.empty-file", sop_line=words()["sop_line"]), 1, 1)
    return _parser().parse(text)
