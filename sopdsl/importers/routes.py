"""Where a row leads: routes written in Keterangan ('Ya: lanjut ke 5; Tidak: kembali ke 3'), or inferred ones."""

from __future__ import annotations

import re

from .draft import Branch, DraftSection, DraftStep
from .words import branch_kind

PART_SEPARATOR = " — "
ROUTE_SEPARATOR = "; "
_ROUTE = re.compile(
    r"(?:(?P<label>[^:;]{1,40}):\s*)?(?:(?:lanjut|kembali|go|back|menuju)\s+(?:ke|to)\s+(?:langkah\s+|step\s+|no\.?\s*)?"
    r"(?P<number>[A-Za-z]?\.?\d+)|(?P<end>selesai|end))\.?",
    re.I,
)
Route = tuple[str | None, str]


def split_routes(note: str) -> tuple[list[Route], str]:
    """The routes a Keterangan cell ends with, as (label, target number or 'end'), and the note without them."""
    parts = note.split(PART_SEPARATOR)
    routes = []
    for route in parts[-1].split(ROUTE_SEPARATOR.strip()):
        match = _ROUTE.fullmatch(route.strip())
        if match is None:
            return [], note
        label = match.group("label")
        routes.append((label.strip() if label else None, "end" if match.group("end") else match.group("number")))
    return routes, PART_SEPARATOR.join(parts[:-1])


_ARROW = re.compile(r"\barrow;\s*from=(?P<source>[^;]+);\s*to=(?P<target>[^;]+)(?:;\s*label=(?P<label>[^;]+))?", re.I)
Arrow = tuple[str, str, str | None]


_SYMBOL = re.compile(
    r"(?:kegiatan|keputusan|activity|decision)\s+(?P<number>[A-Za-z]?\.?\d+)(?:\s*\((?P<names>.*?)\)(?=\s*:|\s*$))?"
    r"(?:\s*:\s*(?P<routes>.+))?",
    re.I,
)


_WAYS = re.compile(r"\bsymbol=[^;]*;\s*step=(?P<number>[^;]+);.*?\bways=(?P<routes>.+)", re.I)


def arrows_described(description: str) -> list[Arrow]:
    """(from, to, label) of the arrows a drawing's alternative text describes: an arrow naming its ends, as
    sopdsl's own Word tables write them ('sopdsl: arrow; from=A.4; to=A.3; label=Tidak'), or a symbol naming its
    ways out, as its printed document ('Keputusan A.4: Ya: lanjut ke A.5; Tidak: kembali ke A.3') and its Word
    tables ('sopdsl: symbol=decision; step=A.4; role=kepala; ways=Ya: lanjut ke A.5; ...') do."""
    match = _ARROW.search(description)
    if match is not None:
        label = match.group("label")
        return [(match.group("source").strip(), match.group("target").strip(), label.strip() if label else None)]
    symbol = _SYMBOL.fullmatch(description.strip()) or _WAYS.search(description)
    if symbol is None or not symbol.group("routes"):
        return []
    routes, rest = split_routes(symbol.group("routes"))
    return [] if rest else [(symbol.group("number"), target, label) for label, target in routes]


def names_described(description: str) -> list[str]:
    """The performers a symbol's description names in full ('Kegiatan A.2 (Bendahara Pengeluaran): ...')."""
    symbol = _SYMBOL.fullmatch(description.strip())
    names = symbol.group("names") if symbol is not None else None
    return [name.strip() for name in names.split(", ")] if names else []


def section_letter(number: str) -> str | None:
    """'A' of 'A.3'; None for a number without a section letter."""
    match = re.match(r"\s*([A-Za-z]+)\s*\.", number)
    return match.group(1) if match else None


def number_key(number: str) -> str:
    """The step number without its section letter and dots: 'A.3' -> '3', '3.' -> '3'."""
    digits = re.findall(r"\d+", number)
    return digits[-1] if digits else number.strip()


def resolve(section: DraftSection, pending: list[tuple[DraftStep, list[Route]]]) -> None:
    """Give each step its routes (targets by position), and decisions without routes inferred branches."""
    numbers = {number_key(step.number): index for index, step in enumerate(section.steps)}
    for step, routes in pending:
        _apply(section, step, routes, numbers)
    for index, step in enumerate(section.steps):
        if step.decision and not step.branches:
            _infer_branches(section, index, step, numbers)


def _apply(section: DraftSection, step: DraftStep, routes: list[Route], numbers) -> None:
    """Turn one step's routes into its branches (a decision) or its next (a plain step)."""
    index = section.steps.index(step)
    for label, number in routes:
        target: object = "end" if number == "end" else numbers.get(number_key(number))
        if target is None:
            step.review("step", f"tujuan '{number}' tidak ditemukan di bagian ini")
            continue
        if target == index + 1:
            target = "next"
        if step.decision or label is not None:
            step.decision = True
            kind = branch_kind(label or "", printed=True) or "label"
            step.branches.append(Branch(kind, target, label if kind == "label" else None))
        elif target != "next":
            step.next = target


_BACK_TO = re.compile(
    r"(?:kembali|dikembalikan|diulang|ulangi|back|return)\w*\s+(?:\w+\s+){0,3}?(?:ke|to)\s+"
    r"(?:langkah|kegiatan|tahap|no\.?|nomor|step|baris)\s*(?:ke\s*-?\s*)?(\d+)",
    re.I,
)


def _infer_branches(section: DraftSection, index: int, step: DraftStep, numbers) -> None:
    """Ya goes on to the next row (or the end); Tidak goes back to the step the row's text sends it back to
    ('dikembalikan ke langkah 2'), else to the row before. Both marked for review."""
    last = index == len(section.steps) - 1
    step.branches.append(Branch("yes", "end" if last else "next"))
    step.review("yes", "tujuan cabang Ya ditebak: " + ("selesai" if last else "baris berikutnya"))
    back = _BACK_TO.search(f"{step.note or ''} {step.text}")
    target = numbers.get(back.group(1)) if back else None
    if back is not None and target is not None and target < index:
        step.branches.append(Branch("no", target))
        step.review("no", f"tujuan cabang Tidak dibaca dari teks: '{back.group(0)}'")
        return
    step.branches.append(Branch("no", index - 1 if index > 0 else "end"))
    step.review("no", "tujuan cabang Tidak ditebak: baris sebelumnya" if index > 0 else "tujuan cabang Tidak ditebak")
