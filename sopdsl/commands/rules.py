"""`sopdsl rules`: list every rule with its severity and one line."""

from __future__ import annotations


def add_arguments(parser) -> None:
    parser.add_argument("--format", choices=("text", "json"), default="text")


def run(args) -> int:
    import json

    from ..rules import RULES

    if args.format == "json":
        rows = [{"rule": r.name, "severity": r.severity.value, "summary": r.summary} for r in RULES.values()]
        print(json.dumps(rows, indent=2))
        return 0
    width = max(len(name) for name in RULES)
    for rule in RULES.values():
        print(f"{rule.name:<{width}}  {rule.severity.value:<7}  {rule.summary}")
    return 0
