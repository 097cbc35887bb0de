"""The formatter: writes an SOP model back as canonical .sop text, keeping its comments."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping

import attrs
from attrs import Factory, define

from .errors import SopdslError
from .model import (
    Activity,
    Branch,
    Comment,
    Date,
    Ref,
    Sop,
    Span,
    Text,
)
from .parse import SopSyntaxError, parse_text
from .parse.vocabulary import APPROVER, ATTRIBUTES, BRANCHES, CALENDAR, HEADER, TARGETS, TOP_LEVEL, Keyword, Keywords

WIDTH = 88
"""The widest line the formatter writes, unless a single word is wider."""
BLOCK_END_INDENT = 2
"""Where comments that end an indented block stand, above the blank line that follows it."""

# The TEXT terminal of sopdsl/grammar/sop.lark: what reads back unquoted, as it is.
_BARE_TEXT = re.compile(r'[^ \t\r\n"#](?:[^ \t\r\n]|[ \t]+(?=[^ \t\r\n#]))*')
# A single space between two non-blank characters: the only place a quoted text may break.
_BREAK = re.compile(r"(?<=[^ \t]) (?=[^ \t])")

SourceLines = tuple[tuple[int, int], ...]


class FormatError(SopdslError):
    """The formatted text failed its safety check, so the source must be left as it is."""


@define
class _Element:
    """One element of the output: its lines, where it came from in the source, its comments."""

    lines: list[str]
    indent: int
    sources: SourceLines
    blank_before: bool = False
    column: int | None = None
    comments: list[Comment] = Factory(list)


@define
class _Output:
    """The lines written so far, and the comments among them in the order they were written."""

    lines: list[str] = Factory(list)
    comments: list[Comment] = Factory(list)

    def write_comments(self, comments: list[Comment], indent: int) -> None:
        self.lines.extend(" " * indent + comment.text for comment in comments)
        self.comments.extend(comments)

    def write_element(self, element: _Element, comments: list[Comment]) -> None:
        """The element's lines after its comments; the last comment stays at the end of the line
        if it trailed there in the source."""
        trailing = comments[-1] if comments and not comments[-1].own_line else None
        self.write_comments(comments[:-1] if trailing else comments, element.indent)
        self.lines.extend(element.lines)
        if trailing:
            self.lines[-1] += "  " + trailing.text
            self.comments.append(trailing)

    def write_blank_line(self, comments: list[Comment], column: int | None) -> list[Comment]:
        """A blank line, after the comments that end the block above it; returns the other comments."""
        block_end, rest = _block_end(comments, column)
        self.write_comments(block_end, BLOCK_END_INDENT)
        self.lines.append("")
        return rest


@define
class _Rendering:
    """Formatted text and the comment texts in the order it writes them."""

    text: str
    comments: list[str]


def format_sop(sop: Sop, keywords: str | None = None) -> str:
    """The canonical text of an SOP, comments beside their elements, each keyword as written or in `keywords`."""
    return _render(sop, keywords).text


def format_text(text: str, keywords: str | None = None) -> str:
    """Parse, format (keywords in the language `keywords`, if given) and prove the result safe, or raise."""
    sop = parse_text(text)
    rendering = _render(sop, keywords)
    if rendering.text != text:  # text already in canonical form was just parsed: nothing new to prove
        _verify(sop, rendering)
    return rendering.text


# ---- safety check -------------------------------------------------------------------------------


def _verify(sop: Sop, rendering: _Rendering) -> None:
    try:
        again = parse_text(rendering.text)
    except SopSyntaxError as error:
        raise FormatError(
            f"the formatted text does not parse (line {error.line}, column {error.column}: {error.message})"
        ) from None
    if again != sop:
        raise FormatError(f"the formatted text changes the meaning of: {', '.join(_differences(sop, again))}")
    comments_read_back = [comment.text for comment in again.comments]
    if sorted(comments_read_back) != sorted(comment.text for comment in sop.comments):
        raise FormatError("the formatted text does not keep every comment as it was")
    if comments_read_back != rendering.comments:
        raise FormatError("the comments of the formatted text do not read back in the order they were written")
    if format_sop(again) != rendering.text:
        raise FormatError("formatting is not stable: formatting the result again changes it")


def _differences(sop: Sop, again: Sop) -> list[str]:
    return [
        field.name
        for field in attrs.fields(Sop)
        if field.eq and getattr(sop, field.name) != getattr(again, field.name)
    ]


# ---- layout ----------------------------------------------------------------------------------------


class _Spelling:
    """How the output spells keywords: as the author wrote each one, or all in one language."""

    def __init__(self, language: str | None):
        self.language = language

    def __call__(self, entry: Keyword, written: Mapping[str, str]) -> str:
        """The word for a keyword whose spellings as written, by concept, are `written`."""
        if self.language is not None:
            return entry.in_language(self.language)
        return written.get(entry.concept, entry.english)

    def key(self, keywords: Keywords, concept: str, written: Mapping[str, str]) -> str:
        """The word for one concept of a table."""
        return self(keywords[concept], written)

    def target(self, ref: Ref) -> str:
        """A jump target: a step id as it is, `next` and `end` spelled as keywords."""
        entry = TARGETS.find(ref.id)
        if entry is None:
            return ref.id
        return self(entry, {entry.concept: ref.word} if ref.word is not None else {})


def _render(sop: Sop, language: str | None = None) -> _Rendering:
    spell = _Spelling(language)
    elements = [*_header(sop, spell), *_roles(sop, spell), *_flow(sop, spell)]
    leftover = _attach_comments(elements, sop.comments)
    output = _Output()
    for element in elements:
        comments = _in_source_order(element.comments)
        if element.blank_before:
            comments = output.write_blank_line(comments, element.column)
        output.write_element(element, comments)
    if leftover:
        output.write_comments(output.write_blank_line(leftover, None), 0)
    return _Rendering("\n".join(output.lines) + "\n", [comment.text for comment in output.comments])


def _header(sop: Sop, spell: _Spelling) -> Iterator[_Element]:
    trailing_lines = {comment.line for comment in sop.comments if not comment.own_line}
    opening = f"{spell.key(TOP_LEVEL, 'sop', sop.words)} {sop.id}: "
    yield _Element(_text_lines(opening, sop.title.value, 0), 0, _source(sop.span, sop.title.span))
    for entry in HEADER:
        value = getattr(sop, entry.concept)
        key_span = sop.field_spans.get(entry.concept)
        if value is None or value == ():
            continue
        keyword = spell(entry, sop.words)
        if entry.kind in ("list", "dates"):
            yield from _list_field(keyword, value, key_span, entry.concept == "related", trailing_lines)
        elif entry.kind in ("calendar", "approver"):
            yield from _block_field(keyword, value, CALENDAR if entry.kind == "calendar" else APPROVER, key_span, spell)
        else:
            yield _Element(_value_lines(f"  {keyword}: ", value, 2), 2, _source(key_span, value.span))


def _list_field(keyword: str, items, key_span: Span | None, quote: bool, trailing_lines) -> Iterator[_Element]:
    """A one-item list joins its key's line, unless the key and the item each end in a comment on lines
    of their own: one line has room for one trailing comment, and one moved above its line would cover
    nothing (a suppression would stop working)."""
    spans = [key_span, items[0].span]
    both_commented = None not in spans and spans[0].line != spans[1].line and {s.line for s in spans} <= trailing_lines
    if len(items) == 1 and not both_commented:
        (item,) = items
        lines = _value_lines(f"  {keyword}: ", item, 2, quote)
        yield _Element(lines, 2, _source(key_span) + _source(item.span))
        return
    yield _Element([f"  {keyword}:"], 2, _source(key_span))
    for item in items:
        yield _Element(_value_lines("    - ", item, 4, quote), 4, _source(item.span))


def _block_field(keyword: str, block, entries: Keywords, key_span: Span | None, spell: _Spelling):
    """The calendar or approver block: its key, then its lines in table order."""
    yield _Element([f"  {keyword}:"], 2, _source(key_span))
    for entry in entries:
        value = getattr(block, entry.concept)
        if value is not None:
            yield _Element(_value_lines(f"    {spell(entry, block.words)}: ", value, 4), 4, _source(value.span))


def _roles(sop: Sop, spell: _Spelling) -> Iterator[_Element]:
    for index, role in enumerate(sop.roles):
        lines = _text_lines(f"{spell.key(TOP_LEVEL, 'role', role.words)} {role.id}: ", role.name.value, 0)
        yield _top_element(lines, role.span, role.name.span, blank_before=index == 0)


def _flow(sop: Sop, spell: _Spelling) -> Iterator[_Element]:
    for section in sop.sections:
        if section.id is not None and section.title is not None:
            opening = f"{spell.key(TOP_LEVEL, 'section', section.words)} {section.id}: "
            yield _top_element(_text_lines(opening, section.title.value, 0), section.span, section.title.span)
        for activity in section.steps:
            yield from _activity(activity, spell)


def _activity(activity: Activity, spell: _Spelling) -> Iterator[_Element]:
    keyword = spell.key(TOP_LEVEL, "decision" if activity.is_decision else "step", activity.words)
    opening = f"{keyword} {activity.id}: " if activity.id is not None else f"{keyword}: "
    lines = _text_lines(opening, activity.text.value, 0)
    yield _top_element(lines, activity.span, activity.text.span)
    for attribute in ATTRIBUTES:
        value = getattr(activity, attribute.concept)
        if value is None or value == ():
            continue
        prefix = f"  {spell(attribute, activity.words)}: "
        if attribute.concept == "next":
            lines = [prefix + spell.target(value)]
        else:
            lines = _value_lines(prefix, value, 2, quote=attribute.concept == "time")
        yield _Element(lines, 2, _source(*_spans_of(value)))
    for branch in activity.branches:
        line = f"  {_branch_key(branch, spell)}: {spell.target(branch.target)}"
        yield _Element([line], 2, _source(branch.span, branch.target.span))


def _branch_key(branch: Branch, spell: _Spelling) -> str:
    """`yes`, `no` or `branch "<label>"`."""
    if branch.label is not None:
        return f"{spell.key(BRANCHES, 'branch', branch.words)} {_quoted(branch.label)}"
    return spell.key(BRANCHES, branch.kind, branch.words)


def _top_element(lines: list[str], span: Span | None, text_span: Span | None, blank_before=True) -> _Element:
    """A role, section, step or decision line: at column 0, most with a blank line before."""
    column = span.column if span is not None else None
    return _Element(lines, 0, _source(span, text_span), blank_before, column)


def _spans_of(value) -> tuple:
    return tuple(ref.span for ref in value) if isinstance(value, tuple) else (value.span,)


def _source(*spans: Span | None) -> SourceLines:
    """The source lines from the first span to the last, as one range; none when spans are unknown."""
    known = [span for span in spans if span is not None]
    return ((known[0].line, known[-1].end_line),) if known else ()


# ---- values ------------------------------------------------------------------------------------------


def _value_lines(prefix: str, value, indent: int, quote: bool = False) -> list[str]:
    """`prefix` followed by the value; quote=True quotes text even when it would read back bare."""
    if isinstance(value, Text):
        return _text_lines(prefix, value.value, indent, quote)
    return [prefix + _word(value)]


def _word(value) -> str:
    if isinstance(value, tuple):
        return ", ".join(ref.id for ref in value)
    if isinstance(value, Ref):
        return value.id
    if isinstance(value, Date):
        return value.value.isoformat()
    return value.wording


def _text_lines(prefix: str, value: str, indent: int, quote: bool = False) -> list[str]:
    """One line if it fits in WIDTH, else a quoted string broken at single spaces onto continuation lines.

    Continuation lines stand 2 deeper than their line, and at least at column 4, so that the text of a
    step, decision or header never lines up with the attributes under it.
    """
    single = prefix + (_quoted(value) if quote or not _BARE_TEXT.fullmatch(value) else value)
    if len(single) <= WIDTH:
        return [single]
    wrapped = _wrapped(prefix, value, max(indent + 2, 4))
    return wrapped if len(wrapped) > 1 else [single]


def _wrapped(prefix: str, value: str, indent: int) -> list[str]:
    words = [_escaped(word) for word in _BREAK.split(value)]
    lines = [f'{prefix}"{words[0]}']
    for number, word in enumerate(words[1:], start=2):
        closing_quote = 1 if number == len(words) else 0
        if len(lines[-1]) + 1 + len(word) + closing_quote <= WIDTH:
            lines[-1] += " " + word
        else:
            lines.append(" " * indent + word)
    lines[-1] += '"'
    return lines


def _quoted(value: str) -> str:
    return f'"{_escaped(value)}"'


def _escaped(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"')


# ---- comments ----------------------------------------------------------------------------------------


def _attach_comments(elements: list[_Element], comments) -> list[Comment]:
    """Give each comment to its element: a trailing one to the element on its line, an own-line one
    to the element that follows it in the source. Returns the comments that nothing follows."""
    starts = sorted((start, index) for index, element in enumerate(elements) for start, _ in element.sources)
    start_lines = [start for start, _ in starts]
    owner_of_line = {
        line: index
        for index, element in enumerate(elements)
        for start, end in element.sources
        for line in range(start, end + 1)
    }
    leftover = []
    for comment in comments:
        if not comment.own_line and comment.line in owner_of_line:
            elements[owner_of_line[comment.line]].comments.append(comment)
            continue
        following = bisect.bisect_right(start_lines, comment.line)
        if following < len(starts):
            elements[starts[following][1]].comments.append(comment)
        else:
            leftover.append(comment)
    return leftover


def _in_source_order(comments: list[Comment]) -> list[Comment]:
    return sorted(comments, key=lambda comment: (comment.line, comment.column))


def _block_end(comments: list[Comment], column: int | None):
    """Split off the own-line comments that open the list and are indented deeper than `column`
    (column 1 when unknown): they end the block above, so they stay above the blank line."""
    count = 0
    while count < len(comments) and comments[count].own_line and comments[count].column > (column or 1):
        count += 1
    return comments[:count], comments[count:]
