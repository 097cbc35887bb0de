"""Optional packages that some formats need, imported on first use with a one-line hint when missing."""

from __future__ import annotations

import importlib
from types import ModuleType

from ..files import UsageError
from ..i18n import say


def import_extra(module: str, extra: str, fmt: str) -> ModuleType:
    """The module, or a UsageError naming the extra that installs it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise UsageError(say("usage.needs-extra", format=fmt, module=module, extra=extra)) from None
