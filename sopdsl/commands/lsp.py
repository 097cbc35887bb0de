"""`sopdsl lsp`: a language server over standard input and output, for editors."""

from __future__ import annotations

from ..errors import UsageError
from ..i18n import say


def add_arguments(parser) -> None:
    parser.add_argument("--stdio", action="store_true", help="talk over standard input and output (the default)")


def run(args) -> int:
    """Serve one editor until it shuts the server down."""
    try:
        from ..lsp.server import serve
    except ImportError as error:
        if error.name not in ("pygls", "lsprotocol"):
            raise
        raise UsageError(say("usage.lsp-needs-pygls")) from None
    serve()
    return 0
