"""Random edits to a generated library: lines deleted and doubled, times, roles and references changed."""

from __future__ import annotations

from pathlib import Path

from hypothesis import strategies as st

EDITS = st.lists(st.tuples(st.integers(0, 5), st.integers(0, 200), st.sampled_from(
    ["delete", "duplicate", "time", "role", "uses", "related", "title", "remove", "copy"])), min_size=1, max_size=4)


def edit(folder: Path, file: int, line: int, how: str) -> None:
    """Change the library in one way: `how` to the `file`-th file (in name order), at its `line`-th line."""
    paths = sorted(folder.glob("*.sop"))
    path = paths[file % len(paths)]
    if how == "remove" and len(paths) > 1:
        path.unlink()
        return
    if how == "copy":
        (folder / f"salinan-{file}-{line}.sop").write_bytes(path.read_bytes())
        return
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True) or ["\n"]
    at = line % len(lines)
    if how == "delete":
        del lines[at]
    elif how == "duplicate":
        lines.insert(at, lines[at])
    elif how == "time":
        lines = [text.replace("menit", "jam", 1) if n == at else text for n, text in enumerate(lines)]
    elif how == "title":
        lines = [text.rstrip("\n") + " Baru\n" if text.startswith("sop ") else text for text in lines]
    elif how == "role":
        lines.insert(at, "role tambahan: Peran Tambahan\n")
    else:
        other = paths[(file + 1) % len(paths)].stem
        where = "  uses: " if how == "uses" else "  related: "
        lines = [text + where + other + "\n" if n == at and text.startswith("step") else text
                 for n, text in enumerate(lines)]
    path.write_text("".join(lines), encoding="utf-8")
