"""Hypothesis strategies that break real .sop files: text cut, keywords and awkward characters put in, bad bytes."""

from __future__ import annotations

import functools

from hypothesis import strategies as st

from .conftest import FIXTURES, SPECS

KEYWORDS = (
    "sop ", "role ", "section ", "step ", "decision ", "by: ", "time: ", "next: ", "yes: ", "no: ", 'branch "x": ',
    "every: ", "uses: ", "needs: ", "output: ", "note: ", "number: ", "unit:", "created: ", "revised: ",
    "effective: ", "approved-by: ", "legal-basis:", "related:", "records:", "warning: ", "sla: ", "calendar:",
    "workday: ", "week: ", "month: ", "year: ", "- ", "end", "next", "menit", "jam", "hari kerja", "x", ":",
)
PUNCTUATION = (
    ":", '"', '\\"', "\\", "#", " #", "# sopdsl: ignore[unknown-role]", " # sopdsl: ignore[", "(", ")", "-", ",",
)
# Comments beside and before list items (suppressions among them), and items long enough to wrap.
COMMENTS = (
    "  # sopdsl: ignore[unknown-sop]", "  # sopdsl: ignore[unquantified-time]", "  # note", "\n  # note\n",
    "\n    # about the item\n    - ", "\n    - other-sop  # sopdsl: ignore[unknown-sop]\n", ":\n    - ",
)
LONG_ITEMS = ('"' + " ".join(["kata panjang"] * 12) + '"', " ".join(["kata"] * 30))
WHITESPACE = ("\t", " ", "    ", "\n", "\r\n", "\r", "\n  ", "\n    ", "\n\n", "\n\t", "\x0b", "\x0c")
ODD_CHARACTERS = (
    "\x00", "\u200b", "\u200d", "\ufeff", "\u00a0", "\u2028", "\u2029", "\x85", "\x1b[31m", "\u202e", "\u0301",
    "中文", "Ωμέγα", "жизнь", "العربية", "🙂", "\U0001f468\u200d\U0001f469", "é", "\ud7ff", "\U0010ffff",
)
NUMBERS = (
    "9" * 40, "99999999999999999999999 menit", "1e309", "0,5", "1.5", "00", "-1", "10000000 hari",
    "2147483648 menit", "1-999999999999 jam", "1 x 0 bulan", "0 menit", "2024-02-30", "9999-12-31", "0000-00-00",
)
MARKUP = ("<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "]]>", "-->", "<!--", "|", "&amp;", "%%", "{}")
PIECES = KEYWORDS + PUNCTUATION + COMMENTS + LONG_ITEMS + WHITESPACE + ODD_CHARACTERS + NUMBERS + MARKUP

# Byte sequences that are not UTF-8: a lone continuation byte, a cut-off sequence, Latin-1 letters, overlong forms.
BAD_BYTES = (b"\xff", b"\x80", b"\xc3", b"\xe9", b"\xe2\x82", b"\xc0\xaf", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80")
BYTE_ORDER_MARK = b"\xef\xbb\xbf"
MAX_MUTATIONS = 6


@functools.cache
def source_texts() -> tuple[str, ...]:
    """The texts to mutate: the bundled specs, then every fixture file (small ones reach more corners quickly)."""
    paths = sorted(SPECS.glob("*.sop")) + sorted(FIXTURES.rglob("*.sop"))
    return tuple(path.read_text(encoding="utf-8") for path in paths)


@st.composite
def mutated_texts(draw, max_mutations: int = MAX_MUTATIONS) -> str:
    """A source text with one to `max_mutations` edits: a piece inserted, a run deleted or replaced,
    a line deleted, repeated or moved, or the end cut off."""
    text = draw(st.sampled_from(source_texts()))
    for _ in range(draw(st.integers(1, max_mutations))):
        text = draw(_mutation(text))
    return text


@st.composite
def mutated_files(draw) -> bytes:
    """The bytes of a mutated text, now and then with a byte order mark or a byte that is not UTF-8."""
    data = draw(mutated_texts()).encode("utf-8")
    if draw(st.integers(0, 9)) == 0:
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.sampled_from(BAD_BYTES)) + data[at:]
    if draw(st.integers(0, 9)) == 0:
        data = BYTE_ORDER_MARK + data
    return data


def _mutation(text: str) -> st.SearchStrategy[str]:
    at = st.integers(0, len(text))
    run = st.integers(1, 40)
    lines = text.split("\n")
    line = st.integers(0, len(lines) - 1)
    return st.one_of(
        st.builds(lambda i, piece: text[:i] + piece + text[i:], at, st.sampled_from(PIECES)),
        st.builds(lambda i, n: text[:i] + text[i + n:], at, run),
        st.builds(lambda i, n, piece: text[:i] + piece + text[i + n:], at, run, st.sampled_from(PIECES)),
        st.builds(lambda i: "\n".join(lines[:i] + lines[i + 1:]), line),
        st.builds(lambda i: "\n".join(lines[:i + 1] + lines[i:]), line),
        st.builds(lambda i, j: "\n".join(_moved(lines, i, j)), line, line),
        st.builds(lambda i: text[:i], at),
    )


def _moved(lines, source: int, target: int):
    rest = lines[:source] + lines[source + 1:]
    return rest[:target] + [lines[source]] + rest[target:]
