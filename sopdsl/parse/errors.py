"""Syntax errors in the author's terms, built from what the parser expected."""

from __future__ import annotations

import re

from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from ..errors import SopdslError

UNIT_HINT = "use menit, jam, hari, hari kerja, minggu, bulan, tahun or their English names"
DURATION_EXAMPLES = "such as '30 menit', '2 jam 30 menit' or '1-3 hari kerja'"

FIELD_NAMES = (
    "number, unit, created, revised, effective, approved-by, legal-basis, qualifications, "
    "related, equipment, warning, records, sla, calendar"
)
ATTRIBUTE_NAMES = "by, needs, time, output, note, every, uses, next, yes, no, branch"

# Terminals by the word an author would use for them.
_TERMINAL_WORDS = {
    "SOP": "'sop'",
    "ROLE": "'role'",
    "SECTION": "'section'",
    "STEP": "'step'",
    "DECISION": "'decision'",
    "ID": "an id",
    "TEXT": "text",
    "STRING": "quoted text",
    "NUMBER": "a number",
    "SPELLED": "a spelled-out number in parentheses",
    "UNIT": "a time unit",
    "TIMES": "'x'",
    "COLON": "':'",
    "COMMA": "','",
    "MINUS": "'-'",
    "_NL": "the end of the line",
    "_INDENT": "an indented block",
    "_DEDENT": "the end of the block",
    "$END": "the end of the file",
}
_KEYWORD_TYPES = {
    "TEXT_FIELD", "LIST_FIELD", "DATE_FIELD", "SLA", "CALENDAR", "CALENDAR_KEY",
    "BY", "TEXT_ATTRIBUTE", "TIME", "EVERY", "USES", "NEXT", "YES", "NO", "BRANCH",
    "SOP", "ROLE", "SECTION", "STEP", "DECISION",
}
_ATTRIBUTE_TYPES = {"BY", "TEXT_ATTRIBUTE", "TIME", "EVERY", "USES", "NEXT", "YES", "NO", "BRANCH"}
_FIELD_TYPES = {"TEXT_FIELD", "LIST_FIELD", "DATE_FIELD", "SLA", "CALENDAR"}
_TOP_TYPES = {"ROLE", "SECTION", "STEP", "DECISION"}
_WORD = re.compile(r"[^\s:#]+|\S")


class SopSyntaxError(SopdslError):
    """A file that does not follow the language, with the line and column to show the author."""

    def __init__(self, message: str, line: int, column: int):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


def explain(error: UnexpectedInput, text: str, history) -> SopSyntaxError:
    """Turn a Lark error into a SopSyntaxError that speaks of the file, not of the grammar."""
    line, column = error.line, error.column
    if isinstance(error, UnexpectedToken) and error.token.type == "_INDENT":
        line, column = error.token.end_line, error.token.end_column
    elif isinstance(error, UnexpectedToken) and error.token.type in ("_DEDENT", "_NL", "$END"):
        line, column = _end_of_line(text, error.token, line, column)
    expected = set(getattr(error, "expected", None) or getattr(error, "allowed", None) or ())
    found = _found(error, text)
    key = _line_key(history)
    previous = _previous(history, error)
    message = _message(error, expected, found, key, previous)
    if line is None or line < 1:
        line, column = _last_position(text)
    return SopSyntaxError(message, line, column)


def _message(error, expected, found, key, previous) -> str:
    after = f"after '{key.value}:'" if key is not None else ""
    if previous is not None and previous.type == "STRING" and found != "end of line":
        return "text continues after the closing quote; quote all of the text or none of it"
    if isinstance(error, UnexpectedCharacters) and error.char == '"':
        return f"quoted text opened on line {error.line} is never closed"
    if isinstance(error, UnexpectedCharacters) and error.char == "\r":
        return "a carriage return (CR) without a line feed after it; save the file with LF or CRLF line ends"
    if (isinstance(error, UnexpectedEOF) or found == "$END") and "SOP" in expected:
        return "the file has only comments and blank lines; a .sop file starts with 'sop <id>: <title>'"
    if isinstance(error, UnexpectedEOF) or found == "$END":
        return "the file ends too early: " + _expected_phrase(expected, key)
    if _opens_block(key) and previous is not None and previous.type == "_NL" and expected <= {"_INDENT", "_NL"}:
        return _missing_block(key, found)
    token_type = error.token.type if isinstance(error, UnexpectedToken) else None
    if token_type == "_INDENT":
        return (
            "unexpected indentation: only the sop header, lists, calendar, steps and decisions "
            "take an indented block"
        )
    if token_type == "ROLE" and "ROLE" not in expected:
        return "'role' lines come before the first section, step or decision"
    if expected & _ATTRIBUTE_TYPES and not expected & {"STEP"}:
        return f"unknown attribute '{found}' here; a step or decision takes {ATTRIBUTE_NAMES}"
    if expected & _FIELD_TYPES:
        return f"unknown field '{found}' in the sop header; the fields are {FIELD_NAMES}"
    if "CALENDAR_KEY" in expected:
        return f"unknown calendar entry '{found}'; use workday, week, month or year"
    if expected & _TOP_TYPES:
        if key is not None and key.type == "SOP" and "SOP" not in expected:
            allowed = "'role', 'section', 'step' or 'decision'"
        else:
            allowed = _either([f"'{t.lower()}'" for t in ("ROLE", "SECTION", "STEP", "DECISION") if t in expected])
        return f"expected {allowed} at the start of the line, found '{found}'"
    if "SOP" in expected:
        return f"a .sop file starts with 'sop <id>: <title>', found '{found}'"
    if expected <= {"TEXT", "STRING"} and expected:
        return _missing_text(key, after)
    if "NUMBER" in expected and key is not None and key.type == "EVERY":
        return f"expected a period {after}, such as 'bulan', '3 bulan' or '1 x 3 bulan'"
    if "NUMBER" in expected and previous is not None and previous.type == "UNIT":
        return f"expected another '<number> <unit>' term or the end of the line, found '{found}'"
    if "NUMBER" in expected:
        is_time = key is not None and key.type == "TIME"
        quote = '; a time that is not a number goes in quotes: time: "Sesuai jadwal"' if is_time else ""
        return f"expected a duration {after}, {DURATION_EXAMPLES}{quote}"
    if "UNIT" in expected:
        return f"expected a time unit, found '{found}'; {UNIT_HINT}"
    if "ID" in expected:
        where = after if key is not None and key.type in _ATTRIBUTE_TYPES else _after_keyword(key)
        also = " or ':'" if "COLON" in expected else ""
        return f"expected {_id_kind(key)}{also} {where}, found '{found}'".replace(" ,", ",")
    if "COLON" in expected:
        return f"expected ':' here, found '{found}'"
    if expected <= {"_NL", "COMMA", "_DEDENT", "_INDENT"} and expected:
        what = "another role id after ',' or the end of the line" if "COMMA" in expected else "the end of the line"
        return f"expected {what}, found '{found}'"
    return f"unexpected '{found}'; expected {_expected_phrase(expected, key)}"


def _opens_block(key) -> bool:
    """The line is `calendar:` or a list field with nothing after the ':', so an indented block must follow."""
    return key is not None and key.type in ("CALENDAR", "LIST_FIELD")


def _missing_block(key, found) -> str:
    if key.type == "CALENDAR":
        entries = "the calendar's entries (workday, week, month, year)"
        return f"expected {entries} indented below 'calendar:', found '{found}'"
    return f"expected a value after '{key.value}:', or its items indented below it as '- item', found '{found}'"


def _missing_text(key, after) -> str:
    if key is None:
        return "expected text"
    what = {"SOP": "the SOP title", "ROLE": "the role's name", "SECTION": "the section title",
            "STEP": "the activity text", "DECISION": "the question or activity text"}.get(key.type)
    if what is None:
        return f"expected text {after}"
    return f"expected {what} after ':'"


def _either(words) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def _previous(history, error):
    """The token before the one the parser stumbled on (or the last one, for a lexer error)."""
    tokens = [t for t in history if t.type not in ("_INDENT", "_DEDENT")]
    if isinstance(error, UnexpectedToken) and tokens and tokens[-1] is error.token:
        tokens.pop()
    return tokens[-1] if tokens else None


def _id_kind(key) -> str:
    if key is None:
        return "an id"
    return {
        "BY": "a role id",
        "USES": "an SOP id",
        "NEXT": "a step id, 'next' or 'end'",
        "YES": "a step id, 'next' or 'end'",
        "NO": "a step id, 'next' or 'end'",
        "BRANCH": "a step id, 'next' or 'end'",
    }.get(key.type, "an id")


def _after_keyword(key) -> str:
    return f"after '{key.value}'" if key is not None else ""


def _expected_phrase(expected, key) -> str:
    words = sorted({_TERMINAL_WORDS.get(t, f"'{t.lower()}'") for t in expected if not t.startswith("__")})
    return ", ".join(words) if words else "more"


def _line_key(history):
    """The keyword that opened the current line (`by`, `time`, `step`...), if any."""
    tokens = list(history)
    while tokens and tokens[-1].type in ("_NL", "_INDENT", "_DEDENT"):
        tokens.pop()
    for token in reversed(tokens):
        if token.type == "_NL":
            return None
        if token.type in _KEYWORD_TYPES:
            return token
    return None


def _found(error, text) -> str:
    if isinstance(error, UnexpectedToken):
        token = error.token
        if token.type == "$END":
            return "$END"
        if token.type in ("_NL", "_INDENT", "_DEDENT"):
            return "end of line"
        value = str(token.value).strip()
        return _shorten(value or token.type)
    if isinstance(error, UnexpectedCharacters):
        match = _WORD.match(text, error.pos_in_stream)
        return _shorten(match.group(0) if match else error.char)
    return "$END"


def _shorten(value: str) -> str:
    value = value.splitlines()[0] if value.strip() else value
    value = value if len(value) <= 40 else value[:37] + "..."
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in value)


def _end_of_line(text, token, line, column):
    """Point a missing value at the end of the line it is missing from, not at the next line."""
    if token.type == "$END":
        return _last_position(text)
    position = token.start_pos if token.start_pos is not None else 0
    if 0 <= position <= len(text):
        line_start = text.rfind("\n", 0, position) + 1
        return text.count("\n", 0, position) + 1, position - line_start + 1
    return line, column


def _last_position(text: str):
    stripped = text.rstrip("\r\n")
    line = stripped.count("\n") + 1
    return line, len(stripped) - (stripped.rfind("\n") + 1) + 1
