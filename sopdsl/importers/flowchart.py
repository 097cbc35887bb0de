"""The rows of a flowchart table read into the draft's roles, sections and steps."""

from __future__ import annotations

import re

from .document import Row
from .draft import Draft, DraftSection, DraftStep, slug, unique
from .header import Layout, is_numbering_row, is_total_row
from .performers import decision_sign, label_columns, marked_columns, named_role
from .routes import (
    Arrow,
    Route,
    arrows_described,
    names_described,
    number_key,
    resolve,
    section_letter,
    split_routes,
)
from .times import read_time
from .words import branch_kind, compact

_CONTINUED = re.compile(r"\s*\((?:lanjutan|continued)\)\s*$", re.IGNORECASE)
_SECTION_NUMBER = re.compile(r"(?P<letter>[A-Z]|[IVX]{1,4})[.)]?")
_SECTION_IN_CELL = re.compile(r"(?P<letter>[A-Z])[.)]?\s+(?P<title>\S.*)", re.S)
_FIELDS = ("needs", "output", "note")
_KIND_NAMES = {"needs": "Kelengkapan", "time": "Waktu", "output": "Output", "note": "Keterangan"}


class FlowchartReader:
    """Reads one table's body rows, in order, into the draft (rows of continuation blocks included)."""

    def __init__(self, draft: Draft, layout: Layout):
        """Declare a role per role column, and report the columns the header did not explain."""
        self.draft = draft
        self.layout = layout
        self.role_columns = layout.indexes("role")
        self.role_ids: list[str] = []
        taken: set = set()
        for column in self.role_columns:
            heading = layout.columns[column]
            role_id = unique(slug(heading.heading, "pelaksana"), taken)
            self.role_ids.append(role_id)
            draft.roles[role_id] = heading.heading
            if heading.guessed:
                draft.review(f"role:{role_id}", f"kolom '{heading.heading}' dianggap kolom pelaksana")
        self.taken_roles = taken
        self.pending: list[tuple[DraftStep, list[Route]]] = []
        self.arrows: list[Arrow] = []
        self.described_names: set[str] = set()
        for heading in layout.columns:
            if heading.kind == "unknown":
                draft.review("sop", f"judul kolom '{heading.heading}' tidak dikenali; isinya masuk ke note")
            elif heading.guessed and heading.kind in _KIND_NAMES:
                draft.review("sop", f"kolom '{heading.heading}' dibaca sebagai {_KIND_NAMES[heading.kind]}")

    def cell(self, row: Row, kind: str) -> str:
        """The own text of the row's cell in the column of this kind ('' when the table has no such column)."""
        index = self.layout.index(kind)
        return row[index].own_text if index is not None and index < len(row) else ""

    def read_rows(self, rows: list[Row], continued: bool = False) -> None:
        """Read body rows; `continued`: they go on from the rows read before (the next page of the table)."""
        for row in rows:
            self.arrows += [arrow for cell in row for text in cell.descriptions for arrow in arrows_described(text)]
            self.described_names.update(name for cell in row for text in cell.descriptions
                                        for name in names_described(text))
            if is_numbering_row(row) or is_total_row(row) or not any(cell.own_text or cell.shapes for cell in row):
                continue
            if continued and self._rest_of_split_row(row):
                self._continue_previous(row, with_activity=True)
            elif not self._section(row):
                self._step(row)
            continued = False

    def _rest_of_split_row(self, row: Row) -> bool:
        """The first row of a page that finishes the last row of the page before: no number and no mark, after a
        numbered row."""
        steps = self.draft.steps()
        return bool(steps and steps[-1].number and not self.cell(row, "no")
                    and not marked_columns(row, self.role_columns))

    def finish(self) -> None:
        """Resolve routes (from Keterangan, else from described arrows) and inferred branches, section by section;
        name the roles as the symbols' descriptions write them."""
        self._names_as_described()
        routed = {id(step) for step, _ in self.pending}
        for section in self.draft.sections:
            for step in section.steps:
                if id(step) not in routed:
                    routes = self._arrow_routes(section, step)
                    if routes:
                        self.pending.append((step, routes))
            resolve(section, [(step, routes) for step, routes in self.pending if step in section.steps])

    def _names_as_described(self) -> None:
        """A role whose heading a narrow column broke inside a word ('Pengeluar an') takes the name the symbols'
        descriptions give in full ('Pengeluaran'), and the id made from it."""
        full = {compact(name): name for name in self.described_names}
        renamed: dict[str, str] = {}
        for role_id, heading in list(self.draft.roles.items()):
            name = full.get(compact(heading))
            if name is None or name == heading:
                continue
            self.taken_roles.discard(role_id)
            renamed[role_id] = unique(slug(name, "pelaksana"), self.taken_roles)
            self.draft.roles[role_id] = name
            if f"role:{role_id}" in self.draft.reviews:
                self.draft.reviews[f"role:{renamed[role_id]}"] = self.draft.reviews.pop(f"role:{role_id}")
        if renamed:
            self.draft.roles = {renamed.get(role_id, role_id): name for role_id, name in self.draft.roles.items()}
            self.role_ids = [renamed.get(role_id, role_id) for role_id in self.role_ids]
            for step in self.draft.steps():
                step.performers = [renamed.get(role_id, role_id) for role_id in step.performers]

    def _arrow_routes(self, section: DraftSection, step: DraftStep) -> list[Route]:
        """The routes the table's described arrows draw out of this step."""
        routes: list[Route] = []
        for source, target, label in self.arrows:
            letter = section_letter(source)
            if (letter is None or letter == section.id) and number_key(source) == number_key(step.number):
                routes.append((label, target))
        # An arrow drawn in several pieces describes itself in each; drawing order means nothing, so Ya comes first.
        order = {"yes": 0, "no": 1}
        return sorted(dict.fromkeys(routes), key=lambda route: order.get(branch_kind(route[0] or "") or "", 2))

    # ---- rows --------------------------------------------------------------------------------------

    def _section(self, row: Row) -> bool:
        """A lettered row ('A | Title'), or a change of letter in a Bagian column, opens a section."""
        number, activity = self.cell(row, "no"), self.cell(row, "activity")
        bagian = self.cell(row, "section")
        if bagian:
            match = _SECTION_IN_CELL.fullmatch(bagian)
            letter, title = (match.group("letter"), match.group("title")) if match else (bagian, bagian)
            if not self.draft.sections or self.draft.sections[-1].id != letter:
                self._open_section(letter, title)
            return False
        others = [cell.own_text for i, cell in enumerate(row) if cell.own_text and i not in self._title_columns()]
        if others:
            return False
        if _SECTION_NUMBER.fullmatch(number) and activity:
            self._open_section(number.rstrip(".)"), activity)
            return True
        match = _SECTION_IN_CELL.fullmatch(number or activity)
        if match and not (number and activity):
            self._open_section(match.group("letter"), match.group("title"))
            return True
        return False

    def _title_columns(self) -> set:
        """The No and Kegiatan columns: where a section row has its letter and title."""
        return {i for i in (self.layout.index("no"), self.layout.index("activity")) if i is not None}

    def _open_section(self, letter: str, title: str) -> None:
        """Start a section; a letter is its id, anything else becomes an id by slug.

        The row of a section repeated where it continues on a new page ("B  Title (lanjutan)") starts nothing.
        """
        continued = _CONTINUED.search(title)
        if continued and self.draft.sections and self.draft.sections[-1].title == " ".join(
                title[:continued.start()].split()):
            return
        section_id = slug(letter, "bagian") if not re.fullmatch(r"[A-Z]", letter) else letter
        taken = {section.id for section in self.draft.sections if section.id is not None}
        self.draft.sections.append(DraftSection(unique(section_id, taken), " ".join(title.split())))

    def _step(self, row: Row) -> None:
        """A row with an activity: one step or decision, its fields, time, performers and routes."""
        activity = self.cell(row, "activity")
        if not activity:
            self._continue_previous(row)
            return
        if not self.draft.sections:
            self.draft.sections.append(DraftSection(None, ""))
        step = DraftStep(number=self.cell(row, "no"), text=" ".join(activity.split()))
        self.draft.sections[-1].steps.append(step)
        for kind in _FIELDS:
            setattr(step, kind, self.cell(row, kind) or None)
        self._unknown_columns(row, step)
        self._time(row, step)
        self._performers(row, step)
        routes: list[Route] = []
        if step.note:
            routes, rest = split_routes(step.note)
            step.note = rest or None
        if routes:
            self.pending.append((step, routes))

    def _continue_previous(self, row: Row, with_activity: bool = False) -> None:
        """A row with no activity but other text continues the row above (a cell split across pages)."""
        steps = self.draft.steps()
        if not steps:
            return
        step = steps[-1]
        if with_activity and self.cell(row, "activity"):
            step.text = f"{step.text} {' '.join(self.cell(row, 'activity').split())}"
        for kind in _FIELDS:
            extra = self.cell(row, kind)
            if extra:
                setattr(step, kind, f"{getattr(step, kind)} {extra}" if getattr(step, kind) else extra)

    def _unknown_columns(self, row: Row, step: DraftStep) -> None:
        """Cells under headings nothing explains go into the note, each after its heading."""
        for index in self.layout.indexes("unknown"):
            text = row[index].own_text if index < len(row) else ""
            if text:
                extra = f"{self.layout.columns[index].heading}: {text}"
                step.note = f"{step.note}; {extra}" if step.note else extra

    def _time(self, row: Row, step: DraftStep) -> None:
        """Waktu as a duration, a period or quoted text."""
        step.time_source = " ".join(self.cell(row, "time").split())
        step.time = read_time(step.time_source)
        if step.time.review:
            step.review("time" if step.time.time else "every", step.time.review)

    def _performers(self, row: Row, step: DraftStep) -> None:
        """Who does the row, and whether it is a decision, from what stands in its role cells."""
        sign = decision_sign(row, self.role_columns)
        if sign is not None:
            step.decision = True
            if sign == "label":
                step.review("step", "keputusan dibaca dari label Ya/Tidak di kolom pelaksana")
        columns = marked_columns(row, self.role_columns)
        if not columns and self.role_columns:
            labels = label_columns(row, self.role_columns)
            if "yes" in labels:
                columns = [labels["yes"]]
                step.review("by", "pelaksana ditebak dari letak label Ya/Tidak")
        if columns:
            step.performers = [self.role_ids[self.role_columns.index(column)] for column in columns]
            if len(columns) > 1:
                step.review("by", "beberapa kolom pelaksana bertanda")
            return
        names = self.cell(row, "performers")
        if names:
            step.performers = [self._role_named(name) for name in re.split(r"\s*[,;\n]\s*", names) if name.strip()]
            return
        self._performer_from_text(step)

    def _role_named(self, name: str) -> str:
        """The id of the role with this name, declared now if it is new (a table with one Pelaksana column)."""
        for role_id, known in self.draft.roles.items():
            if compact(known) == compact(name):
                return role_id
        role_id = unique(slug(name, "pelaksana"), self.taken_roles)
        self.draft.roles[role_id] = " ".join(name.split())
        return role_id

    def _performer_from_text(self, step: DraftStep) -> None:
        """With no role cell marked: the role the activity text names, for review."""
        role_id: str | None = named_role(step.text, self.draft.roles)
        if role_id is not None:
            step.performers = [role_id]
            step.review("by", "pelaksana ditebak dari teks kegiatan (kolom pelaksana tanpa tanda)")
        else:
            step.review("step", "pelaksana tidak ditemukan: tambahkan baris pelaksana (oleh/by)")
