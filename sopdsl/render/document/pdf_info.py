"""The PDF's document information (Title, Author, Subject, Creator), written as an incremental update.

Chromium writes its own Title and Creator; the document's `<title>`, `<meta name="author">` and
`<meta name="subject">` are read back from the HTML and appended as a new information dictionary,
so the pages themselves are left byte for byte as printed.
"""

from __future__ import annotations

import re
from html import unescape

from ...version import __version__

_TRAILER = re.compile(rb"trailer\s*<<(?P<body>.*?)>>\s*startxref\s*(?P<xref>\d+)\s*%%EOF\s*$", re.DOTALL)
_CREATED = re.compile(rb"/CreationDate\s*\((D:[^)]*)\)")


def html_info(document: str) -> dict[str, str]:
    """Title, Author and Subject from the head of an HTML document, and sopdsl as the Creator."""
    info = {"Creator": f"sopdsl {__version__}"}
    title = re.search(r"<title>(.*?)</title>", document, re.DOTALL)
    if title:
        info["Title"] = unescape(title.group(1))
    for name in ("author", "subject"):
        meta = re.search(rf'<meta name="{name}" content="([^"]*)">', document)
        if meta and meta.group(1):
            info[name.capitalize()] = unescape(meta.group(1))
    return info


def with_info(pdf: bytes, info: dict[str, str]) -> bytes:
    """The PDF with a new information dictionary; unchanged when its trailer is not a classic one."""
    trailer = _TRAILER.search(pdf[-2048:])
    if trailer is None:
        return pdf
    body = trailer.group("body")
    size = re.search(rb"/Size\s+(\d+)", body)
    root = re.search(rb"/Root\s+(\d+\s+\d+\s+R)", body)
    if size is None or root is None:
        return pdf
    number = int(size.group(1))
    created = _CREATED.search(pdf)
    entries = "".join(f"/{key} {_text(value)}\n" for key, value in info.items())
    if created:
        entries += f"/CreationDate ({created.group(1).decode('ascii')})\n"
    start = len(pdf) + 1
    update = f"\n{number} 0 obj\n<<{entries}>>\nendobj\n"
    xref = start - 1 + len(update.encode("ascii"))
    update += (
        f"xref\n{number} 1\n{start:010d} 00000 n \n"
        f"trailer\n<</Size {number + 1}\n/Root {root.group(1).decode('ascii')}\n/Info {number} 0 R\n"
        f"/Prev {trailer.group('xref').decode('ascii')}>>\nstartxref\n{xref}\n%%EOF\n"
    )
    return pdf + update.encode("ascii")


def _text(value: str) -> str:
    """A PDF text string for any text: UTF-16BE with its byte-order mark, in hexadecimal."""
    return "<FEFF" + value.encode("utf-16-be").hex().upper() + ">"
