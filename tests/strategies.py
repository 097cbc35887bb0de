"""Hypothesis strategies that build valid Sop models (every header field, roles, sections, steps and decisions),
and valid source texts laid out in other ways, with comments and suppressions around every line."""

from __future__ import annotations

import functools
from unittest import mock

import attrs
from hypothesis import strategies as st

from sopdsl import format as formatter
from sopdsl.model import (
    CALENDAR_FIELDS,
    HEADER_FIELDS,
    UNIT_WORDS,
    Activity,
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
    Step,
    Term,
    Text,
)
from sopdsl.parse import parse_text
from sopdsl.rules import RULES

ID_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéüñçøßąşжλ中"
ID_TAIL = ID_LETTERS + "0123456789_-"
TARGET_WORDS = ("next", "end")
TARGET_SPELLINGS = ("next", "end", "berikut", "selesai")

WORD_CHARACTERS = ID_TAIL + ".,;:/()'!?&%+=*@"
AWKWARD_PIECES = (
    "#", " #", "\t#", "# ", '"', '""', "\\", "\\\\", '\\"', "-", "- ", "  ", "\t", " ", ":", "(", ")",
    "é", "ñ", "中文", "Ω", "x #y", "a#b", "'", "`", "\u00a0", "…", "—", "🙂",
)
VOCABULARY = (
    "Menerima", "dan", "mencatat", "permohonan", "informasi", "publik", "kepada", "Kepala", "Dinas", "PPID",
    "Undang-Undang", "Nomor", "14", "Tahun", "2008", "tentang", "1,5", "x", "#", "-", "\"kutipan\"", "C:\\data",
    "(satu)", "Keterbukaan", "Kabupaten", "Kapuas", "Hulu;", "dokumen/arsip", "é", "Überprüfung", "日本",
)
LIST_KEYS = tuple(f"  {keyword}: " for keyword, _, kind in HEADER_FIELDS if kind == "list")
# Lines around which comments are put most: list keys and items, calendar entries, branches.
BESIDE_ITEMS = (*LIST_KEYS, "    ", "  calendar:", "  yes:", "  no:", "  branch ")
# Widths to write a file at besides the formatter's: narrow ones break short texts over lines, wide ones keep
# long texts on one line.
WIDTHS = (16, 30, 50, 70, formatter.WIDTH, 120, 10_000)
# Rules that fire on generated files, so that a suppression naming one often silences something.
FIRING_RULES = (
    "unknown-sop", "unquantified-time", "unknown-role", "missing-time", "missing-role", "unknown-target",
    "missing-metadata", "unused-role", "decision-branches", "unreachable-step", "date-order",
)
NOTES = ("# note", "#", "#:", '# "quoted"', "# - item", "# sopdsl:", "#\\", "# catatan  panjang", "#中文")
SPELLED = ("(satu)", "(dua)", "(sepuluh)", "(dua puluh lima)", "(one)", "(satu koma lima)", "()")


# Each strategy without arguments is built once: hypothesis draws much faster from a strategy it has validated.
@functools.cache
def ids() -> st.SearchStrategy[str]:
    """An id: a letter, then letters, digits, '_' or '-'; never a target word (`next`, `end`, `selesai`...)."""
    return st.builds(
        lambda first, rest: first + rest,
        st.sampled_from(ID_LETTERS),
        st.text(ID_TAIL, max_size=12),
    ).filter(lambda value: value not in TARGET_SPELLINGS)


@functools.cache
def words() -> st.SearchStrategy[str]:
    """A word: mostly from a vocabulary (one draw each, so long texts stay cheap), sometimes made up."""
    return st.one_of(st.sampled_from(VOCABULARY), st.text(WORD_CHARACTERS, min_size=1, max_size=10))


@functools.cache
def text_values() -> st.SearchStrategy[str]:
    """What a Text can hold once parsed: no line breaks, otherwise anything, often awkward or long."""
    sentence = st.lists(words(), min_size=1, max_size=8).map(" ".join)
    awkward = st.lists(st.one_of(words(), st.sampled_from(AWKWARD_PIECES)), max_size=10).map("".join)
    long_text = st.lists(st.sampled_from(VOCABULARY), min_size=15, max_size=45).map(" ".join)
    long_awkward = st.lists(st.sampled_from(VOCABULARY + AWKWARD_PIECES), min_size=20, max_size=60).map(" ".join)
    anything = st.text(st.characters(exclude_categories=("Cs", "Cc"), include_characters="\t"), max_size=20)
    return st.one_of(sentence, awkward, long_text, long_awkward, anything)


@functools.cache
def texts() -> st.SearchStrategy[Text]:
    return st.builds(Text, value=text_values())


@functools.cache
def numbers() -> st.SearchStrategy[str]:
    """A number as written: whole, or decimal with '.' or ','."""
    whole = st.integers(0, 10_000).map(str)
    decimal = st.builds(
        lambda whole_part, mark, fraction: f"{whole_part}{mark}{fraction}",
        st.integers(0, 99),
        st.sampled_from(".,"),
        st.text("0123456789", min_size=1, max_size=3),
    )
    return st.one_of(whole, decimal)


@functools.cache
def unit_words() -> st.SearchStrategy[str]:
    """A unit word, English or Indonesian, singular or plural, in any of three casings."""
    return st.builds(
        lambda word, casing: casing(word),
        st.sampled_from(sorted(UNIT_WORDS)),
        st.sampled_from((str, str.upper, str.title)),
    )


@functools.cache
def spelled() -> st.SearchStrategy:
    return st.one_of(st.none(), st.sampled_from(SPELLED))


@functools.cache
def terms() -> st.SearchStrategy[Term]:
    return st.builds(Term, number=numbers(), unit_word=unit_words(), spelled=spelled())


@functools.cache
def durations() -> st.SearchStrategy[Duration]:
    """Terms added up (`2 jam 30 menit`) or a range (`1 (satu)-3 (tiga) hari kerja`)."""
    sums = st.lists(terms(), min_size=1, max_size=3).map(lambda items: Duration(terms=tuple(items)))
    ranges = st.builds(
        lambda low, low_spelled, high, high_spelled, word: Duration(
            terms=(Term(number=low, unit_word=word, spelled=low_spelled),),
            upto=Term(number=high, unit_word=word, spelled=high_spelled),
        ),
        numbers(), spelled(), numbers(), spelled(), unit_words(),
    )
    return st.one_of(sums, ranges)


def _period(parts, unit_word, number=None, times=None, phrase=False) -> Period:
    """A period as the parser reads its written parts (None parts left out)."""
    wording = " ".join(part for part in parts if part)
    return Period(wording=wording, unit_word=unit_word, number=number, times=times, phrase=phrase)


def _cased(words) -> st.SearchStrategy[str]:
    return st.builds(lambda word, casing: casing(word), st.sampled_from(words), st.sampled_from((str, str.title)))


@functools.cache
def periods() -> st.SearchStrategy[Period]:
    """`month`, `3 (tiga) months`, `1 (satu) x 3 bulan`, `2 kali per minggu`, `Tiap 2 minggu`, `sebulan sekali`."""
    marks, a_units = _cased(("x", "kali")), _cased(("sebulan", "seminggu", "sehari", "setahun", "sejam"))
    onces = optional(_cased(("sekali",)))
    bare = st.builds(lambda unit: _period([unit], unit), unit_words())
    counted = st.builds(
        lambda number, spelled_number, unit, once: _period(
            [number, spelled_number, unit, once], unit, number, None, once is not None
        ),
        numbers(), spelled(), unit_words(), onces,
    )
    times_counted = st.builds(
        lambda times, spelled_times, mark, number, spelled_number, unit: _period(
            [times, spelled_times, mark, number, spelled_number if number else None, unit], unit, number, times, True
        ),
        numbers(), spelled(), marks, optional(numbers()), spelled(), unit_words(),
    )
    eaches = _cased(("tiap", "setiap", "per"))
    each = st.builds(
        lambda word, number, spelled_number, unit, once: _period(
            [word, number, spelled_number if number else None, unit, once], unit, number, None, True
        ),
        eaches, optional(numbers()), spelled(), unit_words(), onces,
    )
    times_each = st.builds(
        lambda times, mark, word, number, unit: _period([times, mark, word, number, unit], unit, number, times, True),
        numbers(), marks, eaches, optional(numbers()), unit_words(),
    )
    once_a = st.builds(lambda unit, once: _period([unit, once], unit[2:], phrase=True), a_units, onces)
    times_a = st.builds(
        lambda times, mark, unit: _period([times, mark, unit], unit[2:], None, times, True), numbers(), marks, a_units
    )
    return st.one_of(bare, counted, times_counted, each, times_each, once_a, times_a)


@functools.cache
def dates() -> st.SearchStrategy[Date]:
    return st.builds(Date, value=st.dates())


@functools.cache
def calendars() -> st.SearchStrategy[Calendar]:
    """A calendar block with at least one of its lines."""
    entries = st.fixed_dictionaries({}, optional={name: durations() for name in CALENDAR_FIELDS})
    return entries.filter(bool).map(lambda values: Calendar(**values))


@functools.cache
def approvers() -> st.SearchStrategy[Approver]:
    """An approver block with at least one of its lines."""
    lines = st.fixed_dictionaries({}, optional={name: texts() for name in ("name", "rank", "nip")})
    return lines.filter(bool).map(lambda values: Approver(**values))


@functools.cache
def text_lists() -> st.SearchStrategy[tuple]:
    return st.lists(texts(), max_size=4).map(tuple)


@functools.cache
def related_items() -> st.SearchStrategy[tuple]:
    """SOP ids and quoted titles of SOPs outside the library."""
    item = st.one_of(ids().map(lambda value: Ref(id=value)), texts())
    return st.lists(item, max_size=4).map(tuple)


def optional(strategy: st.SearchStrategy) -> st.SearchStrategy:
    return st.one_of(st.none(), strategy)


@st.composite
def activities(draw, role_ids=(), step_id=None, targets=TARGET_WORDS, most_branches=3, distinct=False) -> Activity:
    """A step or decision with any of its attributes; `by` names roles of role_ids when there are any."""
    refs = st.sampled_from(sorted(set(role_ids))) if role_ids else ids()
    target = st.sampled_from(sorted(set(targets) | set(TARGET_WORDS))).map(lambda value: Ref(id=value))
    is_decision = draw(st.booleans())
    values = dict(
        id=step_id,
        text=draw(texts()),
        by=tuple(Ref(id=value) for value in draw(st.lists(refs, max_size=3))),
        needs=draw(optional(texts())),
        time=draw(st.one_of(st.none(), durations(), texts())),
        output=draw(optional(texts())),
        note=draw(optional(texts())),
        every=draw(optional(periods())),
        uses=draw(optional(ids().map(lambda value: Ref(id=value)))),
    )
    if is_decision:
        return Decision(**values, branches=draw(branches(target, most_branches, distinct)))
    return Step(**values, next=draw(optional(target)))


def branches(targets: st.SearchStrategy[Ref], most: int = 3, distinct: bool = False) -> st.SearchStrategy[tuple]:
    """Two to `most` ways out of a decision: yes, no and labelled branches; with `distinct`, each with a label of
    its own, as `check` requires (`decision-branches`)."""
    branch = st.one_of(
        st.builds(Branch, kind=st.sampled_from(("yes", "no")), target=targets),
        st.builds(Branch, kind=st.just("label"), label=text_values(), target=targets),
    )
    def label(branch: Branch) -> str:
        return branch.label if branch.kind == "label" else branch.kind

    return st.lists(branch, min_size=2, max_size=most, unique_by=label if distinct else None).map(tuple)


@st.composite
def flows(draw, role_ids=(), id_pool=(), most_branches=3, distinct=False) -> tuple:
    """The sections of an SOP: one unnamed flow, or named sections; ids come from id_pool (20 are enough)."""
    pool = list(id_pool)
    named = draw(st.booleans())
    section_count = draw(st.integers(1, 3)) if named else 1
    sections = []
    for _ in range(section_count):
        section_id = pool.pop() if named else None
        step_count = draw(st.integers(0, 4))
        step_ids = [pool.pop() if pool and draw(st.booleans()) else None for _ in range(step_count)]
        targets = [value for value in step_ids if value is not None]
        steps = tuple(draw(activities(role_ids, step_id, targets, most_branches, distinct)) for step_id in step_ids)
        title = draw(texts()) if named else None
        sections.append(Section(id=section_id, title=title, steps=steps))
    return tuple(sections)


@st.composite
def sops(draw, most_branches=3, distinct_labels=False) -> Sop:
    """A whole SOP: any header fields, up to four roles, a flow with or without sections, decisions with two to
    `most_branches` branches."""
    id_pool = draw(st.lists(ids(), min_size=20, max_size=20, unique=True))
    role_count = draw(st.integers(0, 4))
    roles = tuple(Role(id=id_pool.pop(), name=draw(texts())) for _ in range(role_count))
    role_ids = tuple(role.id for role in roles)
    return Sop(
        id=draw(ids()),
        title=draw(texts()),
        number=draw(optional(texts())),
        unit=draw(text_lists()),
        created=draw(optional(dates())),
        revised=draw(optional(dates())),
        effective=draw(optional(dates())),
        approved_by=draw(optional(texts())),
        legal_basis=draw(text_lists()),
        qualifications=draw(text_lists()),
        related=draw(related_items()),
        equipment=draw(text_lists()),
        warning=draw(optional(texts())),
        records=draw(text_lists()),
        sla=draw(optional(durations())),
        calendar=draw(optional(calendars())),
        approver=draw(optional(approvers())),
        staffing=draw(optional(texts())),
        annex=draw(optional(texts())),
        logo=draw(optional(texts())),
        evaluated=tuple(draw(st.lists(dates(), max_size=3))),
        roles=roles,
        sections=draw(flows(role_ids, id_pool, most_branches, distinct_labels)),
    )


# ---- numbers of any length, in every place a number stands -------------------------------------------

DIGIT_COUNTS = (1, 9, 10, 309, 310, 4300, 4301, 20_000)
"""Lengths around the limits: the 9 digits sopdsl reads, a float's 308 and Python's 4,300 for int()."""


def _digit_runs(longest: int) -> st.SearchStrategy[str]:
    """A run of digits: up to `longest`, or of a length near one of the limits."""
    lengths = st.one_of(st.integers(1, longest), st.sampled_from(DIGIT_COUNTS))
    return st.builds(lambda first, rest, length: (first + rest * length)[:length],
                     st.sampled_from("0123456789"), st.sampled_from("0159"), lengths)


@st.composite
def any_numbers(draw, long_share: int = 20) -> str:
    """A number as written: usual, or (`long_share` times in 100) of any length; maybe decimal, maybe spelled."""
    if draw(st.integers(0, 99)) >= long_share:
        number = draw(numbers())
    else:
        number = draw(_digit_runs(400))
        if draw(st.booleans()):
            number += draw(st.sampled_from(".,")) + draw(_digit_runs(400))
    return number + draw(st.sampled_from(("", " (satu)", " (dua puluh lima koma lima)")))


@st.composite
def any_durations(draw, long_share: int = 20) -> str:
    """Terms added up or one range, each number of any length."""
    def number() -> str:
        return draw(any_numbers(long_share))

    if draw(st.booleans()):
        return f"{number()}-{number()} {draw(unit_words())}"
    return " ".join(f"{number()} {draw(unit_words())}" for _ in range(draw(st.integers(1, 3))))


@st.composite
def any_periods(draw, long_share: int = 20) -> str:
    """`bulan`, `<n> bulan`, `<n> x bulan` or `<n> x <n> bulan`, each number of any length."""
    every = " ".join(filter(None, [draw(st.sampled_from(["", draw(any_numbers(long_share))])), draw(unit_words())]))
    return f"{draw(any_numbers(long_share))} x {every}" if draw(st.booleans()) else every


@st.composite
def huge_number_files(draw) -> str:
    """A .sop file with a number of any length in each place that takes one: sla, calendar, time, every."""
    share = draw(st.sampled_from((2, 5, 50)))
    return (
        f"sop besar: Angka Besar\n  sla: {draw(any_durations(share))}\n"
        f"  calendar:\n    workday: {draw(any_durations(share))}\n    week: {draw(any_durations(share))}\n"
        "role p: Petugas\n"
        f"step s: Menerima\n  by: p\n  time: {draw(any_durations(share))}\n  every: {draw(any_periods(share))}\n"
        f"decision d: Lengkap?\n  by: p\n  time: {draw(any_durations(share))}\n  yes: next\n  no: s\n"
        f"step t: Mengarsipkan\n  by: p\n  time: {draw(any_durations(share))}\n"
    )


@functools.cache
def comment_texts() -> st.SearchStrategy[str]:
    """Notes, and suppressions: `ignore[rule]`, `ignore[a, b]`, `ignore-file[rule]`, a bare `ignore`."""
    rule = st.one_of(st.sampled_from(FIRING_RULES), st.sampled_from(sorted(RULES)))
    return st.one_of(
        st.sampled_from(NOTES),
        rule.map(lambda name: f"# sopdsl: ignore[{name}]"),
        st.tuples(rule, rule).map(lambda names: f"# sopdsl: ignore[{names[0]}, {names[1]}]"),
        rule.map(lambda name: f"# sopdsl: ignore-file[{name}]"),
        st.just("# sopdsl: ignore"),
    )


@st.composite
def commented_sources(draw) -> str:
    """A valid SOP laid out by hand (at another width, one-item lists as blocks) with comments around its lines."""
    sop = draw(sops())
    with mock.patch.object(formatter, "WIDTH", draw(st.sampled_from(WIDTHS))):
        lines = formatter.format_sop(sop)[:-1].split("\n")
    lines = [
        part
        for line in lines
        for part in (_unjoined(line) if line.startswith(LIST_KEYS) and draw(st.booleans()) else [line])
    ]
    open_lines = set(_string_lines(parse_text("\n".join(lines) + "\n")))
    for number in reversed(range(len(lines) + 1)):
        near_item = any(line.startswith(BESIDE_ITEMS) for line in lines[max(number - 1, 0):number + 1])
        odds = st.integers(0, 2 if near_item else 12)
        if number < len(lines) and number not in open_lines and draw(odds) == 0:
            lines[number] += "  " + draw(comment_texts())
        if number - 1 not in open_lines and draw(odds) == 0:
            lines.insert(number, " " * draw(st.integers(0, 6)) + draw(comment_texts()))
    return "\n".join(lines) + "\n"


def _unjoined(line: str) -> list[str]:
    """`  key: item` as `  key:` and `    - item`."""
    key, item = line.split(": ", 1)
    return [key + ":", "    - " + item]


def _string_lines(node):
    """The indexes of the lines (counted from 0) that end inside a quoted text of the node."""
    if isinstance(node, Text):
        yield from range(node.span.line - 1, node.span.end_line - 1)
    elif isinstance(node, tuple):
        for item in node:
            yield from _string_lines(item)
    elif attrs.has(type(node)):
        for attribute in attrs.fields(type(node)):
            yield from _string_lines(getattr(node, attribute.name))
