"""The rules reference, docs/rules.md, rendered from the registry: `python -m sopdsl.rules.docs [OUT]`."""

from __future__ import annotations

import sys
from pathlib import Path

from . import RULES

DEFAULT_OUTPUT = Path("docs") / "rules.md"


def render() -> str:
    """The Markdown page: a table of every rule, then each rule's documentation."""
    lines = [
        "# Rules",
        "",
        "<!-- Generated from the rules' docstrings by `python -m sopdsl.rules.docs`; do not edit. -->",
        "",
        "`sopdsl check` runs every rule below on each file, and the library rules on the checked set as a whole.",
        "A finding can be silenced on its line, or on the line of the block that contains it, with a trailing",
        "`# sopdsl: ignore[rule-name]` comment. `sopdsl rules` lists the same rules.",
        "",
        "To add a rule: write one module `sopdsl/rules/<rule_name>.py` as the contract in `sopdsl/rules/base.py`",
        "describes (its docstring, a plain `check` function, a `RULE = Rule(...)` declaration), add its one line to",
        "`RULE_MODULES` in `sopdsl/rules/__init__.py`, give it `pass`/`fail` fixtures in",
        "`tests/fixtures/rules/<rule-name>/`, and run `python -m sopdsl.rules.docs` to update this page.",
        "",
        "| rule | severity | fires when |",
        "|---|---|---|",
    ]
    for rule in RULES.values():
        lines.append(f"| [`{rule.name}`](#{rule.name}) | {rule.severity.value} | {_cell(rule.summary)} |")
    for rule in RULES.values():
        lines += ["", f"## {rule.name}", "", f"Severity: **{rule.severity.value}**", "", rule.doc]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    output = Path(argv[0]) if argv else DEFAULT_OUTPUT
    output.write_text(render(), encoding="utf-8")
    print(f"wrote {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
