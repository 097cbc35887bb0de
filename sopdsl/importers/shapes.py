"""Drawing shapes by what they mean in an SOP flowchart: a symbol that marks the performer, a decision, or a line."""

from __future__ import annotations

import re
from collections.abc import Iterable

DECISION = "decision"
SYMBOL = "symbol"
LINE = "line"

_DECISION_NAMES = {"flowchartdecision", "diamond", "vml:t110", "vml:t4"}
_LINE_PREFIXES = ("line", "straightconnector", "bentconnector", "curvedconnector", "vml:line", "vml:polyline",
                  "vml:t32", "vml:t33", "vml:t34", "vml:t38", "vml:t20", "freeform-line",
                  # connectors join the flow across pages; they stand in a role column without doing a step
                  "flowchartoffpageconnector", "flowchartconnector", "vml:t177", "vml:t120")
_LINE_SUFFIXES = ("arrow",)
_LABEL_NAMES = {"vml:t202", "textbox"}


def picture_name(description: str) -> str:
    """A picture in a role cell is a symbol; its alternative text tells a decision ('keputusan', 'decision')."""
    return "diamond" if re.search(r"decision|keputusan|belah\s*ketupat|diamond", description, re.I) else "picture"


def shape_kind(name: str) -> str:
    """DECISION, SYMBOL or LINE for a DrawingML preset ('flowChartDecision') or a VML type ('vml:t110', 'vml:rect')."""
    folded = name.lower()
    if folded in _DECISION_NAMES:
        return DECISION
    if folded.startswith(_LINE_PREFIXES) or folded.endswith(_LINE_SUFFIXES) or folded in _LABEL_NAMES:
        return LINE
    return SYMBOL


FREEFORM = "custom"
"""A filled shape of free geometry: a symbol, but weaker evidence than a named one."""


def named_symbols(names: Iterable[str]) -> list:
    """The symbols with a flowchart meaning of their own (process, decision, terminator, a picture ...)."""
    return [name for name in symbols(names) if name != FREEFORM]


def symbols(names: Iterable[str]) -> list:
    """The shapes that stand for a step (process, decision, terminator ...), without lines, arrows and text boxes."""
    return [name for name in names if shape_kind(name) != LINE]


def has_decision(names: Iterable[str]) -> bool:
    """Whether a diamond is among the shapes."""
    return any(shape_kind(name) == DECISION for name in names)
