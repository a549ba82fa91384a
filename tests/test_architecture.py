"""Arrows point one way: bot -> scheduler -> knowledge -> core; Telegram stays at the edge."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ["core", "knowledge", "scheduler", "bot"]  # each may import only those before it
# The broadcast benchmark drives the real Telegram stack (Bot over the sharded connections).
TELEGRAM_ADAPTERS = (
    "bot/transports/telegram_api/",
    "bot/emulator/",
    "bot/cli/run.py",
    "bot/cli/broadcast.py",
)


def imports_of(path: Path) -> set[str]:
    """Top-level package names a module imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def modules(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("layer", LAYERS)
def test_a_layer_imports_only_the_layers_beneath_it(layer: str) -> None:
    """core knows nothing of knowledge, knowledge nothing of scheduler, scheduler nothing of bot."""
    above = set(LAYERS[LAYERS.index(layer) + 1 :])
    offenders = {
        str(path.relative_to(ROOT)): sorted(imports_of(path) & above)
        for path in modules(layer)
        if imports_of(path) & above
    }
    assert offenders == {}


def test_only_the_telegram_adapter_imports_python_telegram_bot() -> None:
    """The conversation core never sees a python-telegram-bot type."""
    offenders = [
        str(path.relative_to(ROOT))
        for layer in LAYERS
        for path in modules(layer)
        if "telegram" in imports_of(path)
        and not str(path.relative_to(ROOT)).startswith(TELEGRAM_ADAPTERS)
    ]
    assert offenders == []
