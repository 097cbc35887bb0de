"""Author text made fit for XML 1.0, which cannot hold some characters at all."""

from __future__ import annotations

import re

NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """The text with every character XML cannot hold replaced by U+FFFD."""
    return NOT_XML.sub("\ufffd", text)
