"""Round trips: every spec rendered by sopdsl (csv, pdf, and docx/xlsx where this build has them), then imported,
gives back the same roles, sections, steps (text, performer, needs, time, output, note), decisions with their
branch targets, and the header fields the format carries."""

from __future__ import annotations

from pathlib import Path

import pytest

from sopdsl.cli import main
from sopdsl.render import FORMATS

from .conftest import SPECS
from .imported import import_files, read_sop, step_values

HEADER_FIELDS = ("title", "number", "unit", "created", "revised", "effective", "approved_by", "legal_basis",
                 "qualifications", "related", "equipment", "warning", "records")
CARRIES_HEADER = {"csv": False, "pdf": True, "docx": True, "xlsx": True}
"""Whether the format carries the identity sheet, the section titles and the order of the role columns (sopdsl's
CSV has none of them: its Bagian column holds the section's letter only, its one Pelaksana column the names)."""


def comparable(sop, header: bool) -> dict:
    """What an import must give back, with performers and branch targets named independently of ids."""
    names = {role.id: role.name.value for role in sop.roles}
    steps = []
    for value in step_values(sop):
        value = dict(value)
        value["by"] = tuple(names.get(role, role) for role in value["by"])
        steps.append(value)
    routes = []
    for number, section in enumerate(sop.sections):
        ids = [activity.id for activity in section.steps]
        for index, activity in enumerate(section.steps):
            for branch in activity.branches:
                target = branch.target.id
                position = index + 1 if target == "next" else target if target == "end" else ids.index(target)
                routes.append((number, index, branch.kind, branch.label, position))
    result = {
        "roles": [role.name.value for role in sop.roles] if header else sorted(role.name.value for role in sop.roles),
        "sections": [(s.id, s.title.value if s.title and header else None) for s in sop.sections],
        "steps": steps,
        "routes": routes,
    }
    if header:
        result.update({name: getattr(sop, name) for name in HEADER_FIELDS})
    return result


@pytest.mark.parametrize("spec", sorted(path.name for path in SPECS.glob("*.sop")))
@pytest.mark.parametrize("kind", sorted(CARRIES_HEADER))
def test_a_rendered_spec_imports_back_exactly(spec, kind, tmp_path, capsys):
    if kind not in FORMATS:
        pytest.skip(f"render --to {kind} is not in this build")
    if kind == "pdf":
        from sopdsl.render.chromium import ENV_VAR, find_chromium

        if find_chromium() is None:
            pytest.skip(f"Chromium not found: install the Debian package 'chromium' or set {ENV_VAR}")
    pytest.importorskip("pdfplumber" if kind == "pdf" else "openpyxl" if kind == "xlsx" else "csv")
    source = tmp_path / f"{Path(spec).stem}.{kind}"
    assert main(["render", str(SPECS / spec), "--to", kind, "-o", str(source)]) == 0
    capsys.readouterr()
    (draft,) = import_files(capsys, source, out=tmp_path / "out")
    header = CARRIES_HEADER[kind]
    assert comparable(read_sop(draft), header) == comparable(read_sop(SPECS / spec), header)
