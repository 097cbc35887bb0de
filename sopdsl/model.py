"""The SOP model: frozen attrs classes built by the parser, each with its source span."""

from __future__ import annotations

import datetime
import enum
from collections.abc import Mapping
from decimal import Decimal

from attrs import field, frozen

from .parse.vocabulary import CALENDAR, HEADER, TOP_LEVEL


@frozen
class Span:
    """Where a node stands in its file: 1-based line and column of its first and last character."""

    line: int
    column: int
    end_line: int
    end_column: int


def _span():
    return field(default=None, eq=False, repr=False)


def _words():
    """The keywords of a node as spelled, by concept (`{"by": "oleh"}`): for the formatter, no part of the meaning."""
    return field(factory=dict, eq=False, repr=False)


class Unit(enum.Enum):
    """A unit of time, as the totals convert it."""

    MINUTE = "minute"
    HOUR = "hour"
    WORKDAY = "workday"
    CALENDAR_DAY = "calendar day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


UNIT_WORDS: Mapping[str, Unit] = {
    **dict.fromkeys(["min", "mins", "minute", "minutes", "menit"], Unit.MINUTE),
    **dict.fromkeys(["h", "hr", "hrs", "hour", "hours", "jam"], Unit.HOUR),
    **dict.fromkeys(
        ["day", "days", "workday", "workdays", "working day", "working days", "hari", "hari kerja", "hk"],
        Unit.WORKDAY,
    ),
    **dict.fromkeys(["calendar day", "calendar days", "hari kalender"], Unit.CALENDAR_DAY),
    **dict.fromkeys(["week", "weeks", "minggu"], Unit.WEEK),
    **dict.fromkeys(["month", "months", "bulan"], Unit.MONTH),
    **dict.fromkeys(["year", "years", "tahun"], Unit.YEAR),
}


def unit_of(word: str) -> Unit | None:
    """The unit a word names (any case, blanks folded), or None."""
    return UNIT_WORDS.get(" ".join(word.lower().split()))


def named_unit(word: str) -> Unit:
    """The unit of a word the parser accepted as one; any other word is a ValueError."""
    unit = unit_of(word)
    if unit is None:
        raise ValueError(f"{word!r} is not a unit")
    return unit


def number_value(number: str) -> Decimal:
    """The value of a number as written: whole or decimal, with '.' or ','."""
    return Decimal(number.replace(",", "."))


@frozen(kw_only=True)
class Text:
    """Author text: the rest of a line, or a quoted string with its line breaks folded."""

    value: str
    span: Span = _span()


@frozen(kw_only=True)
class Ref:
    """A reference by id: a role, a step (or `next`/`end`), or another SOP."""

    id: str
    span: Span = _span()
    word: str | None = field(default=None, eq=False, repr=False)
    """For a jump to `next` or `end`, the word as written (`berikut`, `selesai`): `id` holds the concept."""


@frozen(kw_only=True)
class Date:
    """A calendar date written YYYY-MM-DD."""

    value: datetime.date
    span: Span = _span()


@frozen(kw_only=True)
class Term:
    """One `<number> [(<spelled>)] <unit>` term, kept as the author wrote it."""

    number: str
    unit_word: str
    spelled: str | None = None

    @property
    def amount(self) -> Decimal:
        return number_value(self.number)

    @property
    def unit(self) -> Unit:
        return named_unit(self.unit_word)

    @property
    def wording(self) -> str:
        return " ".join(filter(None, [self.number, self.spelled, self.unit_word]))


@frozen(kw_only=True)
class Duration:
    """A quantified time: one or more terms added up, or a range from `terms[0]` up to `upto`."""

    terms: tuple[Term, ...]
    upto: Term | None = None
    span: Span = _span()

    @property
    def is_range(self) -> bool:
        return self.upto is not None

    @property
    def is_reversed(self) -> bool:
        """A range written high to low (`5-2 jam`): it parses as written, but counts in neither order."""
        return self.upto is not None and self.upto.amount < self.terms[0].amount

    @property
    def wording(self) -> str:
        """The duration as the author wrote it, blanks normalised."""
        if self.upto is None:
            return " ".join(term.wording for term in self.terms)
        low = " ".join(filter(None, [self.terms[0].number, self.terms[0].spelled]))
        high = " ".join(filter(None, [self.upto.number, self.upto.spelled]))
        return f"{low}-{high} {self.upto.unit_word}"


@frozen(kw_only=True)
class Period:
    """How often a routine step is done: once (or `times` times) every `number` `unit_word`, and its wording."""

    wording: str
    """The period as written, blanks folded: `3 bulan`, `1 x 3 bulan`, `Tiap Bulan`, `sebulan sekali`."""
    unit_word: str
    number: str | None = None
    times: str | None = None
    phrase: bool = False
    """Written as a phrase that says how often by itself (`Tiap Bulan`, `2 kali sebulan`), not as a bare unit."""
    span: Span = _span()

    @property
    def unit(self) -> Unit:
        return named_unit(self.unit_word)


@frozen(kw_only=True)
class Branch:
    """One way out of a decision: `yes`, `no`, or `branch "<label>"`, with its target."""

    kind: str  # "yes", "no" or "label"
    target: Ref
    label: str | None = None
    span: Span = _span()
    words: Mapping[str, str] = _words()


@frozen(kw_only=True)
class Activity:
    """What steps and decisions share: an optional id, the activity text and the attributes."""

    id: str | None
    text: Text
    by: tuple[Ref, ...] = ()
    needs: Text | None = None
    time: Duration | Text | None = None
    output: Text | None = None
    note: Text | None = None
    every: Period | None = None
    uses: Ref | None = None
    next: Ref | None = None
    branches: tuple[Branch, ...] = ()
    span: Span = _span()
    id_span: Span | None = _span()
    words: Mapping[str, str] = _words()

    keyword = TOP_LEVEL["step"].english

    @property
    def is_decision(self) -> bool:
        return isinstance(self, Decision)


@frozen(kw_only=True)
class Step(Activity):
    """A process step (rectangle in the table)."""


@frozen(kw_only=True)
class Decision(Activity):
    """A decision (diamond): its branches lead on."""

    keyword = TOP_LEVEL["decision"].english


@frozen(kw_only=True)
class Section:
    """One flow: a lettered group of steps. A file without `section` lines has one with no id."""

    id: str | None
    title: Text | None
    steps: tuple[Activity, ...] = ()
    span: Span = _span()
    id_span: Span | None = _span()
    words: Mapping[str, str] = _words()


@frozen(kw_only=True)
class Role:
    """A performer (Pelaksana): one column of the printed table."""

    id: str
    name: Text
    span: Span = _span()
    id_span: Span | None = _span()
    words: Mapping[str, str] = _words()


@frozen(kw_only=True)
class Calendar:
    """How units convert for totals; a field left out takes its default."""

    workday: Duration | None = None
    week: Duration | None = None
    month: Duration | None = None
    year: Duration | None = None
    span: Span = _span()
    words: Mapping[str, str] = _words()


@frozen(kw_only=True)
class Approver:
    """The signatory printed under "Disahkan oleh": name, rank (pangkat) and NIP, each optional."""

    name: Text | None = None
    rank: Text | None = None
    nip: Text | None = None
    span: Span = _span()
    words: Mapping[str, str] = _words()


@frozen(kw_only=True)
class Comment:
    """A `#` comment, kept for the formatter and for suppressions."""

    text: str
    line: int
    column: int
    own_line: bool


RelatedItem = Ref | Text


@frozen(kw_only=True)
class Sop:
    """One Standard Operating Procedure: the header, the roles and its flows."""

    id: str
    title: Text
    number: Text | None = None
    unit: tuple[Text, ...] = ()
    created: Date | None = None
    revised: Date | None = None
    effective: Date | None = None
    approved_by: Text | None = None
    legal_basis: tuple[Text, ...] = ()
    qualifications: tuple[Text, ...] = ()
    related: tuple[RelatedItem, ...] = ()
    equipment: tuple[Text, ...] = ()
    warning: Text | None = None
    records: tuple[Text, ...] = ()
    sla: Duration | None = None
    calendar: Calendar | None = None
    approver: Approver | None = None
    staffing: Text | None = None
    annex: Text | None = None
    logo: Text | None = None
    evaluated: tuple[Date, ...] = ()
    roles: tuple[Role, ...] = ()
    sections: tuple[Section, ...] = ()
    span: Span = _span()
    id_span: Span | None = _span()
    field_spans: Mapping[str, Span] = field(factory=dict, eq=False, repr=False)
    words: Mapping[str, str] = _words()
    comments: tuple[Comment, ...] = field(default=(), eq=False, repr=False)

    @property
    def has_sections(self) -> bool:
        return any(section.id is not None for section in self.sections)

    def activities(self):
        """Every step and decision, in file order."""
        for section in self.sections:
            yield from section.steps


# Header fields in their canonical order: (keyword, attribute, kind).
HEADER_FIELDS = tuple((entry.english, entry.concept, entry.kind) for entry in HEADER)
CALENDAR_FIELDS = CALENDAR.concepts
