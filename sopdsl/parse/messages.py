"""What a syntax error says: an ordered table of situations and their messages, the first that applies wins."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from lark import Token
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken

from ..i18n import say
from .vocabulary import (
    APPROVER,
    ATTRIBUTES,
    BRANCHES,
    CALENDAR,
    ENGLISH,
    GRAMMAR_KEYWORDS,
    HEADER,
    LANGUAGES,
    TARGETS,
    TOP_LEVEL,
    Keyword,
)


def _either(words: Sequence[str]) -> str:
    """'a', 'a or b', 'a, b or c'."""
    return words[0] if len(words) == 1 else say("syntax.or", first=", ".join(words[:-1]), last=words[-1])


def _quoted(words: Iterable[str]) -> tuple[str, ...]:
    """Each word in single quotes, as messages name keywords."""
    return tuple(f"'{word}'" for word in words)


def _spelled(entries: Iterable[Keyword], language: str) -> tuple[str, ...]:
    """The keywords' spellings in a language."""
    return tuple(entry.in_language(language) for entry in entries)


_OPENERS = tuple(entry for entry in TOP_LEVEL if entry.concept != "sop")
_OPENER_TYPES = frozenset(entry.terminal for entry in _OPENERS)
_FIELD_TYPES = frozenset(HEADER.terminals)
_ATTRIBUTE_TYPES = frozenset(ATTRIBUTES.terminals + BRANCHES.terminals)
_KEYWORD_TYPES = frozenset(terminal for keywords in GRAMMAR_KEYWORDS for terminal in keywords.terminals)
_JUMP_TYPES = frozenset((ATTRIBUTES["next"].terminal, *BRANCHES.terminals))
_LAYOUT_TYPES = frozenset({"_NL", "_INDENT", "_DEDENT"})

# Terminals by the words an author would use for them: keywords as the file's language spells them, the others
# by message key.
_KEYWORD_WORDS = {
    language: {
        terminal: _quoted(_spelled((entry for entry in keywords if entry.terminal == terminal), language))
        for keywords in GRAMMAR_KEYWORDS
        for terminal in keywords.terminals
    }
    for language in LANGUAGES
}
_SIGNS = {
    "TIMES": ("'x'",), "EACH": ("'tiap'",), "A_UNIT": ("'sebulan'",), "ONCE": ("'sekali'",),
    "COLON": ("':'",), "COMMA": ("','",), "MINUS": ("'-'",),
}
_TERMINAL_KEYS = {
    "ID": "syntax.id",
    "TEXT": "syntax.text",
    "STRING": "syntax.quoted-text",
    "NUMBER": "syntax.number",
    "SPELLED": "syntax.spelled",
    "UNIT": "syntax.unit",
    "_NL": "syntax.end-of-line",
    "_INDENT": "syntax.indented-block",
    "_DEDENT": "syntax.end-of-block",
    "$END": "syntax.end-of-file",
}
_TITLES = {
    TOP_LEVEL["sop"].terminal: "syntax.sop-title",
    TOP_LEVEL["role"].terminal: "syntax.role-name",
    TOP_LEVEL["section"].terminal: "syntax.section-title",
    TOP_LEVEL["step"].terminal: "syntax.activity-text",
    TOP_LEVEL["decision"].terminal: "syntax.question-text",
}
_ID_KINDS = {
    ATTRIBUTES["by"].terminal: "syntax.role-id",
    ATTRIBUTES["uses"].terminal: "syntax.sop-id",
    **{terminal: "syntax.step-id" for terminal in _JUMP_TYPES},
}
END_OF_LINE = "end of line"  # what `Situation.found` holds at a line's end, whatever the language
_WORD = re.compile(r"[^\s:#]+|\S")


def _terminal_words(terminal: str, language: str) -> tuple[str, ...]:
    """The words a message names a terminal by, keywords spelled in the file's language."""
    if terminal in _TERMINAL_KEYS:
        return (say(_TERMINAL_KEYS[terminal]),)
    return _KEYWORD_WORDS[language].get(terminal) or _SIGNS.get(terminal) or (f"'{terminal.lower()}'",)


def words(language: str = ENGLISH) -> dict[str, str]:
    """The words the message templates name as {name}, keywords spelled in a language (`oleh:` in a file of
    `kegiatan`)."""
    return {
        "sop_line": f"{TOP_LEVEL['sop'].in_language(language)} <id>: <title>",
        "fields": ", ".join(_spelled(HEADER, language)),
        "attributes": ", ".join(_spelled((*ATTRIBUTES, *BRANCHES), language)),
        "calendar_entries": ", ".join(_spelled(CALENDAR, language)),
        "calendar_choice": _either(_spelled(CALENDAR, language)),
        "approver_entries": ", ".join(_spelled(APPROVER, language)),
        "approver_choice": _either(_spelled(APPROVER, language)),
        "openers": _either(_quoted(_spelled(_OPENERS, language))),
        "every_example": f"{ATTRIBUTES['every'].in_language(language)}: 1 x 3 bulan",
        "time_example": f'{ATTRIBUTES["time"].in_language(language)}: "Sesuai jadwal"',
        "durations": say("syntax.durations"),
        "units": say("syntax.units"),
    }


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
    language: str = ENGLISH
    """The language of the keywords the file uses so far: messages name keywords in it."""

    @classmethod
    def of(cls, error: UnexpectedInput, text: str, history: Sequence[Token], language: str = ENGLISH) -> Situation:
        """The situation of a Lark error, given the source, the indenter's last tokens and the keyword language."""
        expected = getattr(error, "expected", None) or getattr(error, "allowed", None) or ()
        found = _found(error, text)
        return cls(error, frozenset(expected), found, _line_key(history), _previous(history, error), language)

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
        return say("syntax.after-attribute", keyword=self.key.value) if self.key is not None else ""

    @property
    def expected_phrase(self) -> str:
        """What the parser would have taken, in words."""
        terminals = (t for t in self.expected if not t.startswith("__"))
        named = sorted({word for t in terminals for word in _terminal_words(t, self.language)})
        return ", ".join(named) if named else say("syntax.more")

    @property
    def expected_openers(self) -> str:
        """The line openers the parser would have taken, as a choice."""
        openers = (entry for entry in _OPENERS if entry.terminal in self.expected)
        return _either(_quoted(_spelled(openers, self.language)))

    @property
    def title(self) -> str:
        """What follows the ':' of the line's opener: the SOP title, the role's name..."""
        return say(_TITLES[self.key_type])

    @property
    def id_wanted(self) -> str:
        """The kind of id the line's keyword takes, "or ':'" if a colon would do, and after what."""
        targets = _either(_quoted(_spelled(TARGETS, self.language)))
        kind = say(_ID_KINDS.get(self.key_type, "syntax.id"), targets=targets)
        if self.expects("COLON"):
            kind = say("syntax.or-colon", kind=kind)
        if self.key is None:
            return kind
        where = self.after if self.key_type in _ATTRIBUTE_TYPES else say("syntax.after-keyword", keyword=self.key.value)
        return f"{kind} {where}"


@dataclass(frozen=True)
class Message:
    """One row of the table: a name, and when it applies; its template is `syntax.<name>` in the catalogues.

    In a template, {s.<property>} names a property of the situation and {<word>} one of `words()`.
    """

    name: str
    applies: Callable[[Situation], bool]

    def text(self, situation: Situation) -> str:
        """The message for this situation."""
        if situation.found == END_OF_LINE:
            situation = replace(situation, found=say("syntax.found-end-of-line"))
        return say(f"syntax.{self.name}", s=situation, **words(situation.language))


MESSAGES: tuple[Message, ...] = (
    Message("text-after-quote", lambda s: s.previous_type == "STRING" and s.found != END_OF_LINE),
    Message("unclosed-quote", lambda s: s.char == '"'),
    Message("lone-carriage-return", lambda s: s.char == "\r"),
    Message("only-comments", lambda s: s.found == "$END" and s.expects("SOP")),
    Message(
        "calendar-without-entries",
        lambda s: s.key_type == "CALENDAR" and s.previous_type == "_NL" and s.expected <= {"_INDENT", "_NL"},
    ),
    Message(
        "approver-without-entries",
        lambda s: s.key_type == "APPROVER" and s.previous_type == "_NL" and s.expected <= {"_INDENT", "_NL"},
    ),
    Message(
        "list-without-items",
        lambda s: s.key_type == "LIST_FIELD" and s.previous_type == "_NL" and s.expected <= {"_INDENT", "_NL"},
    ),
    Message("unexpected-indentation", lambda s: s.token_type == "_INDENT"),
    Message("unknown-attribute", lambda s: s.expects(*_ATTRIBUTE_TYPES) and not s.expects("STEP")),
    Message("unknown-field", lambda s: s.expects(*_FIELD_TYPES)),
    Message("unknown-calendar-entry", lambda s: s.expects("CALENDAR_KEY")),
    Message("unknown-approver-entry", lambda s: s.expects("APPROVER_KEY")),
    Message("line-after-header", lambda s: s.expects(*_OPENER_TYPES) and s.key_type == "SOP" and not s.expects("SOP")),
    Message("line-start", lambda s: s.expects(*_OPENER_TYPES)),
    Message("no-sop-line", lambda s: s.expects("SOP")),
    Message("text-missing-alone", lambda s: s.expects_only("TEXT", "STRING") and s.key is None),
    Message("title-missing", lambda s: s.expects_only("TEXT", "STRING") and s.key_type in _TITLES),
    Message("text-missing", lambda s: s.expects_only("TEXT", "STRING")),
    Message("period-missing", lambda s: s.expects("NUMBER") and s.key_type == "EVERY"),
    Message("term-or-end", lambda s: s.expects("NUMBER") and s.previous_type == "UNIT"),
    Message("time-missing", lambda s: s.expects("NUMBER") and s.key_type == "TIME"),
    Message("duration-missing", lambda s: s.expects("NUMBER")),
    Message("unit-missing", lambda s: s.expects("UNIT")),
    Message("id-missing", lambda s: s.expects("ID")),
    Message("colon-missing", lambda s: s.expects("COLON")),
    Message("role-list-goes-on", lambda s: s.expects("COMMA") and s.expects_only("_NL", "COMMA", "_DEDENT", "_INDENT")),
    Message("line-goes-on", lambda s: s.expects_only("_NL", "COMMA", "_DEDENT", "_INDENT")),
    Message("unexpected", lambda s: True),
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
        return END_OF_LINE
    return _shorten(str(token.value).strip() or token.type)


def _shorten(value: str) -> str:
    """The first line, at most 40 characters, with unprintable characters escaped."""
    value = value.splitlines()[0] if value.strip() else value
    value = value if len(value) <= 40 else value[:37] + "..."
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in value)
