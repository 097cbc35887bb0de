"""An SOP's revision history from git (`git log --follow`), each revision compared with the one before, as a page."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence
from html import escape
from pathlib import Path
from typing import NamedTuple

from ..model import Sop
from ..parse import SopSyntaxError, parse_text
from .diff import Change, sop_changes
from .diff_report import value_text, where_text

WORDS = {
    "id": {
        "title": "Riwayat revisi",
        "date": "Tanggal",
        "revision": "Revisi",
        "changes": "Perubahan",
        "first": "Versi pertama.",
        "none": "Tidak ada perubahan pada SOP.",
        "unparsed": "Versi ini tidak dapat diurai.",
        "kind": "Jenis",
        "where": "Letak",
        "field": "Bagian",
        "old": "Lama",
        "new": "Baru",
        "index": "Daftar SOP",
    },
    "en": {
        "title": "Revision history",
        "date": "Date",
        "revision": "Revision",
        "changes": "Changes",
        "first": "First version.",
        "none": "No change to the SOP.",
        "unparsed": "This version does not parse.",
        "kind": "Kind",
        "where": "Where",
        "field": "Field",
        "old": "Old",
        "new": "New",
        "index": "SOP library",
    },
}
TIMEOUT = 60  # seconds for one git command


class Revision(NamedTuple):
    """One commit of the file: its hash, date, subject, and the changes from the revision before (None: first)."""

    commit: str
    date: str
    subject: str
    changes: tuple[Change, ...] | None
    parses: bool = True


def _git(folder: Path, *arguments: str) -> str | None:
    """Git's output in the folder, or None where git is missing or fails (not a repository, say)."""
    git = shutil.which("git")
    if git is None:
        return None
    try:
        result = subprocess.run([git, "-C", str(folder), *arguments], capture_output=True, timeout=TIMEOUT,
                                check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout.decode("utf-8", errors="replace") if result.returncode == 0 else None


def _parsed(text: str | None) -> Sop | None:
    try:
        return parse_text(text) if text is not None else None
    except SopSyntaxError:
        return None


def head_commit(folder: Path) -> str | None:
    """The commit checked out in the git work tree holding the folder; None outside one, or before its first commit.

    Every revision history under the folder is a function of it: a file's history changes only with a commit."""
    head = (_git(folder, "rev-parse", "--verify", "--quiet", "HEAD") or "").strip()
    return head or None


def revisions(path: Path) -> list[Revision]:
    """The file's revisions, newest first; empty outside a git repository or for a file git does not track."""
    path = path.resolve()
    log = _git(path.parent, "log", "--follow", "--name-only", "--format=%x00%H%x09%cs%x09%s", "--", path.name)
    if not log:
        return []
    commits = []
    for record in log.split("\0")[1:]:
        head, _, names = record.partition("\n")
        commit, date, subject = (head.split("\t", 2) + ["", ""])[:3]
        name = next((line for line in names.splitlines() if line.strip()), None)
        if name is not None:
            commits.append((commit, date, subject, name))
    top = _git(path.parent, "rev-parse", "--show-toplevel")
    root = Path(top.strip()) if top else path.parent
    found: list[Revision] = []
    older: Sop | None = None
    for commit, date, subject, name in reversed(commits):
        sop = _parsed(_git(root, "show", f"{commit}:{name}"))
        changes = tuple(sop_changes(older, sop)) if older is not None and sop is not None else None
        found.append(Revision(commit, date, subject, changes, sop is not None))
        older = sop or older
    return found[::-1]


def history_page(title: str, revisions_found: Sequence[Revision], lang: str = "id", index: str = "") -> str:
    """The revisions of one SOP, newest first, each with its date, commit and the table of its changes."""
    words = WORDS[lang]
    body = [f"<h1>{escape(words['title'])}: {escape(title)}</h1>"]
    if index:
        body.append(f'<p><a href="{escape(index)}">{escape(words["index"])}</a></p>')
    for revision in revisions_found:
        body.append(f"<h2>{escape(revision.date)} <code>{escape(revision.commit[:10])}</code> "
                    f"{escape(revision.subject)}</h2>")
        if not revision.parses:
            body.append(f"<p>{escape(words['unparsed'])}</p>")
        elif revision.changes is None:
            body.append(f"<p>{escape(words['first'])}</p>")
        elif not revision.changes:
            body.append(f"<p>{escape(words['none'])}</p>")
        else:
            body.append("<table><tr>" + "".join(f"<th>{escape(words[key])}</th>" for key in
                                               ("kind", "where", "field", "old", "new")) + "</tr>")
            for change in revision.changes:
                cells = (change.kind, where_text(change), change.field or "", value_text(change.old),
                         value_text(change.new))
                body.append("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in cells) + "</tr>")
            body.append("</table>")
    return "\n".join([
        "<!DOCTYPE html>",
        f'<html lang="{escape(lang)}">',
        f'<head><meta charset="utf-8"><title>{escape(words["title"])}: {escape(title)}</title><style>'
        "body { font-family: \"DejaVu Sans\", Arial, sans-serif; font-size: 10pt; margin: 2em; }"
        " table { border-collapse: collapse; } th, td { border: 1px solid #999; padding: 4px 6px; text-align: left;"
        " vertical-align: top; } th { background: #eee; }</style></head>",
        "<body>",
        *body,
        "</body>",
        "</html>",
        "",
    ])
