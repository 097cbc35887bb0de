"""Configuration: `[tool.sopdsl]` in a pyproject.toml or the top level of a `.sopdsl.toml`, found upward."""

from __future__ import annotations

import datetime
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
from attrs import field, frozen

from .analysis.calendar import CalendarError, calendar_minutes
from .analysis.evaluation import DEFAULT_INTERVAL, Interval, interval_of
from .diagnostics import Severity
from .errors import UsageError
from .files import matches
from .i18n import LANGUAGES, say
from .model import CALENDAR_FIELDS, Calendar

KEYS = (
    "select", "ignore", "extend-select", "extend-ignore", "per-file-ignores", "severity", "calendar", "strict",
    "exclude", "extend-exclude", "holidays", "lang", "labels", "evaluation-interval",
)
DEFAULT_EXCLUDE = (
    ".git", ".hg", ".svn", ".venv", "venv", ".tox", ".nox", "node_modules", "__pycache__", ".mypy_cache",
    ".ruff_cache", ".pytest_cache", ".sopdsl_cache", "build", "dist", "site-packages", ".eggs",
)
"""Folders a walk passes over unless `exclude` says otherwise: tools' and packages' folders, and build outputs."""
ALWAYS_ON = "syntax-error"  # a file that does not parse can be neither checked nor passed


@frozen
class Config:
    """The settings of one check: which rules run, at what severity, the default calendar, strictness."""

    select: tuple[str, ...] | None = None  # None: every rule
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(factory=dict)
    calendar: Calendar | None = None
    strict: bool = False
    holidays: tuple[datetime.date, ...] = ()  # extra non-working days (cuti bersama) for due dates
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (glob, rules), globs relative to root
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    lang: str | None = None  # messages and printed words; None: each command's default
    labels: Mapping[str, str] = field(factory=dict)  # printed label key -> the unit's own wording
    evaluation_interval: Interval = DEFAULT_INTERVAL  # how long an evaluation (or `effective`) holds
    today: datetime.date | None = None  # the day of the check (--today); None: the day it runs
    root: Path | None = None  # the folder of the settings file: globs are relative to it
    source: Path | None = None  # the settings file itself

    def enabled(self, rule: str) -> bool:
        if rule == ALWAYS_ON:
            return True
        return (self.select is None or rule in self.select) and rule not in self.ignore

    def ignored_in(self, path: str, rule: str) -> bool:
        """Whether `per-file-ignores` turns the rule off for the file."""
        if rule == ALWAYS_ON or not self.per_file_ignores:
            return False
        return any(rule in rules and matches(path, pattern, self.root) for pattern, rules in self.per_file_ignores)


DEFAULTS = Config()


def rule_names(names: Iterable[str], where: str, registered: bool = True) -> tuple[str, ...]:
    """The names as a tuple, each a string, and with `registered` a registered rule.

    `where` prefixes the message of a usage error. Only a command that runs rules asks for `registered`:
    the registry imports every rule.
    """
    names = tuple(names)
    known = _registered_names() if registered else None
    for name in names:
        if not isinstance(name, str) or (known is not None and name not in known):
            raise UsageError(say("usage.not-a-rule", where=where, name=repr(name)))
    return names


def _registered_names() -> frozenset[str]:
    from .rules import RULES  # imported only by the commands that run rules

    return frozenset(RULES)


def for_paths(paths: Sequence[str], explicit: str | None = None, runs_rules: bool = True) -> Config:
    """The configuration of the checked paths: the explicit file, or the one found upward from every path.

    Without `runs_rules` (for a command that checks nothing), rule names are not looked up in the registry.
    """
    if explicit is not None:
        return load(Path(explicit), runs_rules)
    found: dict[Path, tuple[Path, dict] | None] = {}
    for path in paths:
        start = Path(path).resolve()
        folder = start if start.is_dir() else start.parent
        if folder not in found:
            found[folder] = discover(folder)
    distinct = {str(item[0]) if item else None: item for item in found.values()}
    if len(distinct) > 1:
        names = say("usage.and").join(name or say("usage.no-configuration") for name in sorted(distinct, key=str))
        raise UsageError(say("usage.different-configurations", names=names))
    item = next(iter(distinct.values()), None)
    return _settings(*item, runs_rules) if item else DEFAULTS


def discover(folder: Path) -> tuple[Path, dict] | None:
    """The nearest configuration at or above the folder, with its settings table.

    In each folder a `.sopdsl.toml` comes first, then a pyproject.toml that has [tool.sopdsl].
    """
    for candidate in (folder, *folder.parents):
        for path in (candidate / ".sopdsl.toml", candidate / "pyproject.toml"):
            table = _table(path) if path.is_file() else None
            if table is not None:
                return path, table
    return None


def load(path: Path, runs_rules: bool = True) -> Config:
    """The settings of one configuration file; anything wrong in it is a UsageError naming the file."""
    table = _table(path)
    if table is None:
        raise UsageError(say("usage.no-table", path=path))
    return _settings(path, table, runs_rules)


def _settings(path: Path, table: dict, runs_rules: bool) -> Config:
    where = str(path)
    unknown = sorted(set(table) - set(KEYS))
    if unknown:
        raise UsageError(say("usage.unknown-key", where=where, key=unknown[0], keys=", ".join(KEYS)))
    settings: dict[str, Any] = {}  # Config's keyword arguments, each checked as it is read
    if "select" in table:
        settings["select"] = rule_names(_list(table["select"], f"{where}: select"), f"{where}: select", runs_rules)
    if "ignore" in table:
        settings["ignore"] = _ignorable(_list(table["ignore"], f"{where}: ignore"), f"{where}: ignore", runs_rules)
    if "severity" in table:
        settings["severity"] = _severities(table["severity"], f"{where}: severity", runs_rules)
    if "calendar" in table:
        settings["calendar"] = _calendar(table["calendar"], f"{where}: calendar")
    if "strict" in table:
        if not isinstance(table["strict"], bool):
            raise UsageError(say("usage.strict", where=where))
        settings["strict"] = table["strict"]
    if "holidays" in table:
        settings["holidays"] = _holidays(table["holidays"], f"{where}: holidays")
    if "extend-select" in table:
        extra = _rules_of(table, "extend-select", where, runs_rules)
        if "select" in settings:  # without `select` every rule runs already
            settings["select"] = settings["select"] + tuple(n for n in extra if n not in settings["select"])
    if "extend-ignore" in table:
        extra = _ignorable(_rules_of(table, "extend-ignore", where, runs_rules), f"{where}: extend-ignore", runs_rules)
        settings["ignore"] = tuple(settings.get("ignore", ())) + extra
    if "per-file-ignores" in table:
        settings["per_file_ignores"] = _per_file_ignores(table["per-file-ignores"], f"{where}: per-file-ignores",
                                                         runs_rules)
    if "exclude" in table:
        settings["exclude"] = _globs(table["exclude"], f"{where}: exclude")
    if "extend-exclude" in table:
        extra = _globs(table["extend-exclude"], f"{where}: extend-exclude")
        settings["exclude"] = tuple(settings.get("exclude", DEFAULT_EXCLUDE)) + extra
    if "lang" in table:
        if table["lang"] not in LANGUAGES:
            raise UsageError(say("usage.lang-setting", where=where, value=repr(table["lang"])))
        settings["lang"] = table["lang"]
    if "labels" in table:
        settings["labels"] = _labels(table["labels"], f"{where}: labels")
    if "evaluation-interval" in table:
        settings["evaluation_interval"] = _interval(table["evaluation-interval"], f"{where}: evaluation-interval")
    return Config(**settings, root=path.parent.resolve(), source=path)


def _labels(value, where: str) -> dict[str, str]:
    """The unit's own printed labels, by the keys of `sopdsl.render.labels.SETTING_KEYS`."""
    from .render.labels import SETTING_KEYS

    if not isinstance(value, dict):
        raise UsageError(say("usage.labels-table", where=where))
    for key, text in value.items():
        if key not in SETTING_KEYS:
            raise UsageError(say("usage.labels-unknown", where=where, key=key, keys=", ".join(SETTING_KEYS)))
        if not isinstance(text, str) or not text.strip():
            raise UsageError(say("usage.labels-text", where=where, key=key))
    return {key: text.strip() for key, text in value.items()}


def _rules_of(table: dict, key: str, where: str, registered: bool) -> tuple[str, ...]:
    return rule_names(_list(table[key], f"{where}: {key}"), f"{where}: {key}", registered)


def _per_file_ignores(value, where: str, registered: bool) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, dict):
        raise UsageError(say("usage.per-file-ignores", where=where))
    return tuple((pattern, _ignorable(_list(rules, f"{where}: {pattern}"), f"{where}: {pattern}", registered))
                 for pattern, rules in value.items())


def _globs(value, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
        raise UsageError(say("usage.globs", where=where))
    return tuple(value)


def _table(path: Path) -> dict | None:
    """The sopdsl settings of the file: all of a `.sopdsl.toml`, [tool.sopdsl] of a pyproject.toml (or None)."""
    if sys.version_info >= (3, 11):  # imported here: most runs find no settings file
        import tomllib
    else:
        import tomli as tomllib
    try:
        with open(path, "rb") as stream:
            document = tomllib.load(stream)
    except OSError as error:
        raise UsageError(say("usage.unreadable-configuration", path=path, reason=error.strerror)) from None
    except tomllib.TOMLDecodeError as error:
        raise UsageError(say("usage.not-toml", path=path, error=error)) from None
    if path.name != "pyproject.toml":
        return document
    tool = document.get("tool")
    table = tool.get("sopdsl") if isinstance(tool, dict) else None
    if table is not None and not isinstance(table, dict):
        raise UsageError(say("usage.tool-table", path=path))
    return table


def _ignorable(names: Iterable[str], where: str, registered: bool = True) -> tuple[str, ...]:
    names = rule_names(names, where, registered)
    if ALWAYS_ON in names:
        raise UsageError(say("usage.cannot-ignore", where=where, rule=ALWAYS_ON))
    return names


def _list(value, where: str) -> list:
    if not isinstance(value, list):
        raise UsageError(say("usage.rule-list", where=where))
    return value


def _severities(value, where: str, registered: bool) -> dict[str, Severity]:
    if not isinstance(value, dict):
        raise UsageError(say("usage.severity-table", where=where))
    rule_names(value, where, registered)
    if ALWAYS_ON in value:
        raise UsageError(say("usage.fixed-severity", where=where, rule=ALWAYS_ON))
    levels = {severity.value: severity for severity in Severity}
    wrong = next((rule for rule, level in value.items() if level not in levels), None)
    if wrong is not None:
        raise UsageError(say("usage.severity", where=where, rule=wrong, value=repr(value[wrong])))
    return {rule: levels[level] for rule, level in value.items()}


def _calendar(value, where: str) -> Calendar:
    """The calendar table read with the language's own grammar, one entry at a time, and validated."""
    from .parse import SopSyntaxError, parse_text  # the parser, only where the settings give a calendar

    if not isinstance(value, dict):
        raise UsageError(say("usage.calendar-table", where=where, entries=", ".join(CALENDAR_FIELDS)))
    entries = {}
    for key, text in value.items():
        if key not in CALENDAR_FIELDS:
            raise UsageError(say("usage.calendar-entry", where=where, key=key, entries=", ".join(CALENDAR_FIELDS)))
        if not isinstance(text, str) or not text.strip() or "\n" in text or "\r" in text:
            raise UsageError(say("usage.calendar-duration", where=where, key=key))
        try:
            parsed = parse_text(f"sop config: config\n  calendar:\n    {key}: {text}\n").calendar
        except SopSyntaxError as error:
            raise UsageError(say("usage.setting-value", where=where, key=key, value=repr(text),
                                 reason=error.message)) from None
        entries[key] = getattr(parsed, key)
    calendar = Calendar(**entries)
    try:
        calendar_minutes(calendar)
    except CalendarError as error:
        raise UsageError(say("usage.setting-problem", where=where, reason=error.message)) from None
    return calendar


def _interval(value, where: str) -> Interval:
    """The evaluation interval: a duration of whole years, months, weeks or days, read with the language's grammar."""
    from .parse import SopSyntaxError, parse_text  # the parser, only where the settings give an interval

    if not isinstance(value, str) or not value.strip() or "\n" in value or "\r" in value:
        raise UsageError(say("usage.evaluation-interval", where=where))
    try:
        duration = parse_text(f"sop config: config\n  sla: {value}\n").sla
    except SopSyntaxError:  # the grammar's message would speak of the `sla` it was read as
        raise UsageError(say("usage.interval-unreadable", where=where, value=repr(value))) from None
    try:
        assert duration is not None  # the text parsed as an sla: it has one
        return interval_of(duration)
    except ValueError as error:
        raise UsageError(say("usage.setting-problem", where=where, reason=error)) from None


def _holidays(value, where: str) -> tuple[datetime.date, ...]:
    """Extra non-working days: a list of dates, as TOML dates or "YYYY-MM-DD" strings."""
    if not isinstance(value, list):
        raise UsageError(say("usage.holidays", where=where))
    days: list[datetime.date] = []
    for item in value:
        if isinstance(item, datetime.date) and not isinstance(item, datetime.datetime):
            days.append(item)
            continue
        try:
            day = datetime.date.fromisoformat(item) if isinstance(item, str) and len(item) == 10 else None
        except ValueError:
            day = None
        if day is None:
            raise UsageError(say("usage.holiday", where=where, value=repr(item)))
        days.append(day)
    return tuple(sorted(set(days)))


def with_overrides(config: Config, select=None, ignore=None, extend_select=None, extend_ignore=None,
                   exclude=None, extend_exclude=None) -> Config:
    """The configuration with the command line's options: --select and --ignore in place of its own lists,
    --extend-select and --extend-ignore added to them; --exclude and --extend-exclude likewise."""
    changes: dict[str, Any] = {}  # Config's keyword arguments, each checked as it is read
    if select is not None:
        changes["select"] = rule_names(select, "--select")
    if ignore is not None:
        changes["ignore"] = _ignorable(ignore, "--ignore")
    if extend_select:
        chosen = changes.get("select", config.select)
        if chosen is not None:
            extra = rule_names(extend_select, "--extend-select")
            changes["select"] = tuple(chosen) + tuple(n for n in extra if n not in chosen)
    if extend_ignore:
        changes["ignore"] = tuple(changes.get("ignore", config.ignore)) + _ignorable(extend_ignore, "--extend-ignore")
    if exclude is not None:
        changes["exclude"] = tuple(exclude)
    if extend_exclude:
        changes["exclude"] = tuple(changes.get("exclude", config.exclude)) + tuple(extend_exclude)
    return attrs.evolve(config, **changes)
