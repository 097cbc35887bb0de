"""Hypothesis strategies for libraries of several small files: SOP ids declared twice, `related` and `uses` between the
files (the SOP itself included), reversed ranges, and suppression comments, the same whole-file ones in every file."""

from __future__ import annotations

import functools
from typing import NamedTuple

from hypothesis import strategies as st

from sopdsl.format import format_sop
from sopdsl.model import Duration, Ref, Role, Section, Sop, Step, Term, Text
from sopdsl.parse import SopSyntaxError, parse_text
from sopdsl.rules import RULES

from .strategies import VOCABULARY, durations, unit_words

POOL = ("layanan", "keberatan", "arsip")  # few ids, so that files often share one, use and relate to each other
SILENCEABLE = tuple(sorted(set(RULES) - {"syntax-error", "unused-ignore"}))
MAX_FILES = 4


class LibraryFile(NamedTuple):
    """One file of a generated library: its text without the added suppression comments, and with them."""

    name: str
    plain: str
    commented: str


@st.composite
def reversed_durations(draw) -> Duration:
    """A range whose low end is above its high end: `5-2 jam`."""
    low = draw(st.integers(1, 10_000))
    high = draw(st.integers(0, low - 1))
    word = draw(unit_words())
    return Duration(terms=(Term(number=str(low), unit_word=word),), upto=Term(number=str(high), unit_word=word))


ROLES = ("petugas", "ppid", "atasan")


@functools.cache
def short_texts() -> st.SearchStrategy[Text]:
    """A few words of the vocabulary: cheap to draw, since the texts themselves are fuzzed by `strategies.sops`."""
    return st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=4).map(lambda words: Text(value=" ".join(words)))


@st.composite
def library_steps(draw, step_id: str, roles: tuple[str, ...]) -> Step:
    """A step done by declared roles or another, timed, reversed, text or untimed, often using an SOP of the pool."""
    performers = draw(st.lists(st.sampled_from(roles + ("lain",)), max_size=2, unique=True))
    return Step(
        id=step_id,
        text=draw(short_texts()),
        by=tuple(Ref(id=value) for value in performers),
        time=draw(st.one_of(st.none(), durations(), reversed_durations(), short_texts())),
        uses=draw(st.one_of(st.none(), st.sampled_from(POOL).map(lambda value: Ref(id=value)))),
    )


@st.composite
def library_sops(draw) -> Sop:
    """A small SOP with an id of the pool, whose `related`, `uses`, times and sla name the pool or are reversed.

    Small, so that thousands of libraries take minutes: the whole language is fuzzed by `strategies.sops`.
    """
    roles = tuple(draw(st.lists(st.sampled_from(ROLES), min_size=1, max_size=3, unique=True)))
    step_ids = draw(st.lists(st.sampled_from(("terima", "periksa", "jawab", "arsip")), min_size=1, max_size=4,
                             unique=True))
    return Sop(
        id=draw(st.sampled_from(POOL)),
        title=draw(short_texts()),
        number=draw(st.one_of(st.none(), short_texts())),
        related=tuple(draw(st.lists(st.sampled_from(POOL).map(lambda value: Ref(id=value)), max_size=3))),
        sla=draw(st.one_of(st.none(), durations(), reversed_durations())),
        roles=tuple(Role(id=role, name=draw(short_texts())) for role in roles),
        sections=(Section(id=None, title=None, steps=tuple(draw(library_steps(i, roles)) for i in step_ids)),),
    )


@st.composite
def trailing_silences(draw, text: str) -> str:
    """The text with `# sopdsl: ignore[...]` added at the end of a few lines, where it is a comment and no more."""
    lines = text.split("\n")
    model = parse_text(text)
    chosen = st.tuples(st.integers(0, len(lines) - 1), st.lists(st.sampled_from(SILENCEABLE), min_size=1, max_size=2))
    for index, names in draw(st.lists(chosen, max_size=4)):
        trial = lines.copy()
        trial[index] += f"  # sopdsl: ignore[{', '.join(names)}]"
        try:
            changed = parse_text("\n".join(trial))
        except SopSyntaxError:
            continue
        if changed == model and len(changed.comments) == len(model.comments) + 1:
            lines, model = trial, changed
    return "\n".join(lines)


@st.composite
def libraries(draw) -> list[LibraryFile]:
    """Two to four files checked together; every file opens with the same `ignore-file` silences."""
    whole_file = draw(st.lists(st.sampled_from(SILENCEABLE), max_size=3, unique=True))
    header = "".join(f"# sopdsl: ignore-file[{name}]\n" for name in whole_file)
    files = []
    for number in range(draw(st.integers(2, MAX_FILES))):
        plain = format_sop(draw(library_sops()))
        files.append(LibraryFile(f"f{number}.sop", plain, header + draw(trailing_silences(plain))))
    return files
