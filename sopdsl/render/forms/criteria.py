"""The evaluation criteria sopdsl can judge from the files: 3 (a sound flow), 4 (roles) and 7 (synergy)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from ...diagnostics import Diagnostic
from ...loading import SourceFile
from ...model import Sop
from .words import WORDS

# Criterion -> the rules whose findings answer it "Tidak".
RULES_OF_CRITERION = {
    3: ("unreachable-step", "no-path-to-end", "decision-branches"),
    4: ("unused-role", "missing-role"),
    7: ("unknown-sop", "duplicate-sop", "uses-cycle"),
}
JUDGED = tuple(RULES_OF_CRITERION)
RULES = tuple(rule for rules in RULES_OF_CRITERION.values() for rule in rules)


class Judgement(NamedTuple):
    """sopdsl's answer on one criterion for one SOP (True: Ya) and why."""

    criterion: int
    met: bool
    reason: str


def judge(files: Sequence[SourceFile], diagnostics: Iterable[Diagnostic], lang: str) -> dict[str, list[Judgement]]:
    """For each parsed file's path, the judgements of criteria 3, 4 and 7, from the checker's findings."""
    words = WORDS[lang]
    found: dict[tuple[str, int], list[str]] = {}
    for diagnostic in diagnostics:
        for criterion, rules in RULES_OF_CRITERION.items():
            if diagnostic.rule in rules:
                note = f"{diagnostic.rule} ({words['line']} {diagnostic.line}): {diagnostic.message}"
                found.setdefault((diagnostic.path, criterion), []).append(note)
    for path, note in same_steps(files, lang):
        found.setdefault((path, 7), []).append(note)
    result = {}
    for file in files:
        if file.sop is None:
            continue
        result[file.path] = [
            Judgement(criterion, not found.get((file.path, criterion)),
                      "; ".join(found.get((file.path, criterion), [])) or words[f"criterion_{criterion}_yes"])
            for criterion in JUDGED
        ]
    return result


def steps_signature(sop: Sop) -> tuple[str, ...] | None:
    """The texts of the SOP's steps, case and blanks folded; None for an SOP without steps."""
    texts = tuple(" ".join(step.text.value.casefold().split()) for step in sop.activities())
    return texts or None


def same_steps(files: Sequence[SourceFile], lang: str) -> Iterable[tuple[str, str]]:
    """(path, note) for each SOP whose steps are those of another SOP of the set."""
    by_signature: dict[tuple[str, ...], list[tuple[SourceFile, Sop]]] = {}
    for file in files:
        signature = steps_signature(file.sop) if file.sop is not None else None
        if file.sop is not None and signature is not None:
            by_signature.setdefault(signature, []).append((file, file.sop))
    for group in by_signature.values():
        for file, _ in group:
            for other, other_sop in group:
                if other is not file:
                    yield file.path, WORDS[lang]["same_steps"].format(other=other_sop.id, path=other.path)
