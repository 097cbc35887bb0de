"""The library map's data: `related` and `uses` links between SOPs, references that lead nowhere, `uses`
cycles, and every role with the SOPs it works in."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from ..analysis.library import first_by_id, strongly_connected
from ..library_record import SopRecord
from ..model import Ref

RELATED, USES = "related", "uses"


class Link(NamedTuple):
    """A link from one SOP to another: by id (`target` an SOP id) or, for `related`, by title as written."""

    source: str
    target: str  # the id of the SOP it leads to, or the text as written when it leads nowhere
    kind: str  # RELATED or USES
    found: bool  # the target is an SOP of the library


class RoleUse(NamedTuple):
    """A role by its normalised name, and each (SOP id, role name as written) where it works."""

    name: str
    sops: tuple[tuple[str, str], ...]


class LibraryMap(NamedTuple):
    """The SOPs (first of each id), their links, `uses` cycles and roles."""

    sops: dict[str, SopRecord]
    links: tuple[Link, ...]
    cycles: tuple[tuple[str, ...], ...]
    roles: tuple[RoleUse, ...]

    @property
    def dangling(self) -> tuple[Link, ...]:
        return tuple(link for link in self.links if not link.found)


def folded(text: str) -> str:
    """A name as compared: case and blanks folded, punctuation at the ends dropped."""
    return " ".join(text.casefold().split()).strip(" .,;:-")


def _title_key(text: str) -> str:
    """A title as a `related` item may write it: "SOP Pelayanan ..." names the SOP titled "Pelayanan ..."."""
    return re.sub(r"^(sop|standar operasional prosedur)\s+", "", folded(text))


def library_map(records: Sequence[SopRecord]) -> LibraryMap:
    """The map of the SOPs whose library records are given; of two SOPs with one id, the first counts."""
    library = first_by_id(records)
    by_title: dict[str, str] = {}
    for sop in library.values():
        by_title.setdefault(_title_key(sop.title), sop.id)
    links: list[Link] = []
    for sop in library.values():
        seen = set()
        for item in sop.related_written:
            written = item.id if isinstance(item, Ref) else item
            target = item.id if isinstance(item, Ref) else by_title.get(_title_key(item))
            key = (target or written, RELATED)
            if key not in seen:
                seen.add(key)
                links.append(Link(sop.id, target or written, RELATED, target in library))
        for use in sop.uses:
            if (use.ref.id, USES) not in seen:
                seen.add((use.ref.id, USES))
                links.append(Link(sop.id, use.ref.id, USES, use.ref.id in library))
    return LibraryMap(library, tuple(links), _uses_cycles(library, links), _roles(library))


def _uses_cycles(library: dict[str, SopRecord], links: Sequence[Link]) -> tuple[tuple[str, ...], ...]:
    graph: dict[str, list[str]] = {sop_id: [] for sop_id in library}
    for link in links:
        if link.kind == USES and link.found:
            graph[link.source].append(link.target)
    return tuple(
        tuple(component)
        for component in strongly_connected(graph)
        if len(component) > 1 or component[0] in graph[component[0]]
    )


def _roles(library: dict[str, SopRecord]) -> tuple[RoleUse, ...]:
    found: dict[str, dict[str, str]] = {}
    shown: dict[str, str] = {}
    for sop in library.values():
        for name in sop.roles:
            key = folded(name)
            shown.setdefault(key, " ".join(name.split()))
            found.setdefault(key, {}).setdefault(sop.id, name)
    ordered = sorted(found, key=lambda key: (-len(found[key]), key))
    return tuple(RoleUse(shown[key], tuple(found[key].items())) for key in ordered)


def layers(library_map: LibraryMap) -> list[list[str]]:
    """SOPs in columns: an SOP stands one column right of every SOP it uses (cycles kept in one column)."""
    column: dict[str, int] = {}
    uses: dict[str, list[str]] = {sop_id: [] for sop_id in library_map.sops}
    for link in library_map.links:
        if link.kind == USES and link.found:
            uses[link.source].append(link.target)
    for component in strongly_connected(uses):  # each after every component it uses
        members = set(component)
        depth = max((column[used] + 1 for sop_id in component for used in uses[sop_id] if used not in members),
                    default=0)
        for sop_id in component:
            column[sop_id] = depth
    result: list[list[str]] = [[] for _ in range(max(column.values(), default=-1) + 1)]
    for sop_id in library_map.sops:
        result[column[sop_id]].append(sop_id)
    return result


def dot_text(library_map: LibraryMap) -> str:
    """The map as a Graphviz graph: `uses` solid, `related` dashed, references that lead nowhere in red."""
    def quoted(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'

    lines = ["digraph library {", "  rankdir=LR;", '  node [shape=box, style=rounded, fontname="DejaVu Sans"];']
    for sop in library_map.sops.values():
        lines.append(f"  {quoted(sop.id)} [label={quoted(sop.title)}];")
    for link in library_map.links:
        target = link.target if link.found else f"? {link.target}"
        if not link.found:
            lines.append(f"  {quoted(target)} [color=red, fontcolor=red, style=dashed];")
        style = "solid" if link.kind == USES else "dashed"
        color = "" if link.found else ", color=red"
        lines.append(f"  {quoted(link.source)} -> {quoted(target)} [style={style}, label={link.kind}{color}];")
    lines.append("}")
    return "\n".join(lines) + "\n"

