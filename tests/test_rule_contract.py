"""The rule contract: each rule module declares its rule once, its `check` is a plain function called with the
context of its scope, the registry lists each module once; and the command line around it."""

from __future__ import annotations

import importlib
import inspect
import json
import subprocess
import sys

import pytest

from sopdsl.analysis.calendar import CalendarError
from sopdsl.browser.chromium import ChromiumError
from sopdsl.cli import main
from sopdsl.diagnostics import Severity
from sopdsl.errors import SopdslError, UsageError
from sopdsl.files import UsageError as UsageErrorOfFiles
from sopdsl.format import FormatError
from sopdsl.loading import load, read
from sopdsl.parse import SopSyntaxError, parse_text
from sopdsl.rules import RULE_MODULES, RULES, Finding, Rule, Scope
from sopdsl.rules.base import LibraryContext, SopContext

from .conftest import ROOT, SPECS
from .sop_files import write_sop

CONTEXTS = {Scope.SOP: SopContext, Scope.LIBRARY: LibraryContext}


def _module(module_name):
    return importlib.import_module(f"sopdsl.rules.{module_name}")


@pytest.mark.parametrize("module_name", RULE_MODULES)
def test_a_rule_module_declares_its_rule_and_a_plain_check(module_name):
    module = _module(module_name)
    rule = module.RULE
    assert rule.name == module_name.replace("_", "-")
    assert RULES[rule.name] is rule
    assert rule.doc == inspect.cleandoc(module.__doc__)
    if rule.scope is Scope.PARSER:
        assert rule.check is None and not hasattr(module, "check")
    else:
        assert inspect.isfunction(module.check) and module.check.__module__ == module.__name__
        assert rule.check is module.check
        parameter = next(iter(inspect.signature(module.check).parameters.values()))
        expected = CONTEXTS.get(rule.scope)
        if expected is not None:
            assert parameter.annotation == expected.__name__, f"{module_name}.check takes a {expected.__name__}"


def test_the_registry_lists_each_rule_module_once_in_order():
    assert len(set(RULE_MODULES)) == len(RULE_MODULES)
    assert list(RULES) == [name.replace("_", "-") for name in RULE_MODULES]


def test_a_sop_rule_is_called_as_module_check_with_its_context():
    sop = parse_text("sop x: X\nrole r: R\nstep a: A\n  by: r\n  time: 1 jam\nstep a: B\n  by: r\n  time: 1 jam\n")
    findings = list(_module("duplicate_id").check(SopContext(sop)))
    assert [(f.span.line, type(f)) for f in findings] == [(6, Finding)]


def test_a_library_rule_is_called_as_module_check_with_the_library(tmp_path):
    path = write_sop(tmp_path, "a.sop", fields="  related:\n    - nowhere\n")
    found = dict(_module("unknown_sop").check(LibraryContext([load(path)], is_library=True)))
    assert [f.message.split(";")[0] for f in found[str(path)]] == ["related SOP 'nowhere' is not in the library"]


def test_a_rule_of_the_wrong_shape_is_refused_when_declared():
    def check(context):
        return iter(())

    with pytest.raises(TypeError, match="a sop rule needs a check function"):
        Rule(name="x", severity=Severity.ERROR, scope=Scope.SOP, summary="x", doc="x")
    with pytest.raises(TypeError, match="a parser rule takes no check function"):
        Rule(name="x", severity=Severity.ERROR, scope=Scope.PARSER, summary="x", doc="x", check=check)


def test_loading_keeps_the_model_and_adds_the_library_record_where_asked(tmp_path):
    path = write_sop(tmp_path, "a.sop")
    read_file, loaded = read(path), load(path)
    assert read_file.sop == loaded.sop and read_file.sop is not None
    assert read_file.record is None and loaded.record.id == "a"
    broken = tmp_path / "broken.sop"
    broken.write_text("sop x: X\nstep\n", encoding="utf-8")
    assert load(broken).error.rule == "syntax-error" and load(broken).record is None
    with pytest.raises(UsageError, match="cannot read"):
        load(tmp_path / "missing.sop")


@pytest.mark.parametrize("error", [UsageError, SopSyntaxError, FormatError, CalendarError, ChromiumError])
def test_every_deliberate_error_is_a_sopdsl_error(error):
    assert issubclass(error, SopdslError)
    assert UsageErrorOfFiles is UsageError


def test_the_command_line_maps_any_sopdsl_error_to_exit_2(monkeypatch, capsys):
    import sopdsl.commands.rules as rules_command

    def fail(args):
        raise CalendarError("calendar 'week' must be longer than zero", None)

    monkeypatch.setattr(rules_command, "run", fail)
    assert main(["rules"]) == 2
    assert capsys.readouterr().err == "sopdsl: error: calendar 'week' must be longer than zero\n"


def test_every_command_prints_a_syntax_error_on_the_same_line(tmp_path, capsys):
    path = tmp_path / "broken.sop"
    path.write_text("sop x: X\nrole r: R\nstep a: A\n  by: r\n  time: 2 fortnights\n", encoding="utf-8")
    expected = read(path).error.line_text
    assert expected.startswith(f"{path}:5:")
    printed = {}
    for command in (["check"], ["fmt", "--check"], ["stats"], ["render", "--to", "md"]):
        assert main([*command, str(path)]) == 1
        out, err = capsys.readouterr()
        printed[command[0]] = (out + err).splitlines()[0]
    assert printed == dict.fromkeys(printed, expected)


def test_stats_reports_an_invalid_calendar_as_check_does(tmp_path, capsys):
    path = write_sop(tmp_path, "a.sop", fields="  calendar:\n    week: 2 weeks\n")
    assert main(["check", "--select", "invalid-calendar", "--format", "json", str(path)]) == 1
    [finding] = json.loads(capsys.readouterr().out)
    assert main(["stats", str(path)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"{path}:{finding['line']}:{finding['column']}: error invalid-calendar {finding['message']}\n"


def _rule_modules_imported_by_render(spec, output, cwd):
    code = (
        "import sys\n"
        "from sopdsl.cli import main\n"
        f"status = main(['render', {str(spec)!r}, '--to', 'md', '-o', {str(output)!r}])\n"
        "print(status, sorted(name for name in sys.modules if name.startswith('sopdsl.rules')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=cwd, check=True)
    return result.stdout.split(" ", 1)


@pytest.mark.parametrize("settings", [None, 'select = ["missing-time"]\nseverity = {missing-role = "info"}\n'])
def test_render_imports_no_rule_module(tmp_path, settings):
    spec = tmp_path / "sop.sop"
    spec.write_text(next(SPECS.glob("*.sop")).read_text(encoding="utf-8"), encoding="utf-8")
    if settings is not None:
        (tmp_path / ".sopdsl.toml").write_text(settings, encoding="utf-8")
    status, imported = _rule_modules_imported_by_render(spec, tmp_path / "out.md", ROOT)
    assert (status, imported.strip()) == ("0", "[]")
    assert (tmp_path / "out.md").read_text(encoding="utf-8").startswith("#")
