"""Where the printed table's arrows leave and enter: every branch by a place of its own, long labels as marks.

These read the laid-out table (no browser): the geometry in Chromium is checked by test_print_geometry.py.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sopdsl.parse.parser import parse_text
from sopdsl.render.document.html import render
from sopdsl.render.document.layout import lay_out
from sopdsl.render.document.primitives import SYMBOL_TOP, Line, Tag
from sopdsl.render.options import RenderOptions

from .conftest import FIXTURES

LAYOUT = FIXTURES / "layout"


def load(name: str):
    return parse_text((LAYOUT / f"{name}.sop").read_text(encoding="utf-8"))


def pieces(layout):
    """Every line and tag of the table, with the key of the row it stands in."""
    for page in layout.pages:
        for page_row in page.all_rows():
            key = page_row.step.key if page_row.kind == "step" else page_row.kind
            for primitives in page_row.cells.by_column.values():
                for primitive in primitives:
                    yield key, primitive


def starts(layout, row_key: str) -> dict[str, tuple]:
    """Where each arrow of a step leaves its symbol: the first point of its first piece."""
    symbol = f"sym-{row_key}"
    first: dict[str, tuple] = {}
    for key, piece in pieces(layout):
        if key == row_key and isinstance(piece, Line) and piece.source == symbol and piece.edge not in first:
            if not piece.edge.endswith("+"):
                first[piece.edge] = (piece.x1, piece.y1)
    return first


def test_each_branch_of_a_decision_leaves_by_its_own_place():
    layout = lay_out(load("many-branches"), RenderOptions())
    for decision in ("s1-3", "s1-6", "s1-8"):  # five branches; sides joined to two performers; two to one step
        places = starts(layout, decision)
        assert len(places) >= 3
        assert len(set(places.values())) == len(places), places


def test_two_branches_to_the_same_step_are_two_arrows_with_their_own_labels():
    layout = lay_out(load("many-branches"), RenderOptions())
    edges = {piece.edge for key, piece in pieces(layout) if key == "s1-8" and isinstance(piece, Line)}
    assert {"s1-8>s1-5", "s1-8>s1-5~2"} <= edges
    words = {piece.text for key, piece in pieces(layout) if key == "s1-8" and isinstance(piece, Tag)}
    assert {"Tidak", "Kurang data"} <= words


def test_arrows_into_a_decision_with_no_free_side_enter_by_its_top():
    layout = lay_out(load("full-decision"), RenderOptions())
    heads = [piece for _, piece in pieces(layout)
             if isinstance(piece, Line) and piece.target == "sym-s1-2" and piece.head is not None]
    assert {piece.edge for piece in heads} == {"s1-1>s1-2", "s1-5>s1-2", "s1-6>s1-2"}
    assert all(piece.head == "down" and piece.y2 == (0, SYMBOL_TOP) for piece in heads)


def test_a_long_branch_label_prints_as_a_mark_explained_in_keterangan():
    document = render(load("long-labels"), RenderOptions())
    assert ">(a)</span>" in document and ">(b)</span>" in document
    assert "(a) Lengkap dan sesuai data terpadu" in document
    assert "(b) Lengkap tetapi perlu survei lapangan" in document
    assert ">Tidak lengkap</span>" in document  # a label that fits prints as written


@settings(max_examples=30)
@given(labels=st.lists(st.text("abcdefghij ", min_size=1, max_size=40), min_size=2, max_size=7, unique=True))
def test_no_label_beside_an_arrow_is_longer_than_fits(labels):
    branches = "".join(f'  branch "{label}": terima\n' for label in labels)
    sop = parse_text(f"sop x: X\nrole p: P\nstep terima: Menerima\n  by: p\ndecision d: Lengkap?\n  by: p\n{branches}"
                     "step arsip: Mengarsipkan\n  by: p\n")
    layout = lay_out(sop, RenderOptions())
    printed = [piece.text for _, piece in pieces(layout) if isinstance(piece, Tag) and piece.element_id is None]
    assert all(len(text) <= 16 for text in printed)
    assert len(printed) == len(labels)  # one place beside each branch: its label, or its mark
    marks = [text for text in printed if text not in labels]
    assert sorted(line.split(" ", 1)[0] for line in layout.marks.note("s1-2").splitlines()) == sorted(marks)
