"""Members' wordings as a card lists them: the first few, one per line, and how many more."""

from __future__ import annotations

from collections.abc import Sequence

PHRASINGS_SHOWN = 5


def listed_phrasings(phrasings: Sequence[str]) -> str:
    """Members' wordings one per line, the first few, and how many more."""
    lines = [f"– {text[:200]}" for text in phrasings[:PHRASINGS_SHOWN]]
    if len(phrasings) > PHRASINGS_SHOWN:
        lines.append(f"(+{len(phrasings) - PHRASINGS_SHOWN})")
    return "\n".join(lines) or "-"
