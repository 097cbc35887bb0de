"""Markup, quotes and delimiters put into the author text of real .sop files stay text in every output format."""

from __future__ import annotations

import functools
import os
import re
import shutil
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sopdsl.parse import SopSyntaxError, parse_text
from sopdsl.render import renderer
from sopdsl.render.options import RenderOptions

from .mutations import source_texts
from .test_render_diagrams import assert_dot_matches, assert_mermaid_matches
from .test_render_tables import assert_markdown_well_formed, csv_records

FUZZ_EXAMPLES = int(os.environ.get("SOPDSL_FUZZ_EXAMPLES") or 25)
DOT = shutil.which("dot")
# Each tries to end the text it stands in and start markup, a script, a comment, a cell or a statement.
PAYLOADS = (
    '<script>alert("x")</script>', '"><img src=x onerror=alert(1)>', "]]><evil/><![CDATA[", "--><evil/><!--",
    "</text><evil/>", "a | b \\| c", '"]; evil [label="', "%%{init: {}}%%", "&amp; &lt;evil&gt;", "=cmd|' /C calc'!A0",
    "end\n", "subgraph evil", "`<evil>`", "'><evil a='",
)
MARKUP_WORDS = re.compile(r"evil|script|img", re.IGNORECASE)
# A line whose author text can be swapped: the keyword, id and ':' (or a list item's '-'), then the text.
TEXT_LINE = re.compile(
    r'(?P<lead> *(?:(?:sop|role|section) [^\s:"]+ *: +|(?:step|decision)(?: [^\s:"]+)? *: +'
    r'|(?:needs|output|note|number|approved-by|warning|unit|legal-basis|qualifications|related|equipment|records) *: +'
    r'|- +))(?P<rest>[^\s#].*)'
)
CLOSED_QUOTE = re.compile(r'"(?:[^"\\]|\\[\s\S])*"')


@functools.cache
def injectable() -> tuple[tuple[str, tuple[int, ...]], ...]:
    """The source texts that parse, each with the numbers of its lines whose text can be swapped."""
    found = []
    for text in source_texts():
        try:
            parse_text(text)
        except SopSyntaxError:
            continue
        lines = text.split("\n")
        candidates = tuple(number for number, line in enumerate(lines) if _swappable(line))
        if candidates:
            found.append((text, candidates))
    return tuple(found)


def _swappable(line: str) -> bool:
    match = TEXT_LINE.fullmatch(line)
    if match is None:
        return False
    rest = match.group("rest")
    return not rest.startswith('"') or CLOSED_QUOTE.match(rest) is not None


@st.composite
def injected_texts(draw) -> str:
    """A real .sop text with the author text of one to three lines replaced by quoted hostile text."""
    text, candidates = draw(st.sampled_from(injectable()))
    lines = text.split("\n")
    for number in draw(st.lists(st.sampled_from(candidates), min_size=1, max_size=3, unique=True)):
        pieces = draw(st.lists(st.sampled_from(PAYLOADS), min_size=1, max_size=3))
        value = draw(st.sampled_from(("", "Kata "))) + " ".join(pieces)
        quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
        lines[number] = TEXT_LINE.fullmatch(lines[number]).group("lead") + quoted
    return "\n".join(lines)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append(tag)
        self.tags.extend(name for name, _ in attrs if name.startswith("on"))


def assert_no_markup_from_the_author(sop, name: str, output: str) -> None:
    """Markup formats: no payload appears as it was written, and no element or attribute the payloads spell
    exists. The others: the output reads back as the renderer's own structure, author text only inside it."""
    if name in ("html", "svg", "bpmn"):
        for payload in PAYLOADS:
            assert not re.search(r"[<>&]", payload) or payload not in output, (name, payload)
    if name == "html":
        parser = _Tags()
        parser.feed(output)
        assert not [tag for tag in parser.tags if MARKUP_WORDS.search(tag) or tag.startswith("on")], parser.tags
    elif name in ("svg", "bpmn"):
        tags = [element.tag for element in ET.fromstring(output).iter()]
        assert not [tag for tag in tags if MARKUP_WORDS.search(tag)], tags
    elif name == "md":
        assert_markdown_well_formed(sop, output)
    elif name == "csv":
        records = csv_records(output)
        assert len({len(record) for record in records}) == 1, records
    elif name == "mermaid":
        assert_mermaid_matches(sop, "id", output)
    elif DOT is not None:
        assert_dot_matches(sop, "id", output)
    else:  # without Graphviz: outside quoted strings and comments, no author text is left
        for line in output.split("\n"):
            assert not MARKUP_WORDS.search(CLOSED_QUOTE.sub("", line.split("//")[0])), line


@settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    derandomize=not os.environ.get("SOPDSL_FUZZ_EXAMPLES"),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(text=injected_texts())
def test_hostile_author_text_stays_text_in_every_format(text):
    sop = parse_text(text)
    for name in ("html", "svg", "bpmn", "md", "csv", "mermaid", "dot"):
        assert_no_markup_from_the_author(sop, name, renderer(name).render(sop, RenderOptions()))
