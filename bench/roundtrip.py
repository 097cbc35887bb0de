"""How much of an SOP comes back from its own documents: each spec and N generated SOPs rendered to docx, xlsx, pdf
and csv, imported again, and compared field by field.

`python -m bench.roundtrip [--generated N] [--formats docx,xlsx,pdf,csv]` prints, per format, the share of fields
that come back exactly: the header fields (title, number, unit, dates, position, the signatory's name, rank and
NIP, the lists), the roles in column order, the sections, every step's kind, text, performer, needs, time,
period, output and note, and every branch of every decision with its target. A field counts when the source or
the draft has it; one that only the draft has (an invented value) counts as wrong. The CSV is one row per step:
it has no identity sheet, no section titles and no role order, so those are not asked of it.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .generate import Shape, generate

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ("docx", "xlsx", "pdf", "csv")
KINDS = ("header", "roles", "sections", "steps", "branches")
HEADER = ("title", "number", "unit", "created", "revised", "effective", "approved_by", "legal_basis",
          "qualifications", "related", "equipment", "warning", "records", "annex", "staffing")
STEP = ("keyword", "text", "by", "needs", "time", "every", "output", "note")
CARRIES_HEADER = {"docx": True, "xlsx": True, "pdf": True, "csv": False}
"""Whether a format carries the identity sheet, the section titles and the order of the role columns."""
SIGNATORIES = (
    ("HADI PRANTIA, S.STP., M.Si.", "Pembina Tk. I", "19810207 200003 1 001"),
    ("Dra. SRI WAHYUNI, M.M.", "Pembina Utama Muda", "19680512 199003 2 004"),
    ("Ir. BUDI SANTOSO", None, "19750101 200012 1 002"),
    ("AHMAD YANI, S.Sos.", "Penata Tk. I (III/d)", None),
)


def fields_of(sop, header: bool = True) -> dict[str, object]:
    """Every field an import must give back, keyed by where it stands ('header.number', 'step.3.time', 'branch.2.no'),
    with performers (by name, in no order: a table marks their columns) and branch targets (by position) named
    independently of ids. `header`: the format carries the identity
    sheet, the section titles and the role order (without it the roles are compared as a sorted set)."""
    names = {role.id: role.name.value for role in sop.roles}
    found: dict[str, object] = {}
    if header:
        for name in HEADER:
            found[f"header.{name}"] = _plain(getattr(sop, name))
        approver = sop.approver
        for key in ("name", "rank", "nip"):
            found[f"header.approver.{key}"] = _plain(getattr(approver, key) if approver else None)
    roles = [role.name.value for role in sop.roles]
    for index, name in enumerate(roles if header else sorted(roles)):
        found[f"role.{index + 1}"] = name
    for index, section in enumerate(sop.sections):
        found[f"section.{index + 1}"] = (section.id, section.title.value if section.title and header else None)
    number = 0
    for section_number, section in enumerate(sop.sections):
        ids = [activity.id for activity in section.steps]
        for index, activity in enumerate(section.steps):
            number += 1
            values = _step(activity, names)
            found.update({f"step.{number}.{key}": values[key] for key in STEP})
            for branch in activity.branches:
                target = branch.target.id
                position = index + 1 if target == "next" else target if target == "end" else ids.index(target)
                key = branch.kind if branch.kind != "label" else f"branch {branch.label}"
                found[f"branch.{number}.{key}"] = (section_number, position)
    return {key: value for key, value in found.items() if value not in (None, (), "")}


def _plain(value) -> object:
    """A model value as plain text: Text and Ref by their text, a date as ISO, a list as a tuple."""
    if isinstance(value, tuple):
        return tuple(_plain(item) for item in value)
    if value is None:
        return None
    for attribute in ("value", "id"):
        if hasattr(value, attribute):
            return str(getattr(value, attribute))
    return str(value)


def _step(activity, names: dict[str, str]) -> dict[str, object]:
    """A step's fields as plain values: its times and periods as what they mean, whatever their wording."""
    from sopdsl.model import number_value

    time, every = activity.time, activity.every
    if time is not None and not hasattr(time, "value"):
        upto = (time.upto.amount, time.upto.unit) if time.upto is not None else None
        time = (tuple((term.amount, term.unit) for term in time.terms), upto)
    elif time is not None:
        time = ("text", time.value)
    if every is not None:
        every = (every.unit, number_value(every.number or "1"), number_value(every.times or "1"))
    return {
        "keyword": activity.keyword,
        "text": activity.text.value,
        "by": tuple(sorted(names.get(ref.id, ref.id) for ref in activity.by)),  # the table shows no order
        "needs": _plain(activity.needs),
        "time": time,
        "every": every,
        "output": _plain(activity.output),
        "note": _plain(activity.note),
    }


@dataclass
class Tally:
    """Fields that came back exactly, of all asked, per kind; and where they did not."""

    exact: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    asked: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    misses: list[str] = field(default_factory=list)

    def add(self, source: str, expected: dict[str, object], found: dict[str, object]) -> None:
        """Count one SOP's fields."""
        for key in sorted(expected.keys() | found.keys()):
            kind = _kind(key)
            self.asked[kind] += 1
            if expected.get(key) == found.get(key):
                self.exact[kind] += 1
            else:
                self.misses.append(f"{source} {key}: {expected.get(key)!r} -> {found.get(key)!r}")

    def share(self, kind: str | None = None) -> str:
        """'exact/asked (pct)' for one kind, or for all."""
        exact = sum(self.exact.values()) if kind is None else self.exact[kind]
        asked = sum(self.asked.values()) if kind is None else self.asked[kind]
        if not asked:
            return "—"
        return f"{exact}/{asked} ({100 * exact / asked:.1f} %)"


def _kind(key: str) -> str:
    """The kind of a field key: 'header.number' -> 'header', 'step.3.time' -> 'steps'."""
    head = key.split(".", 1)[0]
    return {"role": "roles", "section": "sections", "step": "steps", "branch": "branches"}.get(head, head)


def round_trip(source_text: str, kind: str, folder: Path):
    """The SOP the import gives back from the SOP's own `kind` document (None when nothing could be imported)."""
    from sopdsl.api import render
    from sopdsl.importers import ImportFailure, read_drafts
    from sopdsl.importers.writer import format_draft, write_draft
    from sopdsl.parse import SopSyntaxError, parse_text

    sop = parse_text(source_text)
    document = render(sop, kind)
    path = folder / f"{sop.id}.{kind}"
    path.write_bytes(document if isinstance(document, bytes) else document.encode("utf-8"))
    try:
        drafts = read_drafts(path)
        return parse_text(format_draft(write_draft(drafts[0]))[0])
    except (ImportFailure, SopSyntaxError):
        return None


def with_signatory(text: str, rng: random.Random) -> str:
    """A generated SOP with an approver block under its approved-by line (the generator writes none)."""
    name, rank, nip = rng.choice(SIGNATORIES)
    lines = ["  approver:"] + [f"    {key}: {value}" for key, value in (("name", name), ("rank", rank), ("nip", nip))
                               if value]
    return re.sub(r"(?m)^(  approved-by: .*)$", lambda match: "\n".join([match.group(1), *lines]), text, count=1)


def sources(generated: int, folder: Path, seed: int = 16) -> list[tuple[str, str]]:
    """(name, .sop text) of every spec and of `generated` SOPs made by the benchmark's generator (two sections,
    decisions going back and ahead, every kind of time, with a signatory)."""
    found = [(path.name, path.read_text(encoding="utf-8")) for path in sorted((ROOT / "specs").glob("*.sop"))]
    if generated:
        rng = random.Random(seed)
        shape = Shape(steps=12, files=generated, decisions=0.3, sections=2, uses=0.0, seed=seed)
        for path in generate(folder / "generated", shape):
            found.append((path.name, with_signatory(path.read_text(encoding="utf-8"), rng)))
    return found


def measure(kinds: Sequence[str], generated: int) -> dict[str, Tally]:
    """One tally per format over the specs and the generated SOPs."""
    from sopdsl.parse import parse_text

    tallies = {kind: Tally() for kind in kinds}
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for source, text in sources(generated, folder):
            for kind in kinds:
                header = CARRIES_HEADER[kind]
                back = round_trip(text, kind, folder)
                found = fields_of(back, header) if back is not None else {}
                tallies[kind].add(f"{source} ({kind})", fields_of(parse_text(text), header), found)
    return tallies


def table(tallies: dict[str, Tally]) -> str:
    """The tallies as a Markdown table: one row per format, one column per kind of field."""
    lines = ["| format | " + " | ".join(KINDS) + " | all fields |", "|---" * (len(KINDS) + 2) + "|"]
    for kind, tally in tallies.items():
        lines.append(f"| {kind} | " + " | ".join(tally.share(k) for k in KINDS) + f" | {tally.share()} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.roundtrip", description=__doc__.split("\n\n")[0])
    parser.add_argument("--generated", type=int, default=20, metavar="N", help="generated SOPs besides the specs")
    parser.add_argument("--formats", default=",".join(FORMATS), help="comma-separated formats (docx,xlsx,pdf,csv)")
    parser.add_argument("--misses", action="store_true", help="list every field that did not come back exactly")
    args = parser.parse_args(argv)
    kinds = [kind for kind in args.formats.split(",") if kind]
    tallies = measure(kinds, args.generated)
    specs = len(list((ROOT / "specs").glob("*.sop")))
    print(f"{specs} specs and {args.generated} generated SOPs, rendered and imported back:\n")
    print(table(tallies))
    if args.misses:
        for tally in tallies.values():
            print("\n".join(tally.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
