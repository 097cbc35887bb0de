"""Shared test helpers: paths of the repository, the specs and the language contract."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

import pytest
from hypothesis import settings

from sopdsl.analysis import evaluation
from sopdsl.browser.chromium import ENV_VAR, find_chromium

from .page_browser import PageBrowser

# Every property test tries the same examples on each run, and forgets failures found elsewhere, so that the test
# command gives the same answer on any machine; SOPDSL_FUZZ_EXAMPLES=N (the long runs) explores afresh.
# No deadline: how fast a test runs is the benchmark's business, and a loaded machine must not fail a test.
settings.register_profile("repeatable", derandomize=True, database=None, deadline=None)
settings.register_profile("exploring", deadline=None)
settings.load_profile("exploring" if os.environ.get("SOPDSL_FUZZ_EXAMPLES") else "repeatable")

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "specs"
FIXTURES = ROOT / "tests" / "fixtures"
SHARED_SPEC = ROOT.parent / "shared" / "spec"
TODAY = datetime.date(2024, 12, 1)  # the day of every check a test runs without its own (for `evaluation-due`)


@pytest.fixture(autouse=True)
def checked_on_a_fixed_day(monkeypatch):
    """Checks run on TODAY, so that the dates of the test files and specs do not age into findings."""
    monkeypatch.setattr(evaluation, "today", lambda: TODAY)


@pytest.fixture
def language_md() -> str:
    path = SHARED_SPEC / "LANGUAGE.md"
    if not path.is_file():
        pytest.skip(f"the language contract is not beside this checkout ({path})")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium for a test module; the tests are skipped, saying why, where it is missing."""
    if find_chromium() is None:
        pytest.skip(f"Chromium not found: install the Debian package 'chromium' or set {ENV_VAR}")
    with PageBrowser() as started:
        yield started
