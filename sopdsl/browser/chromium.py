"""A small headless-Chromium client over the DevTools pipe: load pages and print them to PDF."""

from __future__ import annotations

import base64
import fcntl
import json
import os
import re
import select
import shutil
import signal
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from ..errors import SopdslError
from ..i18n import say

ENV_VAR = "SOPDSL_CHROMIUM"
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--mute-audio",
    "--hide-scrollbars",
    "--remote-debugging-pipe",
)
# With --remote-debugging-pipe Chromium reads commands from fd 3 and writes replies and events to fd 4.
COMMAND_FD, REPLY_FD = 3, 4
DEFAULT_TIMEOUT = 30.0
CLOSE_TIMEOUT = 5.0
STDERR_LIMIT = 1 << 20  # of Chromium's output read for the cause of a crash
# Lines Chromium writes on any machine without a session bus or on any shutdown: never why it stopped.
NOISE = ("dbus", "d-bus", "zygote")
_LOG_LINE = re.compile(r"\[[^\]]*:(?P<level>[A-Z]+):[^\]]*\]\s*(?P<message>.*)")
MM_PER_INCH = 25.4
PRINTING_PAGES = 4  # pages printing at once in `Browser.pdfs`: Chromium lays each out in a process of its own

Source = str | Path


class ChromiumError(SopdslError):
    """Chromium is missing, failed, or did not answer in time; the message says which."""


class _Deadline(NamedTuple):
    """When a wait for the browser gives up, and what it was waiting for (for the error message)."""

    at: float
    seconds: float
    doing: str


def find_chromium() -> str | None:
    """The browser to run: $SOPDSL_CHROMIUM if set, else the first Chromium or Chrome on PATH, else None."""
    configured = os.environ.get(ENV_VAR)
    if configured:
        return configured
    return next((found for found in map(shutil.which, CANDIDATES) if found), None)


def page_url(source: Source) -> str:
    """The URL to open for `source`: a Path or plain path becomes a file:// URL, a URL stays as it is."""
    if isinstance(source, str) and urlsplit(source).scheme:
        return source
    return Path(source).resolve().as_uri()


class Browser:
    """One headless Chromium process with one page; load and print any number of documents in turn.

    Use it as a context manager so the process and its temporary profile are always cleaned up.
    Not thread-safe: one thread drives one browser.
    """

    def __init__(self, executable: str | None = None, timeout: float = DEFAULT_TIMEOUT):
        self.timeout = timeout
        self._pid: int | None = None
        self._status: int | None = None
        self._command_fd = self._reply_fd = -1
        self._buffer = bytearray()
        self._scanned = 0
        self._last_id = 0
        self._events: list[dict] = []
        self._session: str | None = None
        self._printing: list[str] = []  # the sessions of the pages `pdfs` prints in, opened when first needed
        self._stderr = tempfile.TemporaryFile()  # unlinked at once: nothing on disk to clean up
        self._profile: str | None = None
        try:  # from here on, an interruption at any point (a signal included) still cleans up
            executable = _resolve(executable or find_chromium())
            with _signals_held():  # a folder made or a browser started is always recorded for close()
                self._profile = tempfile.mkdtemp(prefix="sopdsl-chromium-")
                self._spawn(executable)
            self._session = self._open_page()
        except BaseException:
            self.close()
            raise

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def load(self, source: Source, timeout: float | None = None) -> None:
        """Open `source` (a path or URL) in the page and wait until its load event has fired."""
        url = page_url(source)
        self._events.clear()  # events of earlier documents must not end this wait
        error = self._page("Page.navigate", url=url).get("errorText")
        if error:
            raise ChromiumError(f"Chromium could not open {url}: {error}")
        self._wait_event("Page.loadEventFired", f"loading {url}", timeout)

    def pdf(self, source: Source, paper_width_mm: float | None = None,
            paper_height_mm: float | None = None) -> bytes:
        """Load `source` and print it; the CSS @page size wins over the paper size given here."""
        self.load(source)
        return base64.b64decode(self._page("Page.printToPDF", **_print_params(paper_width_mm, paper_height_mm))["data"])

    def pdfs(self, sources: Iterable[Source], pages: int = PRINTING_PAGES) -> Iterator[bytes]:
        """Load and print every source, `pages` of them at once, each in a page of its own; the PDFs in order.

        A navigation's load is known by its loader id, so neither an early nor a stale load event is mistaken.
        """
        while len(self._printing) < pages:
            session = self._open_page()
            self._call("Page.setLifecycleEventsEnabled", {"enabled": True}, session=session)
            self._printing.append(session)
        own = set(self._printing)
        self._events = [event for event in self._events if event.get("sessionId") not in own]
        todo = iter(enumerate(sources))
        free = self._printing[:pages]
        waiting: dict[int, tuple[str, int]] = {}  # a command's id -> the page it was sent to, the source's index
        loading: dict[str, tuple[str, int]] = {}  # a navigation's loader id -> its page, the source's index
        loaded: set[str] = set()  # loader ids whose load came before the reply to their navigation
        urls: dict[int, str] = {}
        printed: dict[int, bytes] = {}
        given = 0
        while True:
            while free and (item := next(todo, None)) is not None:
                index, source = item
                page, urls[index] = free.pop(), page_url(source)
                waiting[self._post("Page.navigate", {"url": urls[index]}, page)] = (page, index)
            while given in printed:
                yield printed.pop(given)
                given += 1
            if not waiting and not loading:
                return
            message = self._receive(self._deadline(None, f"printing {urls[given]}"))
            if message.get("id") in waiting:
                page, index = waiting.pop(message["id"])
                if "error" in message:
                    raise ChromiumError(f"Chromium refused to print {urls[index]}: {message['error'].get('message')}")
                result = message.get("result", {})
                if "data" in result:
                    printed[index] = base64.b64decode(result["data"])
                    free.append(page)
                elif result.get("errorText"):
                    raise ChromiumError(f"Chromium could not open {urls[index]}: {result['errorText']}")
                elif result.get("loaderId") in loaded:
                    loaded.discard(result["loaderId"])
                    waiting[self._post("Page.printToPDF", _print_params(None, None), page)] = (page, index)
                else:
                    loading[result.get("loaderId", "")] = (page, index)
            elif message.get("method") == "Page.lifecycleEvent" and message["params"].get("name") == "load":
                loader = message["params"].get("loaderId", "")
                if loader in loading:
                    page, index = loading.pop(loader)
                    waiting[self._post("Page.printToPDF", _print_params(None, None), page)] = (page, index)
                else:
                    loaded.add(loader)
            elif "method" in message and message.get("sessionId") not in own:
                self._events.append(message)

    def close(self) -> None:
        """Ask the browser to quit, kill it if it does not, and remove its temporary profile."""
        if self._pid is not None:
            with suppress(ChromiumError, OSError):
                self._last_id += 1
                self._send({"id": self._last_id, "method": "Browser.close"})  # its reply may never come
            exited = self._reap(min(CLOSE_TIMEOUT, self.timeout)) is not None
            with suppress(ProcessLookupError):  # its helpers too, which would write to the profile as they quit
                os.killpg(self._pid, signal.SIGKILL)
            if not exited:
                self._reap(None)
            self._pid = None
        for fd in (self._command_fd, self._reply_fd):
            if fd >= 0:
                os.close(fd)
        self._command_fd = self._reply_fd = -1
        self._stderr.close()
        if self._profile is not None:
            _remove_folder(self._profile)

    def _spawn(self, executable: str) -> None:
        """Start Chromium with our pipe ends on its fds 3 and 4, stdout and stderr in a temporary file.

        os.posix_spawn maps the fds without running Python code in the forked child (preexec_fn is
        unsafe when threads run) and works for any fd number (`sh -c '3<&N'` fails in dash for N > 9).
        The child's ends are first moved above fd 4 so that mapping one cannot overwrite the other.
        """
        command_read, self._command_fd = os.pipe()
        self._reply_fd, reply_write = os.pipe()
        child_read, child_write = (_above_reply_fd(fd) for fd in (command_read, reply_write))
        actions = [
            (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
            (os.POSIX_SPAWN_DUP2, self._stderr.fileno(), 1),
            (os.POSIX_SPAWN_DUP2, self._stderr.fileno(), 2),
            (os.POSIX_SPAWN_DUP2, child_read, COMMAND_FD),
            (os.POSIX_SPAWN_DUP2, child_write, REPLY_FD),
        ]
        argv = [executable, *FLAGS, f"--user-data-dir={self._profile}", "about:blank"]
        try:
            # Its own process group, so a stuck browser is killed together with its helper processes.
            # Its temporary files go into the profile folder too, which close() removes.
            environment = dict(os.environ, TMPDIR=str(self._profile))
            self._pid = os.posix_spawn(executable, argv, environment, file_actions=actions, setpgroup=0, setsigmask=())
        except OSError as error:
            raise ChromiumError(say("chromium.cannot-start", executable=executable, reason=error.strerror)) from None
        finally:
            os.close(child_read)
            os.close(child_write)

    def _open_page(self) -> str:
        """A new blank page with its page events on: the session to drive it by."""
        target = self._call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self._call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self._call("Page.enable", session=session)
        return session

    def _page(self, method: str, **params: Any) -> dict:
        """Send a command to the page session and return its result."""
        return self._call(method, params, session=self._session)

    def _call(self, method: str, params: dict | None = None, session: str | None = None,
              timeout: float | None = None) -> dict:
        """Send one command and wait for the reply with its id; events meanwhile are kept for later."""
        sent = self._post(method, params, session)
        deadline = self._deadline(timeout, method)
        while True:
            reply = self._receive(deadline)
            if reply.get("id") == sent:
                if "error" in reply:
                    raise ChromiumError(f"Chromium refused {method}: {reply['error'].get('message')}")
                return reply.get("result", {})
            if "method" in reply:
                self._events.append(reply)

    def _post(self, method: str, params: dict | None, session: str | None) -> int:
        """Send one command without waiting for its reply; its id, which the reply will carry."""
        self._last_id += 1
        message: dict[str, Any] = {"id": self._last_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self._send(message)
        return self._last_id

    def _wait_event(self, method: str, doing: str, timeout: float | None) -> dict:
        """The first event `method` from the page, including one that arrived while waiting for a reply."""
        deadline = self._deadline(timeout, doing)
        while True:
            for index, event in enumerate(self._events):
                if event.get("method") == method and event.get("sessionId") == self._session:
                    del self._events[: index + 1]
                    return event
            message = self._receive(deadline)
            if "method" in message:
                self._events.append(message)

    def _send(self, message: dict) -> None:
        if self._command_fd < 0:
            raise ChromiumError("the browser is closed")
        data = json.dumps(message).encode("utf-8") + b"\0"
        try:
            while data:
                data = data[os.write(self._command_fd, data):]
        except BrokenPipeError:
            raise self._died() from None

    def _receive(self, deadline: _Deadline) -> dict:
        """The next NUL-terminated message from the browser."""
        while True:
            end = self._buffer.find(b"\0", self._scanned)
            if end >= 0:
                message = json.loads(self._buffer[:end])
                del self._buffer[: end + 1]
                self._scanned = 0
                return message
            self._scanned = len(self._buffer)
            remaining = deadline.at - time.monotonic()
            if remaining <= 0 or not select.select([self._reply_fd], [], [], remaining)[0]:
                raise ChromiumError(say("chromium.timeout", doing=deadline.doing, seconds=f"{deadline.seconds:g}"))
            chunk = os.read(self._reply_fd, 1 << 20)
            if not chunk:
                raise self._died()
            self._buffer += chunk

    def _died(self) -> ChromiumError:
        """The error for a browser that closed its pipe, with the end of what it wrote to stderr."""
        status = self._reap(1.0)
        self._stderr.seek(0)
        cause = _cause(self._stderr.read(STDERR_LIMIT).decode("utf-8", "replace"))
        how = "closed its pipe" if status is None else f"exited with status {status}"
        return ChromiumError(f"Chromium stopped unexpectedly ({how}): {cause}" if cause else
                             f"Chromium stopped unexpectedly ({how}) without output")

    def _reap(self, timeout: float | None) -> int | None:
        """The browser's exit status once it has exited within `timeout` seconds (None: wait forever)."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while self._status is None and self._pid is not None:
            pid, status = os.waitpid(self._pid, 0 if deadline is None else os.WNOHANG)
            if pid:
                self._status = os.waitstatus_to_exitcode(status)
            elif deadline is not None and time.monotonic() >= deadline:
                break
            else:
                time.sleep(0.02)
        return self._status

    def _deadline(self, timeout: float | None, doing: str) -> _Deadline:
        seconds = self.timeout if timeout is None else timeout
        return _Deadline(time.monotonic() + seconds, seconds, doing)


def _print_params(paper_width_mm: float | None, paper_height_mm: float | None) -> dict[str, Any]:
    """What Page.printToPDF is asked: the CSS @page size first, backgrounds, no header or footer."""
    params: dict[str, Any] = {"preferCSSPageSize": True, "printBackground": True, "displayHeaderFooter": False}
    if paper_width_mm:
        params["paperWidth"] = paper_width_mm / MM_PER_INCH
    if paper_height_mm:
        params["paperHeight"] = paper_height_mm / MM_PER_INCH
    return params


def _resolve(executable: str | None) -> str:
    """The full path of the browser executable, or a ChromiumError saying how to get one."""
    if not executable:
        raise ChromiumError(say("chromium.missing", variable=ENV_VAR))
    found = shutil.which(executable)
    if not found:
        raise ChromiumError(say("chromium.not-executable", executable=repr(executable), variable=ENV_VAR))
    return found


def _above_reply_fd(fd: int) -> int:
    """A close-on-exec copy of `fd` numbered above the reply fd; the original is closed."""
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, REPLY_FD + 1)
    os.close(fd)
    return moved


@contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back for the block, so that it runs whole; they arrive when it ends."""
    held = {signal.SIGINT, signal.SIGTERM}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _remove_folder(folder: str) -> None:
    """Remove the browser's folder, again while its helper processes, killed, may still be writing to it."""
    deadline = time.monotonic() + CLOSE_TIMEOUT
    while True:
        shutil.rmtree(folder, ignore_errors=True)
        if not os.path.exists(folder) or time.monotonic() > deadline:
            return
        time.sleep(0.05)


def _cause(output: str) -> str | None:
    """Why Chromium stopped: its first fatal error, else its first error, else its last line, without D-Bus noise."""
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    lines = [line for line in lines if not any(word in line.lower() for word in NOISE)] or lines[-1:]
    logged = [(match["level"], match["message"]) for match in map(_LOG_LINE.fullmatch, lines) if match]
    for level in ("FATAL", "ERROR"):
        found = next((message for logged_level, message in logged if logged_level == level), None)
        if found:
            return found
    last = _LOG_LINE.fullmatch(lines[-1]) if lines else None
    return last["message"] if last else (lines[-1] if lines else None)
