"""A running `sopdsl serve` app for the tests: on a free port, in a thread, over a copy of a library."""

from __future__ import annotations

import http.client
import json
import re
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from sopdsl.serve.api import Api
from sopdsl.serve.server import make_server
from sopdsl.serve.workspace import Workspace


class RunningApp:
    """The app's address, and requests to it as a browser on this machine would make them."""

    def __init__(self, port: int):
        self.port = port
        self.host = f"127.0.0.1:{port}"
        self.url = f"http://{self.host}"
        self.token = re.search(r'name="sopdsl-token" content="([^"]+)"', self.get("/")[2].decode()).group(1)

    def request(self, method: str, path: str, body: bytes | None = None,
                headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
        """Status, headers and body of one request; the Host header is the app's own unless given."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            sent = {"Host": self.host, **(headers or {})}
            connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
            for name, value in sent.items():
                connection.putheader(name, value)
            if body is not None:
                connection.putheader("Content-Length", str(len(body)))
            connection.endheaders(body)
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            connection.close()

    def get(self, path: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
        """A GET request."""
        return self.request("GET", path, None, headers)

    def get_json(self, path: str) -> tuple[int, dict]:
        """A GET request's status and JSON answer."""
        status, _, body = self.get(path)
        return status, json.loads(body)

    def post(self, path: str, payload: dict, token: bool = True,
             headers: dict[str, str] | None = None) -> tuple[int, dict]:
        """A JSON POST, with the page's token unless told otherwise; the status and the JSON answer."""
        sent = {"Content-Type": "application/json", **(headers or {})}
        if token:
            sent["X-Sopdsl-Token"] = self.token
        status, response_headers, body = self.request("POST", path, json.dumps(payload).encode(), sent)
        is_json = response_headers.get("Content-Type", "").startswith("application/json")
        return status, json.loads(body) if is_json else {"bytes": body, "headers": response_headers}


@contextmanager
def running_app(paths: Sequence[str], lang: str = "id") -> Iterator[RunningApp]:
    """Serve the paths on a free port of 127.0.0.1 for the length of the block."""
    server = make_server(Api(Workspace(paths), lang), "127.0.0.1", 0, lang)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield RunningApp(server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
