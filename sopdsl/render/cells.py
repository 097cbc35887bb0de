"""Cell text that the tables, the document and the diagrams print alike: the step's number."""

from __future__ import annotations

from .flow import Flow
from .rows import StepRow


def step_number(flow: Flow, row: StepRow) -> str:
    """"A.3" for the third step of section A; "3" in a file without sections."""
    return f"{flow.heading.letter}.{row.number}" if flow.heading is not None else str(row.number)
