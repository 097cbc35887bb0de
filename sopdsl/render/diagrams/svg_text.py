"""Text for the SVG diagram: width estimates from DejaVu Sans glyph widths and line wrapping."""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable, Sequence

from attrs import frozen

from ..xml_text import xml_safe

# Advance widths of DejaVu Sans (the usual sans-serif of Linux systems, wider than Arial and Helvetica),
# in em, for the printable ASCII characters from " " to "~".
ASCII_WIDTHS = (
    0.318, 0.401, 0.46, 0.838, 0.636, 0.95, 0.78, 0.275, 0.39, 0.39, 0.5, 0.838, 0.318, 0.361, 0.318, 0.337,
    0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.337, 0.337, 0.838, 0.838, 0.838, 0.531,
    1.0, 0.684, 0.686, 0.698, 0.77, 0.632, 0.575, 0.775, 0.752, 0.295, 0.295, 0.656, 0.557, 0.863, 0.748, 0.787,
    0.603, 0.787, 0.695, 0.635, 0.611, 0.732, 0.684, 0.989, 0.685, 0.611, 0.685, 0.39, 0.337, 0.39, 0.838, 0.5,
    0.5, 0.613, 0.635, 0.55, 0.635, 0.615, 0.352, 0.635, 0.634, 0.278, 0.278, 0.579, 0.278, 0.974, 0.634, 0.612,
    0.635, 0.635, 0.411, 0.521, 0.392, 0.634, 0.592, 0.818, 0.592, 0.592, 0.525, 0.636, 0.337, 0.636, 0.838,
)
BOLD_FACTOR = 1.15  # bold glyphs are up to this much wider on average
OTHER_WIDTH = 0.75  # letters of other scripts (Cyrillic, Greek, ...) with no ASCII base letter
WIDE_WIDTH = 1.2  # East Asian wide characters and emoji
ZERO_WIDTH_CATEGORIES = ("Mn", "Me", "Cf")
EXACT_REST = 256  # the rest of a split word up to this long is measured afresh; a longer one by subtraction
SMALL_SIZE = 9  # step numbers and arrow labels
SMALL_LINE = 11
LABEL_WIDTH = 96  # arrow labels wrap at this width

@functools.lru_cache(maxsize=4096)
def char_width(char: str) -> float:
    """Estimated advance width of one character, in em."""
    code = ord(char)
    if 32 <= code < 127:
        return ASCII_WIDTHS[code - 32]
    if unicodedata.category(char) in ZERO_WIDTH_CATEGORIES:
        return 0.0
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return WIDE_WIDTH
    base = unicodedata.normalize("NFD", char)[:1]
    if base != char and 32 <= ord(base) < 127:  # a letter with accents: as wide as the letter
        return ASCII_WIDTHS[ord(base) - 32]
    spelled = unicodedata.normalize("NFKD", char)  # a ligature or "…": as wide as the letters it stands for
    if spelled != char and all(32 <= ord(part) < 127 for part in spelled):
        return sum(ASCII_WIDTHS[ord(part) - 32] for part in spelled)
    return OTHER_WIDTH


@functools.lru_cache(maxsize=16384)  # wrapping measures the same words and lines over and over
def text_width(text: str, size: float, bold: bool = False) -> float:
    """Estimated width of `text` set at font size `size` (px)."""
    return sum(char_width(char) for char in text) * size * (BOLD_FACTOR if bold else 1.0)


def wrap(
    text: str,
    size: float,
    room: Callable[[int], float],
    bold: bool = False,
    max_lines: int | None = None,
    unbroken: float = 0.0,
) -> list[str]:
    """Greedy word wrap: line i holds at most room(i) px; a word too long for its line is split.

    A word at most `unbroken` px wide is never split: it overflows its line, for the caller to reject.
    Stops once the lines outnumber `max_lines`, when given.
    """
    space = text_width(" ", size, bold)
    lines: list[str] = []
    current, used = "", 0.0
    for word in text.split():
        word_width = text_width(word, size, bold)
        if current and used + space + word_width <= room(len(lines)):
            current, used = f"{current} {word}", used + space + word_width
            continue
        if current:
            lines.append(current)
            current = ""
        start = 0  # the word is split at offsets rather than copied, so a very long word costs linear time
        while word_width > room(len(lines)) and word_width > unbroken and len(word) - start > 1:
            head = _longest_head(word, start, size, room(len(lines)), bold)
            lines.append(head)
            start += len(head)
            if max_lines is not None and len(lines) > max_lines:
                return lines
            if len(word) - start <= EXACT_REST:
                word_width = text_width(word[start:], size, bold)
            else:
                word_width -= text_width(head, size, bold)
        if max_lines is not None and len(lines) > max_lines:
            return lines
        current, used = word[start:], word_width
    if current:
        lines.append(current)
    return lines


def _longest_head(word: str, start: int, size: float, room: float, bold: bool) -> str:
    """The longest piece of `word` from `start` on that fits `room` (at least one character)."""
    used = 0.0
    for end in range(start, len(word)):
        used += char_width(word[end]) * size * (BOLD_FACTOR if bold else 1.0)
        if used > room:
            return word[start: max(end, start + 1)]
    return word[start:]


def wrap_width(text: str, size: float, width: float, bold: bool = False) -> list[str]:
    """Wrap `text` into lines of at most `width` px."""
    return wrap(text, size, lambda _line: width, bold)


def label_lines(label: str | None) -> list[str]:
    """An arrow's label wrapped into lines (none for an arrow without a label)."""
    return wrap_width(xml_safe(label), SMALL_SIZE, LABEL_WIDTH) if label else []


def label_width(label: str | None) -> float:
    """Width of an arrow's label: its widest line."""
    return max((text_width(line, SMALL_SIZE) for line in label_lines(label)), default=0.0)


def diamond_rooms(count: int, line_height: float, width: float, height: float, padding: float) -> list[float]:
    """Room of each line of a centred block of `count` lines inside a diamond of `width` x `height`."""
    return [width * (1 - 2 * outer / height) - 2 * padding for outer in _outer_edges(count, line_height)]


def _outer_edges(count: int, line_height: float) -> list[float]:
    """For each line of a centred block, how far its edge farther from the middle lies from the middle."""
    tops = [-count * line_height / 2 + index * line_height for index in range(count)]
    return [max(abs(top), abs(top + line_height)) for top in tops]


@frozen
class DiamondText:
    """Text set in a diamond of a given width: font size, line height and padding at each line's ends."""

    size: float
    line_height: float
    width: float
    padding: float

    def fit(self, text: str, min_height: float) -> tuple[float, list[str]]:
        """The least height that holds `text` wrapped, and the wrapped lines."""
        if not text.split():
            return min_height, []
        need = text_width(" ".join(text.split()), self.size)
        space = text_width(" ", self.size)
        best: tuple[float, list[str]] | None = None
        count = 0
        while True:
            count += 1
            usable = count * (self.width - 2 * self.padding) - (need - (count - 1) * space)
            if usable <= 0:  # even an endless diamond's lines could not hold the whole text
                continue
            # Lower bounds: the outer lines need some room (growing with the count, so the search ends there),
            # and all lines together need the text's width.
            outer_room = count * self.line_height * self.width / (self.width - 2 * self.padding - self.size)
            if best is not None and outer_room >= best[0]:
                return best
            lowest = max(min_height, outer_room, 2 * self.width * sum(_outer_edges(count, self.line_height)) / usable)
            if best is not None and lowest >= best[0]:
                continue
            found = self._least_height(text, count, lowest)
            if found is not None and (best is None or found[0] < best[0]):
                best = found

    def _least_height(self, text: str, count: int, lowest: float) -> tuple[float, list[str]] | None:
        """The least height (to about a pixel) whose diamond holds `text` in at most `count` lines."""
        limit, highest = lowest * 64, lowest * 2
        while self.lines(text, count, highest) is None:
            if highest > limit:
                return None
            lowest, highest = highest, highest * 2
        while highest - lowest > 1:
            middle = (lowest + highest) / 2
            if self.lines(text, count, middle) is None:
                lowest = middle
            else:
                highest = middle
        height = float(int(highest) + 1)
        # Fewer lines than `count` are centred again, which moves them: grow until they fit there too.
        while True:
            lines = self.lines(text, count, height)
            rooms = diamond_rooms(len(lines or ()), self.line_height, self.width, height, self.padding)
            if lines is not None and fits(lines, self.size, rooms):
                return height, lines
            height = float(int(height * 1.02) + 2)

    def lines(self, text: str, count: int, height: float) -> list[str] | None:
        """The text wrapped into the lines of a centred block of `count` lines, if they hold it.

        Only a word wider than the diamond's middle could ever be is split.
        """
        rooms = diamond_rooms(count, self.line_height, self.width, height, self.padding)
        widest = self.width - 2 * self.padding
        lines = wrap(
            text, self.size, lambda index: rooms[index] if index < count else 0.0, max_lines=count, unbroken=widest
        )
        return lines if len(lines) <= count and fits(lines, self.size, rooms) else None


def fits(lines: Sequence[str], size: float, rooms: Sequence[float]) -> bool:
    """Every line is at most as wide as its room."""
    return all(text_width(line, size) <= room for line, room in zip(lines, rooms, strict=False))
