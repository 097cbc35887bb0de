"""Code actions: the obvious fixes of some findings, and silencing any finding with `# sopdsl: ignore[...]`."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lsprotocol import types

from ..model import Sop
from ..parse.vocabulary import ATTRIBUTES
from ..suppressions import DIRECTIVE
from .names import activity_at
from .positions import units

_DID_YOU_MEAN = re.compile(r"did you mean '([^']+)'\?")
_UNQUOTED_TIME = re.compile(r"(?P<key>\s*[\w-]+\s*:\s*)(?P<value>.*?)(?P<comment>\s+#.*)?$")
UNSILENCEABLE = "syntax-error"


def actions(uri: str, lines: list[str], sop: Sop | None, diagnostics: list[types.Diagnostic], lang: str
            ) -> list[types.CodeAction]:
    """The code actions for the findings the editor shows at the cursor."""
    found: list[types.CodeAction] = []
    for diagnostic in diagnostics:
        if diagnostic.source not in (None, "sopdsl"):
            continue
        for title, edits in _fixes(lines, sop, diagnostic, lang):
            found.append(types.CodeAction(title=title, kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic],
                                          edit=types.WorkspaceEdit(changes={uri: edits}), is_preferred=True))
        if diagnostic.code and diagnostic.code != UNSILENCEABLE:
            found.append(types.CodeAction(
                title=f"Silence {diagnostic.code} on this line", kind=types.CodeActionKind.QuickFix,
                diagnostics=[diagnostic],
                edit=types.WorkspaceEdit(changes={uri: [_silence(lines, diagnostic.range.start.line,
                                                                 str(diagnostic.code))]})))
    return found


def _fixes(lines: list[str], sop: Sop | None, diagnostic: types.Diagnostic, lang: str
           ) -> Iterator[tuple[str, list[types.TextEdit]]]:
    """(title, edits) of each fix of the finding."""
    meant = _DID_YOU_MEAN.search(diagnostic.message)
    if diagnostic.code == "unknown-role" and meant:
        yield f"Change to '{meant.group(1)}'", [types.TextEdit(range=diagnostic.range, new_text=meant.group(1))]
    if diagnostic.code == "syntax-error" and "goes in quotes" in diagnostic.message:
        quoted = _quoted_value(lines, diagnostic.range.start.line)
        if quoted is not None:
            yield "Quote the time: it is stated but not quantified", [quoted]
    if diagnostic.code == "missing-time" and sop is not None:
        added = _time_line(lines, sop, diagnostic.range.start.line, lang)
        if added is not None:
            yield f"Add '{added.new_text.strip()}' to the step", [added]


def _quoted_value(lines: list[str], line: int) -> types.TextEdit | None:
    """The value of a `key: value` line written as a quoted string."""
    text = lines[line] if line < len(lines) else ""
    match = _UNQUOTED_TIME.match(text)
    if match is None or not match.group("value"):
        return None
    value = match.group("value").replace("\\", "\\\\").replace('"', '\\"')
    start, end = match.start("value"), match.end("value")
    return types.TextEdit(range=types.Range(types.Position(line, units(text, start)), types.Position(line, units(
        text, end))), new_text=f'"{value}"')


def _time_line(lines: list[str], sop: Sop, line: int, lang: str) -> types.TextEdit | None:
    """A `time: ` line inserted below the step's opening lines, at its attributes' indentation."""
    activity = activity_at(sop, line + 1)
    if activity is None:
        return None
    after = max(activity.span.end_line, activity.text.span.end_line if activity.text.span else 0)
    following = lines[after] if after < len(lines) else ""
    indent = len(following) - len(following.lstrip(" ")) if following.strip() else 0
    keyword = ATTRIBUTES["time"].spellings.get(lang, ATTRIBUTES["time"].english)
    return types.TextEdit(range=types.Range(types.Position(after, 0), types.Position(after, 0)),
                          new_text=f"{' ' * (indent or 2)}{keyword}: \n")


def _silence(lines: list[str], line: int, rule: str) -> types.TextEdit:
    """The rule added to the line's `# sopdsl: ignore[...]` comment, or such a comment added at its end."""
    text = lines[line] if line < len(lines) else ""
    existing = DIRECTIVE.search(text)
    if existing is not None and existing.group("names") is not None and not existing.group("whole_file"):
        end = existing.end("names")
        names = existing.group("names").strip()
        place = types.Position(line, units(text, end))
        return types.TextEdit(range=types.Range(place, place), new_text=f", {rule}" if names else rule)
    place = types.Position(line, units(text, len(text)))
    return types.TextEdit(range=types.Range(place, place), new_text=f"  # sopdsl: ignore[{rule}]")
