"""The base class of every error sopdsl raises on purpose, and the usage error of the command line."""

from __future__ import annotations


class SopdslError(Exception):
    """An error sopdsl raises on purpose: the command line reports its message and exits with code 2."""


class UsageError(SopdslError):
    """The command cannot do its job with what it was given (exit code 2)."""
