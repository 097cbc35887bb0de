"""`sopdsl rules [NAME]`: list every rule with its severity and one line, or print one rule's documentation."""

from __future__ import annotations


def add_arguments(parser) -> None:
    parser.add_argument("name", nargs="?", metavar="NAME", help="a rule whose whole documentation to print")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--lang", choices=("en", "id"), help="language of the messages: en (default) or id")


def run(args) -> int:
    import json

    from ..errors import UsageError
    from ..i18n import say, summary
    from ..rules import RULES

    if args.name is not None:
        rule = RULES.get(args.name)
        if rule is None:
            from difflib import get_close_matches

            close = get_close_matches(args.name, RULES, n=1)
            hint = say("usage.rule-hint", close=close[0]) if close else say("usage.rules-list")
            raise UsageError(say("usage.no-rule", name=repr(args.name), hint=hint))
        if args.format == "json":
            print(json.dumps({"rule": rule.name, "severity": rule.severity.value,
                              "summary": summary(rule.name, rule.summary),
                              "doc": rule.doc}, indent=2, ensure_ascii=False))
        else:
            print(f"{rule.name} ({rule.severity.value}): {summary(rule.name, rule.summary)}\n\n{rule.doc}")
        return 0
    if args.format == "json":
        rows = [{"rule": r.name, "severity": r.severity.value, "summary": summary(r.name, r.summary)}
                for r in RULES.values()]
        print(json.dumps(rows, indent=2))
        return 0
    width = max(len(name) for name in RULES)
    for rule in RULES.values():
        print(f"{rule.name:<{width}}  {rule.severity.value:<7}  {summary(rule.name, rule.summary)}")
    return 0
