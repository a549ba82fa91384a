"""The house rules: arrows point one way (bot -> scheduler -> knowledge -> core), Telegram stays
at the edge, the product never imports its test tools, features keep to their own handlers, and
every module has a name of its own."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ["core", "knowledge", "scheduler", "bot"]  # each may import only those before it
OUTSIDE_THE_PRODUCT = {"emulators", "bench", "tests"}
FEATURES = ["asking", "members", "handoffs", "lessons", "curation", "schedules", "pulses"]
# The broadcast benchmark drives the real Telegram stack (Bot over the sharded connections).
TELEGRAM_ADAPTERS = (
    "bot/transports/telegram_api/",
    "emulators/telegram/",
    "bot/cli/run.py",
    "bench/broadcast.py",
)


def imported_modules(path: Path) -> set[str]:
    """Dotted names of the modules a module imports (``from a import b`` counts a.b and a)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def imports_of(path: Path) -> set[str]:
    """Top-level package names a module imports."""
    return {name.split(".")[0] for name in imported_modules(path)}


def dotted(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


def is_handler(path: Path) -> bool:
    """A module that talks to members: it works on a conversation's turn."""
    return "bot.conversation.turn" in imported_modules(path)


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


def test_the_product_never_imports_its_test_tools() -> None:
    """Emulators, benchmarks and tests stand outside: nothing in the product imports them."""
    offenders = {
        str(path.relative_to(ROOT)): sorted(imports_of(path) & OUTSIDE_THE_PRODUCT)
        for layer in LAYERS
        for path in modules(layer)
        if imports_of(path) & OUTSIDE_THE_PRODUCT
    }
    assert offenders == {}


@pytest.mark.parametrize("feature", FEATURES)
def test_a_feature_does_not_import_another_features_handlers(feature: str) -> None:
    """Features share stores, tables and cards, never each other's conversation handlers."""
    others = {
        dotted(path)
        for other in FEATURES
        if other != feature
        for path in modules(f"bot/{other}")
        if is_handler(path)
    }
    offenders = {
        str(path.relative_to(ROOT)): sorted(imported_modules(path) & others)
        for path in modules(f"bot/{feature}")
        if imported_modules(path) & others
    }
    assert offenders == {}


def test_no_two_modules_share_a_name() -> None:
    """A name finds one module: two `results.py` or `cards.py` make a reader guess."""
    seen: dict[str, list[str]] = {}
    for layer in LAYERS:
        for path in modules(layer):
            if path.name not in ("__init__.py", "__main__.py"):
                seen.setdefault(path.name, []).append(str(path.relative_to(ROOT)))
    assert {name: paths for name, paths in seen.items() if len(paths) > 1} == {}


def test_each_feature_has_a_package() -> None:
    """A newcomer looking for a feature finds a package of that name."""
    assert [f for f in FEATURES if not (ROOT / "bot" / f / "__init__.py").is_file()] == []
