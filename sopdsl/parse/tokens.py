"""The type of a token as the lexer makes it, for the type checker: its position is always there."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lark import Token

if TYPE_CHECKING:

    class LexedToken(Token):
        """A token the lexer made: Lark's type leaves the position optional, for tokens made by hand."""

        line: int
        column: int
        end_line: int
        end_column: int
        start_pos: int
        end_pos: int

else:
    LexedToken = Token
