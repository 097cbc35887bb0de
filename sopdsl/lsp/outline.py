"""The outline of a file (its header, roles, sections, steps and decisions) and the blocks an editor can fold."""

from __future__ import annotations

from lsprotocol import types

from ..describe import shorten
from ..model import Activity, Sop, Span
from ..suppressions import block_extents
from .names import step_number
from .positions import span_range


def symbols(sop: Sop, lines: list[str]) -> list[types.DocumentSymbol]:
    """The outline: the SOP, its roles, then each section with its steps (the steps alone without sections)."""
    extents = block_extents(sop)

    def symbol(name: str, detail: str, kind: types.SymbolKind, span: Span, selected: Span | None, children=None):
        first, last = extents.get(span.line, (span.line, span.end_line))
        block = span_range(lines, Span(first, 1, last, len(lines[last - 1]) if last <= len(lines) else 1))
        chosen = span_range(lines, selected or span)
        return types.DocumentSymbol(name=name, detail=detail, kind=kind, range=block,
                                    selection_range=_inside(chosen, block), children=children)

    outline = [symbol(sop.id, sop.title.value, types.SymbolKind.Module, sop.span, sop.id_span)]
    outline += [symbol(role.id, role.name.value, types.SymbolKind.Field, role.span, role.id_span) for role in sop.roles]
    for section in sop.sections:
        steps = [_activity(sop, step, symbol) for step in section.steps]
        if section.id is None:
            outline += steps
        else:
            title = section.title.value if section.title is not None else ""
            outline.append(symbol(section.id, title, types.SymbolKind.Namespace, section.span, section.id_span, steps))
    return outline


def _activity(sop: Sop, activity: Activity, symbol) -> types.DocumentSymbol:
    kind = types.SymbolKind.Boolean if activity.is_decision else types.SymbolKind.Function
    name = f"{step_number(sop, activity)} {activity.id or shorten(activity.text.value)}"
    return symbol(name, shorten(activity.text.value), kind, activity.span, activity.id_span)


def _inside(chosen: types.Range, block: types.Range) -> types.Range:
    """The selection, kept inside the block as the protocol asks."""
    start = max((chosen.start.line, chosen.start.character), (block.start.line, block.start.character))
    end = min((chosen.end.line, chosen.end.character), (block.end.line, block.end.character))
    end = max(start, end)
    return types.Range(types.Position(*start), types.Position(*end))


def folds(sop: Sop) -> list[types.FoldingRange]:
    """Every block of more than one line: the header and its lists, each role, section and step."""
    blocks = sorted(set(block_extents(sop).values()))
    return [types.FoldingRange(start_line=first - 1, end_line=last - 1) for first, last in blocks if last > first]
