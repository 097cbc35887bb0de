"""Shared test helpers: paths of the repository, the specs and the language contract."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "specs"
FIXTURES = ROOT / "tests" / "fixtures"
SHARED_SPEC = ROOT.parent / "shared" / "spec"


@pytest.fixture
def language_md() -> str:
    path = SHARED_SPEC / "LANGUAGE.md"
    if not path.is_file():
        pytest.skip(f"the language contract is not beside this checkout ({path})")
    return path.read_text(encoding="utf-8")
