"""The registry of rules: one module per rule, named as in the CLI contract."""

from __future__ import annotations

from typing import Dict

from . import (
    branch_outside_decision,
    date_order,
    decision_branches,
    duplicate_id,
    invalid_calendar,
    missing_metadata,
    missing_role,
    missing_time,
    no_path_to_end,
    self_loop,
    sla_exceeded,
    syntax_error,
    unknown_role,
    unknown_sop,
    unknown_target,
    unquantified_time,
    unreachable_step,
    unused_ignore,
    unused_role,
    uses_cycle,
)
from .base import Finding, Rule

# In the order of the CLI contract's table, then the rules it does not list.
_MODULES = (
    syntax_error,
    duplicate_id,
    unknown_role,
    missing_role,
    unused_role,
    unknown_target,
    branch_outside_decision,
    decision_branches,
    unreachable_step,
    no_path_to_end,
    self_loop,
    missing_time,
    unquantified_time,
    sla_exceeded,
    missing_metadata,
    date_order,
    unknown_sop,
    uses_cycle,
    invalid_calendar,
    unused_ignore,
)


def _rule_of(module) -> Rule:
    return getattr(module, "RULE", None) or module.check


RULES: Dict[str, Rule] = {rule.name: rule for rule in map(_rule_of, _MODULES)}

__all__ = ["RULES", "Rule", "Finding"]
