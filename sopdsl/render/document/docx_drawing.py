"""The flowchart's symbols, arrows and labels as DrawingML shapes anchored in one Pelaksana cell of a Word table.

Each layout primitive becomes one shape, positioned from the cell's top left corner, so that a symbol, an
arrow piece or a label can be moved, restyled or deleted in Word like any drawn shape. Every shape says what
it is in its description (`descr`), so that a program can read the flowchart back:

    sopdsl: symbol=process; step=A.2; role=operator
    sopdsl: symbol=decision; step=A.4; role=kepala; ways=Ya: lanjut ke A.5; Tidak: kembali ke A.2
    sopdsl: symbol=connector; letter=A
    sopdsl: arrow; from=A.2; to=A.3; label=Ya
    sopdsl: label; from=A.2; text=Ya
"""

from __future__ import annotations

from collections.abc import Mapping
from xml.sax.saxutils import escape, quoteattr

from attrs import frozen

from ..cells import step_number
from ..flow import Diagram
from ..routes import routes
from ..xml_text import xml_safe
from .primitives import (
    CONNECTOR_HEIGHT,
    CONNECTOR_WIDTH,
    SYMBOL_HEIGHT,
    SYMBOL_WIDTH,
    Coord,
    Line,
    Primitive,
    Symbol,
    Tag,
)

EMU_PER_PX = 9525
EMU_PER_MM = 36000
LINE_EMU = 15240  # 1.2 pt
PAD_EMU = 2 * EMU_PER_PX  # the margin around a line inside its shape's box
TAG_CHAR_PX = 5.0  # the advance of a 6.5 pt character, generously
TAG_HEIGHT_PX = 10
TAG_HALF_POINTS = 13  # 6.5 pt, as the HTML document prints the words beside arrows
LETTER_HALF_POINTS = 15  # 7.5 pt bold, the letter in an off-page connector

GEOMETRY = {
    "terminator": "flowChartTerminator",
    "process": "flowChartProcess",
    "decision": "flowChartDecision",
    "connector": "flowChartOffpageConnector",
}

NAMESPACES = (
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
)
SHAPE_URI = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"


@frozen
class Names:
    """What the shapes' descriptions call the steps and arrows: step numbers ("A.2"), roles, branch labels."""

    steps: Mapping[str, str]  # row key -> printed step number
    roles: Mapping[int, str]  # column -> role id
    labels: Mapping[tuple[str, str], str | None]  # (source key, target key or "end") -> branch label
    ways: Mapping[str, str]  # row key -> where the flow goes from the step, in words, unless simply on

    @classmethod
    def of(cls, drawing: Diagram, lang: str = "id") -> Names:
        steps: dict[str, str] = {}
        labels: dict[tuple[str, str], str | None] = {}
        ways: dict[str, str] = {}
        for flow in drawing.flows:
            for row in flow.steps:
                steps[row.key] = step_number(flow, row)
                ways[row.key] = routes(flow, row, lang)
            for arrow in flow.arrows:
                labels[(arrow.source.key, arrow.target.key if arrow.target else "end")] = arrow.label
        roles = {index: column.role_id or "" for index, column in enumerate(drawing.columns)}
        return cls(steps, roles, labels, ways)


class ShapeWriter:
    """Writes the anchored shapes of the table's cells, numbering them uniquely through the document."""

    def __init__(self, names: Names, first_id: int = 1):
        self.names = names
        self.next_id = first_id

    def cell_shapes(self, primitives: list[Primitive], column: int, width_mm: float, height_px: float) -> list[str]:
        """The run XML of every primitive of one cell, `width_mm` wide and `height_px` tall."""
        box = (width_mm * EMU_PER_MM, height_px * EMU_PER_PX)
        runs = []
        for primitive in primitives:
            if isinstance(primitive, Symbol):
                runs.append(self.symbol(primitive, column, box))
            elif isinstance(primitive, Line):
                run = self.line(primitive, box)
                if run is not None:
                    runs.append(run)
            elif isinstance(primitive, Tag):
                runs.append(self.tag(primitive, box))
        return runs

    def symbol(self, symbol: Symbol, column: int, box: tuple[float, float]) -> str:
        connector = symbol.kind == "connector"
        width, height = (CONNECTOR_WIDTH, CONNECTOR_HEIGHT) if connector else (SYMBOL_WIDTH, SYMBOL_HEIGHT)
        left = _x(symbol.x, box) - width / 2 * EMU_PER_PX
        top = symbol.y * EMU_PER_PX
        if connector:
            description = f"sopdsl: symbol=connector; letter={symbol.letter}"
            name = f"connector {symbol.letter}"
            text = symbol.letter
        else:
            step = self.names.steps.get(symbol.step or "", "")
            role = "" if symbol.unassigned else self.names.roles.get(column, "")
            description = f"sopdsl: symbol={symbol.kind}; step={step}; role={role}"
            ways = self.names.ways.get(symbol.step or "")
            description += f"; ways={ways}" if ways else ""
            name = f"{symbol.kind} {step}"
            text = None
        outline = _outline(dashed=symbol.unassigned)
        fill = '<a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill>'
        return self.anchor(name, description, (left, top), (width * EMU_PER_PX, height * EMU_PER_PX),
                           _preset(GEOMETRY[symbol.kind]), fill + outline,
                           body=_text_body(text, LETTER_HALF_POINTS, bold=True) if text else "", z=3)

    def line(self, line: Line, box: tuple[float, float]) -> str | None:
        x1, y1 = _x(line.x1, box), _y(line.y1, box)
        x2, y2 = _x(line.x2, box), _y(line.y2, box)
        if round(x1) == round(x2) and round(y1) == round(y2):
            return None
        source, _, target = line.edge.partition(">")
        steps = self.names.steps
        if target:
            label = self.names.labels.get((source, target))
            to = steps.get(target, target)
            description = f"sopdsl: arrow; from={steps.get(source, source)}; to={to}"
            description += f"; label={label}" if label else ""
        else:  # the join between the symbols of a step done by several performers
            description = f"sopdsl: join; step={steps.get(source.rstrip('+'), source)}"
        # A box of no width or height makes some readers turn the line: each line gets a box a few pixels
        # thick, and a path from its start to its end (where the arrowhead is) drawn inside it.
        left, top = min(x1, x2) - PAD_EMU, min(y1, y2) - PAD_EMU
        path = (round(x1 - left), round(y1 - top), round(x2 - left), round(y2 - top))
        size = (abs(x2 - x1) + 2 * PAD_EMU, abs(y2 - y1) + 2 * PAD_EMU)
        head = '<a:tailEnd type="triangle" w="med" len="med"/>' if line.head else ""
        return self.anchor("arrow" if target else "join", description, (left, top), size, _path_geometry(*path, size),
                           "<a:noFill/>" + _outline(head=head), z=2)

    def tag(self, tag: Tag, box: tuple[float, float]) -> str:
        width = (len(tag.text) * TAG_CHAR_PX + 4) * EMU_PER_PX
        x = _x(tag.x, box)
        left = {"left": x, "right": x - width, "center": x - width / 2}[tag.align]
        left = max(0.0, min(left, box[0] - width)) if width < box[0] else left
        source = tag.element_id.partition("-")[2] if tag.element_id else ""
        description = f"sopdsl: label; text={tag.text}"
        if source:
            description = f"sopdsl: label; from={self.names.steps.get(source, source)}; text={tag.text}"
        return self.anchor(f"label {tag.text}", description, (left, tag.y * EMU_PER_PX),
                           (width, TAG_HEIGHT_PX * EMU_PER_PX), _preset("rect"),
                           '<a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln>',
                           body=_text_body(tag.text, TAG_HALF_POINTS, bold=False), z=4, text_box=True)

    def anchor(self, name: str, description: str, offset: tuple[float, float], size: tuple[float, float],
               geometry: str, paint: str, body: str = "", z: int = 1, text_box: bool = False) -> str:
        """One shape anchored in the cell's paragraph, in front of the text, moving with its cell."""
        shape_id = self.next_id
        self.next_id += 1
        cx, cy = (max(0, round(value)) for value in size)
        x, y = (round(value) for value in offset)
        kind = ' txBox="1"' if text_box else ""
        return (
            f"<w:r {NAMESPACES}><w:drawing>"
            f'<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="{z}" behindDoc="0" '
            f'locked="0" layoutInCell="1" allowOverlap="1">'
            f'<wp:simplePos x="0" y="0"/>'
            f'<wp:positionH relativeFrom="column"><wp:posOffset>{x}</wp:posOffset></wp:positionH>'
            f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>{y}</wp:posOffset></wp:positionV>'
            f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
            f'<wp:docPr id="{shape_id}" name={quoteattr(xml_safe(name))} descr={quoteattr(xml_safe(description))}/>'
            f"<wp:cNvGraphicFramePr/>"
            f'<a:graphic><a:graphicData uri="{SHAPE_URI}"><wps:wsp>'
            f"<wps:cNvSpPr{kind}/>"
            f'<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
            f'{geometry}{paint}</wps:spPr>'
            f"{body}"
            f'<wps:bodyPr rot="0" vert="horz" wrap="none" lIns="0" tIns="0" rIns="0" bIns="0" anchor="ctr" '
            f'anchorCtr="0"><a:noAutofit/></wps:bodyPr>'
            f"</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"
        )


def _preset(name: str) -> str:
    return f'<a:prstGeom prst="{name}"><a:avLst/></a:prstGeom>'


def _path_geometry(x1: int, y1: int, x2: int, y2: int, size: tuple[float, float]) -> str:
    """A custom geometry: one straight open path from (x1, y1) to (x2, y2) in a box of `size`."""
    width, height = (round(value) for value in size)
    return (
        '<a:custGeom><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/><a:rect l="0" t="0" r="r" b="b"/>'
        f'<a:pathLst><a:path w="{width}" h="{height}" fill="none"><a:moveTo><a:pt x="{x1}" y="{y1}"/></a:moveTo>'
        f'<a:lnTo><a:pt x="{x2}" y="{y2}"/></a:lnTo></a:path></a:pathLst></a:custGeom>'
    )


def _outline(dashed: bool = False, head: str = "") -> str:
    dash = '<a:prstDash val="dash"/>' if dashed else ""
    return f'<a:ln w="{LINE_EMU}"><a:solidFill><a:srgbClr val="000000"/></a:solidFill>{dash}{head}</a:ln>'


def _text_body(text: str, half_points: int, bold: bool) -> str:
    """A text box holding one short centred line (a connector's letter, "Ya", "Tidak", "Selesai")."""
    weight = "<w:b/>" if bold else ""
    return (
        "<wps:txbx><w:txbxContent><w:p>"
        '<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/></w:pPr>'
        f'<w:r><w:rPr>{weight}<w:sz w:val="{half_points}"/></w:rPr><w:t xml:space="preserve">'
        f"{escape(xml_safe(text))}</w:t></w:r>"
        "</w:p></w:txbxContent></wps:txbx>"
    )


def _x(coord: Coord, box: tuple[float, float]) -> float:
    return coord[0] / 100 * box[0] + coord[1] * EMU_PER_PX


def _y(coord: Coord, box: tuple[float, float]) -> float:
    return coord[0] / 100 * box[1] + coord[1] * EMU_PER_PX
