"""The bundled SOPs in specs/ parse and check clean: no finding of any severity."""

from __future__ import annotations

import json

import pytest

from sopdsl.cli import main
from sopdsl.parse import parse_text, read_source

from .conftest import SPECS

SPEC_FILES = sorted(SPECS.rglob("*.sop"))


def test_there_are_specs():
    assert len(SPEC_FILES) >= 3


@pytest.mark.parametrize("path", SPEC_FILES, ids=lambda p: p.name)
def test_spec_parses_and_is_named_after_its_file(path):
    sop = parse_text(read_source(path))
    assert sop.id == path.stem
    assert sop.roles and any(section.steps for section in sop.sections)
    assert all(step.by for step in sop.activities())


def test_specs_check_clean(capsys):
    code = main(["check", "--format", "json", str(SPECS)])
    findings = json.loads(capsys.readouterr().out)
    assert findings == []
    assert code == 0
