"""`sopdsl import`: existing SOP documents (.docx, .xlsx, text .pdf, .csv/.tsv/.txt) to draft .sop files."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

WORDING: dict[str, dict[str, Any]] = {
    "id": {
        "summary": "{source} -> {target}: {roles} pelaksana, {sections} bagian, {steps} langkah, "
        "{decisions} keputusan; {reviews} baris '# periksa'",
        "inferred": "  ditebak: {}",
        "kinds": {"performer": "pelaksana", "branch": "tujuan cabang", "time": "waktu", "header": "kepala/kolom"},
        "exists": "{target}: sudah ada, tidak ditimpa (pakai --force)",
        "symlink": "{target}: tautan simbolik, tidak ditulis",
        "unformatted": "{target}: draf ditulis apa adanya karena belum dapat dirapikan: {error}",
        "failed": "{source}: galat: {error}",
        "total": "{files} berkas, {drafts} draf ditulis",
    },
    "en": {
        "summary": "{source} -> {target}: {roles} roles, {sections} sections, {steps} steps, {decisions} decisions; "
        "{reviews} '# periksa' lines",
        "inferred": "  inferred: {}",
        "kinds": {"performer": "performers", "branch": "branch targets", "time": "times", "header": "header/columns"},
        "exists": "{target}: exists, not overwritten (use --force)",
        "symlink": "{target}: is a symbolic link, not written",
        "unformatted": "{target}: draft written as it is, since it cannot be formatted yet: {error}",
        "failed": "{source}: error: {error}",
        "total": "{files} files, {drafts} drafts written",
    },
}
_KIND_OF_LINE = {"by": "performer", "yes": "branch", "no": "branch", "time": "time", "every": "time"}


def add_arguments(parser) -> None:
    """The command's arguments."""
    parser.add_argument(
        "files", nargs="+", metavar="FILE",
        help=".docx, .xlsx, text .pdf, .csv, .tsv or .txt files, or folders to import every such file below",
    )
    parser.add_argument("-o", "--output-dir", metavar="DIR", help="folder for the drafts (default: beside each file)")
    parser.add_argument("--force", action="store_true", help="write over existing .sop files")
    parser.add_argument("--lang", choices=sorted(WORDING), help="language of the summary and messages (default: id)")
    parser.add_argument(
        "--keywords", choices=sorted(WORDING), metavar="id|en",
        help="language of the drafts' keywords (default: the document's: id for an Indonesian table, en for an "
        "English one)",
    )


def run(args) -> int:
    """Import every file; exit 2 if a file could not be read or a draft could not be written, 1 if a draft was
    written that does not parse, else 0."""
    words = WORDING[args.lang or "id"]
    written: set[Path] = set()
    status = 0
    files = [path for name in args.files for path in _inputs(Path(name))]
    for path in files:
        status = max(status, _import_file(path, args, words, written))
    if len(files) > 1:
        _tell(words["total"], files=len(files), drafts=len(written))
    return status


def _tell(template: str, to=None, **fields) -> None:
    """Print one line of the command, every value in it (names, error texts) made safe for the terminal."""
    from ..terminal import printable

    print(template.format(**{name: printable(str(value)) for name, value in fields.items()}), file=to)


def _inputs(path: Path) -> list[Path]:
    """The path itself, or for a folder every importable file below it (Office's `~$` lock files left out)."""
    from ..importers import CONVERT_FIRST, READERS

    if not path.is_dir():
        return [path]
    known = set(READERS) | set(CONVERT_FIRST)
    found = [p for p in path.rglob("*") if p.suffix.lower() in known and not p.name.startswith("~$")]
    return sorted(p for p in found if p.is_file())


def _import_file(path: Path, args, words: dict, written: set[Path]) -> int:
    """Import one file, writing its drafts; returns the exit status for it."""
    from ..importers import ImportFailure, read_drafts

    try:
        if not path.is_file():
            raise ImportFailure("no-file" if not path.exists() else "not-a-file")
        drafts = read_drafts(path)
    except ImportFailure as error:
        _tell(words["failed"], source=path, error=error.message(args.lang or "id"), to=sys.stderr)
        return 2
    except OSError as error:
        _tell(words["failed"], source=path, error=error.strerror or error, to=sys.stderr)
        return 2
    except Exception as error:  # a document no reader foresaw: say so for this file and go on with the others
        if os.environ.get("SOPDSL_DEBUG"):
            raise
        _tell(words["failed"], source=path, error=f"{type(error).__name__}: {error}", to=sys.stderr)
        return 2
    folder = Path(args.output_dir) if args.output_dir else path.parent
    status = 0
    for draft in drafts:
        status = max(status, _write(path, draft, folder, args, words, written))
    return status


def _write(source: Path, draft, folder: Path, args, words: dict, written: set[Path]) -> int:
    """Write one draft unless that would lose a file; print its summary; returns the exit status."""
    from ..importers.writer import draft_text, sop_id
    from ..output import write_atomically

    target = folder / f"{sop_id(draft)}.sop"
    number = 2
    while target in written:
        target, number = folder / f"{sop_id(draft)}-{number}.sop", number + 1
    if target.is_symlink():
        _tell(words["symlink"], target=target, to=sys.stderr)
        return 2
    if target.exists() and not args.force:
        _tell(words["exists"], target=target, to=sys.stderr)
        return 2
    text, error = draft_text(draft, args.keywords)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_atomically(target, text.encode("utf-8"))
    except OSError as failure:
        _tell(words["failed"], source=target, error=failure.strerror or failure, to=sys.stderr)
        return 2
    written.add(target)
    _summary(source, target, draft, words)
    if error is not None:  # written all the same, so that nothing read is lost; the author fixes it
        _tell(words["unformatted"], target=target, error=error, to=sys.stderr)
        return 1
    return 0


def _summary(source: Path, target: Path, draft, words: dict) -> None:
    """The counts of the draft, and what it guessed."""
    steps = draft.steps()
    _tell(
        words["summary"], source=source, target=target, roles=len(draft.roles),
        sections=sum(1 for section in draft.sections if section.id is not None), steps=len(steps),
        decisions=sum(1 for step in steps if step.decision), reviews=draft.review_count(),
    )
    counts = _inferred(draft)
    if counts:
        kinds = words["kinds"]
        print(words["inferred"].format(", ".join(f"{kinds[kind]} {count}" for kind, count in counts.items())))


def _inferred(draft) -> dict[str, int]:
    """How many guesses of each kind the draft carries."""
    counts: dict[str, int] = {}
    lines: list[str] = [line for line, reasons in draft.reviews.items() for _ in reasons]
    for step in draft.steps():
        lines += [line for line, reasons in step.reviews.items() for _ in reasons]
    for line in lines:
        kind = _KIND_OF_LINE.get(line, "header")
        counts[kind] = counts.get(kind, 0) + 1
    return dict(sorted(counts.items()))
