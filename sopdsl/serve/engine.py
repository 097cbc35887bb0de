"""Every call the web app makes into sopdsl's engine, in one place: parse, check, render, format, totals, import.

The rest of `sopdsl.serve` knows the engine only through these functions and the loaded file type,
`SourceFile`, which it takes from here; findings are the plain `sopdsl.diagnostics.Diagnostic`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import attrs

from .. import checker, loading
from ..analysis.calendar import CalendarError, calendar_minutes, spell_range, spell_totals
from ..analysis.library import library_totals
from ..analysis.totals import SopTotals
from ..config import Config, for_paths
from ..diagnostics import Diagnostic
from ..library_record import SopRecord, library_record
from ..loading import SourceFile, syntax_diagnostic
from ..logo import source_folder
from ..model import Sop, Unit
from ..parse import SopSyntaxError, parse_text
from ..render.options import RenderOptions
from ..rules.base import LibraryContext


class ImportRefused(Exception):
    """An uploaded document holds no SOP table sopdsl can read; the message says why, in one line."""


class Unavailable(Exception):
    """A format or the importer is not part of this installation of sopdsl."""


class FormatFailed(Exception):
    """The formatter could not rewrite the text (it does not parse, or the result would change its meaning)."""


def configuration(paths: Sequence[str]) -> Config:
    """The settings the checked paths use, as `sopdsl check` finds them."""
    return for_paths(list(paths))


def load(path: Path, config: Config) -> SourceFile:
    """One file read from disk and parsed, with its model and library summary."""
    return loading.load(path, config.calendar)


def parse_buffer(path: str, text: str, config: Config) -> SourceFile:
    """The text of an editor buffer parsed as if it were the file at `path`."""
    try:
        sop = parse_text(text)
    except SopSyntaxError as error:
        return SourceFile(path, text, syntax_diagnostic(path, error))
    if config.calendar is not None and sop.calendar is None:
        sop = attrs.evolve(sop, calendar=config.calendar)
    return SourceFile(path, text, None, library_record(sop), sop)


def own_diagnostics(file: SourceFile, config: Config) -> list[Diagnostic]:
    """The findings of the per-file rules on one file (its syntax error, if it has one)."""
    return checker.file_diagnostics(file, config)


def library_findings(files: Sequence[SourceFile], per_file: Sequence[Diagnostic], config: Config) -> list[Diagnostic]:
    """Every finding of the library: the per-file ones given, the library rules', suppressions applied, sorted."""
    return list(checker.library_diagnostics(LibraryContext(list(files), True), list(per_file), config)[0])


def silenced_counts(files: Sequence[SourceFile], per_file: Sequence[Diagnostic], config: Config) -> dict[str, int]:
    """How many findings each file's `ignore` comments silenced."""
    return checker.library_diagnostics(LibraryContext(list(files), True), list(per_file), config)[1]


def totals_by_id(files: Iterable[SourceFile]) -> dict[str, SopTotals]:
    """Each SOP id's totals with `uses` composed across the library (the first file of an id owns it)."""
    return library_totals(file.record for file in files if file.record is not None)


def references(file: SourceFile) -> list[tuple[str, str]]:
    """The SOP ids a file refers to, each with how: ("related", id) in its header, ("uses", id) from a step."""
    if file.record is None:
        return []
    return [("related", ref.id) for ref in file.record.related] + [("uses", use.ref.id) for use in file.record.uses]


def evaluation(sop: Sop, config: Config) -> dict | None:
    """The last day the SOP's latest evaluation (or `effective`) holds, and whether it has passed on the check day."""
    from ..analysis import evaluation as clock

    until = clock.evaluation_due_on(sop, config.evaluation_interval)
    if until is None:
        return None
    return {"until": until.isoformat(), "due": until < (config.today or clock.today())}


def library_map_page(records: Sequence[SopRecord], lang: str, links: dict[str, str]) -> str:
    """The library map page of the SOPs' library records: their links, dangling references, cycles and roles."""
    from ..lifecycle.library_map_page import library_map_page as page

    return page(records, lang, links)


def render_options(lang: str, totals: SopTotals | None = None, links: dict[str, str] | None = None,
                   titles: dict[str, str] | None = None, path: str | None = None) -> RenderOptions:
    """The options the preview and the downloads render with; `path`, the file's, places a relative logo."""
    return RenderOptions(lang=lang, totals=totals, sop_links=links or {}, sop_titles=titles or {},
                         folder=source_folder(path))


def render(format_name: str, sop: Sop, options: RenderOptions):
    """The SOP in a format of `sopdsl render --to` (text or bytes, as that renderer gives it)."""
    from ..browser.chromium import ChromiumError
    from ..render import FORMATS, renderer

    if format_name not in FORMATS:
        raise Unavailable(f"format {format_name} is not available in this installation of sopdsl")
    try:
        return renderer(format_name).render(sop, options)
    except ChromiumError as error:
        raise Unavailable(str(error)) from None


def total_words(sop: Sop, options: RenderOptions) -> str:
    """The total time as the printed table's last row gives it ('' when the calendar is invalid)."""
    from ..render.total_line import total_text

    return total_text(sop, options) or ""


def totals_rows(sop: Sop, totals: SopTotals, lang: str) -> dict | None:
    """The totals tab: a row per flow (steps, typical, min, max), loops, unquantified steps, the total."""
    try:
        workday = calendar_minutes(sop.calendar)[Unit.WORKDAY]
    except CalendarError:
        return None
    flows = [{"section": flow.section, "steps": flow.steps, "times": spell_totals(flow, workday, lang),
              "loops": [{"from": loop.source_id, "to": loop.target_id,
                         "time": spell_range(*loop.minutes, workday, lang)} for loop in flow.loops],
              "unquantified": list(flow.unquantified)} for flow in totals.flows]
    steps = sum(flow.steps for flow in totals.flows)
    return {"flows": flows, "steps": steps, "times": spell_totals(totals, workday, lang)}


def format_source(text: str) -> str:
    """The text in canonical form, as `sopdsl fmt` writes it."""
    from ..format import FormatError, format_text

    try:
        return format_text(text)
    except SopSyntaxError as error:
        raise FormatFailed(f"{error.line}:{error.column}: {error.message}") from None
    except FormatError as error:
        raise FormatFailed(str(error)) from None


def import_formats() -> tuple[str, ...]:
    """The file suffixes `sopdsl import` reads, as the web app offers them."""
    from ..importers import READERS

    return tuple(READERS)


def import_document(path: Path, lang: str) -> list[tuple[str, str]]:
    """The drafts `sopdsl import` makes of an existing SOP document: (SOP id, .sop text) each, in its order.

    A document that cannot be read is an ImportRefused with the importer's one-line reason; a reader whose
    optional package (python-docx, openpyxl, pdfplumber) is missing makes importing Unavailable."""
    from ..importers import ImportFailure, MissingDependency, read_drafts
    from ..importers.writer import draft_text, sop_id

    try:
        drafts = read_drafts(path)
    except MissingDependency as error:
        raise Unavailable(error.message(lang)) from None
    except ImportFailure as error:
        raise ImportRefused(error.message(lang)) from None
    return [(sop_id(draft), draft_text(draft)[0]) for draft in drafts]


def new_sop_text(sop_id: str) -> str:
    """The text of a new SOP with this id: the contract's Indonesian example, or its English form where the
    parser lacks the Indonesian keywords."""
    from .templates import TEMPLATE_EN, TEMPLATE_ID, TEMPLATE_SOP_ID

    for template in (TEMPLATE_ID, TEMPLATE_EN):
        text = template.replace(TEMPLATE_SOP_ID, sop_id, 1)
        try:
            parse_text(text)
        except SopSyntaxError:
            continue
        return text
    return TEMPLATE_EN.replace(TEMPLATE_SOP_ID, sop_id, 1)
