"""The HTTP server: the standard library's threading server, the pages with their token, static files and the API."""

from __future__ import annotations

import html
import json
import socket
import sys
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from urllib.parse import parse_qs, urlsplit

from . import engine
from .api import Api, ApiError, Download
from .guard import Guard
from .words import WORDS
from .workspace import Refused

MAX_JSON = 4 * 1024 * 1024  # an SOP is a few kilobytes; this leaves room for very long ones
MAX_UPLOAD = 32 * 1024 * 1024  # a scanned .docx or .pdf to import
STATIC_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; frame-src 'self' about:; connect-src 'self'; font-src 'self' data:; "
    "frame-ancestors 'self'; base-uri 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


class App:
    """What every request handler shares: the API over the workspace, the guard and the pages' language."""

    def __init__(self, api: Api, guard: Guard, lang: str):
        self.api = api
        self.guard = guard
        self.lang = lang

    def page(self, name: str, title: str, path: str = "") -> bytes:
        """A page of the app with the session token and the words of its language filled in."""
        template = _static_file(name).read_text(encoding="utf-8")
        words = json.dumps(WORDS[self.lang], ensure_ascii=False).replace("</", "<\\/")
        values = {"lang": self.lang, "token": self.guard.token, "title": html.escape(title),
                  "path": html.escape(path, quote=True), "words": words}
        for key, value in values.items():
            template = template.replace("{{" + key + "}}", value)
        return template.encode("utf-8")


class Handler(BaseHTTPRequestHandler):
    """One request: checked by the guard, then routed to a page, a static file or the API."""

    app: App
    body_read = False  # whether the request's body has been read, so that an error answer can drain it
    server_version = "sopdsl"
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        """Pages, static files and the API's reading calls."""
        self._handle("GET")

    def do_POST(self) -> None:
        """The API's calls that write or work on a buffer."""
        self._handle("POST")

    def _handle(self, method: str) -> None:
        """Guard, route, and turn every failure into a JSON answer with its status."""
        self.body_read = False
        refusal = self.app.guard.refusal(self.headers, writes=method == "POST")
        try:
            if refusal is not None:
                raise ApiError(HTTPStatus.FORBIDDEN, refusal)
            self._route(method)
        except ApiError as error:
            self._fail(error.status, {"error": error.message, **error.extra})
        except Refused as error:
            self._fail(HTTPStatus.FORBIDDEN, {"error": str(error)})
        except engine.Unavailable as error:
            self._fail(HTTPStatus.NOT_IMPLEMENTED, {"error": str(error)})
        except OSError as error:
            self._fail(HTTPStatus.INTERNAL_SERVER_ERROR, {"error": f"{error.strerror or error}"})
        except Exception as error:  # a fault in sopdsl: one line for the author, never a traceback
            sys.stderr.write(f"sopdsl serve: internal error: {type(error).__name__}: {error}\n")
            self._fail(HTTPStatus.INTERNAL_SERVER_ERROR, {"error": f"internal error: {type(error).__name__}: {error}"})

    def _route(self, method: str) -> None:
        """The handler of the method and path, or a 404."""
        url = urlsplit(self.path)
        query = {key: values[-1] for key, values in parse_qs(url.query).items()}
        route = ROUTES.get((method, url.path))
        if route is not None:
            return route(self, query)
        if method == "GET" and url.path.startswith("/static/"):
            return self._static(url.path[len("/static/"):])
        raise ApiError(404, f"no such page: {url.path}")

    def _fail(self, status: int, body: dict) -> None:
        """An error answer; the connection is closed after it, its request's body read first if it was not."""
        if not self.body_read:
            self._drain()
        self.close_connection = True
        self._json(status, body)

    # ---- pages ----

    def _index(self, query: dict[str, str]) -> None:
        """The library index page."""
        page = self.app.page("index.html", WORDS[self.app.lang]["index_title"])
        self._send(HTTPStatus.OK, "text/html; charset=utf-8", page)

    def _map(self, query: dict[str, str]) -> None:
        """The library map page."""
        self._send(HTTPStatus.OK, "text/html; charset=utf-8", self.app.api.library_map().encode("utf-8"))

    def _sop(self, query: dict[str, str]) -> None:
        """The editor page of one served SOP."""
        path = query.get("path", "")
        self.app.api.served(path)  # a 404 for a file that is not served
        self._send(HTTPStatus.OK, "text/html; charset=utf-8", self.app.page("sop.html", path, path))

    def _static(self, name: str) -> None:
        """A script or stylesheet of the pages."""
        suffix = name[name.rfind("."):] if "." in name else ""
        if "/" in name or suffix not in STATIC_TYPES or not _static_file(name).is_file():
            raise ApiError(404, f"no such file: {name}")
        self._send(HTTPStatus.OK, STATIC_TYPES[suffix], _static_file(name).read_bytes())

    # ---- the API ----

    def _library(self, query: dict[str, str]) -> None:
        """GET /api/library: the index data."""
        self._json(HTTPStatus.OK, self.app.api.library())

    def _file(self, query: dict[str, str]) -> None:
        """GET /api/file: one SOP as on disk, with its hash."""
        self._json(HTTPStatus.OK, self.app.api.file(query.get("path", "")))

    def _changes(self, query: dict[str, str]) -> None:
        """GET /api/changes: what pages poll to see changes on disk."""
        self._json(HTTPStatus.OK, self.app.api.changes(query.get("path")))

    def _check(self, query: dict[str, str]) -> None:
        """POST /api/check: an editor buffer's findings and views."""
        body = self._body_json()
        views = body.get("views", ["html"])
        if not isinstance(views, list) or not all(isinstance(view, str) for view in views):
            raise ApiError(400, "views must be a list of names")
        self._json(HTTPStatus.OK, self.app.api.check(_text(body, "path"), _text(body, "text"), views))

    def _save(self, query: dict[str, str]) -> None:
        """POST /api/save: write a buffer unless the file changed since it was loaded."""
        body = self._body_json()
        path, text, base = _text(body, "path"), _text(body, "text"), _text(body, "base")
        saved = self.app.api.save(path, text, base, bool(body.get("format")))
        self._json(HTTPStatus.OK, saved)

    def _diff(self, query: dict[str, str]) -> None:
        """POST /api/diff: the differences between the version on disk and the buffer."""
        body = self._body_json()
        diff = self.app.api.diff(_text(body, "path"), _text(body, "theirs"), _text(body, "text"))
        self._json(HTTPStatus.OK, {"diff": diff})

    def _new(self, query: dict[str, str]) -> None:
        """POST /api/new: a new SOP from the template."""
        body = self._body_json()
        self._json(HTTPStatus.OK, self.app.api.new(_text(body, "folder"), _text(body, "name")))

    def _import(self, query: dict[str, str]) -> None:
        """POST /api/import: an uploaded document as a new draft SOP."""
        data = self._body(MAX_UPLOAD)
        self._json(HTTPStatus.OK, self.app.api.import_file(query.get("folder", ""), query.get("name", ""), data))

    def _download(self, query: dict[str, str]) -> None:
        """POST /api/download: the buffer in a download format."""
        body = self._body_json()
        download: Download = self.app.api.download(_text(body, "path"), _text(body, "text"), _text(body, "format"))
        disposition = f'attachment; filename="{download.name}"'
        self._send(HTTPStatus.OK, download.content_type, download.data, {"Content-Disposition": disposition})

    # ---- plumbing ----

    def _body(self, limit: int) -> bytes:
        """The request's body, at most `limit` bytes."""
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            raise ApiError(400, "bad Content-Length") from None
        if length > limit:
            raise ApiError(413, f"the request is larger than {limit // (1024 * 1024)} MB")
        self.body_read = True
        return self.rfile.read(length)

    def _drain(self) -> None:
        """Read a refused request's body, so that the connection stays usable."""
        length = self.headers.get("Content-Length")
        if length and length.isdigit() and int(length) <= MAX_UPLOAD:
            self.rfile.read(int(length))

    def _body_json(self) -> dict:
        """The request's body as a JSON object."""
        if not (self.headers.get("Content-Type") or "").startswith("application/json"):
            raise ApiError(415, "expected a JSON body")
        try:
            body = json.loads(self._body(MAX_JSON).decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise ApiError(400, f"the body is not JSON: {error}") from None
        if not isinstance(body, dict):
            raise ApiError(400, "the body must be a JSON object")
        return body

    def _json(self, status: int, body: dict) -> None:
        """Answer with a JSON object."""
        self._send(status, "application/json; charset=utf-8", json.dumps(body, ensure_ascii=False).encode("utf-8"))

    def _send(self, status: int, content_type: str, data: bytes, extra: dict[str, str] | None = None) -> None:
        """Answer with data, the security headers added."""
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for name, value in {**SECURITY_HEADERS, **(extra or {})}.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the base class's name)
        """Only failures are logged: a page polls every second or two."""
        if len(args) > 1 and str(args[1]).startswith(("4", "5")):
            sys.stderr.write(f"sopdsl serve: {self.address_string()} {format % args}\n")


def _static_file(name: str):
    """A file the package ships in `sopdsl/serve/static`."""
    return resources.files(__package__).joinpath("static").joinpath(name)


def _text(body: dict, key: str) -> str:
    """A text field of a JSON body; anything else is a 400."""
    value = body.get(key, "")
    if not isinstance(value, str):
        raise ApiError(400, f"{key} must be text")
    return value


ROUTES: dict[tuple[str, str], Callable[[Handler, dict[str, str]], None]] = {
    ("GET", "/"): Handler._index,
    ("GET", "/sop"): Handler._sop,
    ("GET", "/map"): Handler._map,
    ("GET", "/api/library"): Handler._library,
    ("GET", "/api/file"): Handler._file,
    ("GET", "/api/changes"): Handler._changes,
    ("POST", "/api/check"): Handler._check,
    ("POST", "/api/save"): Handler._save,
    ("POST", "/api/diff"): Handler._diff,
    ("POST", "/api/new"): Handler._new,
    ("POST", "/api/import"): Handler._import,
    ("POST", "/api/download"): Handler._download,
}


class _IPv6Server(ThreadingHTTPServer):
    """The threading server on an IPv6 address."""

    address_family = socket.AF_INET6


def make_server(api: Api, host: str, port: int, lang: str) -> ThreadingHTTPServer:
    """A server bound to host:port (port 0: any free port), ready to `serve_forever`."""
    server_class = _IPv6Server if ":" in host else ThreadingHTTPServer
    server = server_class((host, port), Handler)
    server.daemon_threads = True
    guard = Guard(host, server.server_address[1])
    server.RequestHandlerClass = type("BoundHandler", (Handler,), {"app": App(api, guard, lang)})
    return server
