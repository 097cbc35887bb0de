"""The guides name only Python that exists: every `sopdsl.…` name in backticks imports."""

from __future__ import annotations

import importlib
import re

import pytest

from .conftest import ROOT

GUIDES = sorted((ROOT / "docs").glob("*.md")) + [ROOT / "README.md"]
FENCE = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
CODE_SPAN = re.compile(r"`([^`\n]+)`")
DOTTED = re.compile(r"(?<![\w./-])sopdsl(?:\.[A-Za-z_]\w*)+")


def dotted_names(text: str) -> set[str]:
    """The `sopdsl.…` dotted names in the inline code spans of a Markdown text, fenced blocks left out."""
    spans = CODE_SPAN.findall(FENCE.sub("", text))
    return {name for span in spans for name in DOTTED.findall(span)}


def resolves(name: str) -> bool:
    """Whether the dotted name is a module of sopdsl, or a name defined in one."""
    parts = name.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            found: object = importlib.import_module(".".join(parts[:cut]))
        except ModuleNotFoundError:
            continue
        for attribute in parts[cut:]:
            if not hasattr(found, attribute):
                return False
            found = getattr(found, attribute)
        return True
    return False


def test_the_scan_finds_names_in_code_spans_only():
    text = "`sopdsl.api.render(sop)` and `python -m sopdsl.rules.docs`, not `.sopdsl.toml`\n```\nsopdsl.fenced\n```\n"
    assert dotted_names(text) == {"sopdsl.api.render", "sopdsl.rules.docs"}
    assert resolves("sopdsl.analysis.totals.sop_totals") and not resolves("sopdsl.analysis.totals.no_such_name")


@pytest.mark.parametrize("guide", GUIDES, ids=lambda path: path.name)
def test_every_python_name_a_guide_mentions_exists(guide):
    names = dotted_names(guide.read_text(encoding="utf-8"))
    assert sorted(name for name in names if not resolves(name)) == []


MERGE_MARK = re.compile(r"^(?:<{7}|>{7}) ", re.MULTILINE)


@pytest.mark.parametrize("guide", GUIDES + sorted((ROOT / "docs" / "id").glob("*.md")), ids=lambda path: path.name)
def test_no_guide_carries_an_unresolved_merge(guide):
    """Two versions of a paragraph left one above the other, between merge marks, read as nonsense."""
    assert not MERGE_MARK.search(guide.read_text(encoding="utf-8"))
