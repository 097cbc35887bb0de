"""The library map: links by id and by title, references that lead nowhere, uses cycles, roles, the page."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ElementTree

import pytest

from sopdsl.library_record import library_record
from sopdsl.lifecycle.library_map import Link, dot_text, layers, library_map
from sopdsl.lifecycle.library_map_page import library_map_page, library_map_svg
from sopdsl.loading import load
from sopdsl.parse import parse_text

from .conftest import SPECS


def specs():
    return [load(path).record for path in sorted(SPECS.glob("*.sop"))]


def sop(text: str):
    """The library record of an SOP written in `text`: what the map is drawn from."""
    return library_record(parse_text(text))


A = sop("sop a: Pelayanan A\n  related:\n    - b\n    - hilang\n\nrole p: Petugas\n\nstep x: X\n  by: p\n  uses: b\n")
B = sop("sop b: Pelayanan B\n  related: \"SOP Pelayanan A\"\n\nrole q: petugas \n\nstep y: Y\n  by: q\n  uses: c\n")
C = sop("sop c: Pelayanan C\n\nrole r: Kepala Seksi\n\nstep z: Z\n  by: r\n  uses: b\n")


def test_links_by_id_and_title_dangling_references_and_cycles():
    data = library_map([A, B, C])
    assert data.links == (
        Link("a", "b", "related", True),
        Link("a", "hilang", "related", False),
        Link("a", "b", "uses", True),
        Link("b", "a", "related", True),  # "SOP Pelayanan A" names the SOP titled "Pelayanan A"
        Link("b", "c", "uses", True),
        Link("c", "b", "uses", True),
    )
    assert data.dangling == (Link("a", "hilang", "related", False),)
    assert [sorted(cycle) for cycle in data.cycles] == [["b", "c"]]
    assert layers(data) == [["b", "c"], ["a"]]  # b and c use each other: one column; a uses b: right of it


def test_roles_are_listed_by_normalised_name_with_their_sops():
    data = library_map([A, B, C])
    assert [(role.name, [sop_id for sop_id, _ in role.sops]) for role in data.roles] == [
        ("Petugas", ["a", "b"]),
        ("Kepala Seksi", ["c"]),
    ]


def test_the_page_of_the_specs_draws_every_sop_and_flags_missing_references():
    page = library_map_page(specs(), links={"keamanan-pengelolaan-website": "keamanan-pengelolaan-website.html"})
    data = library_map(specs())
    svg = page[page.index("<svg"): page.index("</svg>") + len("</svg>")]
    root = ElementTree.fromstring(svg)  # well-formed XML
    namespace = "{http://www.w3.org/2000/svg}"
    assert len(root.findall(f".//{namespace}rect")) == len(data.sops) + len({link.target for link in data.dangling})
    assert len(root.findall(f".//{namespace}line")) == len(data.links)
    assert 'href="keamanan-pengelolaan-website.html"' in page
    # keamanan names Pendokumentasian Informasi Publik by its title, which the library has
    assert Link("keamanan-pengelolaan-website", "pendokumentasian-informasi-publik", "related", True) in data.links
    assert "SOP PELAYANAN UJI KONSEKUENSI INFORMASI PUBLIK" in page and "tidak ada di pustaka" in page
    assert "<td>Operator</td>" in page


def test_author_text_is_escaped_and_dot_is_valid_text():
    evil = sop('sop e: "<b>&</b>"\n  related: "x\\" -> y"\n\nrole p: "<i>"\n\nstep s: S\n  by: p\n')
    page = library_map_page([evil], lang="en")
    assert "<b>&" not in page and "&lt;b&gt;&amp;&lt;/b&gt;" in page and "&lt;i&gt;" in page
    ElementTree.fromstring(library_map_svg(library_map([evil])))
    dot = dot_text(library_map([evil]))
    assert '"? x\\" -> y"' in dot and dot.startswith("digraph library {")


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz (dot) is not installed")
def test_graphviz_draws_the_dot_text_of_the_specs():
    result = subprocess.run(["dot", "-Tsvg"], input=dot_text(library_map(specs())), capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count('class="node"') == 3 + len({link.target for link in library_map(specs()).dangling})
