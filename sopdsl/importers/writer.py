"""A draft written as .sop text, every guess marked by a `# periksa:` line above the line concerned."""

from __future__ import annotations

import re

from ..model import HEADER_FIELDS as MODEL_HEADER_FIELDS
from .draft import Branch, Draft, DraftStep, slug, unique

REVIEW = "# periksa:"
# The header fields an import fills in (text, lists and dates), as (attribute, keyword), in the language's order.
HEADER_FIELDS = tuple(
    (concept, keyword) for keyword, concept, kind in MODEL_HEADER_FIELDS if kind in ("text", "list", "date", "approver")
    and concept != "logo"
)
# What reads back unquoted as it is: the TEXT terminal of the grammar, not starting with a list dash.
_BARE = re.compile(r'[^ \t\r\n"#\-](?:[^ \t\r\n]|[ \t]+(?=[^ \t\r\n#]))*')


def text_value(text: str, quote: bool = False) -> str:
    """Author text on one line: bare where it reads back as it is, else a quoted string."""
    folded = " ".join(text.split())
    if not quote and _BARE.fullmatch(folded):
        return folded
    return '"' + folded.replace("\\", "\\\\").replace('"', '\\"') + '"'


def sop_id(draft: Draft) -> str:
    """The SOP's id: the slug of its title, else of its number."""
    return slug(draft.title or str(draft.fields.get("number") or ""), "sop")


class _Lines:
    """The lines written so far; each line may be preceded by its `# periksa` comments."""

    def __init__(self) -> None:
        """No lines yet."""
        self.lines: list[str] = []

    def add(self, line: str, reasons: list[str] | None = None, indent: int = 0) -> None:
        """A line, after one `# periksa` comment per reason, indented as the line."""
        for reason in reasons or ():
            self.lines.append(f"{' ' * indent}{REVIEW} {' '.join(reason.split())}")
        self.lines.append(line)

    def blank(self) -> None:
        """An empty line."""
        self.lines.append("")


def write_draft(draft: Draft) -> str:
    """The draft as .sop text (not yet formatted)."""
    out = _Lines()
    out.add(f"# Draf impor dari {' '.join(draft.source.split())}: periksa baris yang diawali '{REVIEW}'.")
    for note in draft.notes:
        out.add(f"# {' '.join(note.split())}")
    out.add(f"sop {sop_id(draft)}: {text_value(draft.title)}", draft.reviews.get("sop"))
    _header_fields(draft, out)
    out.blank()
    for role_id, name in draft.roles.items():
        out.add(f"role {role_id}: {text_value(name)}", draft.reviews.get(f"role:{role_id}"))
    ids = _step_ids(draft)
    for number, section in enumerate(draft.sections):
        if section.id is not None:
            out.blank()
            out.add(f"section {section.id}: {text_value(section.title or section.id)}",
                    draft.reviews.get(f"section:{section.id}"))
        for index, step in enumerate(section.steps):
            out.blank()
            _step(out, step, ids.get((number, index)), lambda target, n=number: _target(ids, n, target))
    return "\n".join(out.lines) + "\n"


def _header_fields(draft: Draft, out: _Lines) -> None:
    """The header fields the draft has, in the language's order."""
    for name, keyword in HEADER_FIELDS:
        value = draft.fields.get(name)
        if not value:
            continue
        reasons = draft.reviews.get(name)
        if isinstance(value, dict):  # the approver block: name, rank, nip
            out.add(f"  {keyword}:", reasons, 2)
            for key, text in value.items():
                out.add(f"    {key}: {text_value(text)}")
        elif isinstance(value, list):
            out.add(f"  {keyword}:", reasons, 2)
            for item in value:
                out.add(f"    - {text_value(item, quote=name == 'related')}")
        elif name in ("created", "revised", "effective"):
            out.add(f"  {keyword}: {value}", reasons, 2)
        else:
            out.add(f"  {keyword}: {text_value(str(value))}", reasons, 2)


def _step_ids(draft: Draft) -> dict[tuple[int, int], str]:
    """Ids for the steps a jump names, keyed by (section position, step position)."""
    taken = set(draft.roles) | {section.id for section in draft.sections if section.id}
    ids: dict[tuple[int, int], str] = {}
    for number, section in enumerate(draft.sections):
        targets = {b.target for step in section.steps for b in step.branches if isinstance(b.target, int)}
        targets |= {step.next for step in section.steps if isinstance(step.next, int)}
        for index in sorted(targets):
            prefix = f"{section.id}-" if section.id else ""
            ids[(number, index)] = unique(slug(f"langkah-{prefix}{index + 1}", "langkah"), taken)
    return ids


def _step(out: _Lines, step: DraftStep, step_id: str | None, target_of) -> None:
    """One step or decision with its attributes and branches."""
    keyword = "decision" if step.decision else "step"
    opening = f"{keyword} {step_id}:" if step_id else f"{keyword}:"
    out.add(f"{opening} {text_value(step.text)}", step.reviews.get("step"))
    if step.performers:
        out.add(f"  by: {', '.join(step.performers)}", step.reviews.get("by"), 2)
    if step.needs:
        out.add(f"  needs: {text_value(step.needs)}")
    if step.time.time:
        value = text_value(step.time.time, quote=True) if step.time.quoted else step.time.time
        out.add(f"  time: {value}{_source_comment(step, step.time.time)}", step.reviews.get("time"), 2)
    if step.output:
        out.add(f"  output: {text_value(step.output)}")
    if step.note:
        out.add(f"  note: {text_value(step.note)}")
    if step.time.every:
        out.add(f"  every: {step.time.every}{_source_comment(step, step.time.every)}", step.reviews.get("every"), 2)
    if step.next is not None and not step.decision:
        out.add(f"  next: {target_of(step.next)}", step.reviews.get("next"), 2)
    for branch in step.branches:
        out.add(f"  {_branch_key(branch)}: {target_of(branch.target)}", step.reviews.get(branch.kind), 2)


def _source_comment(step: DraftStep, written: str) -> str:
    """A trailing comment with the Waktu cell as the source wrote it, when the draft words it otherwise."""
    if written == step.time_source:
        return ""
    return "  # Waktu: " + " ".join(step.time_source.replace('"', "'").split())


def _target(ids: dict[tuple[int, int], str], section: int, target: object) -> str:
    """A branch or next target: the id of the step at that position, or 'next' / 'end'."""
    return ids[(section, target)] if isinstance(target, int) else str(target)


def _branch_key(branch: Branch) -> str:
    """'yes', 'no' or 'branch "<label>"'."""
    return f"branch {text_value(branch.label or '', quote=True)}" if branch.kind == "label" else branch.kind


def draft_text(draft: Draft, keywords: str | None = None) -> tuple[str, str | None]:
    """The draft as `sopdsl import` writes it: its keywords in `keywords`, else in the document's language (see
    `format_draft` for the second value)."""
    return format_draft(write_draft(draft), keywords or draft.language)


def format_draft(text: str, keywords: str | None = None) -> tuple[str, str | None]:
    """The text in canonical form, its keywords in the language `keywords` ('id', 'en'; None: as written), and
    None; or the text as it is, and why it does not parse or format."""
    from ..format import FormatError, format_text
    from ..parse import SopSyntaxError

    try:
        return format_text(text, keywords), None
    except SopSyntaxError as error:
        return text, f"line {error.line}, column {error.column}: {error.message}"
    except FormatError as error:
        return text, str(error)
