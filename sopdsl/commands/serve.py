"""`sopdsl serve`: a local web app over a library: the index, an editor with live findings and preview, saving."""

from __future__ import annotations

import argparse
import sys


def add_arguments(parser) -> None:
    """The options of `sopdsl serve`."""
    parser.add_argument("paths", nargs="*", default=["."], metavar="PATH",
                        help="folders (every .sop below them) or .sop files to serve (default: the current folder)")
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default: 127.0.0.1, this machine only)")
    parser.add_argument("--port", type=_port, default=8000, help="port to listen on (default: 8000; 0: any free port)")
    parser.add_argument("--open", action="store_true", help="open the index in the web browser")
    parser.add_argument("--lang", choices=("id", "en"),
                        help="words of the pages and of the printed document: id (default) or en")


def run(args) -> int:
    """Serve the paths until Ctrl+C."""
    import webbrowser

    from ..files import UsageError
    from ..i18n import say, settle
    from ..serve.api import Api
    from ..serve.server import make_server
    from ..serve.workspace import Workspace

    workspace = Workspace(args.paths)
    try:
        lang = settle(args.lang, workspace.config.lang) or "id"
        server = make_server(Api(workspace, lang), args.host, args.port, lang)
    except OSError as error:
        reason = error.strerror or error
        raise UsageError(say("usage.cannot-listen", host=args.host, port=args.port, reason=reason)) from None
    host = f"[{args.host}]" if ":" in args.host else args.host
    url = f"http://{'127.0.0.1' if args.host in ('0.0.0.0', '::', '') else host}:{server.server_address[1]}/"
    print(say("serve.serving", url=url, folders=", ".join(workspace.folders() or args.paths)), flush=True)
    if args.open:
        webbrowser.open(url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print(say("serve.stopped"), file=sys.stderr)
    finally:
        server.server_close()
    return 0


def _port(text: str) -> int:
    """A port number from 0 to 65535."""
    if not text.isdigit() or int(text) > 65535:
        from ..i18n import say

        raise argparse.ArgumentTypeError(say("usage.port", value=repr(text)))
    return int(text)
