"""The registry of rules: one module per rule (the contract is in `base.py`), listed once below."""

from __future__ import annotations

import importlib

from .base import Finding, Rule, Scope

# One line per rule module, in the order of the CLI contract's table, then the rules it does not list.
RULE_MODULES = (
    "syntax_error",
    "duplicate_id",
    "unknown_role",
    "missing_role",
    "unused_role",
    "unknown_target",
    "branch_outside_decision",
    "decision_branches",
    "unreachable_step",
    "no_path_to_end",
    "self_loop",
    "missing_time",
    "unquantified_time",
    "sla_exceeded",
    "missing_metadata",
    "date_order",
    "unknown_sop",
    "uses_cycle",
    "logo_not_found",
    "evaluation_due",
    "activity_names_performer",
    "duplicate_sop",
    "reversed_range",
    "self_reference",
    "invalid_calendar",
    "unused_ignore",
)


def _declared(module_name: str) -> Rule:
    """The rule a module of this package declares as `RULE`."""
    return importlib.import_module(f"{__name__}.{module_name}").RULE


RULES: dict[str, Rule] = {rule.name: rule for rule in map(_declared, RULE_MODULES)}

__all__ = ["RULES", "RULE_MODULES", "Finding", "Rule", "Scope"]
