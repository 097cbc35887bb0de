"""The printable SOP AP document as one self-contained HTML file: identity sheet and paginated flowchart table."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from html import escape
from importlib import resources

from ...logo import sop_logo
from ...model import Date, Ref, Sop, Text
from ..identity import SignatoryLine, signatory
from ..labels import date_text
from ..options import PAPERS, RenderOptions
from ..routes import symbol_descriptions
from ..total_line import deadline_text, total_text
from .layout import TableLayout, lay_out
from .measure import MARGIN_MM, column_widths
from .pagination import Page, PageRow
from .primitives import CONNECTOR_HEIGHT, CONNECTOR_WIDTH, SYMBOL_HEIGHT, SYMBOL_WIDTH, Coord, Line, Symbol, Tag

BINARY = False
LINE_WIDTH = 1.2
HEAD_LENGTH = 7
HEAD_HALF_WIDTH = 4
SIGN_BLANK = "_" * 20  # the line to write on where the header leaves a signatory's line out
PAGE_NUMBER_STYLE = 'font: 8pt "DejaVu Sans", "Liberation Sans", Arial, sans-serif; vertical-align: middle'

SHAPES = {
    "terminator": f'<rect x="0.6" y="0.6" width="{SYMBOL_WIDTH - 1.2}" height="{SYMBOL_HEIGHT - 1.2}" '
    f'rx="{(SYMBOL_HEIGHT - 1.2) / 2}"/>',
    "process": f'<rect x="0.6" y="0.6" width="{SYMBOL_WIDTH - 1.2}" height="{SYMBOL_HEIGHT - 1.2}"/>',
    "decision": f'<polygon points="{SYMBOL_WIDTH / 2},0.6 {SYMBOL_WIDTH - 0.6},{SYMBOL_HEIGHT / 2} '
    f'{SYMBOL_WIDTH / 2},{SYMBOL_HEIGHT - 0.6} 0.6,{SYMBOL_HEIGHT / 2}"/>',
    "connector": f'<polygon points="0.6,0.6 {CONNECTOR_WIDTH - 0.6},0.6 {CONNECTOR_WIDTH - 0.6},'
    f'{CONNECTOR_HEIGHT * 0.6} {CONNECTOR_WIDTH / 2},{CONNECTOR_HEIGHT - 0.6} 0.6,{CONNECTOR_HEIGHT * 0.6}"/>',
}


def render(sop: Sop, options: RenderOptions) -> str:
    """The whole document; every piece of author text is escaped."""
    layout = lay_out(sop, options)
    width, height = PAPERS[options.paper]
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{options.lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(_title(sop))}</title>",
        f'<meta name="author" content="{escape(", ".join(line.value for line in sop.unit))}">',
        f'<meta name="subject" content="{_text(sop.number)}">',
        f"<style>\n{stylesheet(width, height, options.words)}</style>",
        "</head>",
        f'<body data-paper="{options.paper}">',
        *([f'<nav class="index-link"><a href="{escape(options.index_link)}">{options.words["index_title"]}</a>'
           "</nav>"] if options.index_link else []),
        identity_sheet(sop, options),
    ]
    total = total_text(sop, options)
    descriptions = symbol_descriptions(sop, options)
    for number, page in enumerate(layout.pages):
        last = number == len(layout.pages) - 1
        parts.append(flow_sheet(sop, layout, page, number, options, total if last else None, descriptions))
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)


def stylesheet(width: str, height: str, words: Mapping[str, str]) -> str:
    """The shared style sheet, with the page size of the chosen paper and the page number in its margin."""
    css = resources.files(__package__).joinpath("sop.css").read_text(encoding="utf-8")
    return (
        f"@page {{ size: {width} {height}; margin: {MARGIN_MM}mm;\n"
        f"  @bottom-right {{ content: {page_number_content(words)}; {PAGE_NUMBER_STYLE} }} }}\n"
        f"@media screen {{ .sheet {{ width: {width}; min-height: {height}; }} }}\n{css}"
    )


def page_number_content(words: Mapping[str, str]) -> str:
    """The CSS `content` that prints "Halaman 2 dari 3" in the page margin."""
    before, _, rest = words["page_of"].partition("{page}")
    middle, _, after = rest.partition("{pages}")
    pieces = [f'"{before}"', "counter(page)", f'"{middle}"', "counter(pages)", f'"{after}"']
    return " ".join(piece for piece in pieces if piece != '""')


def _title(sop: Sop) -> str:
    return f"SOP {sop.title.value}" + (f" ({sop.number.value})" if sop.number else "")


# -- identity sheet ---------------------------------------------------------------------------


def identity_sheet(sop: Sop, options: RenderOptions) -> str:
    labels = options.words
    unit_lines = _unit(sop, options)
    fields = [
        ("number", _text(sop.number)),
        ("created", _date(sop.created, options.lang)),
        ("revised", _date(sop.revised, options.lang)),
        ("effective", _date(sop.effective, options.lang)),
        ("approved_by", _approval(sop, options.words)),
        ("title", f'<span class="title-value">{escape(sop.title.value)}</span>'),
    ]
    head_rows = []
    for index, (key, value) in enumerate(fields):
        unit_cell = f'<td class="unit" rowspan="{len(fields)}">{unit_lines}</td>' if index == 0 else ""
        head_rows.append(f'<tr>{unit_cell}<th class="field">{labels[key]}</th><td>{value}</td></tr>')
    grid = [
        ("legal_basis", _list(sop.legal_basis), "qualifications", _qualifications(sop, labels)),
        ("related", _related(sop, options), "equipment", _list(sop.equipment)),
        ("warning", _text(sop.warning), "records", _list(sop.records)),
    ]
    grid_rows = []
    for left, left_value, right, right_value in grid:
        grid_rows.append(f"<tr><th>{labels[left]}:</th><th>{labels[right]}:</th></tr>")
        grid_rows.append(f"<tr><td>{left_value}</td><td>{right_value}</td></tr>")
    return "\n".join(
        [
            '<section class="sheet identity-sheet">',
            f'<div class="annex">{_text(sop.annex)}</div>' if sop.annex is not None else "",
            f'<h1 class="sheet-title">{labels["identity"]}</h1>',
            '<table class="identity">',
            '<colgroup><col style="width: 38%"><col style="width: 18%"><col></colgroup>',
            *head_rows,
            "</table>",
            '<table class="identity grid">',
            *grid_rows,
            "</table>",
            "</section>",
        ]
    )


def _text(text: Text | None) -> str:
    return escape(text.value) if text is not None else ""


def _date(date: Date | None, lang: str) -> str:
    return date_text(date.value, lang) if date is not None else ""


def _unit(sop: Sop, options: RenderOptions) -> str:
    """The unit's lines, with its logo beside them when the header names one that can be read."""
    lines = "".join(f"<div>{escape(line.value)}</div>" for line in sop.unit)
    logo = sop_logo(sop, options.folder)
    if logo is None:
        return lines
    return f'<div class="unit-head"><img class="logo" src="{logo.data_uri()}" alt=""><div>{lines}</div></div>'


def _approval(sop: Sop, words: Mapping[str, str]) -> str:
    """Disahkan oleh: the position, room to sign, then the signatory's name, rank and NIP (or labelled blanks)."""
    return (
        f"<div>{_text(sop.approved_by)}</div>"
        f'<div class="sign-space"></div>'
        + "".join(_signatory_line(line, "") for line in signatory(sop, words))
    )


def _signatory_line(line: SignatoryLine, blank: str) -> str:
    classes = f"signatory {line.key}" + (" blank" if line.value is None else "")
    return f'<div class="{classes}">{escape(line.text(blank))}</div>'


def _qualifications(sop: Sop, labels) -> str:
    """Kualifikasi Pelaksana, then Jumlah Pelaksana when the header gives it."""
    qualifications = _list(sop.qualifications)
    if sop.staffing is None:
        return qualifications
    return f'{qualifications}<div class="staffing"><b>{labels["staffing"]}:</b> {_text(sop.staffing)}</div>'


def _list(items: Iterable[Text]) -> str:
    items = list(items)
    if not items:
        return ""
    if len(items) == 1:
        return escape(items[0].value)
    return "<ol>" + "".join(f"<li>{escape(item.value)}</li>" for item in items) + "</ol>"


def _related(sop: Sop, options: RenderOptions) -> str:
    entries = [_sop_reference(item.id, options) if isinstance(item, Ref) else escape(item.value)
               for item in sop.related]
    if not entries:
        return ""
    if len(entries) == 1:
        return entries[0]
    return "<ol>" + "".join(f"<li>{entry}</li>" for entry in entries) + "</ol>"


def _sop_reference(sop_id: str, options: RenderOptions) -> str:
    """Another SOP by id: its title when known, linked when the library has its page."""
    title = options.sop_titles.get(sop_id)
    text = escape(f"{title} ({sop_id})" if title else sop_id)
    href = options.sop_links.get(sop_id)
    return f'<a href="{escape(href)}">{text}</a>' if href else text


# -- flowchart pages --------------------------------------------------------------------------


def flow_sheet(sop: Sop, layout: TableLayout, page: Page, number: int, options: RenderOptions,
               total: str | None, descriptions: Mapping[str, str] | None = None) -> str:
    """One page of the flowchart table; `descriptions`: what each step's symbol stands for, by row key (the
    symbol's accessible name, which a PDF keeps as its alternative text)."""
    labels = options.words
    columns = layout.columns
    lines = [
        f'<section class="sheet flow-sheet" data-page="{number + 1}">',
        f'<h1 class="sheet-title">{labels["flowchart"]}: {escape(sop.title.value)}</h1>',
        f'<table class="flowchart" data-page="{number + 1}">',
        _colgroup(len(columns), options.paper),
        "<thead>",
        f'<tr><th rowspan="2">{labels["no"]}</th><th rowspan="2">{labels["activity"]}</th>'
        f'<th colspan="{len(columns)}">{labels["performers"]}</th><th colspan="3">{labels["standard"]}</th>'
        f'<th rowspan="2">{labels["note"]}</th></tr>',
        "<tr>"
        + "".join(
            f'<th class="role" data-col="{i}" data-role="{escape(column.role_id or "")}">{escape(column.name)}</th>'
            for i, column in enumerate(columns)
        )
        + f'<th>{labels["needs"]}</th><th>{labels["time"]}</th><th>{labels["output"]}</th></tr>',
        "</thead>",
        "<tbody>",
    ]
    for page_row in page.all_rows():
        lines.append(_row(page_row, len(columns), options, descriptions or {}, layout.marks.note))
    if total is not None:
        lines.append(
            f'<tr class="total"><td colspan="{len(columns) + 3}">{labels["total"]}</td>'
            f'<td colspan="3">{escape(total)}</td></tr>'
        )
        deadline = deadline_text(sop, options)
        if deadline is not None and options.deadline_from is not None:
            start = labels["deadline_from"].format(date=date_text(options.deadline_from, options.lang))
            lines.append(
                f'<tr class="deadline"><td colspan="{len(columns) + 3}">{labels["deadline"]} ({escape(start)})</td>'
                f'<td colspan="3">{escape(deadline)}</td></tr>'
            )
    lines += ["</tbody>", "</table>"]
    if total is not None:
        lines.append(_signature(sop, options.words))
    lines.append("</section>")
    return "\n".join(lines)


def _colgroup(role_count: int, paper: str) -> str:
    widths = column_widths(role_count, paper)
    return "<colgroup>" + "".join(
        f'<col style="width: {width / widths.total * 100:.3f}%">' for width in widths.columns
    ) + "</colgroup>"


def _row(page_row: PageRow, role_count: int, options: RenderOptions, descriptions: Mapping[str, str],
         marked: Callable[[str], str]) -> str:
    labels = options.words
    lanes = "".join(_lane(page_row, column, descriptions) for column in range(role_count))
    if page_row.kind == "section":
        heading = page_row.section
        continued = f' <span class="continued">({labels["continued"]})</span>' if page_row.continued else ""
        classes = "section continued" if page_row.continued else "section"
        return (
            f'<tr class="{classes}" data-section="{escape(heading.letter)}">'
            f'<td class="no">{escape(heading.letter)}</td>'
            f'<td colspan="{role_count + 5}">{escape(heading.title)}{continued}</td></tr>'
        )
    if page_row.kind == "continuation":  # the rest of a split step's text, its symbol on the page before
        empty_lanes = "".join(f'<td class="lane" data-col="{column}"></td>' for column in range(role_count))
        return (
            f'<tr class="continuation" data-row="{page_row.step.key}"><td class="no"></td>'
            f'<td class="activity"><span class="continued">({labels["continued"]})</span> {escape(page_row.chunk)}</td>'
            f'{empty_lanes}{"<td></td>" * 4}</tr>'
        )
    if page_row.kind.startswith("connector"):
        empty = "<td></td>"
        return f'<tr class="connector {page_row.kind}">{empty * 2}{lanes}{empty * 4}</tr>'
    row = page_row.step
    step = row.step
    notes = [_text(step.note)] if step.note is not None else []
    if step.uses is not None:  # the same words as rows.note_text, with the link
        notes.append(f'{labels["uses"]} {_sop_reference(step.uses.id, options)}')
    notes += [escape(line) for line in marked(row.key).splitlines()]  # the long branch labels, by their marks
    note = "<br>".join(notes)
    source_line = f' data-line="{step.span.line}"' if step.span is not None else ""  # for editors to find the step
    return (
        f'<tr class="step" data-row="{row.key}"{source_line}><td class="no">{row.number}</td>'
        f'<td class="activity">{escape(page_row.text or step.text.value)}</td>{lanes}'
        f'<td class="needs">{_text(step.needs)}</td><td class="time">{escape(row.time)}</td>'
        f'<td class="output">{_text(step.output)}</td><td class="note">{note}</td></tr>'
    )


def _signature(sop: Sop, words: Mapping[str, str]) -> str:
    """The approving official's place below the table: position, room to sign, name, rank and NIP."""
    if sop.approved_by is None and sop.approver is None:
        return ""
    position = _text(sop.approved_by) or f'{words["position"]}: {SIGN_BLANK}'
    return (
        f'<div class="signature"><div class="position">{position}</div><div class="space"></div>'
        + "".join(_signatory_line(line, SIGN_BLANK) for line in signatory(sop, words))
        + "</div>"
    )


# -- drawing in the Pelaksana cells -----------------------------------------------------------


def _lane(page_row: PageRow, column: int, descriptions: Mapping[str, str]) -> str:
    primitives = page_row.cells.by_column.get(column, [])
    inner = "".join(_primitive(primitive, descriptions) for primitive in primitives)
    height = f' style="height: {page_row.cells.height:g}px"' if page_row.cells.height else ""
    return f'<td class="lane" data-col="{column}"{height}>{inner}</td>'


def _primitive(primitive, descriptions: Mapping[str, str]) -> str:
    if isinstance(primitive, Symbol):
        return _symbol(primitive, descriptions.get(primitive.step or ""))
    if isinstance(primitive, Line):
        return _line(primitive)
    return _tag(primitive)


def _symbol(symbol: Symbol, description: str | None = None) -> str:
    """A symbol drawn in its lane; with a description it is an image of that name (its words beside the arrows,
    which the description repeats, are then hidden from screen readers and from a PDF's text)."""
    width, height = (CONNECTOR_WIDTH, CONNECTOR_HEIGHT) if symbol.kind == "connector" else (SYMBOL_WIDTH, SYMBOL_HEIGHT)
    classes = f"symbol {symbol.kind}" + (" unassigned" if symbol.unassigned else "")
    data = f' data-step="{symbol.step}"' if symbol.step else f' data-connector="{symbol.letter}"'
    letter = f'<span class="letter">{symbol.letter}</span>' if symbol.letter else ""
    return (
        f'<div class="{classes}" id="{symbol.element_id}"{data} style="left: {_calc(symbol.x, -width / 2)}; '
        f'top: {symbol.y}px; width: {width}px; height: {height}px">'
        f'<svg width="{width}" height="{height}" viewBox="0 0 {width} {height}" {_accessible(description)}>'
        f"{SHAPES[symbol.kind]}</svg>{letter}</div>"
    )


def _accessible(description: str | None) -> str:
    """The svg's attributes: an image named by the description, or hidden when it has none."""
    return f'role="img" aria-label="{escape(description)}"' if description else 'aria-hidden="true"'


def _line(line: Line) -> str:
    data = (
        f'data-edge="{escape(line.edge)}" data-part="{line.part}" data-from="{line.source}" data-to="{line.target}"'
    )
    if line.x1 == line.x2:
        (top, bottom) = sorted([line.y1, line.y2])
        style = (f"left: {_calc(line.x1, -LINE_WIDTH / 2)}; top: {_calc(top)}; "
                 f"height: {_calc(_minus(bottom, top))}")
        kind = "v"
    else:
        (left, right) = sorted([line.x1, line.x2])
        style = (f"top: {_calc(line.y1, -LINE_WIDTH / 2)}; left: {_calc(left)}; "
                 f"width: {_calc(_minus(right, left))}")
        kind = "h"
    html = f'<div class="line {kind}" {data} style="{style}"></div>'
    if line.head is not None:
        html += _head(line, data)
    return html


def _head(line: Line, data: str) -> str:
    """An arrowhead whose tip is the line's end point."""
    if line.head in ("down", "up"):
        left = _calc(line.x2, -HEAD_HALF_WIDTH)
        top = _calc(line.y2, -HEAD_LENGTH if line.head == "down" else 0)
    else:
        left = _calc(line.x2, -HEAD_LENGTH if line.head == "right" else 0)
        top = _calc(line.y2, -HEAD_HALF_WIDTH)
    return f'<div class="head {line.head}" {data} style="left: {left}; top: {top}"></div>'


def _tag(tag: Tag) -> str:
    if tag.align == "right":
        position = f"right: {_calc((100 - tag.x[0], -tag.x[1]))}"
    elif tag.align == "center":
        position = f"left: {_calc(tag.x)}; transform: translateX(-50%)"
    else:
        position = f"left: {_calc(tag.x)}"
    element_id = f' id="{tag.element_id}"' if tag.element_id else ""
    return (f'<span class="tag"{element_id} aria-hidden="true" style="{position}; top: {tag.y}px">'
            f"{escape(tag.text)}</span>")


def _minus(a: Coord, b: Coord) -> Coord:
    return (a[0] - b[0], a[1] - b[1])


def _calc(coord: Coord, extra_px: float = 0) -> str:
    """A CSS length for percent + pixels."""
    percent, pixels = coord[0], coord[1] + extra_px
    if not percent:
        return f"{pixels:g}px"
    if not pixels:
        return f"{percent:g}%"
    return f"calc({percent:g}% {'+' if pixels > 0 else '-'} {abs(pixels):g}px)"
