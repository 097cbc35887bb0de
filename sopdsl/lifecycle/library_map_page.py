"""The library map as a page: sopdsl's own SVG of the `related` and `uses` links, the references that lead
nowhere, the `uses` cycles, and every role with the SOPs it works in."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Mapping, Sequence
from html import escape

from ..library_record import SopRecord
from ..render.xml_text import xml_safe
from .library_map import USES, LibraryMap, layers, library_map

BOX_WIDTH, BOX_HEIGHT = 240, 58
GAP_X, GAP_Y, MARGIN = 90, 26, 20
LINE_CHARACTERS = 34

WORDS = {
    "id": {
        "title": "Peta Pustaka SOP",
        "legend": "Garis penuh: melaksanakan SOP lain (uses); garis putus-putus: SOP terkait (related); "
        "merah: rujukan ke SOP yang tidak ada di pustaka.",
        "dangling": "Rujukan yang tidak ditemukan",
        "cycles": "Siklus uses",
        "roles": "Peran dan SOP tempat peran bekerja",
        "role": "Peran",
        "sops": "SOP",
        "from": "dari",
        "none": "tidak ada",
        "missing": "tidak ada di pustaka",
    },
    "en": {
        "title": "SOP library map",
        "legend": "Solid line: follows another SOP (uses); dashed line: related SOP; "
        "red: a reference to an SOP that is not in the library.",
        "dangling": "References not found",
        "cycles": "Uses cycles",
        "roles": "Roles and the SOPs they work in",
        "role": "Role",
        "sops": "SOPs",
        "from": "from",
        "none": "none",
        "missing": "not in the library",
    },
}

STYLE = """
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt; margin: 2em; color: #111; }
table { border-collapse: collapse; }
th, td { border: 1px solid #999; padding: 4px 6px; vertical-align: top; text-align: left; }
th { background: #eee; }
.map { overflow-x: auto; border: 1px solid #ccc; }
.problem { color: #a00000; }
"""


def _escaped(text: str) -> str:
    return escape(xml_safe(text))


def _positions(data: LibraryMap) -> tuple[dict[str, tuple[int, int]], list[str]]:
    """Each box's top-left corner: SOPs in their columns, then a column of the ids that lead nowhere."""
    columns = layers(data)
    missing = list(dict.fromkeys(link.target for link in data.dangling))
    if missing:
        columns.append(missing)
    places = {}
    for index, column in enumerate(columns):
        for row, key in enumerate(column):
            places[key] = (MARGIN + index * (BOX_WIDTH + GAP_X), MARGIN + row * (BOX_HEIGHT + GAP_Y))
    return places, missing


def _edge_point(center: tuple[float, float], toward: tuple[float, float]) -> tuple[float, float]:
    """Where the line from a box's center toward a point leaves the box."""
    dx, dy = toward[0] - center[0], toward[1] - center[1]
    if dx == 0 and dy == 0:
        return center
    scale = min(BOX_WIDTH / 2 / abs(dx) if dx else math.inf, BOX_HEIGHT / 2 / abs(dy) if dy else math.inf)
    return center[0] + dx * scale, center[1] + dy * scale


def library_map_svg(data: LibraryMap, links: Mapping[str, str] | None = None, lang: str = "id") -> str:
    """The map drawn as SVG: a box per SOP, `uses` arrows solid, `related` arrows dashed, missing ones red."""
    places, missing = _positions(data)
    width = max((x for x, _ in places.values()), default=0) + BOX_WIDTH + MARGIN
    height = max((y for _, y in places.values()), default=0) + BOX_HEIGHT + MARGIN
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        'font-family="DejaVu Sans, Arial, sans-serif" font-size="11">',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="context-stroke"/></marker></defs>',
    ]
    centers = {key: (x + BOX_WIDTH / 2, y + BOX_HEIGHT / 2) for key, (x, y) in places.items()}
    for link in data.links:
        start = _edge_point(centers[link.source], centers[link.target])
        end = _edge_point(centers[link.target], centers[link.source])
        color = "#333" if link.found else "#c00000"
        dash = "" if link.kind == USES else ' stroke-dasharray="6 4"'
        parts.append(f'<line x1="{start[0]:.1f}" y1="{start[1]:.1f}" x2="{end[0]:.1f}" y2="{end[1]:.1f}" '
                     f'stroke="{color}"{dash} marker-end="url(#arrow)"><title>{_escaped(link.source)} '
                     f'{link.kind} {_escaped(link.target)}</title></line>')
    for sop_id, sop in data.sops.items():
        parts.append(_box(places[sop_id], sop.title, sop_id, (links or {}).get(sop_id), problem=False))
    for target in missing:
        parts.append(_box(places[target], target, WORDS[lang]["missing"], None, problem=True))
    parts.append("</svg>")
    return "\n".join(parts)


def _box(place: tuple[int, int], title: str, caption: str, href: str | None, problem: bool) -> str:
    x, y = place
    lines = textwrap.wrap(title, LINE_CHARACTERS)[:2] or [""]
    if len(textwrap.wrap(title, LINE_CHARACTERS)) > 2:
        lines[-1] = lines[-1][: LINE_CHARACTERS - 1] + "…"
    stroke = ' stroke="#c00000" stroke-dasharray="5 3"' if problem else ' stroke="#333"'
    text = "".join(
        f'<text x="{x + 8}" y="{y + 17 + 14 * index}">{_escaped(line)}</text>' for index, line in enumerate(lines)
    )
    box = (f'<g><title>{_escaped(title)}</title><rect x="{x}" y="{y}" width="{BOX_WIDTH}" height="{BOX_HEIGHT}" '
           f'rx="6" fill="#fff"{stroke}/>{text}<text x="{x + 8}" y="{y + BOX_HEIGHT - 8}" fill="#666" '
           f'font-size="9">{_escaped(caption)}</text></g>')
    return f'<a href="{escape(href)}">{box}</a>' if href else box


def library_map_page(records: Sequence[SopRecord], lang: str = "id", links: Mapping[str, str] | None = None) -> str:
    """The whole page for the SOPs whose library records are given; `links` maps an SOP id to its document's href."""
    words = WORDS[lang]
    data = library_map(records)
    links = links or {}

    def sop_link(sop_id: str) -> str:
        sop = data.sops.get(sop_id)
        label = _escaped(f"{sop.title} ({sop_id})" if sop is not None else sop_id)
        return f'<a href="{escape(links[sop_id])}">{label}</a>' if sop_id in links else label

    body = [f"<h1>{escape(words['title'])}</h1>", f"<p>{escape(words['legend'])}</p>",
            f'<div class="map">{library_map_svg(data, links, lang)}</div>', f"<h2>{escape(words['dangling'])}</h2>"]
    body += _list([f'<span class="problem">{_escaped(link.target)}</span> ({link.kind}, {words["from"]} '
                   f"{sop_link(link.source)}): {escape(words['missing'])}" for link in data.dangling], words)
    body.append(f"<h2>{escape(words['cycles'])}</h2>")
    body += _list([" → ".join(sop_link(sop_id) for sop_id in (*cycle, cycle[0])) for cycle in data.cycles], words)
    body += [f"<h2>{escape(words['roles'])}</h2>", "<table>",
             f"<tr><th>{escape(words['role'])}</th><th>{escape(words['sops'])}</th></tr>"]
    for role in data.roles:
        sops_cell = "<br>".join(sop_link(sop_id) for sop_id, _ in role.sops)
        body.append(f"<tr><td>{_escaped(role.name)}</td><td>{sops_cell}</td></tr>")
    body.append("</table>")
    return "\n".join([
        "<!DOCTYPE html>",
        f'<html lang="{escape(lang)}">',
        f'<head><meta charset="utf-8"><title>{escape(words["title"])}</title><style>{STYLE}</style></head>',
        "<body>",
        *body,
        "</body>",
        "</html>",
        "",
    ])


def _list(items: list[str], words: dict[str, str]) -> list[str]:
    if not items:
        return [f"<p>{escape(words['none'])}</p>"]
    return ["<ul>", *(f"<li>{item}</li>" for item in items), "</ul>"]
