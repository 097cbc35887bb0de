"""Builds the model from the parse: one method per grammar rule, called as the parser reduces."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable

from lark import Token, Transformer

from ..i18n import say
from ..model import (
    Approver,
    Branch,
    Calendar,
    Date,
    Decision,
    Duration,
    Period,
    Ref,
    Role,
    Section,
    Sop,
    Span,
    Step,
    Term,
    Text,
    unit_of,
)
from .errors import SopSyntaxError
from .messages import words
from .tokens import LexedToken
from .vocabulary import APPROVER, ATTRIBUTES, BRANCHES, CALENDAR, ENGLISH, HEADER, TARGETS, TOP_LEVEL

_FOLD = re.compile(r"[ \t]*\r?\n[ \t]*")
_UNESCAPE = re.compile(r"\\([\"\\])")
_ID = re.compile(r"[^\W\d_][\w-]*\Z")
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})\Z")


def token_span(token: LexedToken) -> Span:
    """The span of one token."""
    return Span(token.line, token.column, token.end_line, token.end_column - 1)


def unquote(token: Token) -> str:
    """The value of a quoted string: escapes undone, line breaks and indentation folded to a space."""
    return _FOLD.sub(" ", _UNESCAPE.sub(r"\1", token.value[1:-1]))


class _Attribute:
    """One attribute line of a header, step or calendar, before it is assigned."""

    __slots__ = ("key", "name", "value")

    def __init__(self, key: LexedToken, name: str, value):
        self.key, self.name, self.value = key, name, value


class SopTransformer(Transformer):
    """Rule methods build model nodes; attribute rules return _Attribute until their block is built."""

    def __init__(self, language: Callable[[], str] = lambda: ENGLISH):
        """`language` gives the keyword language of the file read so far, for the words of its messages."""
        super().__init__()
        self.language = language

    # ---- values --------------------------------------------------------------------
    def text(self, children):
        return _text(children[0])

    def term(self, children):
        number, *spelled, unit = children
        self._check_unit(unit)
        spelled_value = spelled[0].value if spelled else None
        return Term(number=number.value, unit_word=_unit_word(unit), spelled=spelled_value), number, unit

    def range(self, children):
        *quantities, unit = children
        self._check_unit(unit)
        (low, spelled_low), (high, spelled_high) = _numbers_with_spelling(quantities)
        word = _unit_word(unit)
        return Duration(
            terms=(Term(number=low, unit_word=word, spelled=spelled_low),),
            upto=Term(number=high, unit_word=word, spelled=spelled_high),
            span=_between(children[0], unit),
        )

    def duration(self, children):
        if len(children) == 1 and isinstance(children[0], Duration):
            return children[0]
        terms = tuple(term for term, _, _ in children)
        first = children[0][1]
        last = children[-1][2]
        return Duration(terms=terms, span=_between(first, last))

    def period(self, children):
        kinds = [token.type for token in children]
        unit = next(token for token in children if token.type in ("UNIT", "A_UNIT"))
        if unit.type == "UNIT":
            self._check_unit(unit)
        numbers = [token.value for token in children if token.type == "NUMBER"]
        times = numbers.pop(0) if "TIMES" in kinds else None
        return Period(
            wording=" ".join(_unit_word(token) for token in children),
            unit_word=_unit_word(unit) if unit.type == "UNIT" else unit.value[2:],
            number=numbers[0] if numbers else None,
            times=times,
            phrase=not {"TIMES", "EACH", "A_UNIT", "ONCE"}.isdisjoint(kinds),
            span=_between(children[0], children[-1]),
        )

    def _check_unit(self, token: LexedToken) -> None:
        if token.value.lower() in ("x", "×", "kali"):
            example = words(self.language())["every_example"]
            raise SopSyntaxError(
                say("syntax.x-makes-a-period", word=token.value, every_example=example), token.line, token.column
            )
        if unit_of(token.value) is None:
            raise SopSyntaxError(
                say("syntax.unknown-unit", unit=token.value, units=say("syntax.units")), token.line, token.column
            )

    # ---- header ----------------------------------------------------------------------
    def text_field(self, children):
        key, value = children
        return _Attribute(key, HEADER.concept(key.value), value)

    def item(self, children):
        return children[0]

    def list_field(self, children):
        key, *items = children
        entry = HEADER[HEADER.concept(key.value)]
        to_node: Callable[[LexedToken], object]
        if entry.concept == "related":
            to_node = _related
        else:
            to_node = _date if entry.kind == "dates" else _text
        return _Attribute(key, entry.concept, tuple(to_node(item) for item in items))

    def date_field(self, children):
        key, value = children
        return _Attribute(key, HEADER.concept(key.value), _date(value))

    def sla_field(self, children):
        key, duration = children
        return _Attribute(key, HEADER.concept(key.value), duration)

    def calendar_entry(self, children):
        key, duration = children
        return _Attribute(key, CALENDAR.concept(key.value), duration)

    def calendar_field(self, children):
        key, *entries = children
        values = _assign(entries, lambda: say("syntax.in-calendar"))
        calendar = Calendar(**values, span=token_span(key), words=_words(entries))
        return _Attribute(key, HEADER.concept(key.value), calendar)

    def approver_entry(self, children):
        key, value = children
        return _Attribute(key, APPROVER.concept(key.value), value)

    def approver_field(self, children):
        key, *entries = children
        values = _assign(entries, lambda: say("syntax.in-approver"))
        approver = Approver(**values, span=token_span(key), words=_words(entries))
        return _Attribute(key, HEADER.concept(key.value), approver)

    def header(self, children):
        keyword, sop_id, title, *fields = children
        values = _assign(fields, lambda: say("syntax.in-header"))
        words = {TOP_LEVEL.concept(keyword.value): keyword.value, **_words(fields)}
        return keyword, sop_id, title, values, {a.name: token_span(a.key) for a in fields}, words

    # ---- roles and flow ---------------------------------------------------------------
    def role(self, children):
        keyword, role_id, name = children
        return Role(
            id=role_id.value, name=name, span=token_span(keyword), id_span=token_span(role_id),
            words={TOP_LEVEL.concept(keyword.value): keyword.value},
        )

    def by(self, children):
        key, *ids = children
        return _Attribute(key, ATTRIBUTES.concept(key.value), tuple(Ref(id=t.value, span=token_span(t)) for t in ids))

    def text_attribute(self, children):
        key, value = children
        return _Attribute(key, ATTRIBUTES.concept(key.value), value)

    def time(self, children):
        key, value = children
        if isinstance(value, LexedToken):
            value = Text(value=unquote(value), span=token_span(value))
        return _Attribute(key, ATTRIBUTES.concept(key.value), value)

    def every(self, children):
        key, period = children
        return _Attribute(key, ATTRIBUTES.concept(key.value), period)

    def uses(self, children):
        key, sop_id = children
        return _Attribute(key, ATTRIBUTES.concept(key.value), Ref(id=sop_id.value, span=token_span(sop_id)))

    def next(self, children):
        key, target = children
        return _Attribute(key, ATTRIBUTES.concept(key.value), _target(target))

    def branch(self, children):
        key = children[0]
        ref = _target(children[-1])
        kind = BRANCHES.concept(key.value)
        words = {kind: key.value}
        if kind == "branch":
            return Branch(kind="label", label=unquote(children[1]), target=ref, span=token_span(key), words=words)
        return Branch(kind=kind, target=ref, span=token_span(key), words=words)

    def activity(self, children):
        keyword, *rest = children
        activity_id = rest.pop(0) if isinstance(rest[0], Token) else None
        text, *attributes = rest
        branches = tuple(a for a in attributes if isinstance(a, Branch))
        fields = [a for a in attributes if not isinstance(a, Branch)]
        values = _assign(fields, lambda: f"{keyword.value} {_name(activity_id)}")
        cls = Decision if keyword.type == "DECISION" else Step
        return cls(
            id=activity_id.value if activity_id is not None else None,
            text=text,
            branches=branches,
            span=token_span(keyword),
            id_span=token_span(activity_id) if activity_id is not None else None,
            words={TOP_LEVEL.concept(keyword.value): keyword.value, **_words(fields)},
            **values,
        )

    def section(self, children):
        keyword, section_id, title, *steps = children
        return Section(
            id=section_id.value, title=title, steps=tuple(steps),
            span=token_span(keyword), id_span=token_span(section_id),
            words={TOP_LEVEL.concept(keyword.value): keyword.value},
        )

    def flow(self, children):
        loose = [c for c in children if not isinstance(c, Section)]
        sections = [c for c in children if isinstance(c, Section)]
        if sections and loose:
            first = loose[0]
            opener = first.words.get("decision" if first.is_decision else "step", first.keyword)
            raise SopSyntaxError(
                say("syntax.before-first-section", keyword=opener, name=_name(first.id)),
                first.span.line,
                first.span.column,
            )
        return tuple(sections) if sections else (Section(id=None, title=None, steps=tuple(loose)),)

    def start(self, children):
        (keyword, sop_id, title, values, field_spans, words), *roles, sections = children
        return Sop(
            id=sop_id.value,
            title=title,
            roles=tuple(roles),
            sections=sections,
            span=token_span(keyword),
            id_span=token_span(sop_id),
            field_spans=field_spans,
            words=words,
            **values,
        )


def _assign(attributes, where):
    """Attribute values by name, each at most once; `where()` names the block in the message when one is twice."""
    values = {}
    first_line: dict[str, int] = {}
    for attribute in attributes:
        if attribute.name in values:
            key = attribute.key
            raise SopSyntaxError(
                say("syntax.given-twice", keyword=key.value, where=where(), line=first_line[attribute.name]),
                key.line,
                key.column,
            )
        values[attribute.name] = attribute.value
        first_line[attribute.name] = attribute.key.line
    return values


def _words(attributes) -> dict[str, str]:
    """The keywords of a block's attributes as written, by concept."""
    return {attribute.name: attribute.key.value for attribute in attributes}


def _target(token: LexedToken) -> Ref:
    """A jump target: `next` and `end` (in any spelling) by their concept, the word kept; else a step id."""
    entry = TARGETS.find(token.value)
    if entry is None:
        return Ref(id=token.value, span=token_span(token))
    return Ref(id=entry.concept, span=token_span(token), word=token.value)


def _name(token) -> str:
    return f"'{token}'" if token is not None else say("syntax.without-id")


def _unit_word(token: Token) -> str:
    return " ".join(token.value.split())


def _numbers_with_spelling(tokens):
    """[(number, spelled-out form or None), ...] from NUMBER tokens each maybe followed by SPELLED."""
    pairs = []
    for token in tokens:
        if token.type == "NUMBER":
            pairs.append((token.value, None))
        else:
            pairs[-1] = (pairs[-1][0], token.value)
    return pairs


def _between(first: LexedToken, last: LexedToken) -> Span:
    return Span(first.line, first.column, last.end_line, last.end_column - 1)


def _text(token: LexedToken) -> Text:
    value = unquote(token) if token.type == "STRING" else token.value
    return Text(value=value, span=token_span(token))


def _date(value: Text | LexedToken) -> Date:
    """A header date, from its Text or list item token: YYYY-MM-DD, and a real date."""
    if not isinstance(value, Text):
        value = _text(value)
    match = _DATE.match(value.value)
    try:
        date = datetime.date(*map(int, match.groups())) if match else None
    except ValueError:
        raise SopSyntaxError(
            say("syntax.not-a-real-date", value=value.value), value.span.line, value.span.column
        ) from None
    if date is None:
        raise SopSyntaxError(say("syntax.not-a-date", value=value.value), value.span.line, value.span.column)
    return Date(value=date, span=value.span)


def _related(token: LexedToken):
    """A bare id names an SOP of the library; a quoted title (or other text) one outside it."""
    if token.type == "TEXT" and _ID.match(token.value):
        return Ref(id=token.value, span=token_span(token))
    return _text(token)
