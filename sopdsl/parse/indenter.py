"""The post-lexer: turns indentation into _INDENT/_DEDENT, rejects tabs and lone CRs, collects comments."""

from __future__ import annotations

import re

from lark import Token
from lark.lark import PostLex

from .errors import SopSyntaxError
from .messages import LONE_CR

_COMMENT_LINE = re.compile(r"\n([ \t]*)(#[^\r\n]*)")
_LONE_CR = re.compile(r"\r(?!\n)")
_COMMENT_AFTER_TEXT = re.compile(r"[ \t]#")


class SopIndenter(PostLex):
    """Indentation blocks for LALR, as in Python, with the checks the .sop language needs."""

    always_accept = ("_NL",)

    def __init__(self) -> None:
        self.comments: list[Token] = []
        self.line_end_comments: list[Token] = []
        self.history: list[Token] = []

    def process(self, stream):
        self.comments = []
        self.line_end_comments = []
        self.history = []
        levels = [0]
        token = None
        for token in stream:
            if token.type == "TEXT" and "#" in token.value:
                token = self._cut_comment(token)
            self.history.append(token)
            if len(self.history) > 8:
                del self.history[:4]
            if token.type != "_NL":
                yield token
                continue
            if "\r" in token.value:
                _reject_lone_cr(token)
            self._collect_comments(token)
            yield token
            indent = self._indentation(token)
            if indent > levels[-1]:
                levels.append(indent)
                yield Token.new_borrow_pos("_INDENT", "", token)
                continue
            if indent not in levels:
                depths = " or ".join(str(level) for level in levels)
                raise SopSyntaxError(
                    f"this line is indented by {indent} space{'s' if indent != 1 else ''}, which matches no "
                    f"enclosing block (those are indented by {depths} spaces)",
                    token.end_line,
                    indent + 1,
                )
            while indent < levels[-1]:
                levels.pop()
                yield Token.new_borrow_pos("_DEDENT", "", token)
        while len(levels) > 1:
            levels.pop()
            yield Token.new_borrow_pos("_DEDENT", "", token)

    @staticmethod
    def _indentation(token: Token) -> int:
        indent = token.value[token.value.rfind("\n") + 1 :]
        if "\t" in indent:
            line = token.end_line
            raise SopSyntaxError(
                f"tab used for indentation on line {line}; indent with spaces",
                line,
                indent.index("\t") + 1,
            )
        return len(indent)

    def _cut_comment(self, token: Token) -> Token:
        """Rest-of-line text without the ' # comment' after it; the comment is kept with the others."""
        cut = _COMMENT_AFTER_TEXT.search(token.value)
        if cut is None:
            return token
        start = cut.start() + 1
        self.line_end_comments.append(Token(
            "COMMENT", token.value[start:], token.start_pos + start, token.line, token.column + start,
            token.end_line, token.end_column, token.end_pos,
        ))
        text = token.value[: cut.start()].rstrip(" \t")
        return Token(
            "TEXT", text, token.start_pos, token.line, token.column,
            token.line, token.column + len(text), token.start_pos + len(text),
        )

    def _collect_comments(self, token: Token) -> None:
        if "#" not in token.value:
            return
        line, counted = token.line, 0
        for match in _COMMENT_LINE.finditer(token.value):  # line breaks counted once each: a long run stays linear
            line += token.value.count("\n", counted, match.start() + 1)
            counted = match.start() + 1
            self.comments.append(Token("COMMENT", match.group(2), line=line, column=len(match.group(1)) + 1))


def _reject_lone_cr(token: Token) -> None:
    """A CR among blank lines that no LF follows: the same error as a lone CR anywhere else."""
    lone = _LONE_CR.search(token.value)
    if lone is not None:
        line = token.line + token.value.count("\n", 0, lone.start())
        column = lone.start() - token.value.rfind("\n", 0, lone.start())
        if line == token.line:
            column += token.column - 1
        raise SopSyntaxError(LONE_CR, line, column)
