"""The flowchart table's rows, as every table format prints them: section rows and numbered steps."""

from __future__ import annotations

from attrs import frozen

from ..model import Activity, Role, Sop
from .labels import LABELS, time_text
from .options import RenderOptions


@frozen
class Column:
    """One Pelaksana column: a declared role, or the stand-in used when the SOP declares none."""

    role_id: str | None
    name: str


@frozen
class SectionRow:
    """A row spanning the table: a section's letter and title."""

    section: int  # index of the section in the SOP
    letter: str
    title: str


@frozen
class StepRow:
    """One step: its number in its section, its performers' columns and its Mutu Baku cells."""

    section: int
    position: int  # index of the step in its section's flow
    number: int
    step: Activity
    columns: tuple[int, ...]  # performer columns, first one carries the flow
    assigned: bool  # False when no `by` names a declared role (the symbol then stands in a borrowed column)
    first: bool  # first step of its flow: drawn as a capsule
    last: bool  # last step of its flow: drawn as a capsule
    time: str

    @property
    def key(self) -> str:
        """A stable name for the row, safe in HTML ids: section and step numbers."""
        return f"s{self.section + 1}-{self.number}"

    @property
    def shape(self) -> str:
        """The symbol of the printed table: the first and last step of a flow are capsules, as the regulation says."""
        if self.first or self.last:
            return "terminator"
        return "decision" if self.step.is_decision else "process"

    @property
    def diagram_shape(self) -> str:
        """The symbol of a diagram: as in the table, but a decision keeps its diamond, first or last."""
        return "decision" if self.step.is_decision else self.shape

    @property
    def drawn_as_end(self) -> bool:
        """A diagram draws the step as the end of its flow: the last step, unless a decision."""
        return self.last and not self.step.is_decision


Row = SectionRow | StepRow


def columns_of(sop: Sop, lang: str = "id") -> list[Column]:
    """The Pelaksana columns in declaration order; one stand-in column when no role is declared."""
    if not sop.roles:
        return [Column(None, LABELS[lang]["no_role"])]
    return [Column(role.id, role.name.value) for role in _unique_roles(sop.roles)]


def _unique_roles(roles: tuple[Role, ...]) -> list[Role]:
    seen, unique = set(), []
    for role in roles:
        if role.id not in seen:
            seen.add(role.id)
            unique.append(role)
    return unique


def table_rows(sop: Sop, lang: str = "id") -> list[Row]:
    """Every row of the flowchart table in order; steps are numbered 1, 2, 3 ... within each section."""
    column_of = {column.role_id: i for i, column in enumerate(columns_of(sop, lang)) if column.role_id}
    rows: list[Row] = []
    previous_column = 0
    for section_index, section in enumerate(sop.sections):
        if section.id is not None:
            title = section.title.value if section.title is not None else ""
            rows.append(SectionRow(section_index, section.id, title))
        count = len(section.steps)
        for position, step in enumerate(section.steps):
            columns = tuple(dict.fromkeys(column_of[ref.id] for ref in step.by if ref.id in column_of))
            assigned = bool(columns)
            if not assigned:
                columns = (previous_column,)
            previous_column = columns[0]
            rows.append(
                StepRow(
                    section=section_index,
                    position=position,
                    number=position + 1,
                    step=step,
                    columns=columns,
                    assigned=assigned,
                    first=position == 0,
                    last=position == count - 1,
                    time=time_text(step, lang),
                )
            )
    return rows


def performer_names(sop: Sop, step: Activity) -> str:
    """The names of a step's performers, joined; an undeclared role prints its id."""
    names = {role.id: role.name.value for role in sop.roles}
    return ", ".join(names.get(ref.id, ref.id) for ref in step.by)


def note_text(row: StepRow, options: RenderOptions) -> str:
    """The Keterangan cell as plain text: the note, then the SOP the step follows."""
    step = row.step
    parts = [step.note.value] if step.note is not None else []
    if step.uses is not None:
        title = options.sop_titles.get(step.uses.id)
        used = f"{title} ({step.uses.id})" if title else step.uses.id
        parts.append(f"{options.words['uses']} {used}")
    return "\n".join(parts)
