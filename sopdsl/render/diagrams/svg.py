"""The swimlane diagram as SVG: draws the layout of `svg_layout` (lanes, sections, symbols, arrows, labels)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence

from ...model import Sop
from ..flow import Arrow
from ..labels import LABELS
from ..options import RenderOptions
from ..rows import SectionRow
from ..xml_text import xml_safe
from .svg_layout import (
    BASELINE,
    END_HEIGHT,
    FONT_SIZE,
    LINE_HEIGHT,
    MARGIN,
    SMALL_LINE,
    SMALL_SIZE,
    TEXT_PADDING,
    TITLE_LINE,
    TITLE_SIZE,
    Box,
    EndMark,
    Layout,
    SideRoute,
    down_label_side,
    end_label_top,
    lay_out,
    run_y,
)
from .svg_sides import LABEL_GAP, label_place, side
from .svg_text import label_lines, label_width, text_width

BINARY = False

FONT_FAMILY = "DejaVu Sans, Verdana, Arial, Helvetica, sans-serif"
LINE_COLOUR = "#222222"


def render(sop: Sop, options: RenderOptions) -> str:
    """The SOP's swimlane diagram as a standalone SVG document."""
    return _svg_text(_draw(lay_out(sop, options.lang, options.labels)))


# --- drawing -----------------------------------------------------------------------------------------------


def _draw(layout: Layout) -> ET.Element:
    svg = ET.Element("svg", {
        "xmlns": "http://www.w3.org/2000/svg",
        "version": "1.1",
        "width": _number(layout.width),
        "height": _number(layout.height),
        "viewBox": f"0 0 {_number(layout.width)} {_number(layout.height)}",
        "font-family": FONT_FAMILY,
        "font-size": str(FONT_SIZE),
        "fill": LINE_COLOUR,
    })
    ET.SubElement(svg, "title").text = xml_safe(layout.sop.title.value)
    _markers(svg)
    ET.SubElement(svg, "rect", _box_attributes("background", 0, 0, layout.width, layout.height, fill="#ffffff"))
    _draw_title(svg, layout)
    _draw_lanes(svg, layout)
    for heading, top, height, lines in layout.headings:
        _draw_heading(svg, layout, heading, top, height, lines)
    for flow in layout.drawing.flows:
        for row in flow.steps:
            _draw_step(svg, layout, layout.box(row))
    arrows = ET.SubElement(svg, "g", {"class": "arrows"})
    for arrow in layout.down:
        _draw_down(arrows, layout, arrow)
    for route in layout.sides:
        _draw_side(arrows, layout, route)
    for key, mark in layout.ends.items():
        _draw_end(arrows, layout, layout.boxes[key], mark)
    return svg


def _markers(svg: ET.Element) -> None:
    defs = ET.SubElement(svg, "defs")
    marker = ET.SubElement(defs, "marker", {
        "id": "arrowhead", "viewBox": "0 0 10 10", "refX": "10", "refY": "5",
        "markerWidth": "8", "markerHeight": "8", "markerUnits": "userSpaceOnUse", "orient": "auto",
    })
    ET.SubElement(marker, "path", {"d": "M 0 1 L 10 5 L 0 9 Z", "fill": LINE_COLOUR})


def _draw_title(svg: ET.Element, layout: Layout) -> None:
    group = ET.SubElement(svg, "g", {"class": "title", "font-size": str(TITLE_SIZE), "font-weight": "bold"})
    _text_lines(group, layout.title_lines, MARGIN, MARGIN + TITLE_SIZE, TITLE_LINE, "start", "title-line")


def _draw_lanes(svg: ET.Element, layout: Layout) -> None:
    group = ET.SubElement(svg, "g", {"class": "lanes"})
    bottom = layout.height - MARGIN
    for lane, lines in enumerate(layout.lane_titles):
        left = layout.lane_left(lane)
        lane_group = ET.SubElement(group, "g", {"class": "lane-group"})
        ET.SubElement(lane_group, "rect", _box_attributes(
            "lane", left, layout.header_top, layout.lane_width, bottom - layout.header_top,
            id=f"lane-{lane}", fill="#ffffff" if lane % 2 == 0 else "#f6f7f9", stroke="#8a8f98",
        ))
        ET.SubElement(lane_group, "rect", _box_attributes(
            "lane-header", left, layout.header_top, layout.lane_width, layout.header_height,
            fill="#e3e7ed", stroke="#8a8f98",
        ))
        block_top = layout.header_top + (layout.header_height - len(lines) * LINE_HEIGHT) / 2
        title = ET.SubElement(lane_group, "g", {"class": "lane-title", "font-weight": "bold"})
        _text_lines(title, lines, layout.centre(lane), block_top + BASELINE, LINE_HEIGHT, "middle", "line")


def _draw_heading(svg: ET.Element, layout: Layout, heading: SectionRow, top: float, height: float,
                  lines: list[str]) -> None:
    group = ET.SubElement(svg, "g", {"class": "section", "id": f"section-{heading.section + 1}"})
    left = layout.lane_left(0)
    ET.SubElement(group, "rect", _box_attributes(
        "section-row", left, top, layout.lane_count * layout.lane_width, height, fill="#d5dde8", stroke="#8a8f98",
    ))
    letter = xml_safe(heading.letter)
    baseline = top + 5 + BASELINE
    ET.SubElement(group, "text", {
        "class": "section-letter", "x": _number(left + TEXT_PADDING), "y": _number(baseline), "font-weight": "bold",
    }).text = letter
    title_left = left + 3 * TEXT_PADDING + text_width(letter, FONT_SIZE, bold=True)
    title = ET.SubElement(group, "g", {"class": "section-title", "font-weight": "bold"})
    _text_lines(title, lines, title_left, baseline, LINE_HEIGHT, "start", "line")


def _draw_step(svg: ET.Element, layout: Layout, box: Box) -> None:
    row = box.row
    group = ET.SubElement(svg, "g", {"class": f"step {row.diagram_shape}", "id": f"step-{row.key}"})
    columns = sorted(row.columns)
    if len(columns) > 1:
        ET.SubElement(group, "path", {
            "class": "join", "stroke": LINE_COLOUR, "stroke-width": "1.2", "fill": "none",
            "d": _path([(layout.centre(columns[0]), box.middle), (layout.centre(columns[-1]), box.middle)]),
        })
    for column in row.columns:
        centre = layout.centre(column)
        copy = ET.SubElement(group, "g", {"class": "performer", "id": f"step-{row.key}-lane-{column}"})
        _draw_symbol(copy, box, centre)
        block_top = box.middle - len(box.lines) * LINE_HEIGHT / 2
        _text_lines(copy, box.lines, centre, block_top + BASELINE, LINE_HEIGHT, "middle", "line")
        number = ET.SubElement(copy, "g", {"class": "number", "font-size": str(SMALL_SIZE), "font-weight": "bold"})
        first = box.top - 3 - (len(box.number) - 1) * SMALL_LINE
        _text_lines(number, box.number, centre - box.width / 2, first, SMALL_LINE, "start", "number-line")


def _draw_symbol(parent: ET.Element, box: Box, centre: float) -> None:
    style = {"fill": "#ffffff", "stroke": LINE_COLOUR, "stroke-width": "1.2"}
    left = centre - box.width / 2
    if box.row.diagram_shape == "decision":
        points = [(centre, box.top), (left + box.width, box.middle), (centre, box.bottom), (left, box.middle)]
        ET.SubElement(parent, "polygon", {
            "class": "symbol decision", "points": " ".join(f"{_number(x)},{_number(y)}" for x, y in points), **style,
        })
        return
    extra = {"rx": _number(box.radius), "ry": _number(box.radius)} if box.radius else {}
    ET.SubElement(parent, "rect", _box_attributes(
        f"symbol {box.row.diagram_shape}", left, box.top, box.width, box.height, **extra, **style,
    ))


def _draw_down(parent: ET.Element, layout: Layout, arrow: Arrow) -> None:
    source, target = layout.box(arrow.source), layout.box(arrow.target_row)
    start_x, end_x = layout.centre(source.lane), layout.centre(target.lane)
    points = [(start_x, source.bottom)]
    if start_x != end_x:
        run = run_y(layout, arrow.target_row)
        points += [(start_x, run), (end_x, run)]
    points.append((end_x, target.top))
    group = _arrow_group(parent, arrow, points)
    where = down_label_side(layout, arrow)
    x = start_x - 4 if where == "left" else start_x + 4
    top = source.label_top(source.bottom, where, LABEL_GAP + label_width(arrow.label))
    _label(group, arrow.label, x, top + SMALL_SIZE,
           "end" if where == "left" else "start")


def _draw_side(parent: ET.Element, layout: Layout, route: SideRoute) -> None:
    source, target = layout.box(route.arrow.source), layout.box(route.arrow.target_row)
    source_side, target_side = side(source, route.source_gutter), side(target, route.target_gutter)
    start = _side_point(layout, source, source_side, route.source_dy)
    end = _side_point(layout, target, target_side, route.target_dy)
    points = [start, (route.tracks[0], start[1])]
    if len(route.tracks) > 1:
        across = run_y(layout, route.arrow.target_row, route.jog)
        points += [(route.tracks[0], across), (route.tracks[1], across)]
    points += [(route.tracks[-1], end[1]), end]
    group = _arrow_group(parent, route.arrow, points)
    # The label stands beside the first run, away from where the arrow turns, clear of the symbol's outline.
    near, _, baseline = label_place(source, route)
    right = source_side == "right"
    centre = layout.centre(source.lane)
    _label(group, route.arrow.label, centre + near if right else centre - near, source.middle + baseline,
           "start" if right else "end")


def _side_point(layout: Layout, box: Box, side: str, dy: float) -> tuple[float, float]:
    reach = box.side_offset(dy)
    centre = layout.centre(box.lane)
    return (centre + reach if side == "right" else centre - reach), box.middle + dy


def _draw_end(parent: ET.Element, layout: Layout, box: Box, mark: EndMark) -> None:
    x = layout.centre(box.lane) + mark.offset
    start = box.middle + box.bottom_offset(mark.offset)
    group = _arrow_group(parent, mark.arrow, [(x, start), (x, mark.top)])
    _label(group, mark.arrow.label, x + 4, end_label_top(box, mark, start) + SMALL_SIZE, "start")
    capsule = ET.SubElement(parent, "g", {"class": "end", "id": f"end-{box.row.key}"})
    ET.SubElement(capsule, "rect", _box_attributes(
        "symbol terminator end", x - mark.width / 2, mark.top, mark.width, END_HEIGHT,
        rx=_number(END_HEIGHT / 2), ry=_number(END_HEIGHT / 2), fill="#ffffff", stroke=LINE_COLOUR,
    ))
    ET.SubElement(capsule, "text", {
        "class": "line", "x": _number(x), "y": _number(mark.top + END_HEIGHT / 2 + SMALL_SIZE * 0.35),
        "text-anchor": "middle", "font-size": str(SMALL_SIZE),
    }).text = LABELS[layout.lang]["end"]


def _arrow_group(parent: ET.Element, arrow: Arrow, points: Sequence[tuple[float, float]]) -> ET.Element:
    target = arrow.target.key if arrow.target is not None else "end"
    group = ET.SubElement(parent, "g", {"class": "arrow", "id": f"arrow-{arrow.source.key}-to-{target}"})
    ET.SubElement(group, "path", {
        "class": "arrow-line", "d": _path(points), "fill": "none", "stroke": LINE_COLOUR, "stroke-width": "1.2",
        "marker-end": "url(#arrowhead)",
    })
    return group


def _label(group: ET.Element, label: str | None, x: float, baseline: float, anchor: str) -> None:
    """An arrow's label; a white halo keeps it readable where it crosses a line."""
    lines = label_lines(label)
    if not lines:
        return
    holder = ET.SubElement(group, "g", {
        "class": "arrow-label", "font-size": str(SMALL_SIZE), "font-style": "italic",
        "stroke": "#ffffff", "stroke-width": "3", "paint-order": "stroke",
    })
    _text_lines(holder, lines, x, baseline, SMALL_LINE, anchor, "line")


def _text_lines(
    parent: ET.Element, lines: Sequence[str], x: float, baseline: float, step: float, anchor: str, css: str
) -> None:
    for index, line in enumerate(lines):
        ET.SubElement(parent, "text", {
            "class": css, "x": _number(x), "y": _number(baseline + index * step), "text-anchor": anchor,
        }).text = line


def _box_attributes(css: str, x: float, y: float, width: float, height: float, **extra: str) -> dict[str, str]:
    attributes = {"class": css, "x": _number(x), "y": _number(y), "width": _number(width), "height": _number(height)}
    attributes.update({name.replace("_", "-"): value for name, value in extra.items()})
    return attributes


def _path(points: Sequence[tuple[float, float]]) -> str:
    return " ".join(f"{'M' if index == 0 else 'L'} {_number(x)} {_number(y)}" for index, (x, y) in enumerate(points))


def _number(value: float) -> str:
    """A coordinate with at most two decimals."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _svg_text(svg: ET.Element) -> str:
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(svg, encoding="unicode") + "\n"
