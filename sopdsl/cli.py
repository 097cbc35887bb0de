"""The command line: parses arguments and hands over to one module per command."""

from __future__ import annotations

import argparse
import importlib
import os
import signal
import sys
import traceback

from . import __version__
from .errors import SopdslError
from .terminal import printable

# Command name -> (module in sopdsl.commands, one-line help).
COMMANDS = {
    "check": ("check", "parse and check .sop files and folders (folders are checked as one library)"),
    "fmt": ("fmt", "rewrite .sop files in canonical form"),
    "stats": ("stats", "timing totals and counts"),
    "render": ("render", "one SOP to html, pdf, md, csv, mermaid, dot, svg or bpmn"),
    "build": ("build", "check a library and write every SOP's document and diagrams, with an index page"),
    "rules": ("rules", "list the rules with their severity"),
    "import": ("import_", "turn .docx, .xlsx, text .pdf, .csv, .tsv or .txt SOP documents into draft .sop files"),
    "diff": ("diff", "what changed between two versions of an SOP (files, or --git REV against the working tree)"),
    "due": ("due", "the dates on which an SOP's totals fall due, in working days"),
    "form": ("form", "the monitoring and evaluation forms of a library; `form read` reads filled-in forms back"),
    "lsp": ("lsp", "a language server (LSP) over standard input and output, for editors"),
    "serve": ("serve", "a local web app: the library's index, an editor with live findings and preview"),
}


def build_parser(chosen=None) -> argparse.ArgumentParser:
    """The argument parser; only the chosen command's module is imported, to start fast.

    Without a known command, the parser only lists the commands (and reports the unknown one).
    """
    parser = argparse.ArgumentParser(prog="sopdsl", description="Write, check and print Standard Operating Procedures.")
    parser.add_argument("--version", action="version", version=f"sopdsl {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True
    for name, (module_name, help_text) in COMMANDS.items():
        sub = commands.add_parser(name, help=help_text, description=help_text)
        if name == chosen:
            module = importlib.import_module(f".commands.{module_name}", __package__)
            module.add_arguments(sub)
            sub.set_defaults(run=module.run)
    return parser


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    chosen = next((a for a in argv if not a.startswith("-")), None)
    args = build_parser(chosen if chosen in COMMANDS else None).parse_args(argv)
    try:
        return args.run(args)
    except SopdslError as error:  # usage, syntax, calendar, formatting and browser errors alike
        print(f"sopdsl: error: {printable(str(error))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("sopdsl: interrupted", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 2
    except Exception as error:  # the contract: exit 2 with a message, never a bare traceback
        if os.environ.get("SOPDSL_DEBUG"):
            traceback.print_exc()
        print(f"sopdsl: internal error: {type(error).__name__}: {printable(str(error))}", file=sys.stderr)
        return 2


def run() -> None:
    _write_any_character()
    _stop_cleanly_on_terminate()
    sys.exit(main())


def _stop_cleanly_on_terminate() -> None:
    """SIGTERM ends the command as Ctrl-C does, so that open browsers and temporary folders are cleaned up."""

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)


def _write_any_character() -> None:
    """Characters the terminal's encoding lacks (author text on an ASCII or Latin-1 console) are written
    as escapes such as `\\u4e2d`, instead of stopping the command."""
    for stream in (sys.stdout, sys.stderr):
        if getattr(stream, "errors", None) == "strict" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
