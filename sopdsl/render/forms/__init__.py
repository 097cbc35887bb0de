"""The Permenpan RB 35/2012 forms for a library: monitoring (Tabel 7) and evaluation, with their read-back."""

from __future__ import annotations

import importlib

# Format name -> module in sopdsl.render.forms that writes a FormDocument in it.
WRITERS = {"html": "html", "pdf": "html", "xlsx": "xlsx", "docx": "docx"}
BINARY = {"html": False, "pdf": True, "xlsx": True, "docx": True}


def writer(name: str):
    """The module that writes format `name`: it has `write(document) -> str | bytes`."""
    return importlib.import_module(f".{WRITERS[name]}", __package__)
