"""What a syntax error says: an ordered table of situations and their messages, the first that applies wins."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from lark import Token
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken

from .vocabulary import ATTRIBUTES, BRANCHES, CALENDAR, GRAMMAR_KEYWORDS, HEADER, TARGETS, TOP_LEVEL

LONE_CR = "a carriage return (CR) without a line feed after it; save the file with LF or CRLF line ends"
UNIT_HINT = "use menit, jam, hari, hari kerja, minggu, bulan, tahun or their English names"


def _either(words: Sequence[str]) -> str:
    """'a', 'a or b', 'a, b or c'."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def _quoted(words: Iterable[str]) -> tuple[str, ...]:
    """Each word in single quotes, as messages name keywords."""
    return tuple(f"'{word}'" for word in words)


_OPENERS = tuple(entry for entry in TOP_LEVEL if entry.concept != "sop")
_OPENER_TYPES = frozenset(entry.terminal for entry in _OPENERS)
_FIELD_TYPES = frozenset(HEADER.terminals)
_ATTRIBUTE_TYPES = frozenset(ATTRIBUTES.terminals + BRANCHES.terminals)
_KEYWORD_TYPES = frozenset(terminal for keywords in GRAMMAR_KEYWORDS for terminal in keywords.terminals)
_JUMP_TYPES = frozenset((ATTRIBUTES["next"].terminal, *BRANCHES.terminals))
_LAYOUT_TYPES = frozenset({"_NL", "_INDENT", "_DEDENT"})

# Terminals by the words an author would use for them.
_TERMINAL_WORDS = {
    **{
        terminal: _quoted(entry.english for entry in keywords if entry.terminal == terminal)
        for keywords in GRAMMAR_KEYWORDS
        for terminal in keywords.terminals
    },
    "ID": ("an id",),
    "TEXT": ("text",),
    "STRING": ("quoted text",),
    "NUMBER": ("a number",),
    "SPELLED": ("a spelled-out number in parentheses",),
    "UNIT": ("a time unit",),
    "TIMES": ("'x'",),
    "COLON": ("':'",),
    "COMMA": ("','",),
    "MINUS": ("'-'",),
    "_NL": ("the end of the line",),
    "_INDENT": ("an indented block",),
    "_DEDENT": ("the end of the block",),
    "$END": ("the end of the file",),
}
_TITLES = {
    TOP_LEVEL["sop"].terminal: "the SOP title",
    TOP_LEVEL["role"].terminal: "the role's name",
    TOP_LEVEL["section"].terminal: "the section title",
    TOP_LEVEL["step"].terminal: "the activity text",
    TOP_LEVEL["decision"].terminal: "the question or activity text",
}
_JUMP_TARGET = "a step id, " + _either(_quoted(TARGETS.english))
_ID_KINDS = {
    ATTRIBUTES["by"].terminal: "a role id",
    ATTRIBUTES["uses"].terminal: "an SOP id",
    **{terminal: _JUMP_TARGET for terminal in _JUMP_TYPES},
}
_WORD = re.compile(r"[^\s:#]+|\S")

WORDS = {
    "sop_line": f"{TOP_LEVEL['sop'].english} <id>: <title>",
    "fields": ", ".join(HEADER.english),
    "attributes": ", ".join(ATTRIBUTES.english + BRANCHES.english),
    "calendar_entries": ", ".join(CALENDAR.english),
    "calendar_choice": _either(CALENDAR.english),
    "openers": _either(_quoted(entry.english for entry in _OPENERS)),
    "every_example": f"{ATTRIBUTES['every'].english}: 1 x 3 bulan",
    "time_example": f'{ATTRIBUTES["time"].english}: "Sesuai jadwal"',
    "durations": "such as '30 menit', '2 jam 30 menit' or '1-3 hari kerja'",
    "units": UNIT_HINT,
    "range_or_terms": "write the range alone, such as '1-2 jam', or only terms, such as '1 jam 30 menit'",
}
"""The vocabulary's words and the fixed phrases the message templates name as {name}."""


@dataclass(frozen=True)
class Situation:
    """Where the parser stumbled, in the terms the messages are chosen by."""

    error: UnexpectedInput
    expected: frozenset[str]
    found: str
    """The word found, 'end of line', or '$END' at the end of the file."""
    key: Token | None
    """The keyword that opened the current line (`by`, `time`, `step`...), if any."""
    previous: Token | None
    """The token before the one the parser stumbled on (or the last one, for a lexer error)."""
    line_types: frozenset[str]
    """The types of the last tokens read on the current line."""

    @classmethod
    def of(cls, error: UnexpectedInput, text: str, history: Sequence[Token]) -> Situation:
        """The situation of a Lark error, given the source and the tokens the indenter passed on last."""
        expected = getattr(error, "expected", None) or getattr(error, "allowed", None) or ()
        return cls(
            error, frozenset(expected), _found(error, text), _line_key(history), _previous(history, error),
            _line_types(history),
        )

    @property
    def token_type(self) -> str:
        """The type of the token the parser could not take; empty for a lexer error."""
        return self.error.token.type if isinstance(self.error, UnexpectedToken) else ""

    @property
    def key_type(self) -> str:
        """The type of the line's keyword; empty when the line has none."""
        return self.key.type if self.key is not None else ""

    @property
    def previous_type(self) -> str:
        """The type of the token before; empty when there is none."""
        return self.previous.type if self.previous is not None else ""

    @property
    def char(self) -> str | None:
        """The character the lexer could not read, for a lexer error."""
        return self.error.char if isinstance(self.error, UnexpectedCharacters) else None

    def expects(self, *terminals: str) -> bool:
        """Whether the parser would have taken any of these terminals."""
        return not self.expected.isdisjoint(terminals)

    def expects_only(self, *terminals: str) -> bool:
        """Whether the parser would have taken something, and nothing but these terminals."""
        return bool(self.expected) and self.expected <= set(terminals)

    @property
    def after(self) -> str:
        """The words "after 'by:'" for the line's keyword, or nothing."""
        return f"after '{self.key.value}:'" if self.key is not None else ""

    @property
    def expected_phrase(self) -> str:
        """What the parser would have taken, in words."""
        terminals = (t for t in self.expected if not t.startswith("__"))
        words = sorted({word for t in terminals for word in _TERMINAL_WORDS.get(t, (f"'{t.lower()}'",))})
        return ", ".join(words) if words else "more"

    @property
    def expected_openers(self) -> str:
        """The line openers the parser would have taken, as a choice."""
        return _either(_quoted(entry.english for entry in _OPENERS if entry.terminal in self.expected))

    @property
    def title(self) -> str:
        """What follows the ':' of the line's opener: the SOP title, the role's name..."""
        return _TITLES[self.key_type]

    @property
    def id_wanted(self) -> str:
        """The kind of id the line's keyword takes, "or ':'" if a colon would do, and after what."""
        kind = _ID_KINDS.get(self.key_type, "an id")
        also = " or ':'" if self.expects("COLON") else ""
        if self.key is None:
            return kind + also
        where = self.after if self.key_type in _ATTRIBUTE_TYPES else f"after '{self.key.value}'"
        return f"{kind}{also} {where}"


@dataclass(frozen=True)
class Message:
    """One row of the table: a name, when it applies, and its template ({s.<property>} and {<word>} fill in)."""

    name: str
    applies: Callable[[Situation], bool]
    template: str

    def text(self, situation: Situation) -> str:
        """The message for this situation."""
        return self.template.format(s=situation, **WORDS)


MESSAGES: tuple[Message, ...] = (
    Message(
        "text-after-quote",
        lambda s: s.previous_type == "STRING" and s.found != "end of line",
        "text continues after the closing quote; quote all of the text or none of it",
    ),
    Message("unclosed-quote", lambda s: s.char == '"', "quoted text opened on line {s.error.line} is never closed"),
    Message(
        "lone-carriage-return",
        lambda s: s.char == "\r",
        LONE_CR,
    ),
    Message(
        "only-comments",
        lambda s: s.found == "$END" and s.expects("SOP"),
        "the file has only comments and blank lines; a .sop file starts with '{sop_line}'",
    ),
    Message(
        "calendar-without-entries",
        lambda s: s.key_type == "CALENDAR" and s.previous_type == "_NL" and s.expected <= {"_INDENT", "_NL"},
        "expected the calendar's entries ({calendar_entries}) indented below '{s.key.value}:', found '{s.found}'",
    ),
    Message(
        "list-without-items",
        lambda s: s.key_type == "LIST_FIELD" and s.previous_type == "_NL" and s.expected <= {"_INDENT", "_NL"},
        "expected a value after '{s.key.value}:', or its items indented below it as '- item', found '{s.found}'",
    ),
    Message(
        "unexpected-indentation",
        lambda s: s.token_type == "_INDENT",
        "unexpected indentation: only the sop header, lists, calendar, steps and decisions take an indented block",
    ),
    Message(
        "unknown-attribute",
        lambda s: s.expects(*_ATTRIBUTE_TYPES) and not s.expects("STEP"),
        "unknown attribute '{s.found}' here; a step or decision takes {attributes}",
    ),
    Message(
        "unknown-field",
        lambda s: s.expects(*_FIELD_TYPES),
        "unknown field '{s.found}' in the sop header; the fields are {fields}",
    ),
    Message(
        "unknown-calendar-entry",
        lambda s: s.expects("CALENDAR_KEY"),
        "unknown calendar entry '{s.found}'; use {calendar_choice}",
    ),
    Message(
        "line-after-header",
        lambda s: s.expects(*_OPENER_TYPES) and s.key_type == "SOP" and not s.expects("SOP"),
        "expected {openers} at the start of the line, found '{s.found}'",
    ),
    Message(
        "line-start",
        lambda s: s.expects(*_OPENER_TYPES),
        "expected {s.expected_openers} at the start of the line, found '{s.found}'",
    ),
    Message("no-sop-line", lambda s: s.expects("SOP"), "a .sop file starts with '{sop_line}', found '{s.found}'"),
    Message("text-missing-alone", lambda s: s.expects_only("TEXT", "STRING") and s.key is None, "expected text"),
    Message(
        "title-missing",
        lambda s: s.expects_only("TEXT", "STRING") and s.key_type in _TITLES,
        "expected {s.title} after ':'",
    ),
    Message("text-missing", lambda s: s.expects_only("TEXT", "STRING"), "expected text {s.after}"),
    Message(
        "period-missing",
        lambda s: s.expects("NUMBER") and s.key_type == "EVERY",
        "expected a period {s.after}, such as 'bulan', '3 bulan' or '1 x 3 bulan'",
    ),
    Message(
        "range-after-terms",
        lambda s: s.found.startswith("-") and "UNIT" in s.line_types and s.expects("UNIT"),
        "a range cannot follow other terms; {range_or_terms}",
    ),
    Message(
        "terms-after-range",
        lambda s: "MINUS" in s.line_types and s.previous_type == "UNIT" and s.found[:1].isdigit(),
        "other terms cannot follow a range; {range_or_terms}",
    ),
    Message(
        "term-or-end",
        lambda s: s.expects("NUMBER") and s.previous_type == "UNIT",
        "expected another '<number> <unit>' term or the end of the line, found '{s.found}'",
    ),
    Message(
        "time-missing",
        lambda s: s.expects("NUMBER") and s.key_type == "TIME",
        "expected a duration {s.after}, {durations}; a time that is not a number goes in quotes: {time_example}",
    ),
    Message("duration-missing", lambda s: s.expects("NUMBER"), "expected a duration {s.after}, {durations}"),
    Message("unit-missing", lambda s: s.expects("UNIT"), "expected a time unit, found '{s.found}'; {units}"),
    Message("id-missing", lambda s: s.expects("ID"), "expected {s.id_wanted}, found '{s.found}'"),
    Message("colon-missing", lambda s: s.expects("COLON"), "expected ':' here, found '{s.found}'"),
    Message(
        "role-list-goes-on",
        lambda s: s.expects("COMMA") and s.expects_only("_NL", "COMMA", "_DEDENT", "_INDENT"),
        "expected another role id after ',' or the end of the line, found '{s.found}'",
    ),
    Message(
        "line-goes-on",
        lambda s: s.expects_only("_NL", "COMMA", "_DEDENT", "_INDENT"),
        "expected the end of the line, found '{s.found}'",
    ),
    Message("unexpected", lambda s: True, "unexpected '{s.found}'; expected {s.expected_phrase}"),
)
"""The messages in the order they are tried: the first whose situation applies is the one shown."""


def choose(situation: Situation) -> Message:
    """The first message of the table that applies (the last one always does)."""
    return next(message for message in MESSAGES if message.applies(situation))


def _previous(history: Sequence[Token], error: UnexpectedInput) -> Token | None:
    """The token before the one the parser stumbled on (or the last one, for a lexer error)."""
    tokens = [t for t in history if t.type not in ("_INDENT", "_DEDENT")]
    if isinstance(error, UnexpectedToken) and tokens and tokens[-1] is error.token:
        tokens.pop()
    return tokens[-1] if tokens else None


def _line_key(history: Sequence[Token]) -> Token | None:
    """The keyword that opened the current line (`by`, `time`, `step`...), if any."""
    tokens = list(history)
    while tokens and tokens[-1].type in _LAYOUT_TYPES:
        tokens.pop()
    for token in reversed(tokens):
        if token.type == "_NL":
            return None
        if token.type in _KEYWORD_TYPES:
            return token
    return None


def _line_types(history: Sequence[Token]) -> frozenset[str]:
    """The types of the tokens read on the current line, as far as the history reaches back."""
    types = []
    for token in reversed(history):
        if token.type in _LAYOUT_TYPES:
            break
        types.append(token.type)
    return frozenset(types)


def _found(error: UnexpectedInput, text: str) -> str:
    """What the parser found: the token it could not take, or the word the lexer could not read."""
    if isinstance(error, UnexpectedToken):
        return _found_token(error.token)
    match = _WORD.match(text, error.pos_in_stream or 0)
    return _shorten(match.group(0) if match else getattr(error, "char", ""))


def _found_token(token: Token) -> str:
    """A token as the message names it: its text, 'end of line' for layout, '$END' at the end of the file."""
    if token.type == "$END":
        return "$END"
    if token.type in _LAYOUT_TYPES:
        return "end of line"
    return _shorten(str(token.value).strip() or token.type)


def _shorten(value: str) -> str:
    """The first line, at most 40 characters, with unprintable characters escaped."""
    value = value.splitlines()[0] if value.strip() else value
    value = value if len(value) <= 40 else value[:37] + "..."
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in value)
