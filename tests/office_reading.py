"""Reading the Word and Excel files sopdsl writes back into plain rows, for the tests: cells, shapes and marks."""

from __future__ import annotations

import io

from attrs import frozen

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
PREFIX = "sopdsl: "
LAST_KEYS = ("label", "text")


@frozen
class Shape:
    """A drawn shape: what its description says it is, and its key=value details."""

    what: str  # "symbol", "arrow", "join" or "label"
    details: dict[str, str]
    text: str  # the text inside it (a connector's letter, "Ya", "Tidak")


@frozen
class WordRow:
    """A table row: the text of each cell (merged cells once), the shapes of each cell, whether it repeats."""

    cells: tuple[str, ...]
    shapes: tuple[tuple[Shape, ...], ...]
    spans: tuple[int, ...]
    header: bool


def shape_of(doc_pr, anchor) -> Shape:
    """The shape as its description (`sopdsl: symbol=process; step=A.2; role=a`) and its text say."""
    description = doc_pr.get("descr", "")
    assert description.startswith(PREFIX), f"a shape without a sopdsl description: {description!r}"
    parts = description[len(PREFIX):].split("; ")
    what, _, kind = parts[0].partition("=")
    details: dict[str, str] = {what: kind} if kind else {}
    for index, part in enumerate(parts[1:], 1):
        key, _, value = part.partition("=")
        if key in LAST_KEYS:  # free text (a branch label) comes last and may hold "; "
            details[key] = "; ".join([value, *parts[index + 1:]])
            break
        details[key] = value
    text = "".join(anchor.xpath(".//w:txbxContent//w:t/text()"))
    return Shape(what, details, text)


def word_tables(data: bytes) -> list[list[WordRow]]:
    """Every table of the document as rows."""
    import docx

    document = docx.Document(io.BytesIO(data))
    tables = []
    for table in document.tables:
        rows = []
        for tr in table._tbl.tr_lst:
            texts, shapes, spans = [], [], []
            for tc in tr.tc_lst:
                paragraphs = tc.xpath("./w:p")
                texts.append("\n".join(_paragraph_text(p) for p in paragraphs))
                anchors = tc.xpath("./w:p/w:r/w:drawing/wp:anchor")
                shapes.append(tuple(shape_of(a.xpath("./wp:docPr")[0], a) for a in anchors))
                spans.append(tc.grid_span)
            header = bool(tr.xpath("./w:trPr/w:tblHeader"))
            rows.append(WordRow(tuple(texts), tuple(shapes), tuple(spans), header))
        tables.append(rows)
    return tables


def _paragraph_text(paragraph) -> str:
    """The text of a paragraph's own runs (not of the text boxes drawn in it)."""
    parts = []
    for node in paragraph.xpath("./w:r/w:t | ./w:r/w:tab"):
        parts.append("\t" if node.tag == f"{{{W}}}tab" else (node.text or ""))
    return "".join(parts)
