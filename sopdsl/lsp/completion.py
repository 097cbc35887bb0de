"""Completion: the keywords valid at the cursor in the file's keyword language, and the ids and units a value takes."""

from __future__ import annotations

import re

from lsprotocol import types

from ..model import UNIT_WORDS, Sop
from ..parse.vocabulary import ATTRIBUTES, BRANCHES, CALENDAR, HEADER, TARGETS, TOP_LEVEL
from .keywords import spelled
from .workspace import Index

_KEYED = re.compile(r"(?P<key>[^\W\d_][\w-]*)(?:\s+\"[^\"]*\")?\s*:\s*(?P<value>.*)")
_WORD = re.compile(r"[\w-]*")
_AFTER_NUMBER = re.compile(r"(?:^|[\s-])\d+(?:[.,]\d+)?(?:\s*\([^)]*\))?\s+[^\W\d_]*$")
_LIST_ITEM = re.compile(r"-\s*[\w-]*")
_DURATION_KEYS = {"time", "sla", "every", *CALENDAR.concepts}


def complete(lines: list[str], line: int, column: int, sop: Sop | None, index: Index, lang: str
             ) -> list[types.CompletionItem]:
    """What may be written at a 0-based line and character column of the buffer."""
    prefix = lines[line][:column] if line < len(lines) else ""
    rest = prefix.lstrip(" ")
    indent = len(prefix) - len(rest)
    if indent == 0:
        return _keywords(spelled(TOP_LEVEL, lang), " ") if _WORD.fullmatch(rest) else []
    keyed = _KEYED.fullmatch(rest)
    if keyed is not None:
        return _value(_concept(keyed.group("key")), keyed.group("value"), sop, index, lang)
    opener = _opener(lines, line, indent)
    if _LIST_ITEM.fullmatch(rest) and opener is not None and _concept(opener) == "related":
        return _sop_ids(index, sop)
    if not _WORD.fullmatch(rest):
        return []
    top = _top_keyword(lines, line)
    if top == "sop":
        inner = _concept(opener) if opener is not None else None
        return _keywords(spelled(CALENDAR if inner == "calendar" else HEADER, lang), ": ")
    if top in ("step", "decision"):
        words = spelled(ATTRIBUTES, lang) + (spelled(BRANCHES, lang) if top == "decision" else [])
        return _keywords(words, ": ")
    return []


def _concept(word: str) -> str | None:
    """The concept a keyword spells in any place of the file."""
    for group in (ATTRIBUTES, BRANCHES, HEADER, CALENDAR, TOP_LEVEL):
        found = group.find(word)
        if found is not None:
            return found.concept
    return None


def _value(concept: str | None, value: str, sop: Sop | None, index: Index, lang: str) -> list[types.CompletionItem]:
    """The values of a key: roles after `by`, targets after a jump, SOP ids after `uses`, units after a number."""
    if concept == "by":
        roles = [role.id for role in sop.roles] if sop is not None else []
        return [_item(role, types.CompletionItemKind.EnumMember) for role in dict.fromkeys(roles)]
    if concept in ("next", "yes", "no", "branch"):
        steps = [activity.id for activity in sop.activities() if activity.id] if sop is not None else []
        return ([_item(step, types.CompletionItemKind.Reference) for step in dict.fromkeys(steps)]
                + _keywords(spelled(TARGETS, lang), ""))
    if concept == "uses":
        return _sop_ids(index, sop)
    if concept in _DURATION_KEYS and _AFTER_NUMBER.search(value):
        return [_item(word, types.CompletionItemKind.Unit) for word in UNIT_WORDS]
    return []


def _sop_ids(index: Index, sop: Sop | None) -> list[types.CompletionItem]:
    own = sop.id if sop is not None else None
    ids = sorted({file.record.id for file in index.files() if file.record is not None} - {own})
    return [_item(sop_id, types.CompletionItemKind.Module) for sop_id in ids]


def _opener(lines: list[str], line: int, indent: int) -> str | None:
    """The key of the nearest line above that is indented less: the block the cursor's line is in."""
    for above in reversed(lines[:line]):
        stripped = above.lstrip(" ")
        if stripped and not stripped.startswith("#") and len(above) - len(stripped) < indent:
            match = _WORD.match(stripped)
            return match.group() or None if match else None
    return None


def _top_keyword(lines: list[str], line: int) -> str | None:
    """The concept of the top-level line whose block holds the line: sop, role, section, step or decision."""
    for above in reversed(lines[:line]):
        if above and not above.startswith((" ", "#")):
            match = _WORD.match(above)
            found = TOP_LEVEL.find(match.group()) if match else None
            return found.concept if found is not None else None
    return None


def _keywords(words: list[str], after: str) -> list[types.CompletionItem]:
    return [_item(word, types.CompletionItemKind.Keyword, word + after) for word in words]


def _item(label: str, kind: types.CompletionItemKind, insert: str | None = None) -> types.CompletionItem:
    return types.CompletionItem(label=label, kind=kind, insert_text=insert or label)
