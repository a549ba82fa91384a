"""Small YAML entries written to a temp folder, for the loader and validator tests."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from knowledge.loader import load_knowledge_base
from knowledge.problems import Problem

TODAY = date(2026, 11, 28)


def entry(
    slug: str = "uniforms", latin: str = "uniforma", cyrillic: str = "униформа"
) -> dict[str, Any]:
    """A minimal valid entry; ``latin``/``cyrillic`` make its questions its own."""
    return {
        "id": slug,
        "title": f"About {latin}",
        "answer": f"A **short** answer about _{latin}_, see [SEESAC](https://www.seesac.org/).",
        "questions": {
            "en": [f"What is {latin}?", f"Tell me about {latin}", f"{latin} rules"],
            "bcms": [f"Šta je {latin}?", f"kako radi {latin}"],
            "sr-cyrl": [f"Шта је {cyrillic}?"],
            "mk": [f"Што е {cyrillic}?"],
        },
        "tags": ["equipment"],
        "countries": ["RS", "regional"],
        "sources": [{"title": "SEESAC", "url": "https://www.seesac.org/"}],
        "checked": date(2026, 11, 1),
    }


def write(folder: Path, data: object, name: str | None = None) -> Path:
    """Write an entry as YAML to ``<name or id>.yaml``."""
    yaml = YAML(typ="safe")
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    text = io.StringIO()
    yaml.dump(data, text)
    stem = name or (data["id"] if isinstance(data, dict) else "entry")
    path = folder / f"{stem}.yaml"
    path.write_text(text.getvalue(), encoding="utf-8")
    return path


def problems_of(folder: Path) -> list[Problem]:
    return list(load_knowledge_base(folder, TODAY).problems)


def only_problem(folder: Path) -> Problem:
    found = problems_of(folder)
    assert len(found) == 1, found
    return found[0]
