"""Round trips: every spec rendered by sopdsl (csv, pdf, and docx/xlsx where this build has them), then imported,
gives back the same roles, sections, steps (text, performer, needs, time, output, note), decisions with their
branch targets, and the header fields the format carries."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sopdsl.cli import main
from sopdsl.importers import read_drafts
from sopdsl.importers.writer import format_draft, write_draft
from sopdsl.parse import parse_text
from sopdsl.render import FORMATS

from .conftest import SPECS
from .imported import approver_values, import_files, read_sop, step_values

HEADER_FIELDS = ("title", "number", "unit", "created", "revised", "effective", "approved_by", "legal_basis",
                 "qualifications", "related", "equipment", "warning", "records", "annex", "staffing")
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
        result["approver"] = approver_values(sop)
    return result


@pytest.mark.parametrize("spec", sorted(path.name for path in SPECS.glob("*.sop")))
@pytest.mark.parametrize("kind", sorted(CARRIES_HEADER))
def test_a_rendered_spec_imports_back_exactly(spec, kind, tmp_path, capsys):
    if kind not in FORMATS:
        pytest.skip(f"render --to {kind} is not in this build")
    if kind == "pdf":
        from sopdsl.browser.chromium import ENV_VAR, find_chromium

        if find_chromium() is None:
            pytest.skip(f"Chromium not found: install the Debian package 'chromium' or set {ENV_VAR}")
    pytest.importorskip("pdfplumber" if kind == "pdf" else "openpyxl" if kind == "xlsx" else "csv")
    source = tmp_path / f"{Path(spec).stem}.{kind}"
    assert main(["render", str(SPECS / spec), "--to", kind, "-o", str(source)]) == 0
    capsys.readouterr()
    (draft,) = import_files(capsys, source, out=tmp_path / "out")
    header = CARRIES_HEADER[kind]
    assert comparable(read_sop(draft), header) == comparable(read_sop(SPECS / spec), header)


ROLE_NAMES = ("Kepala Dinas", "Sekretaris", "Petugas Layanan", "Operator", "PPID", "Kasubbag Umum")
WORDS = ("Menerima", "memeriksa", "berkas", "permohonan", "surat", "dan", "mencatat", "register", "kepada",
         "Kepala", "laporan", "data", "informasi", "publik", "menyusun", "konsep", "jawaban", "arsip")
TIMES = ("30 menit", "1 jam", "2 hari", "1-3 hari kerja", "10 (sepuluh) hari kerja", '"Sesuai jadwal"', None)
PERIODS = ("1 x 3 bulan", "bulan", "6 bulan")


@st.composite
def sop_texts(draw) -> str:
    """A plausible SOP as .sop text: every role does a step; decisions go on or back to an earlier step."""
    roles = draw(st.lists(st.sampled_from(ROLE_NAMES), min_size=1, max_size=4, unique=True))
    phrase = st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(" ".join)
    lines = ["sop contoh: Contoh", ""] + [f"role r{i}: {name}" for i, name in enumerate(roles)]
    sections = draw(st.integers(0, 2))
    number = 0
    for section in range(max(sections, 1)):
        if sections:
            lines += ["", f"section {'ABC'[section]}: {draw(phrase)}"]
        count = draw(st.integers(1, 4))
        for index in range(count):
            number += 1
            decision = index > 0 and draw(st.booleans())
            lines += ["", f"{'decision' if decision else 'step'} s{number}: {draw(phrase).capitalize()}"]
            performer = number - 1 if number <= len(roles) else draw(st.integers(0, len(roles) - 1))
            lines.append(f"  by: r{performer}")
            for key in ("needs", "output", "note"):
                if draw(st.booleans()):
                    lines.append(f"  {key}: {draw(phrase)}")
            period = draw(st.booleans()) and draw(st.sampled_from(PERIODS))
            time = None if period else draw(st.sampled_from(TIMES))
            lines += [f"  time: {time}"] * (time is not None) + [f"  every: {period}"] * bool(period)
            if decision:
                back = number - draw(st.integers(1, index))
                lines += ["  yes: next" if index < count - 1 else "  yes: end", f"  no: s{back}"]
    for extra in range(number, len(roles)):  # roles left without a step get one at the end
        lines += ["", f"step: Tugas {ROLE_NAMES.index(roles[extra])}", f"  by: r{extra}"]
    return "\n".join(lines) + "\n"


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sop_texts())
def test_a_generated_sop_comes_back_from_its_csv(tmp_path, text):
    source = tmp_path / "contoh.sop"
    source.write_text(text, encoding="utf-8")
    table = tmp_path / "contoh.csv"
    assert main(["render", str(source), "--to", "csv", "-o", str(table)]) == 0
    (draft,) = read_drafts(table)
    written, error = format_draft(write_draft(draft))
    assert error is None
    assert comparable(parse_text(written), False) == comparable(read_sop(source), False)
