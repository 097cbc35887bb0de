"""The draft an import builds before it is written as .sop text: header fields, roles, sections, steps."""

from __future__ import annotations

import re
import unicodedata

from attrs import define, field

from .times import TimeReading


def slug(text: str, fallback: str = "sop") -> str:
    """An id from a name: lower-case words joined by '-', starting with a letter ('Ketua PPID' -> 'ketua-ppid')."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    words = re.findall(r"[a-z0-9]+", folded)
    result = "-".join(words)[:60].strip("-")
    if not result:
        return fallback
    return result if result[0].isalpha() else f"{fallback}-{result}"


def unique(candidate: str, taken: set[str]) -> str:
    """The candidate, or candidate-2, -3 ... when it is taken; the result is added to `taken`."""
    name, number = candidate, 2
    while name in taken:
        name, number = f"{candidate}-{number}", number + 1
    taken.add(name)
    return name


@define
class Branch:
    """A way out of a decision: 'yes', 'no' or a label, to a step (by its position), 'next' or 'end'."""

    kind: str
    target: object  # int: the index of a step in its section; or "next" / "end"
    label: str | None = None


@define
class DraftStep:
    """One row of the flowchart table as read."""

    number: str
    text: str
    performers: list[str] = field(factory=list)
    decision: bool = False
    needs: str | None = None
    time: TimeReading = field(factory=TimeReading)
    time_source: str = ""
    output: str | None = None
    note: str | None = None
    branches: list[Branch] = field(factory=list)
    next: object = None  # int index of a step in its section, "end", or None to go on
    id: str | None = None
    reviews: dict[str, list[str]] = field(factory=dict)

    def review(self, line: str, reason: str) -> None:
        """Ask the author to review one line of the step ('step', 'by', 'time', 'yes', 'no', ...)."""
        self.reviews.setdefault(line, []).append(reason)


@define
class DraftSection:
    """A lettered group of rows (id None: a table without sections)."""

    id: str | None
    title: str
    steps: list[DraftStep] = field(factory=list)


@define
class Draft:
    """One SOP found in a file."""

    source: str
    fields: dict[str, object] = field(factory=dict)  # name -> str, list of str (lists), dict of str (approver)
    roles: dict[str, str] = field(factory=dict)  # id -> name, in column order
    sections: list[DraftSection] = field(factory=list)
    reviews: dict[str, list[str]] = field(factory=dict)  # header line ('sop', a field, 'role:<id>') -> reasons
    notes: list[str] = field(factory=list)  # remarks written as plain comments at the top
    language: str = "id"  # the language of the document's table: 'id' or 'en'

    def review(self, line: str, reason: str) -> None:
        """Ask the author to review one header line ('sop', a field, 'role:<id>', 'section:<id>')."""
        self.reviews.setdefault(line, []).append(reason)

    @property
    def title(self) -> str:
        """The SOP's title as read ('' when none was found)."""
        return str(self.fields.get("title") or "")

    def steps(self) -> list[DraftStep]:
        """Every step of every section, in order."""
        return [step for section in self.sections for step in section.steps]

    def review_count(self) -> int:
        """How many `# periksa` lines the draft carries."""
        lines = sum(len(reasons) for reasons in self.reviews.values())
        return lines + sum(len(reasons) for step in self.steps() for reasons in step.reviews.values())
