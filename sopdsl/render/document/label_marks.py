"""Branch labels too long to stand beside their arrow: a mark there, "(a)", and the words in the step's Keterangan."""

from __future__ import annotations

from collections.abc import Iterable

from ..flow import Arrow, Flow
from .exits import DROP_SPACING, Way
from .primitives import LANE_MARGIN

LONGEST_LABEL = 16  # characters of a branch label printed beside its arrow, on one line
DOWN_LABEL_OFFSET = 5  # pixels between the line down from a symbol and its label
LABEL_CHAR_PX = 5.0  # the widest advance of a character of a 6.5 pt branch label, in pixels
MARK_LETTERS = "abcdefghijklmnopqrstuvwxyz"


class LabelMarks:
    """The words printed beside each arrow, and the lines that explain the marks, by row key.

    A label is marked when it is longer than LONGEST_LABEL, or when it stands beside a drop or the line
    down and is wider than the room between that line and the outermost gutter track of its column
    (`column_px` wide)."""

    def __init__(self, flows: Iterable[Flow], ways: Iterable[Way], column_px: float):
        self.printed: dict[Arrow, str] = {}
        self.notes: dict[str, list[str]] = {}
        cramped = {id(way.arrow) for way in ways if (way.drop or way.kind == "down")
                   and label_px(way.arrow.label or "") > label_room(way, column_px)}
        for flow in flows:
            for row in flow.steps:
                long = [arrow for arrow in flow.arrows_from(row)
                        if len(arrow.label or "") > LONGEST_LABEL or (arrow.label and id(arrow) in cramped)]
                for number, arrow in enumerate(long):
                    mark = f"({_letters(number)})"
                    self.printed[arrow] = mark
                    self.notes.setdefault(row.key, []).append(f"{mark} {arrow.label}")

    def mark(self, arrow: Arrow) -> str:
        """The mark of a branch's label, given now if it has none yet (its words then go to Keterangan)."""
        if arrow not in self.printed:
            notes = self.notes.setdefault(arrow.source.key, [])
            self.printed[arrow] = f"({_letters(len(notes))})"
            notes.append(f"{self.printed[arrow]} {arrow.label}")
        return self.printed[arrow]

    def words(self, arrow: Arrow) -> str | None:
        """What stands beside the arrow: its label, or the mark of a long one (None for a plain arrow)."""
        return self.printed.get(arrow, arrow.label)

    def note(self, row_key: str) -> str:
        """The lines a step's Keterangan adds for its marked branches, one per line ("" for none)."""
        return "\n".join(self.notes.get(row_key, ()))


def label_px(words: str) -> float:
    """The printed width of a branch label, estimated generously (6.5 pt text with its padding)."""
    return len(words) * LABEL_CHAR_PX + 3


def label_room(way: Way, column_px: float) -> float:
    """The pixels between where the label of a drop or of the line down starts and its column's outermost gutter
    track, less a margin."""
    start = DROP_SPACING * way.drop + 3 if way.drop else DOWN_LABEL_OFFSET
    return column_px / 2 - LANE_MARGIN - 3 - start


def _letters(number: int) -> str:
    """a, b, … z, then aa, ab, …"""
    letters = ""
    number += 1
    while number:
        number, rest = divmod(number - 1, len(MARK_LETTERS))
        letters = MARK_LETTERS[rest] + letters
    return letters
