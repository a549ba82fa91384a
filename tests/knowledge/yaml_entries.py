"""Small YAML entries written to a temp folder, for the loader and validator tests."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from knowledge.figures import fingerprint
from knowledge.loader import load_knowledge_base
from knowledge.problems import Problem

TODAY = date(2026, 11, 28)


def entry(
    slug: str = "uniforms", latin: str = "uniforma", cyrillic: str = "униформа"
) -> dict[str, Any]:
    """A minimal valid entry; ``latin``/``cyrillic`` make its questions its own."""
    title = f"About {latin}"
    answer = f"A **short** answer about _{latin}_, see [SEESAC](https://www.seesac.org/)."
    return {
        "id": slug,
        "title": title,
        "answer": answer,
        "translations": translations(latin, cyrillic),
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


CURRENT = "current"  # ``write`` stamps the fingerprint of the English as written


def translations(latin: str, cyrillic: str) -> dict[str, Any]:
    """The three translations of a minimal entry, each made from its English as it stands."""
    made_from = CURRENT
    link = "[SEESAC](https://www.seesac.org/)"
    return {
        "bcms": {
            "title": f"O temi {latin}",
            "answer": f"Kratak **odgovor** o temi _{latin}_, vidi {link}.",
            "from": made_from,
        },
        "sr-cyrl": {
            "title": f"О теми {cyrillic}",
            "answer": f"Кратак **одговор** о теми _{cyrillic}_, види {link}.",
            "from": made_from,
        },
        "mk": {
            "title": "За оваа тема",
            "answer": f"Краток **одговор** за _оваа тема_, види {link}.",
            "from": made_from,
        },
    }


def write(folder: Path, data: object, name: str | None = None) -> Path:
    """Write an entry as YAML to ``<name or id>.yaml``, stamping translations marked current."""
    if isinstance(data, dict) and isinstance(data.get("translations"), dict):
        stamp = fingerprint(str(data.get("title", "")).strip(), str(data.get("answer", "")).strip())
        for given in data["translations"].values():
            if isinstance(given, dict) and given.get("from") == CURRENT:
                given["from"] = stamp
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
