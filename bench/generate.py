"""Synthetic SOP libraries for the benchmark: seeded, valid .sop files shaped like real SOP AP documents.

`python -m bench.generate OUT --files 120 --steps 40` writes a library into OUT. Every file parses, checks
without errors or warnings, and is already in the canonical form `sopdsl fmt` writes.
"""

from __future__ import annotations

import argparse
import datetime
import math
import random
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

WIDTH = 88
"""The formatter's line width: a longer text is written as a quoted string broken over lines, as `sopdsl fmt` does."""
WORKDAY_MINUTES = 480
"""A working day under the default calendar (8 hours)."""


@dataclass(frozen=True)
class Shape:
    """What a generated library looks like; the same shape and seed always give the same files."""

    steps: int = 25
    """Activities (steps and decisions) per SOP."""
    files: int = 1
    decisions: float = 0.15
    """Share of the activities that are decisions."""
    loops: float = 0.6
    """Share of the decisions whose `no:` goes back to an earlier step (rework); the others skip ahead."""
    sections: int = 1
    """Flows per SOP; more than one writes `section` lines."""
    uses: float = 0.05
    """Share of the steps carried out by following another SOP of the library (`uses:`)."""
    seed: int = 35


# ---- words ------------------------------------------------------------------------------------------

VERBS = (
    ("Menerima", "terima"),
    ("Memeriksa", "periksa"),
    ("Memverifikasi", "verifikasi"),
    ("Mencatat", "catat"),
    ("Menyusun", "susun"),
    ("Menyampaikan", "sampaikan"),
    ("Menandatangani", "tandatangani"),
    ("Mengarsipkan", "arsipkan"),
    ("Meneliti", "teliti"),
    ("Membuat", "buat"),
    ("Mengirimkan", "kirim"),
    ("Mengunggah", "unggah"),
    ("Mendisposisikan", "disposisi"),
    ("Mengoreksi", "koreksi"),
    ("Memaraf", "paraf"),
    ("Menggandakan", "gandakan"),
    ("Menginput", "input"),
    ("Membahas", "bahas"),
    ("Menetapkan", "tetapkan"),
    ("Melaporkan", "lapor"),
)
OBJECTS = (
    "berkas permohonan",
    "surat masuk",
    "nota dinas",
    "dokumen pendukung",
    "laporan kegiatan",
    "draf surat keputusan",
    "daftar hadir",
    "rekapitulasi data",
    "formulir pendaftaran",
    "berita acara",
    "usulan anggaran",
    "konsep jawaban",
    "data kepegawaian",
    "bukti pembayaran",
    "lembar disposisi",
    "register permohonan",
    "naskah dinas",
    "hasil verifikasi",
    "rencana kerja",
    "dokumen kontrak",
)
TAILS = (
    "",
    "",
    "",
    " sesuai ketentuan yang berlaku",
    " kepada pimpinan",
    " ke dalam aplikasi SRIKANDI",
    " melalui surat elektronik",
    " untuk mendapat persetujuan",
    " bersama tim teknis",
    " dalam buku agenda",
    " ke unit pengolah",
)
CLAUSES = (
    "serta memastikan seluruh lampiran telah dibubuhi paraf oleh pejabat yang berwenang",
    "dan menyampaikan tembusan kepada Sekretaris Dinas serta Inspektorat Daerah",
    "dengan memperhatikan prinsip keamanan informasi dan kebijakan privasi yang berlaku",
)
QUESTIONS = (
    ("Memeriksa kelengkapan {}", "Lengkap", "Tidak lengkap"),
    ("Memverifikasi keabsahan {}", "Sah", "Tidak sah"),
    ("Meneliti kesesuaian {} dengan ketentuan", "Sesuai", "Tidak sesuai"),
    ("Memeriksa dan menyetujui {}", "Disetujui", "Perlu perbaikan"),
)
OUTPUT_STATES = ("", " yang telah diverifikasi", " yang telah ditandatangani", " final", " terdaftar")
NOTES = (
    "Paling lambat {} hari kerja sejak berkas diterima",
    "Dapat dilakukan secara daring",
    "Tembusan kepada Sekretaris Dinas",
    "Dicatat dalam register",
    "Dilaksanakan paling lambat pada minggu ke-{} setiap bulan",
)
DURATIONS = (  # (wording, low, high) in working minutes under the default calendar
    ("5 menit", 5, 5),
    ("10 menit", 10, 10),
    ("15 menit", 15, 15),
    ("30 menit", 30, 30),
    ("45 menit", 45, 45),
    ("1 jam", 60, 60),
    ("2 jam", 120, 120),
    ("1 jam 30 menit", 90, 90),
    ("1-2 jam", 60, 120),
    ("1 hari kerja", 480, 480),
    ("2 hari kerja", 960, 960),
    ("1-3 hari", 480, 1440),
    ("3 (tiga) hari kerja", 1440, 1440),
    ("1 minggu", 2400, 2400),
)
PERIODS = ("bulan", "1 x 3 bulan", "tahun", "minggu")
ROLES = (
    ("petugas", "Petugas Layanan"),
    ("operator", "Operator"),
    ("verifikator", "Verifikator"),
    ("kasubag-umum", "Kepala Subbagian Umum"),
    ("kabid", "Kepala Bidang"),
    ("sekretaris", "Sekretaris Dinas"),
    ("kadis", "Kepala Dinas"),
    ("pemohon", "Pemohon"),
    ("bendahara", "Bendahara Pengeluaran"),
    ("arsiparis", "Arsiparis"),
    ("ppid", "PPID Pelaksana"),
    ("tim-teknis", "Tim Teknis"),
)
ACTIONS = ("Pelayanan", "Pengelolaan", "Penyusunan", "Penerbitan", "Pengadaan", "Verifikasi")
TOPICS = (
    "Surat Masuk",
    "Izin Penelitian",
    "Informasi Publik",
    "Cuti Pegawai",
    "Barang Milik Daerah",
    "Perjalanan Dinas",
    "Laporan Keuangan",
    "Arsip Inaktif",
    "Pengaduan Masyarakat",
    "Rekomendasi Teknis",
    "Data Statistik Sektoral",
    "Kenaikan Pangkat",
)
AGENCIES = (
    ("Dinas Komunikasi dan Informatika", "DISKOMINFO"),
    ("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "BKPSDM"),
    ("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP"),
    ("Badan Pengelolaan Keuangan dan Aset Daerah", "BPKAD"),
    ("Dinas Perpustakaan dan Kearsipan", "DISPUSIP"),
)
LAWS = (
    "Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik",
    "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik",
    "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
    "Peraturan Pemerintah Nomor 61 Tahun 2010 tentang Pelaksanaan Undang-Undang Nomor 14 Tahun 2008 "
    "tentang Keterbukaan Informasi Publik",
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 35 Tahun 2012 "
    "tentang Pedoman Penyusunan Standar Operasional Prosedur Administrasi Pemerintahan",
    "Peraturan Komisi Informasi Nomor 1 Tahun 2021 tentang Standar Layanan Informasi Publik",
    "Peraturan Daerah Kabupaten Contoh Nomor 7 Tahun 2016 tentang Pembentukan dan Susunan Perangkat Daerah",
)
QUALIFICATIONS = (
    "Memahami ketentuan terkait pelayanan publik",
    "Mampu mengoperasikan komputer dan aplikasi perkantoran",
    "Memahami tata naskah dinas",
    "Bersikap ramah dan komunikatif",
)
EQUIPMENT = ("Komputer", "Printer", "Jaringan internet", "Alat tulis kantor", "Aplikasi SRIKANDI", "Lemari arsip")
WARNINGS = (
    "Jika SOP tidak dilaksanakan, layanan tidak dapat diselesaikan tepat waktu",
    "Dilaksanakan sesuai dengan ketentuan yang berlaku",
)
RECORDS = ("Register permohonan", "Buku agenda surat", "Arsip elektronik", "Laporan bulanan")
EXTERNAL_SOPS = ('"SOP Pelayanan Keberatan Informasi Publik"', '"SOP Penanganan Pengaduan Masyarakat"')


# ---- one SOP ----------------------------------------------------------------------------------------


@dataclass
class _Activity:
    """One step or decision being generated; `branches` are (key, target) pairs."""

    text: str
    slug: str
    by: str = ""
    needs: str | None = None
    time: str | None = None
    output: str | None = None
    note: str | None = None
    every: str | None = None
    uses: str | None = None
    branches: list[tuple[str, str]] = field(default_factory=list)
    comment: str | None = None
    id: str | None = None

    def lines(self) -> list[str]:
        keyword = "decision" if self.branches else "step"
        opening = f"{keyword} {self.id}: " if self.id else f"{keyword}: "
        lines = [self.comment] if self.comment else []
        lines += _text_lines(opening, self.text, 4)
        for name in ("by", "needs", "time", "output", "note", "every", "uses"):
            value = getattr(self, name)
            if value is not None:
                lines += _text_lines(f"  {name}: ", value, 4)
        lines += [f"  {key}: {target}" for key, target in self.branches]
        return lines


@dataclass
class _Sop:
    """One generated SOP: its id, its text, and the most its procedure can take (for a safe `sla`)."""

    id: str
    text: str
    bound_minutes: float


def generate(folder: Path, shape: Shape) -> list[Path]:
    """Write a library of `shape.files` SOPs into `folder` (created if needed); returns the files in id order.

    `uses` only points at SOPs later in the library, so the library has chains but no cycles.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(shape.seed)
    ids = [_sop_id(rng, index) for index in range(shape.files)]
    sops: dict[str, _Sop] = {}
    for index in reversed(range(shape.files)):
        sops[ids[index]] = _sop(rng, shape, index, ids, sops)
    paths = []
    for sop_id in ids:
        path = folder / f"{sop_id}.sop"
        path.write_text(sops[sop_id].text, encoding="utf-8")
        paths.append(path)
    return paths


def _sop_id(rng: random.Random, index: int) -> str:
    action, topic = rng.choice(ACTIONS), rng.choice(TOPICS)
    return f"{action}-{topic}-{index + 1:04d}".lower().replace(" ", "-")


def _sop(rng: random.Random, shape: Shape, index: int, ids: Sequence[str], done: dict[str, _Sop]) -> _Sop:
    sop_id = ids[index]
    later = list(ids[index + 1 : index + 9])
    roles = rng.sample(ROLES, min(rng.randint(3, 6), max(shape.steps, 1), len(ROLES)))
    activities = _activities(rng, shape, [role_id for role_id, _ in roles], later)
    used = list(dict.fromkeys(a.uses for a in activities if a.uses))
    own = sum(_high_minutes(activity.time) for activity in activities)
    bound = own + sum(done[activity.uses].bound_minutes for activity in activities if activity.uses)
    lines = [f"# Synthetic SOP {index + 1} of {shape.files} (seed {shape.seed}) for the sopdsl benchmark"]
    lines += _header(rng, sop_id, index, used, bound)
    lines += [""] + [f"role {role_id}: {name}" for role_id, name in roles]
    for number, flow in enumerate(_split(activities, shape.sections)):
        if shape.sections > 1:
            lines += ["", f"section {_section_id(number)}: Tahap {number + 1} {rng.choice(OBJECTS).title()}"]
        for activity in flow:
            lines += [""] + activity.lines()
    return _Sop(sop_id, "\n".join(lines) + "\n", bound)


def _header(rng: random.Random, sop_id: str, index: int, used: list[str], bound: float) -> list[str]:
    agency, code = rng.choice(AGENCIES)
    title = sop_id.rsplit("-", 1)[0].replace("-", " ").title()
    created = datetime.date(2019, 1, 2) + datetime.timedelta(days=rng.randrange(5 * 365))
    revised = created + datetime.timedelta(days=rng.randint(30, 200))
    effective = revised + datetime.timedelta(days=rng.randint(1, 30))
    lines = [f"sop {sop_id}: {title}", f"  number: {index + 1}/SOP-{code}/{effective.year}"]
    lines += _list("unit", ["Pemerintah Kabupaten Contoh", agency])
    lines += [f"  created: {created}"]
    if rng.random() < 0.5:
        lines += [f"  revised: {revised}"]
    lines += [f"  effective: {effective}", f"  approved-by: Kepala {agency}"]
    lines += _list("legal-basis", rng.sample(LAWS, rng.randint(1, 4)))
    lines += _list("qualifications", rng.sample(QUALIFICATIONS, rng.randint(1, 3)))
    lines += _list("related", used + ([rng.choice(EXTERNAL_SOPS)] if rng.random() < 0.3 else []))
    lines += _list("equipment", rng.sample(EQUIPMENT, rng.randint(1, 4)))
    lines += _text_lines("  warning: ", rng.choice(WARNINGS), 4)
    lines += _list("records", rng.sample(RECORDS, rng.randint(1, 2)))
    if rng.random() < 0.5:
        lines += [f"  sla: {math.ceil(bound / WORKDAY_MINUTES) + 1} hari kerja"]
    return lines


def _list(keyword: str, items: list[str]) -> list[str]:
    """A list field as the formatter writes it: one item on the keyword's line, several as `- item` lines."""
    if not items:
        return []
    if len(items) == 1:
        return _text_lines(f"  {keyword}: ", items[0], 4)
    return [f"  {keyword}:"] + [line for item in items for line in _text_lines("    - ", item, 6)]


def _text_lines(prefix: str, text: str, indent: int) -> list[str]:
    """`prefix` and the text on one line if it fits in WIDTH, else quoted and broken at spaces onto lines
    indented by `indent`."""
    if len(prefix) + len(text) <= WIDTH:
        return [prefix + text]
    return textwrap.wrap(
        f'"{text}"',
        WIDTH,
        initial_indent=prefix,
        subsequent_indent=" " * indent,
        break_long_words=False,
        break_on_hyphens=False,
    )


def _high_minutes(wording: str | None) -> float:
    return next((high for text, _, high in DURATIONS if text == wording), 0)


def _section_id(number: int) -> str:
    return chr(ord("A") + number) if number < 26 else f"bagian-{number + 1}"


def _split(activities: list[_Activity], sections: int) -> list[list[_Activity]]:
    """The activities cut into `sections` flows of nearly equal size, each of two activities at least."""
    count = max(1, min(sections, len(activities) // 2))
    size, extra = divmod(len(activities), count)
    flows, start = [], 0
    for number in range(count):
        end = start + size + (1 if number < extra else 0)
        flows.append(activities[start:end])
        start = end
    return flows


# ---- the flow ---------------------------------------------------------------------------------------


def _activities(rng: random.Random, shape: Shape, roles: list[str], later: list[str]) -> list[_Activity]:
    """The activities of one SOP, flow by flow: decisions loop back or skip ahead inside their own flow."""
    activities = [_plain(rng, number) for number in range(shape.steps)]
    for flow in _split(activities, shape.sections):
        for position, activity in enumerate(flow[:-1]):
            if rng.random() < shape.decisions:
                _make_decision(rng, shape, flow, position)
            elif later and rng.random() < shape.uses:
                activity.uses, activity.time = rng.choice(later), None
    performers = roles + [rng.choice(roles) for _ in range(max(0, len(activities) - len(roles)))]
    rng.shuffle(performers)
    for activity, performer in zip(activities, performers, strict=False):
        others = [role for role in roles if role != performer]
        activity.by = performer + (f", {rng.choice(others)}" if others and rng.random() < 0.1 else "")
    return activities


def _plain(rng: random.Random, number: int) -> _Activity:
    verb, slug = rng.choice(VERBS)
    thing = rng.choice(OBJECTS)
    text = f"{verb} {thing}{rng.choice(TAILS)}"
    if rng.random() < 0.08:
        text += " " + rng.choice(CLAUSES)
    activity = _Activity(text, f"{slug}-{number + 1}")
    activity.time = rng.choice(DURATIONS)[0]
    if rng.random() < 0.6:
        activity.needs = rng.choice(OBJECTS).capitalize()
    if rng.random() < 0.7:
        activity.output = rng.choice(OBJECTS).capitalize() + rng.choice(OUTPUT_STATES)
    if rng.random() < 0.2:
        activity.note = rng.choice(NOTES).format(rng.randint(2, 14))
    if rng.random() < 0.03:
        activity.every = rng.choice(PERIODS)
    if rng.random() < 0.03:
        activity.comment = f"# Langkah {number + 1}: {rng.choice(CLAUSES)}"
    if rng.random() < 0.2:
        activity.id = activity.slug
    return activity


def _make_decision(rng: random.Random, shape: Shape, flow: list[_Activity], position: int) -> None:
    """Turn flow[position] into a decision: `no` reworks an earlier step, or skips at least one step ahead."""
    if position > 0 and (rng.random() < shape.loops or position + 2 >= len(flow)):
        target = flow[rng.randint(max(0, position - 6), position - 1)]
    elif position + 2 < len(flow):
        target = flow[rng.randint(position + 2, min(len(flow) - 1, position + 5))]
    else:
        return
    target.id = target.slug
    decision = flow[position]
    question, yes, no = rng.choice(QUESTIONS)
    decision.text = question.format(rng.choice(OBJECTS))
    if decision.id is None:  # not yet a jump target: name it for what it does
        decision.slug = "periksa-" + decision.slug.rsplit("-", 1)[1]
    if rng.random() < 0.7:
        decision.branches = [("yes", "next"), ("no", target.slug)]
    else:
        decision.branches = [(f'branch "{yes}"', "next"), (f'branch "{no}"', target.slug)]


# ---- command line -----------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m bench.generate OUT [options]`: write a library and say how many files and steps."""
    defaults = Shape()
    parser = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="folder to write the .sop files into")
    parser.add_argument("--files", type=int, default=defaults.files, help="SOPs in the library")
    parser.add_argument("--steps", type=int, default=defaults.steps, help="steps and decisions per SOP")
    parser.add_argument("--decisions", type=float, default=defaults.decisions, help="share of decisions")
    parser.add_argument("--loops", type=float, default=defaults.loops, help="share of decisions that loop back")
    parser.add_argument("--sections", type=int, default=defaults.sections, help="sections per SOP")
    parser.add_argument("--uses", type=float, default=defaults.uses, help="share of steps that use another SOP")
    parser.add_argument("--seed", type=int, default=defaults.seed, help="random seed")
    args = parser.parse_args(argv)
    shape = Shape(args.steps, args.files, args.decisions, args.loops, args.sections, args.uses, args.seed)
    paths = generate(args.folder, shape)
    print(f"wrote {len(paths)} SOPs of {shape.steps} steps into {args.folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
