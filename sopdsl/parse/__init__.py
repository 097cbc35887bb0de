"""Text to model: the cached LALR parser, the transformer, the syntax errors it reports and the keyword table.

The parser is imported on first use, so that the keyword table (`sopdsl.parse.vocabulary`) can be read
without it: the model takes its field names from there, and the parser builds the model.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .parser import parse_text, prepare
    from .source import SopSyntaxError, decode_source, read_source

__all__ = ["SopSyntaxError", "decode_source", "parse_text", "prepare", "read_source"]

_HOMES = {
    "SopSyntaxError": "source",
    "decode_source": "source",
    "parse_text": "parser",
    "prepare": "parser",
    "read_source": "source",
}


def __getattr__(name: str) -> Any:
    """The public names, each imported from its module when first asked for."""
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_HOMES[name]}", __name__), name)
