"""The pages of the monitoring and evaluation forms for a set of SOPs, one form per unit."""

from __future__ import annotations

from collections.abc import Sequence

from ...model import Sop
from .criteria import JUDGED, Judgement
from .model import EVALUATION, MONITORING, REPORT, Column, FormDocument, Page, Row
from .words import CRITERIA, WORDS

SHEET_NAME_LENGTH = 31  # the longest sheet name a spreadsheet takes


def procedure_text(sop: Sop) -> str:
    """The Prosedur cell: the SOP's number (when it has one) and its title."""
    return f"{sop.number.value} – {sop.title.value}" if sop.number is not None else sop.title.value


def unit_of(sop: Sop) -> str:
    """The unit an SOP belongs to: the lines of its `unit` field joined."""
    return " / ".join(line.value for line in sop.unit)


def by_unit(sops: Sequence[Sop], unit: str | None) -> list[tuple[str, list[Sop]]]:
    """The SOPs grouped by unit in the order met; all under `unit` when one is given."""
    if unit is not None:
        return [(unit, list(sops))]
    groups: dict[str, list[Sop]] = {}
    for sop in sops:
        groups.setdefault(unit_of(sop), []).append(sop)
    return list(groups.items())


def _heading_lines(unit: str, period: str | None, lang: str) -> tuple[str, ...]:
    words = WORDS[lang]
    return (f"{words['unit']}: {unit or words['blank']}", f"{words['period']}: {period or words['blank']}")


def _sheet_name(base: str, index: int, count: int) -> str:
    """A sheet name, numbered when the form has more than one unit; spreadsheets allow 31 characters."""
    suffix = f" {index + 1}" if count > 1 else ""
    return base[: SHEET_NAME_LENGTH - len(suffix)] + suffix


def _signature(lang: str, role: str) -> tuple[str, ...]:
    words = WORDS[lang]
    return (words["place_date"], words[role], "", "", words["blank"], words["name_nip"])


def monitoring_columns(lang: str) -> tuple[Column, ...]:
    words = WORDS[lang]
    return (
        Column("no", words["no"], 4),
        Column("procedure", words["procedure"], 30),
        Column("assessment", words["assessment"], 24, (words["good"], words["bad"])),
        Column("notes", words["notes"], 26),
        Column("action", words["action"], 26),
        Column("initials", words["initials"], 10),
    )


def monitoring_form(sops: Sequence[Sop], lang: str, period: str | None = None,
                    unit: str | None = None) -> FormDocument:
    """Tabel 7: for each unit a table with one row per SOP, to tick, note and initial; the assessor signs."""
    words = WORDS[lang]
    groups = by_unit(sops, unit)
    pages = []
    for index, (unit_name, members) in enumerate(groups):
        rows = tuple(
            Row(sop.id, (str(number), procedure_text(sop), "", "", "", ""))
            for number, sop in enumerate(members, start=1)
        )
        pages.append(Page(MONITORING, words["monitoring_title"], _sheet_name("Monitoring", index, len(groups)),
                          _heading_lines(unit_name, period, lang), monitoring_columns(lang), rows,
                          signatures=(_signature(lang, "assessor"),)))
    return FormDocument(MONITORING, lang, words["monitoring_title"], tuple(pages))


def evaluation_columns(lang: str) -> tuple[Column, ...]:
    words = WORDS[lang]
    return (
        Column("no", words["no"], 4),
        Column("procedure", words["procedure"], 26),
        Column("criterion_text", words["criterion"], 30),
        Column("answer", words["answer"], 10, (words["yes"], words["no_answer"])),
        Column("notes", words["eval_notes"], 40),
    )


def evaluation_form(sops: Sequence[Sop], judgements: dict[str, list[Judgement]], lang: str,
                    period: str | None = None, unit: str | None = None) -> FormDocument:
    """For each unit: seven criteria per SOP (3, 4 and 7 answered by sopdsl, with why), then its Berita Acara.

    `judgements` is keyed by SOP id.
    """
    words = WORDS[lang]
    groups = by_unit(sops, unit)
    pages = []
    for index, (unit_name, members) in enumerate(groups):
        rows = []
        for number, sop in enumerate(members, start=1):
            judged = {judgement.criterion: judgement for judgement in judgements.get(sop.id, [])}
            for criterion, text in enumerate(CRITERIA[lang], start=1):
                first = criterion == 1
                answer, note = "", ""
                if criterion in judged:
                    answer = words["yes"] if judged[criterion].met else words["no_answer"]
                    note = words["judged_by"] + judged[criterion].reason
                cells = (str(number) if first else "", procedure_text(sop) if first else "",
                         f"{criterion}. {text}", answer, note)
                rows.append(Row(sop.id, cells, criterion, first))
        lines = _heading_lines(unit_name, period, lang)
        pages.append(Page(EVALUATION, words["evaluation_title"], _sheet_name("Evaluasi", index, len(groups)),
                          lines, evaluation_columns(lang), tuple(rows),
                          signatures=(_signature(lang, "assessor"),)))
        pages.append(_report_page(unit_name, members, judgements, lines, lang, index, len(groups)))
    return FormDocument(EVALUATION, lang, words["evaluation_title"], tuple(pages))


def _report_page(unit_name: str, members: Sequence[Sop], judgements: dict[str, list[Judgement]],
                 lines: tuple[str, ...], lang: str, index: int, count: int) -> Page:
    """The Berita Acara of a unit: the SOPs evaluated, what sopdsl judged and its findings."""
    words = WORDS[lang]
    columns = (
        Column("no", words["no"], 4),
        Column("number", words["number"], 18),
        Column("title", words["title"], 30),
        Column("judged", words["judged"], 18),
        Column("findings", words["findings"], 46),
    )
    rows = []
    for number, sop in enumerate(members, start=1):
        judged = judgements.get(sop.id, [])
        answers = ", ".join(
            f"{j.criterion}: {words['yes'] if j.met else words['no_answer']}" for j in judged if j.criterion in JUDGED
        )
        findings = "; ".join(f"{j.criterion}. {j.reason}" for j in judged if not j.met) or words["none"]
        cells = (str(number), sop.number.value if sop.number is not None else "", sop.title.value, answers, findings)
        rows.append(Row(sop.id, cells))
    paragraph = words["report_text"].format(unit=unit_name or words["unit"].lower(), count=len(members))
    return Page(REPORT, words["report_title"], _sheet_name("Berita Acara", index, count), lines, columns,
                tuple(rows), paragraphs=(paragraph,),
                signatures=(_signature(lang, "evaluator"), _signature(lang, "head")))
