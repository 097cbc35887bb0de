"""The rules: every fixture gives exactly its expected findings, and the registry is complete and documented.

Fixtures live in tests/fixtures/rules/<rule-name>/: `pass*.sop` files on which the rule stays silent,
`fail*.sop` files whose findings are declared by `# expect: <rule-name> <line>:<column> [severity]`
comment lines, and `pass-*/` or `fail-*/` folders of .sop files checked together as a library.
A fixture file may not have a syntax error, unless it declares it with `# expect: syntax-error <line>:<column>`.
"""

from __future__ import annotations

import datetime
import importlib
import inspect
import pkgutil
import re
import textwrap

import attrs
import pytest

import sopdsl.rules
from sopdsl.config import DEFAULTS
from sopdsl.loading import load
from sopdsl.parse import SopSyntaxError, parse_text
from sopdsl.rules import RULES
from sopdsl.rules.base import LibraryContext as Library
from sopdsl.rules.base import SopContext
from sopdsl.rules.docs import render

from . import findings
from .conftest import FIXTURES, ROOT, SHARED_SPEC

RULE_FIXTURES = FIXTURES / "rules"
CLI_SPEC = SHARED_SPEC / "CLI.md"
NOT_RULES = {"base", "docs"}  # modules of sopdsl.rules that are not rules; private helpers start with "_"

CHECKED_ON = datetime.date(2026, 6, 1)  # the day fixtures and examples are checked on (for `evaluation-due`)
SETTINGS = attrs.evolve(DEFAULTS, today=CHECKED_ON)
EXPECT = re.compile(r"#\s*expect:\s*(\S+)\s+(\d+):(\d+)(?:\s+(error|warning|info))?")


def _parses(text):
    try:
        parse_text(text)
    except SopSyntaxError:
        return False
    return True


# The rules whose fixtures and examples need language the parser does not read yet: they run once it does.
WAITING = {"logo-not-found": pytest.mark.skipif(not _parses("sop x: X\n  logo: logo.png\n"),
                                                reason="the `logo` header field does not parse yet")}


def check_library(library: Library) -> list:
    """Every finding on every file of an already loaded library, with the default settings on CHECKED_ON, sorted."""
    return findings.check_library(library, SETTINGS)


def _fixture_cases():
    for rule_folder in sorted(p for p in RULE_FIXTURES.iterdir() if p.is_dir()):
        for case in sorted(rule_folder.iterdir()):
            if case.name.startswith(("pass", "fail")) and (case.is_dir() or case.suffix == ".sop"):
                yield pytest.param(rule_folder.name, case, id=f"{rule_folder.name}/{case.name}",
                                   marks=WAITING.get(rule_folder.name, ()))


def _expectations(files):
    """(rule, path, line, column, severity or None) for every `# expect:` line of the files."""
    found = []
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            match = EXPECT.search(line)
            if match:
                rule, line_number, column, severity = match.groups()
                found.append((rule, str(path), int(line_number), int(column), severity))
    return found


@pytest.mark.parametrize("rule_name, case", list(_fixture_cases()))
def test_fixture(rule_name, case):
    files = sorted(case.rglob("*.sop")) if case.is_dir() else [case]
    assert files, f"{case} holds no .sop file"
    library = Library([load(path) for path in files], is_library=case.is_dir())
    expectations = _expectations(files)
    assert {rule for rule, *_ in expectations} <= {rule_name, "syntax-error"}, "an `# expect:` names another rule"
    syntax_errors = sorted(e[1:4] for e in expectations if e[0] == "syntax-error")
    assert sorted((f.error.path, f.error.line, f.error.column) for f in library.files if f.error) == syntax_errors
    expected = [e for e in expectations if e[0] == rule_name]
    if case.name.startswith("pass"):
        assert expected == [], "a pass fixture expects no finding"
    else:
        assert expected, "a fail fixture declares its findings with `# expect:` lines"

    findings = [d for d in check_library(library) if d.rule == rule_name]
    assert sorted((d.path, d.line, d.column) for d in findings) == sorted(e[1:4] for e in expected)
    severities = {(d.path, d.line, d.column): d.severity.value for d in findings}
    for _, path, line, column, severity in expected:
        if severity is not None:
            assert severities[(path, line, column)] == severity, f"{path}:{line}:{column}"


def _rule_modules():
    for module in pkgutil.iter_modules(sopdsl.rules.__path__):
        if module.name not in NOT_RULES and not module.name.startswith("_"):
            yield importlib.import_module(f"sopdsl.rules.{module.name}")


def test_every_rule_module_is_registered():
    modules = list(_rule_modules())
    assert modules
    for module in modules:
        name = module.__name__.rsplit(".", 1)[1].replace("_", "-")
        assert name in RULES, f"{module.__name__} is not registered in sopdsl/rules/__init__.py"
        assert RULES[name].doc == inspect.cleandoc(module.__doc__), f"{name}: the rule is not its module's"
    assert len(RULES) == len(modules)


def _example(doc, heading):
    """The indented block after `Incorrect:` or `Correct:` in a rule's documentation."""
    match = re.search(rf"^{heading}:\n\n((?:(?: {{4}}.*)?\n)+)", doc + "\n", re.MULTILINE)
    return textwrap.dedent(match.group(1)).strip("\n") + "\n" if match else None


@pytest.mark.parametrize("rule", list(RULES.values()), ids=list(RULES))
def test_rule_documentation(rule):
    first_line, _, body = rule.doc.partition("\n")
    assert first_line.strip() and body.strip(), "a first line saying what the rule catches, then why it matters"
    assert _example(rule.doc, "Incorrect"), "an indented `Incorrect:` example"
    assert _example(rule.doc, "Correct"), "an indented `Correct:` example"


def _example_library(snippet, tmp_path):
    """The example as files: split at `# <name>.sop` lines, each given a `sop` line when it has none."""
    parts = re.split(r"^# (\S+)\.sop\n", snippet, flags=re.MULTILINE)
    named = [("example", parts[0])] if parts[0].strip() else []
    named += list(zip(parts[1::2], parts[2::2], strict=False))
    paths = []
    for name, text in named:
        if not text.lstrip().startswith("sop "):
            text = f"sop {name}: Example\n\n{text}"
        path = tmp_path / f"{name}.sop"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return Library([load(path) for path in paths], is_library=len(paths) > 1)


@pytest.mark.parametrize("rule", [pytest.param(rule, marks=WAITING.get(name, ())) for name, rule in RULES.items()],
                         ids=list(RULES))
def test_documented_examples(rule, tmp_path):
    """A rule's `Incorrect:` example makes it fire, and its `Correct:` example does not."""
    for heading, fires in (("Incorrect", True), ("Correct", False)):
        folder = tmp_path / heading
        folder.mkdir()
        library = _example_library(_example(rule.doc, heading), folder)
        findings = [d for d in check_library(library) if d.rule == rule.name]
        assert bool(findings) == fires, f"the {heading} example of {rule.name}: {findings}"


@pytest.mark.parametrize("rule", list(RULES), ids=list(RULES))
def test_every_rule_has_passing_and_failing_fixtures(rule):
    folder = RULE_FIXTURES / rule
    names = [p.name for p in folder.iterdir()] if folder.is_dir() else []
    assert any(n.startswith("pass") for n in names), f"no pass fixture in {folder}"
    assert any(n.startswith("fail") for n in names), f"no fail fixture in {folder}"


def _cli_rule_table():
    rows = {}
    for line in CLI_SPEC.read_text(encoding="utf-8").splitlines():
        match = re.match(r"\|\s*`([a-z-]+)`\s*\|\s*(error|warning|info)\b", line)
        if match:
            rows[match.group(1)] = match.group(2)
    return rows


@pytest.mark.skipif(not CLI_SPEC.is_file(), reason=f"the CLI contract {CLI_SPEC} is not reachable here")
def test_cli_contract_rules_are_registered_with_their_severity():
    table = _cli_rule_table()
    assert len(table) >= 18, "the rule table of CLI.md was not found"
    for name, severity in table.items():
        assert name in RULES, f"{name} (CLI.md) is not registered"
        assert RULES[name].severity.value == severity, name


def test_docs_rules_md_is_up_to_date():
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == render(), (
        "docs/rules.md is stale: run `python -m sopdsl.rules.docs`"
    )


def test_activity_names_performer_quotes_the_activity_without_its_subject():
    sop = parse_text("sop x: X\nrole operator: Operator\nrole kepala: Kepala Dinas\n"
                     "step: Operator mengupload konten / dokumen\n  by: operator\n"
                     "step: Operator menyerahkan konten kepada Kepala Dinas\n  by: kepala\n")
    findings = list(RULES["activity-names-performer"].check(SopContext(sop)))
    assert [(f.span.line, f.span.column) for f in findings] == [(4, 7)]
    assert "begins with its performer 'Operator'" in findings[0].message
    assert "such as 'Mengupload konten / dokumen'" in findings[0].message
