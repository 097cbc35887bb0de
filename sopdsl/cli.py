"""The command line: parses arguments and hands over to one module per command."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback

from . import __version__
from .files import UsageError

# Command name -> (module in sopdsl.commands, one-line help).
COMMANDS = {
    "check": ("check", "parse and check .sop files and folders (folders are checked as one library)"),
    "fmt": ("fmt", "rewrite .sop files in canonical form"),
    "stats": ("stats", "timing totals and counts"),
    "render": ("render", "one SOP to html, pdf, md, csv, mermaid, dot, svg or bpmn"),
    "build": ("build", "check a library and write every SOP's document and diagrams, with an index page"),
    "rules": ("rules", "list the rules with their severity"),
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
    except UsageError as error:
        print(f"sopdsl: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("sopdsl: interrupted", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 2
    except Exception as error:  # the contract: exit 2 with a message, never a bare traceback
        if os.environ.get("SOPDSL_DEBUG"):
            traceback.print_exc()
        print(f"sopdsl: internal error: {type(error).__name__}: {error}", file=sys.stderr)
        return 2


def run() -> None:
    _write_any_character()
    sys.exit(main())


def _write_any_character() -> None:
    """Characters the terminal's encoding lacks (author text on an ASCII or Latin-1 console) are written
    as escapes such as `\\u4e2d`, instead of stopping the command."""
    for stream in (sys.stdout, sys.stderr):
        if getattr(stream, "errors", None) == "strict" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
