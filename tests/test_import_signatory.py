"""The signatory read back from the lines under "Disahkan oleh" and from the place to sign below the table, in the
layouts sopdsl prints and in those other documents use."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sopdsl.importers.signatory import signature_below, split_approval

from .imported import approver_values, import_files, read_sop, reviewed_lines

NIP = "19700101 199501 2 001"


@pytest.mark.parametrize(
    ("lines", "position", "entries"),
    [
        (["Kepala Dinas Kominfo", "HADI PRANTIA, S.STP., M.Si.", "Pembina Tk. I", f"NIP. {NIP}"],
         ["Kepala Dinas Kominfo"], {"name": "HADI PRANTIA, S.STP., M.Si.", "rank": "Pembina Tk. I", "nip": NIP}),
        (["Kepala Badan", "Budi Santoso", "Pembina", f"NIP {NIP}"],
         ["Kepala Badan"], {"name": "Budi Santoso", "rank": "Pembina", "nip": NIP}),
        (["Kepala Dinas Komunikasi", "dan Informatika", "Nama : Budi Santoso", f"NIP : {NIP}"],
         ["Kepala Dinas Komunikasi", "dan Informatika"], {"name": "Budi Santoso", "nip": NIP}),
        (["Kepala Bagian Umum", "(ttd)", f"Nama / NIP : Budi Santoso / {NIP}"],
         ["Kepala Bagian Umum"], {"name": "Budi Santoso", "nip": NIP}),
        (["Kepala Bagian Umum", "Nama / NIP : Budi Santoso /", NIP],
         ["Kepala Bagian Umum"], {"name": "Budi Santoso", "nip": NIP}),
        (["Kepala Dinas", "Nama:", "Pangkat: Penata (III/c)", "NIP:"],
         ["Kepala Dinas"], {"rank": "Penata (III/c)"}),
        (["Kepala Dinas Pendidikan", "BUDI SANTOSO", f"NIP. {NIP}"],
         ["Kepala Dinas Pendidikan"], {"name": "BUDI SANTOSO", "nip": NIP}),
        (["Kepala Dinas Kesehatan", "Kabupaten Contoh"], ["Kepala Dinas Kesehatan", "Kabupaten Contoh"], {}),
        (["Head of Agency", "Name: Jane Doe", "Rank: Pembina", "NIP: 1"],
         ["Head of Agency"], {"name": "Jane Doe", "rank": "Pembina", "nip": "1"}),
    ],
    ids=["printed", "plain-name", "labelled", "name-slash-nip", "name-slash-nip-wrapped", "blanks", "capitals",
         "position-only", "english"],
)
def test_the_lines_under_disahkan_oleh(lines, position, entries):
    found_position, signatory = split_approval(lines)
    assert (found_position, signatory.entries()) == (position, entries)


NAMES = st.sampled_from(["HADI PRANTIA, S.STP., M.Si.", "Dra. Sri Wahyuni", "Budi Santoso", "Ir. H. Ahmad Yani, M.T."])
RANKS = st.sampled_from(["Pembina Tk. I", "Penata Muda (III/a)", "Pembina Utama Muda", "Pengatur"])
POSITIONS = st.sampled_from([["Kepala Dinas Komunikasi dan Informatika"], ["Sekretaris Daerah", "Kabupaten Contoh"]])


@given(POSITIONS, st.none() | NAMES, st.none() | RANKS, st.none() | st.just(NIP))
def test_what_sopdsl_prints_under_the_position_reads_back(position, name, rank, nip):
    printed = [name or "Nama:", rank or "Pangkat:", f"NIP. {nip}" if nip else "NIP:"]
    found_position, signatory = split_approval(position + printed)
    assert found_position == position
    assert (signatory.name, signatory.rank, signatory.nip) == (name, rank, nip)


def test_the_place_to_sign_below_the_table():
    lines = ["Halaman 2 dari 2", "Ditetapkan di Putussibau", "Kepala Dinas Komunikasi", "dan Informatika,", "",
             "HADI PRANTIA, S.STP., M.Si.", f"NIP. {NIP}", "Halaman 2 dari 2"]
    position, signatory = signature_below(lines, "Kepala Dinas Komunikasi dan Informatika")
    assert (position, signatory.entries()) == ([], {"name": "HADI PRANTIA, S.STP., M.Si.", "nip": NIP})
    opened = ["Disahkan oleh,", "Kepala Badan", "Budi Santoso", "Pembina", f"NIP {NIP}"]
    position, signatory = signature_below(opened, None)
    assert (position, signatory.entries()) == (["Kepala Badan"], {"name": "Budi Santoso", "rank": "Pembina",
                                                                   "nip": NIP})
    assert signature_below(["Halaman 1 dari 1", "Catatan: arsip"], "Kepala Badan") is None


def test_a_pasted_table_signed_below_gives_the_position_and_the_approver(tmp_path, capsys):
    path = tmp_path / "t.txt"
    path.write_text(
        "Nama SOP\tPengarsipan\n\nNo\tKegiatan\tArsiparis\tWaktu\tOutput\n1\tMenata berkas\tX\t1 hari\tBerkas\n\n"
        "Mengetahui,\nKepala Badan Arsip\n\nDra. SRI WAHYUNI\nPenata Tk. I (III/d)\nNIP. 19700101 199501 2 001\n",
        encoding="utf-8",
    )
    (draft,) = import_files(capsys, path, out=tmp_path / "out")
    sop = read_sop(draft)
    assert sop.approved_by.value == "Kepala Badan Arsip"
    assert approver_values(sop) == ("Dra. SRI WAHYUNI", "Penata Tk. I (III/d)", NIP)
    reasons = [reason for reason, _ in reviewed_lines(draft)]
    assert "jabatan dibaca dari tempat tanda tangan di bawah tabel" in reasons
