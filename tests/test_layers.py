"""Data flows one way: a module imports only from its own layer or the layers below (README: How the code
is laid out). A type named only for the checker (under `if TYPE_CHECKING:`) does not count."""

from __future__ import annotations

import ast
from pathlib import Path

BOT = Path(__file__).resolve().parents[1] / "bot"
# lowest first; a package or module of bot/ and the layer it stands on
LAYERS = {
    "failures": 0, "paths": 0, "folding": 0, "private_files": 0,
    "knowledge": 1, "settings": 1, "ops": 1,
    "ingest": 2, "state": 2, "texts": 2, "slash": 2,
    "nlu": 3, "reading": 3,
    "answers": 4, "schedule": 4,
    "engine": 5,
    "telegram": 6, "console": 6,
    "commands": 7,
    "cli": 8, "__main__": 8,
}  # fmt: skip


def layer_of(module: str) -> int:
    return LAYERS[module.split(".")[1]]


def imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    checker_only = {
        id(node)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and isinstance(block.test, ast.Name) and block.test.id == "TYPE_CHECKING"
        for node in ast.walk(block)
    }
    found = []
    for node in ast.walk(tree):
        if id(node) in checker_only:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("bot."):
            found.append(node.module)
        elif isinstance(node, ast.Import):
            found += [alias.name for alias in node.names if alias.name.startswith("bot.")]
    return found


def test_no_module_imports_a_layer_above_its_own() -> None:
    upward = []
    for path in sorted(BOT.rglob("*.py")):
        relative = path.relative_to(BOT.parent).with_suffix("")
        module = ".".join(relative.parts).removesuffix(".__init__")
        if module == "bot":
            continue
        own = layer_of(module)
        upward += [f"{module} -> {target}" for target in imports(path) if layer_of(target) > own]
    assert upward == []


def test_every_part_of_the_bot_has_a_layer() -> None:
    modules = {path.stem for path in BOT.glob("*.py")} - {"__init__"}
    packages = {path.parent.name for path in BOT.glob("*/__init__.py")}
    assert modules | packages <= set(LAYERS)
