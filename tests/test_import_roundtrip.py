"""Round trips: every spec and generated SOPs rendered by sopdsl to docx, xlsx, pdf and csv, then imported, give
back every field the format carries, compared field by field (`bench.roundtrip.fields_of`): the header fields and
the signatory, the roles in column order, the sections, every step's kind, text, performers, needs, time, period,
output and note, and every branch of every decision with its target. sopdsl's CSV is one row per step: it carries
no identity sheet, no section titles and no role order, so those are not asked of it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.roundtrip import CARRIES_HEADER, fields_of, round_trip
from sopdsl.cli import main

from .conftest import SPECS
from .imported import import_files, read_sop

EXAMPLES = int(os.environ.get("SOPDSL_FUZZ_EXAMPLES") or 0)
"""More generated SOPs per format for the long runs; the default run tries a fixed few."""
KINDS = sorted(CARRIES_HEADER)


def needs_renderer(kind: str) -> None:
    """Skip, saying why, where this machine cannot render or read the format."""
    if kind == "pdf":
        from sopdsl.browser.chromium import ENV_VAR, find_chromium

        if find_chromium() is None:
            pytest.skip(f"Chromium not found: install the Debian package 'chromium' or set {ENV_VAR}")
        pytest.importorskip("pdfplumber", reason="pdfplumber is not installed (pip install 'sopdsl[office]')")
    elif kind in ("docx", "xlsx"):
        pytest.importorskip("docx" if kind == "docx" else "openpyxl",
                            reason="the office extra is not installed (pip install 'sopdsl[office]')")


@pytest.mark.parametrize("spec", sorted(path.name for path in SPECS.glob("*.sop")))
@pytest.mark.parametrize("kind", KINDS)
def test_a_rendered_spec_imports_back_exactly(spec, kind, tmp_path, capsys):
    needs_renderer(kind)
    source = tmp_path / f"{Path(spec).stem}.{kind}"
    assert main(["render", str(SPECS / spec), "--to", kind, "-o", str(source)]) == 0
    capsys.readouterr()
    (draft,) = import_files(capsys, source, out=tmp_path / "out")
    header = CARRIES_HEADER[kind]
    assert fields_of(read_sop(draft), header) == fields_of(read_sop(SPECS / spec), header)


ROLE_NAMES = ("Kepala Dinas", "Sekretaris", "Petugas Layanan", "Operator", "PPID", "Kasubbag Umum")
WORDS = ("Menerima", "memeriksa", "berkas", "permohonan", "surat", "dan", "mencatat", "register", "kepada",
         "Kepala", "laporan", "data", "informasi", "publik", "menyusun", "konsep", "jawaban", "arsip")
TIMES = ("30 menit", "1 jam", "2 hari", "1-3 hari kerja", "10 (sepuluh) hari kerja", '"Sesuai jadwal"', None)
PERIODS = ("1 x 3 bulan", "bulan", "6 bulan")
UNITS = ("Pemerintah Kabupaten Contoh", "Dinas Komunikasi, Informatika dan Statistik", "Badan Kepegawaian Daerah")
LAWS = ("Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik",
        "Peraturan Komisi Informasi Nomor 1 Tahun 2021 tentang Standar Layanan Informasi Publik",
        "Peraturan Bupati Contoh Nomor 12 Tahun 2023")
SIGNATORY = (("name", ("HADI PRANTIA, S.STP., M.Si.", "Dra. Sri Wahyuni", "Budi Santoso")),
             ("rank", ("Pembina Tk. I", "Penata Muda (III/a)")), ("nip", ("19810207 200003 1 001",)))


@st.composite
def headers(draw) -> list[str]:
    """Header lines as a unit writes them: a number, the unit's name (not in capitals), dates, the position and
    its signatory (each line of it or none), the legal basis and a warning."""
    lines = [f"  number: {draw(st.integers(1, 99))}/SOP-DISKOMINFO/2024"]
    lines += ["  unit:"] + [f"    - {line}" for line in draw(st.lists(st.sampled_from(UNITS), min_size=1,
                                                                        max_size=2, unique=True))]
    lines.append(f"  effective: 2024-0{draw(st.integers(1, 9))}-1{draw(st.integers(0, 9))}")
    lines.append(f"  approved-by: {draw(st.sampled_from(['Kepala Dinas', 'Sekretaris Daerah Kabupaten Contoh']))}")
    entries = [f"    {key}: {draw(st.sampled_from(values))}" for key, values in SIGNATORY if draw(st.booleans())]
    lines += ["  approver:", *entries] if entries else []
    laws = draw(st.lists(st.sampled_from(LAWS), max_size=2, unique=True))
    lines += ["  legal-basis:"] + [f'    - "{law}"' for law in laws] if laws else []
    return lines + ["  warning: Jika SOP tidak dilaksanakan, layanan terlambat"] * draw(st.booleans())


@st.composite
def sop_texts(draw) -> str:
    """A plausible SOP as .sop text: every role does a step; decisions go on or back to an earlier step."""
    roles = draw(st.lists(st.sampled_from(ROLE_NAMES), min_size=1, max_size=4, unique=True))
    phrase = st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(" ".join)
    lines = ["sop contoh: Contoh", *draw(headers()), ""] + [f"role r{i}: {name}" for i, name in enumerate(roles)]
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
            time = None if period and draw(st.booleans()) else draw(st.sampled_from(TIMES))
            lines += [f"  time: {time}"] * (time is not None) + [f"  every: {period}"] * bool(period)
            if decision:
                back = number - draw(st.integers(1, index))
                lines += ["  yes: next" if index < count - 1 else "  yes: end", f"  no: s{back}"]
    for extra in range(number, len(roles)):  # roles left without a step get one at the end
        lines += ["", f"step: Tugas {ROLE_NAMES.index(roles[extra])}", f"  by: r{extra}"]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(("kind", "examples"), [("csv", 30), ("docx", 12), ("xlsx", 12), ("pdf", 4)])
def test_a_generated_sop_comes_back_from_each_format(kind, examples, tmp_path_factory):
    needs_renderer(kind)
    from sopdsl.parse import parse_text

    @settings(max_examples=EXAMPLES or examples, deadline=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    @given(sop_texts())
    def comes_back(text):
        back = round_trip(text, kind, tmp_path_factory.mktemp(kind))
        assert back is not None
        header = CARRIES_HEADER[kind]
        assert fields_of(back, header) == fields_of(parse_text(text), header)

    comes_back()


def test_the_measurement_prints_the_share_per_format(capsys):
    pytest.importorskip("openpyxl", reason="openpyxl is not installed (pip install 'sopdsl[office]')")
    from bench.roundtrip import main as measure

    assert measure(["--generated", "2", "--formats", "csv,xlsx"]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if line.startswith(("| csv", "| xlsx"))]
    assert [row.split(" | ")[0] for row in rows] == ["| csv", "| xlsx"]
    assert rows[0].split(" | ")[1] == "—"  # the CSV carries no identity sheet
    assert all(row.endswith("(100.0 %) |") for row in rows)


def test_a_field_that_differs_or_that_only_the_draft_has_counts_as_wrong():
    from bench.roundtrip import Tally

    tally = Tally()
    tally.add("a.sop", {"step.1.text": "Menerima", "header.number": "1"},
              {"step.1.text": "Menerima berkas", "header.number": "1", "header.unit": ("Dinas",)})
    assert (tally.share("steps"), tally.share("header"), tally.share()) == ("0/1 (0.0 %)", "1/2 (50.0 %)",
                                                                           "1/3 (33.3 %)")
    assert tally.misses[0] == "a.sop header.unit: None -> ('Dinas',)"
