"""The parser: built once per process from the cached grammar tables, then reused."""

from __future__ import annotations

import functools
from pathlib import Path
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
            sop = cast(Sop, self.lark.parse(text + "\n"))  # the transformer builds the model as it parses
        except UnexpectedInput as error:
            raise explain(error, text, self.indenter.history, self.indenter.language) from None
        comments = [_comment(token, text, True) for token in self.indenter.comments]
        comments += [_comment(token, text, False) for token in self.trailing_comments]
        comments.sort(key=lambda c: (c.line, c.column))
        return attrs.evolve(sop, comments=tuple(comments))


def _comment(token: LexedToken, text: str, own_line: bool) -> Comment:
    if not own_line:  # a lexed comment stands on its own line only at the very top of the file
        own_line = token.line == 1 and not text[: token.start_pos].strip()
    return Comment(text=token.value.rstrip(), line=token.line, column=token.column, own_line=own_line)


@functools.lru_cache(maxsize=1)
def _parser() -> _Parser:
    return _Parser()


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


def read_source(path: Path) -> str:
    """The text of a .sop file: UTF-8, a leading BOM dropped; anything else is a SopSyntaxError."""
    return decode_source(Path(path).read_bytes())


def decode_source(data: bytes) -> str:
    """The text of a .sop file's bytes: UTF-8, a leading BOM dropped; anything else is a SopSyntaxError."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data:
        line, column = _line_column(data, data.index(b"\x00"))
        raise SopSyntaxError(say("syntax.nul-byte"), line, column)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _line_column(data, error.start)
        raise SopSyntaxError(say("syntax.not-utf8", byte=f"{data[error.start]:02x}"), line, column) from None


def _line_column(data: bytes, offset: int):
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return data.count(b"\n", 0, offset) + 1, column
