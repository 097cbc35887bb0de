"""The package keeps its shape: the render wings import only shared modules, and no module grows too long."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from .conftest import ROOT

PACKAGE = ROOT / "sopdsl"
WINGS = ("document", "tables", "diagrams", "forms")
MOST_LINES = 500


def module_name(path: Path) -> str:
    """The dotted name of a module of the package, from its file."""
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path) -> set[str]:
    """Every module the file imports, at the top or inside a function, as an absolute dotted name."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
            stem = ".".join([*base, node.module] if node.module else base)
            found.add(stem)
            found.update(f"{stem}.{alias.name}" for alias in node.names)
    return found


def wing_of(module: str) -> str | None:
    """The render wing a dotted module name lies in, if any."""
    parts = module.split(".")
    return parts[2] if len(parts) > 2 and parts[:2] == ["sopdsl", "render"] and parts[2] in WINGS else None


@pytest.mark.parametrize("wing", WINGS)
def test_a_render_wing_imports_no_other_wing(wing):
    crossings = [
        f"{module_name(path)} imports {target}"
        for path in sorted((PACKAGE / "render" / wing).rglob("*.py"))
        for target in sorted(imported_modules(path))
        if wing_of(target) not in (None, wing)
    ]
    assert crossings == []


def test_the_import_walk_sees_a_crossing_between_wings():
    imported = imported_modules(PACKAGE / "render" / "tables" / "markdown.py")
    assert "sopdsl.render.tables.csv_table" in imported and "sopdsl.render.options" in imported
    assert wing_of("sopdsl.render.tables.csv_table") == "tables" and wing_of("sopdsl.render.options") is None


def test_no_module_of_the_package_is_over_500_lines():
    lengths = {module_name(path): len(path.read_text(encoding="utf-8").splitlines()) for path in PACKAGE.rglob("*.py")}
    assert {name: lines for name, lines in lengths.items() if lines > MOST_LINES} == {}
