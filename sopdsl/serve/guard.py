"""Who may talk to the app: requests addressed to this server by its own name, writes only with the page's token."""

from __future__ import annotations

import hmac
import secrets
import socket
from collections.abc import Iterable
from typing import Protocol
from urllib.parse import urlsplit

TOKEN_HEADER = "X-Sopdsl-Token"
LOCAL_NAMES = ("127.0.0.1", "localhost", "[::1]")
ANY_ADDRESS = ("0.0.0.0", "::", "")


class Headers(Protocol):
    """A request's headers, looked up by name whatever its case."""

    def get(self, name: str, default: None = None) -> str | None: ...


class Guard:
    """Checks Host and Origin against the server's own addresses (against DNS rebinding) and the session token."""

    def __init__(self, host: str, port: int):
        self.token = secrets.token_urlsafe(32)
        names = {f"[{host}]" if ":" in host else host}
        if host in ("127.0.0.1", "localhost", "::1") or host in ANY_ADDRESS:
            names.update(LOCAL_NAMES)
        if host in ANY_ADDRESS:  # every interface: the machine's own names too
            names.update({socket.gethostname().lower(), socket.getfqdn().lower()})
        self.hosts = frozenset(f"{name}:{port}" for name in names) | (frozenset(names) if port == 80 else frozenset())

    def refusal(self, headers: Headers, writes: bool) -> str | None:
        """Why the request must be refused, or None to serve it."""
        host = (headers.get("Host") or "").lower()
        if host not in self.hosts:
            return f"unexpected Host header {host!r}: open the app at its own address"
        origin = headers.get("Origin")
        if origin is not None and not self._own_origin(origin):
            return f"requests from {origin!r} are not accepted"
        if writes and not hmac.compare_digest(headers.get(TOKEN_HEADER) or "", self.token):
            return "missing or wrong session token: reload the page"
        return None

    def _own_origin(self, origin: str) -> bool:
        """An Origin of this server itself: http, one of its host names, no path."""
        parts = urlsplit(origin.lower())
        return parts.scheme == "http" and parts.netloc in self.hosts and not parts.path

    def addresses(self) -> Iterable[str]:
        """The addresses the app answers to, for the start-up message."""
        return sorted(self.hosts)
