"""Small .sop files for the checker, configuration and reporter tests."""

from __future__ import annotations

import textwrap
from pathlib import Path

HEADER = """\
sop {id}: Contoh
  number: 1/SOP/2024
  effective: 2024-06-10
  approved-by: Kepala Dinas
{fields}
role petugas: Petugas

"""

CLEAN_STEP = """\
step terima: Menerima permohonan
  by: petugas
  time: 10 menit
"""


def sop_text(steps: str = CLEAN_STEP, sop_id: str = "contoh", fields: str = "") -> str:
    """A complete SOP: a header with the recommended fields (and `fields`, indented lines), one role, then the steps."""
    return HEADER.format(id=sop_id, fields=fields) + textwrap.dedent(steps)


def write_sop(folder: Path, name: str, steps: str = CLEAN_STEP, **header) -> Path:
    """`folder/name` holding sop_text(steps), its id taken from the file name."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(sop_text(steps, Path(name).stem, **header), encoding="utf-8")
    return path
