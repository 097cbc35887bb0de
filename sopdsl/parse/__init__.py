"""Text to model: the cached LALR parser, the transformer and the syntax errors it reports."""

from __future__ import annotations

from .errors import SopSyntaxError
from .parser import decode_source, parse_text, prepare, read_source

__all__ = ["SopSyntaxError", "decode_source", "parse_text", "prepare", "read_source"]
