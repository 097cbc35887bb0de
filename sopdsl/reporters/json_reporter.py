"""The JSON report: an array of findings with the keys fixed by the CLI contract."""

from __future__ import annotations

import json


def report(diagnostics, sources, stream) -> None:
    json.dump([d.as_json() for d in diagnostics], stream, ensure_ascii=False, indent=2)
    stream.write("\n")
