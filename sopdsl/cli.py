"""The command line: parses arguments and hands over to one module per command."""

from __future__ import annotations

import argparse
import importlib
import os
import re
import signal
import sys
import traceback

from .errors import SopdslError
from .i18n import LANGUAGES, catalogue, help_text, say, use
from .terminal import printable
from .version import __version__

# Command name -> (module in sopdsl.commands, one-line help).
COMMANDS = {
    "check": ("check", "parse and check .sop files and folders (folders are checked as one library)"),
    "fmt": ("fmt", "rewrite .sop files in canonical form, or convert their keywords (--keywords id|en)"),
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


# argparse's own messages, by the keys of their English templates, most specific first.
ARGPARSE_MESSAGES = ("argparse.required", "argparse.unrecognized", "argparse.choice", "argparse.expected-one",
                     "argparse.argument")


class HelpFormatter(argparse.HelpFormatter):
    """argparse's layout of the help, its `usage:` said in the language of the messages."""

    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, say("argparse.usage") if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """An argument parser whose help and errors speak the language of the messages."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(2, say("argparse.error", prog=self.prog, message=retold(message)) + "\n")

    def format_help(self) -> str:
        self._positionals.title = say("argparse.positionals")
        self._optionals.title = say("argparse.options")
        if self.description:
            self.description = help_text(self.prog, self.description)
        for action in self._actions:
            if action.help and action.help is not argparse.SUPPRESS:
                action.help = help_text(help_key(self.prog, action), action.help)
            for choice in getattr(action, "_choices_actions", ()):  # the commands a command line offers
                choice.help = help_text(f"{self.prog} {choice.dest}", choice.help)
        return super().format_help()


def help_key(prog: str, action: argparse.Action) -> str:
    """The key of an option's help in the catalogues' `HELP`: `--help` for every command's, else the command
    and the option's long name or the argument's metavar: `sopdsl check --strict`, `sopdsl render FILE`."""
    if action.dest == "help":
        return "--help"
    return f"{prog} {action.option_strings[-1] if action.option_strings else action.metavar or action.dest}"


def retold(message: str) -> str:
    """An argparse message said again in the language of the messages (as it is when no template matches)."""
    for key in ARGPARSE_MESSAGES:
        pattern = re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>.+?)", re.escape(catalogue("en")[key]))
        match = re.fullmatch(pattern, message, re.DOTALL)
        if match:
            return say(key, **{name: retold(value) for name, value in match.groupdict().items()})
    return message


def build_parser(chosen=None) -> argparse.ArgumentParser:
    """The argument parser; only the chosen command's module is imported, to start fast.

    Without a known command, the parser only lists the commands (and reports the unknown one).
    """
    parser = Parser(prog="sopdsl", description="Write, check and print Standard Operating Procedures.")
    parser.add_argument("--version", action="version", version=f"sopdsl {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True
    for name, (module_name, summary_line) in COMMANDS.items():
        sub = commands.add_parser(name, help=summary_line, description=summary_line)
        if name == chosen:
            module = importlib.import_module(f".commands.{module_name}", __package__)
            module.add_arguments(sub)
            sub.set_defaults(run=module.run)
    return parser


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    use(_asked_language(argv) or _help_language(argv))  # for the help and the errors of the command line itself
    try:
        return _run(argv)
    finally:
        use(None)  # a caller of main (a test, an editor's host) goes on in English


def _run(argv: list[str]) -> int:
    chosen = next((a for a in argv if not a.startswith("-")), None)
    args = build_parser(chosen if chosen in COMMANDS else None).parse_args(argv)
    use(getattr(args, "lang", None))
    try:
        return args.run(args)
    except SopdslError as error:  # usage, syntax, calendar, formatting and browser errors alike
        print(say("cli.error", error=printable(str(error))), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(say("cli.interrupted"), file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 2
    except Exception as error:  # the contract: exit 2 with a message, never a bare traceback
        if os.environ.get("SOPDSL_DEBUG"):
            traceback.print_exc()
        print(say("cli.internal-error", kind=type(error).__name__, error=printable(str(error))), file=sys.stderr)
        return 2


def _asked_language(argv) -> str | None:
    """The value of --lang on the command line, if it names a language."""
    for position, word in enumerate(argv):
        value = argv[position + 1] if word == "--lang" and position + 1 < len(argv) else word[len("--lang="):]
        if (word == "--lang" or word.startswith("--lang=")) and value in LANGUAGES:
            return value
    return None


def _help_language(argv) -> str | None:
    """For --help without --lang: the `lang` setting found from the working folder, whose settings a command
    given no path reads; None where there is none (or it cannot be read: the help is still shown)."""
    if "-h" not in argv and "--help" not in argv:
        return None
    from pathlib import Path

    from .config import discover

    try:
        found = discover(Path.cwd())
    except (SopdslError, OSError):
        return None
    lang = found[1].get("lang") if found else None
    return lang if lang in LANGUAGES else None


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
