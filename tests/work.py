"""The work a call does, counted as Python function calls: deterministic where timing is not."""

from __future__ import annotations

import cProfile
import pstats


def function_calls(function, *args, **kwargs) -> int:
    """How many function calls (Python and built-in) running `function(*args, **kwargs)` makes."""
    profiler = cProfile.Profile()
    profiler.enable()
    try:
        function(*args, **kwargs)
    finally:
        profiler.disable()
    return pstats.Stats(profiler).total_calls


def assert_linear(work, size: int, factor: int = 4) -> None:
    """`work(n)` makes at most about `factor` times as many calls at `factor` times the size: linear, not worse.

    A warm-up run first fills the caches (the parser, compiled patterns) that only the first run pays for.
    """
    work(size)
    small, large = function_calls(work, size), function_calls(work, factor * size)
    assert large < 1.5 * factor * small, (size, small, large)
