"""Countries named the way people write them, in any of the four languages and either script.

"Македонија и Србија" and "BiH i Crna Gora" are audiences as plainly as ``country:MK,RS``.
"""

from __future__ import annotations

import re

from knowledge.normalise import fold

# Folded forms (Latin letters, no diacritics, lower case) of each country's names and short forms.
NAMES = {
    "BA": ("bosnia and herzegovina", "bosna i hercegovina", "bosnia", "bosna", "bih", "b&h"),
    "ME": ("montenegro", "crna gora", "cg"),
    "MK": (
        "north macedonia", "sjeverna makedonija", "severna makedonija", "macedonia",
        "makedonija", "rsm",
    ),
    "RS": ("serbia", "srbija"),
    "regional": ("regional", "regionalno", "regionalni", "regionalne", "region"),
}  # fmt: skip
# What may stand between names: "and" in every language, commas, ampersands.
JOINERS = frozenset({"i", "and", "&", ",", "te", "kako", "plus"})
_PATTERN = re.compile(
    "|".join(
        rf"(?<![\w&]){re.escape(name)}(?![\w&])"
        for name in sorted((n for names in NAMES.values() for n in names), key=len, reverse=True)
    )
)
_CODE = {name: code for code, names in NAMES.items() for name in names}


def countries_named(text: str) -> frozenset[str]:
    """The countries a text names and nothing else; empty when it says anything more."""
    folded = fold(text)
    found = frozenset(_CODE[match.group(0)] for match in _PATTERN.finditer(folded))
    rest = _PATTERN.sub(" ", folded).replace(",", " , ").split()
    if not found or any(word not in JOINERS for word in rest):
        return frozenset()
    return found
