"""`sopdsl form`: the monitoring and evaluation forms of a library (html, pdf, xlsx, docx), and reading them back."""

from __future__ import annotations

import json
import sys
from pathlib import Path

FORMATS = ("html", "pdf", "xlsx", "docx")
LANGUAGES = ("id", "en")


def add_arguments(parser) -> None:
    kinds = parser.add_subparsers(dest="kind", metavar="KIND")
    kinds.required = True
    for kind, help_text in (("monitoring", "Tabel 7: one row per SOP to assess, note and initial"),
                            ("evaluation", "the seven criteria per SOP, with a Berita Acara per unit")):
        sub = kinds.add_parser(kind, help=help_text, description=help_text)
        sub.add_argument("paths", nargs="+", metavar="PATH", help=".sop files, or folders to search for *.sop")
        sub.add_argument("--to", dest="format", required=True, choices=FORMATS, help="output format")
        sub.add_argument("-o", "--output", required=True, metavar="OUT", help="file to write")
        sub.add_argument("--force", action="store_true", help="replace OUT if it exists (it may be a filled-in form)")
        sub.add_argument("--period", metavar="TEXT", help='the period assessed, e.g. "Semester II 2026"')
        sub.add_argument("--unit", metavar="TEXT", help="one unit's name for every SOP (default: each SOP's `unit`)")
        sub.add_argument("--lang", choices=LANGUAGES, help="printed words and messages: id (default) or en")
        sub.add_argument("--config", metavar="FILE", help="a .sopdsl.toml or pyproject.toml to use")
    read = kinds.add_parser("read", help="read filled-in xlsx forms back", description="read filled-in xlsx forms back")
    read.add_argument("files", nargs="+", metavar="FILE", help="filled-in .xlsx forms")
    read.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    read.add_argument("--lang", choices=LANGUAGES, help="words of the text and messages: id (default) or en")


def run(args) -> int:
    """`form read` reads forms back; `form monitoring` and `form evaluation` write one."""
    return run_read(args) if args.kind == "read" else run_form(args)


def run_form(args) -> int:
    from ..files import UsageError
    from ..i18n import say
    from ..output import write_atomically

    out = Path(args.output)
    if out.is_dir():
        raise UsageError(say("usage.output-is-folder", path=args.output))
    if out.exists() and not args.force:
        raise UsageError(say("usage.form-exists", path=args.output))
    document = _document(args)
    if document is None:
        return 1
    data = _written(document, args.format)
    try:
        write_atomically(out, data)
    except OSError as error:
        raise UsageError(say("usage.cannot-write", path=args.output, reason=error.strerror or error)) from None
    print(say(f"form.wrote-{args.kind}", count=_count(document), path=out), file=sys.stderr)
    return 0


def _document(args):
    """The form of the SOPs given; None (with the syntax errors printed) when a file does not parse."""
    import attrs

    from ..checker import check_paths
    from ..config import for_paths
    from ..files import collect
    from ..i18n import settle
    from ..render.forms import content
    from ..render.forms.criteria import RULES, Judgement, judge
    from ..terminal import printable

    files = collect(args.paths)
    config = for_paths(args.paths, args.config)
    lang = settle(args.lang, config.lang) or "id"
    config = attrs.evolve(config, select=RULES if args.kind == "evaluation" else ())
    checked = check_paths(files, True, config, models=True)
    broken = [file.error for file in checked.files if file.error is not None]
    for error in broken:
        print(printable(error.line_text), file=sys.stderr)
    if broken:
        return None
    parsed = [(file, file.sop) for file in checked.files if file.sop is not None]  # every file, none broken
    sops = [sop for _, sop in parsed]
    if args.kind == "monitoring":
        return content.monitoring_form(sops, lang, args.period, args.unit)
    by_path = judge(checked.files, checked.diagnostics, lang)
    judgements: dict[str, list[Judgement]] = {}
    for file, sop in parsed:
        judgements.setdefault(sop.id, by_path[file.path])
    return content.evaluation_form(sops, judgements, lang, args.period, args.unit)


def _written(document, format_name: str) -> bytes:
    from ..files import UsageError
    from ..render.forms import writer

    if format_name != "pdf":
        result = writer(format_name).write(document)
        return result.encode("utf-8") if isinstance(result, str) else result
    from ..browser.chromium import ChromiumError
    from ..render.document.pdf import printer

    try:
        with printer() as print_html:
            return print_html(writer("html").write(document))
    except ChromiumError as error:
        raise UsageError(str(error)) from None


def _count(document) -> int:
    return len({row.sop_id for page in document.pages for row in page.rows})


def run_read(args) -> int:
    from ..render.forms.read import as_json, as_text, read_form

    forms = [read_form(Path(name)) for name in args.files]
    if args.format == "json":
        print(json.dumps(as_json(forms), indent=2, ensure_ascii=False))
    else:
        sys.stdout.write(as_text(forms, args.lang or "id"))
    return 0
