"""sopdsl: write, check and print Standard Operating Procedures (SOP AP, Permenpan RB 35/2012).

The functions of `sopdsl.api` are importable from here, each loading what it needs when first called; all but
`render`, since `sopdsl.render` is the package of the renderers: that one is `sopdsl.api.render`.
"""

from __future__ import annotations

import importlib
from typing import Any

from .version import __version__ as __version__

__all__ = ["check_paths", "format_text", "library_totals", "parse_file", "parse_text"]


def __getattr__(name: str) -> Any:
    """The public functions, taken from `sopdsl.api` when first asked for, so that `import sopdsl` stays cheap."""
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(".api", __name__), name)
