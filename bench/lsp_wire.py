"""A small synchronous LSP client over a server process's standard input and output, for timing and fuzzing."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

SERVER = [sys.executable, "-m", "sopdsl", "lsp"]


class ServerGone(Exception):
    """The server process closed its output."""


class Wire:
    """One `sopdsl lsp` process, spoken to in JSON-RPC; its notifications are kept in arrival order."""

    def __init__(self, folder: Path, command: list[str] = SERVER, errors=subprocess.DEVNULL):
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=errors)
        self.notifications: list[dict] = []
        self._next_id = 0
        self.request("initialize", {"processId": None, "rootUri": folder.as_uri(), "capabilities": {},
                                    "workspaceFolders": [{"uri": folder.as_uri(), "name": folder.name}]})
        self.notify("initialized", {})

    def notify(self, method: str, params: dict) -> None:
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method: str, params: dict | None):
        """Send a request and read until its answer: its result (None for an error, kept in `last_error`)."""
        self._next_id += 1
        number = self._next_id
        self._send({"jsonrpc": "2.0", "id": number, "method": method, "params": params})
        answer = self.wait(lambda message: message.get("id") == number and "method" not in message)
        self.last_error = answer.get("error")
        return answer.get("result")

    def wait(self, wanted: Callable[[dict], bool]) -> dict:
        """Read messages until one is wanted; notifications on the way are kept, requests answered with null."""
        while True:
            message = self._receive()
            if wanted(message):
                return message
            if "method" in message and "id" in message:
                self._send({"jsonrpc": "2.0", "id": message["id"], "result": None})
            elif "method" in message:
                self.notifications.append(message)

    def diagnostics(self, uri: str, version: int) -> list[dict]:
        """Wait for the findings published for this version of the buffer."""
        def wanted(message: dict) -> bool:
            return (message.get("method") == "textDocument/publishDiagnostics" and message["params"]["uri"] == uri
                    and message["params"].get("version") == version)

        message = next((kept for kept in self.notifications if wanted(kept)), None) or self.wait(wanted)
        return message["params"]["diagnostics"]

    def close(self) -> None:
        try:
            self.request("shutdown", None)
            self.notify("exit", None)
            self.process.wait(timeout=10)
        except (ServerGone, OSError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()

    def _send(self, message: dict) -> None:
        body = json.dumps(message).encode("utf-8")
        try:
            self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            self.process.stdin.flush()
        except BrokenPipeError:
            raise ServerGone("the server closed its input") from None

    def _receive(self) -> dict:
        length = None
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise ServerGone("the server closed its output")
            if line in (b"\r\n", b"\n"):
                break
            name, _, value = line.decode("ascii").partition(":")
            if name.strip().lower() == "content-length":
                length = int(value)
        return json.loads(self.process.stdout.read(length))
