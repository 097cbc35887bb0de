"""The Python API: parse, check, format and render SOPs, and add up the totals of a library, without the command line.

Each function is a thin door onto the module that does the work, which it imports when first called.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .analysis.totals import SopTotals
    from .config import Config
    from .diagnostics import Diagnostic
    from .model import Sop
    from .render.options import RenderOptions

__all__ = ["check_paths", "format_text", "library_totals", "parse_file", "parse_text", "render"]


def parse_text(text: str, path: str | Path | None = None) -> Sop:
    """The model of the text of one .sop file (`sopdsl.model.Sop`, every node with its source span).

    Text that does not follow the language raises `sopdsl.parse.SopSyntaxError`, whose `message`, `line` and
    `column` say what and where; `path`, when given, names the file the text came from and is kept in the
    error's `path`, so that the caller can print `path:line:column: message`.
    """
    from .parse import parse_text as parse

    with _located(path):
        return parse(text)


def parse_file(path: str | Path) -> Sop:
    """The model of one .sop file, read as the command line reads it (UTF-8, a leading byte order mark dropped).

    A file that cannot be decoded or does not parse raises `sopdsl.parse.SopSyntaxError` with its `path` set;
    one that cannot be read raises the `OSError` of reading it.
    """
    from .parse import read_source

    with _located(path):
        text = read_source(Path(path))
    return parse_text(text, path)


def check_paths(paths: Iterable[str | Path], config: Config | None = None) -> list[Diagnostic]:
    """Every finding on the given files and folders, as `sopdsl check` reports them: sorted, suppressions applied.

    Folders are searched for `*.sop` files and make the files one library, so that the library rules run across
    them. `config` is a `sopdsl.config.Config` (`sopdsl.config.load(path)` reads one from a settings file);
    without it the settings are found upward from the paths, as the command line finds them. Each finding is a
    `sopdsl.diagnostics.Diagnostic` with its path, position, severity, rule and message; `line_text` gives it as
    the command line prints it. A missing path, or no .sop file at all, raises `sopdsl.errors.UsageError`.
    """
    from . import checker
    from .config import for_paths
    from .files import collect

    names = [str(path) for path in paths]
    config = config if config is not None else for_paths(names)
    files = collect(names, config.exclude, config.root)
    is_library = any(Path(name).is_dir() for name in names)
    return list(checker.check_paths(files, is_library, config).diagnostics)


def format_text(text: str) -> str:
    """The canonical text of a .sop file, comments kept, as `sopdsl fmt` writes it.

    The result is proven to parse back to the same model before it is returned. Text that does not parse raises
    `sopdsl.parse.SopSyntaxError`; should the formatted text fail that proof, `sopdsl.format.FormatError` is raised
    rather than unsafe text returned.
    """
    from . import format as formatter

    return formatter.format_text(text)


def render(sop: Sop, format_name: str, options: RenderOptions | Mapping[str, Any] | None = None) -> str | bytes:
    """One SOP in an output format of `sopdsl render --to`: text for html, md, csv, mermaid, dot, svg and bpmn, bytes
    for pdf, docx and xlsx.

    `options` is a `sopdsl.render.options.RenderOptions`, or a mapping of its fields (`{"lang": "en",
    "paper": "f4"}`); without it the defaults apply (Indonesian labels, A4). The formats and their descriptions
    are in `sopdsl.render.FORMATS`; an unknown name raises `sopdsl.errors.UsageError`. PDF needs Chromium and
    docx and xlsx the `office` extra; without them `sopdsl.errors.SopdslError` says what to install.
    """
    from .errors import UsageError
    from .i18n import say
    from .render import FORMATS, renderer
    from .render.options import RenderOptions

    if format_name not in FORMATS:
        raise UsageError(say("usage.unknown-format", name=repr(format_name), formats=", ".join(FORMATS)))
    if options is None:
        options = RenderOptions()
    elif not isinstance(options, RenderOptions):
        options = RenderOptions(**options)
    return renderer(format_name).render(sop, options)


def library_totals(sops: Iterable[Sop]) -> dict[str, SopTotals]:
    """The timing totals of each SOP of a set, by SOP id, as `sopdsl stats` computes them.

    A step that `uses` another SOP of the set counts that SOP's totals, composed in dependency order; of two
    SOPs with one id the first counts; an SOP whose calendar is invalid is left out. Each value is a
    `sopdsl.analysis.totals.SopTotals` (typical range, min and max in working minutes, per flow and in all);
    `as_json()` gives it as `sopdsl stats --format json` prints it.
    """
    from .analysis import library
    from .library_record import library_record

    return library.library_totals(library_record(sop) for sop in sops)


@contextmanager
def _located(path: str | Path | None) -> Iterator[None]:
    """Give a syntax error raised in the block the path of the file it is in."""
    from .parse import SopSyntaxError

    try:
        yield
    except SopSyntaxError as error:
        if path is not None:
            error.path = str(path)
        raise
