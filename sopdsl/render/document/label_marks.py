"""Branch labels too long to stand beside their arrow: a mark there, "(a)", and the words in the step's Keterangan."""

from __future__ import annotations

from collections.abc import Iterable

from ..flow import Arrow, Flow

LONGEST_LABEL = 16  # characters of a branch label printed beside its arrow, on one line
MARK_LETTERS = "abcdefghijklmnopqrstuvwxyz"


class LabelMarks:
    """The words printed beside each arrow, and the lines that explain the marks, by row key."""

    def __init__(self, flows: Iterable[Flow]):
        self.printed: dict[Arrow, str] = {}
        self.notes: dict[str, list[str]] = {}
        for flow in flows:
            for row in flow.steps:
                long = [arrow for arrow in flow.arrows_from(row) if len(arrow.label or "") > LONGEST_LABEL]
                for number, arrow in enumerate(long):
                    mark = f"({_letters(number)})"
                    self.printed[arrow] = mark
                    self.notes.setdefault(row.key, []).append(f"{mark} {arrow.label}")

    def words(self, arrow: Arrow) -> str | None:
        """What stands beside the arrow: its label, or the mark of a long one (None for a plain arrow)."""
        return self.printed.get(arrow, arrow.label)

    def note(self, row_key: str) -> str:
        """The lines a step's Keterangan adds for its marked branches, one per line ("" for none)."""
        return "\n".join(self.notes.get(row_key, ()))


def _letters(number: int) -> str:
    """a, b, … z, then aa, ab, …"""
    letters = ""
    number += 1
    while number:
        number, rest = divmod(number - 1, len(MARK_LETTERS))
        letters = MARK_LETTERS[rest] + letters
    return letters
