"""The registry of rules: one module per rule, named as in the CLI contract."""

from __future__ import annotations

from typing import Dict

from . import duplicate_id, syntax_error
from .base import Finding, Rule

_MODULES = (syntax_error, duplicate_id)


def _rule_of(module) -> Rule:
    return getattr(module, "RULE", None) or module.check


RULES: Dict[str, Rule] = {rule.name: rule for rule in map(_rule_of, _MODULES)}

__all__ = ["RULES", "Rule", "Finding"]
