"""Where the flow goes from a step, in words: the routes the CSV and Excel tables write in Keterangan and the
printed document gives each symbol as its description ("Ya: lanjut ke A.4; Tidak: kembali ke A.1")."""

from __future__ import annotations

from ..model import Sop
from .cells import step_number
from .flow import Arrow, Flow, diagram
from .labels import LABELS
from .options import RenderOptions
from .rows import StepRow, performer_names

WORDING = {
    "id": {"forward": "lanjut ke {}", "back": "kembali ke {}", "step": "Kegiatan", "decision": "Keputusan"},
    "en": {"forward": "go to {}", "back": "back to {}", "step": "Activity", "decision": "Decision"},
}
ROUTE_SEPARATOR = "; "  # between the routes of a decision


def goes_on(arrow: Arrow) -> bool:
    """The arrow leads to the following row, or to the end from the last row: the table shows it by itself."""
    if arrow.target is None:
        return arrow.source.last
    return arrow.target.position == arrow.source.position + 1


def route(flow: Flow, arrow: Arrow, lang: str) -> str:
    """"Ya: lanjut ke 5", "Tidak: kembali ke 3", "Ya: Selesai"; without a label the destination alone."""
    if arrow.target is None:
        destination = LABELS[lang]["end"]
    else:
        wording = WORDING[lang]["back" if arrow.back else "forward"]
        destination = wording.format(step_number(flow, arrow.target))
    return f"{arrow.label}: {destination}" if arrow.label else destination


def routes(flow: Flow, row: StepRow, lang: str) -> str:
    """Every way out of a decision, or the jump of a step that does not simply go on ('' for none)."""
    arrows = list(flow.arrows_from(row))
    if not row.step.is_decision:
        arrows = [arrow for arrow in arrows if not goes_on(arrow)]
    return ROUTE_SEPARATOR.join(route(flow, arrow, lang) for arrow in arrows)


def symbol_descriptions(sop: Sop, options: RenderOptions) -> dict[str, str]:
    """For each step's row key, what its symbol stands for: "Keputusan A.2 (Kepala Dinas): Ya: lanjut ke A.3;
    Tidak: kembali ke A.1", "Kegiatan A.3 (Operator)"; the description a reader (or an import) gets of the
    drawing, naming the performers in full where a narrow column may break their names."""
    words = WORDING[options.lang]
    found = {}
    for flow in diagram(sop, options.lang, options.labels).flows:
        for row in flow.steps:
            name = f"{words['decision' if row.step.is_decision else 'step']} {step_number(flow, row)}"
            performers = performer_names(sop, row.step)
            name += f" ({performers})" if performers else ""
            ways = routes(flow, row, options.lang)
            found[row.key] = f"{name}: {ways}" if ways else name
    return found
