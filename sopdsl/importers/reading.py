"""A document's blocks into drafts: each flowchart table with the identity sheet that comes before it."""

from __future__ import annotations

from pathlib import Path

from .document import Block, Document
from .draft import Draft, DraftSection
from .flowchart import FlowchartReader
from .header import continuation, find_layout
from .identity import read_identity, read_signature_place, split_label
from .words import table_language


def drafts_from(document: Document, source: Path) -> list[Draft]:
    """One draft per flowchart table found; a table split across pages or tables is read as one."""
    drafts: list[Draft] = []
    blocks = document.blocks
    region_start = index = 0
    while index < len(blocks):
        layout = find_layout(blocks[index])
        if layout is None:
            index += 1
            continue
        draft = Draft(source.name, language=table_language([column.heading for column in layout.columns]))
        read_identity(blocks[region_start:index] + [Block(blocks[index].rows[: layout.top])], draft)
        reader = FlowchartReader(draft, layout)
        reader.read_rows(blocks[index].rows[layout.first_body_row:])
        index += 1
        while True:
            following = _next_table(blocks, index)
            start = continuation(blocks[following], layout) if following is not None else None
            if following is None or start is None:
                break
            reader.read_rows(blocks[following].rows[start:], continued=True)
            index = following + 1
        reader.finish()
        read_signature_place(_lines_after(blocks, index), draft)
        drafts.append(draft)
        region_start = index
    if drafts:  # an identity sheet after the last table (a second sheet, say) belongs to the last SOP
        read_identity(blocks[region_start:], drafts[-1], heading=False)
    for draft in drafts:
        _complete(draft, source)
    return drafts


def _next_table(blocks: list[Block], index: int) -> int | None:
    """The next block with more than one column, over lines between them that are no identity labels (a page's
    footer and the next page's heading lie between the parts of a table split across pages). None when an
    identity sheet comes first: the next SOP begins there."""
    while index < len(blocks) and not _has_identity_label(blocks[index]):
        if blocks[index].width > 1:
            return index
        index += 1
    return None


def _lines_after(blocks: list[Block], index: int) -> list[str]:
    """The lines of text after a table, up to the next table or identity sheet (where a signature place stands)."""
    lines: list[str] = []
    while index < len(blocks) and blocks[index].width <= 1 and not _has_identity_label(blocks[index]):
        lines += [line for row in blocks[index].rows for cell in row for line in cell.own_text.splitlines()]
        index += 1
    return lines


def _has_identity_label(block: Block) -> bool:
    """Whether any cell of the block is an identity-sheet label."""
    return any(split_label(cell.own_text)[0] for row in block.rows for cell in row if cell.own_text)


def _complete(draft: Draft, source: Path) -> None:
    """What the language needs and the table may lack: a title, and no step before the first section."""
    if not draft.title:
        draft.fields["title"] = draft.fields.get("number") or source.stem
        draft.review("sop", "Nama SOP tidak ditemukan; judul diambil dari nomor atau nama berkas")
    sections = draft.sections
    if len(sections) > 1 and sections[0].id is None:
        sections[0] = DraftSection("awal", "Awal", sections[0].steps)
        draft.review("section:awal", "baris sebelum bagian pertama dikumpulkan di bagian ini")
