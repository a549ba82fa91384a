"""Which language form a text is written in, from its script, its letters and a few small words.

Good enough for a first guess at a member's language and for labelling a question; members
correct it with /lang, and a guess never replaces their choice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.members import Language

_MACEDONIAN_LETTERS = frozenset("ѓќѕѝ")  # no other language form writes these
_SERBIAN_LETTERS = frozenset("ћђ")  # nor these
_BCMS_LETTERS = frozenset("čćšžđ")
# Short words each form uses all the time and the others do not (in that script).
_MACEDONIAN_WORDS = frozenset({"е", "во", "каде", "дали", "кое", "кои", "сум", "ги", "нивната"})
_SERBIAN_WORDS = frozenset({"је", "где", "шта", "у", "који", "ово", "јесте", "постоји"})
_BCMS_WORDS = frozenset(
    {"je", "li", "sta", "što", "šta", "kako", "gdje", "gde", "koji", "koja", "koje", "za", "da",
     "se", "ima", "treba", "kada", "zasto", "ko", "sto", "mogu", "moze", "postoji"}
)  # fmt: skip
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Guess:
    """A language form a text seems written in; ``certain`` when its letters leave no doubt."""

    language: Language
    certain: bool


def guess_language(text: str) -> Guess | None:
    """The language form of a text, or None when nothing in it tells (plain ASCII English alike)."""
    folded = text.casefold()
    letters = set(folded)
    words = set(_WORD.findall(folded))
    if any("\u0400" <= c <= "\u04ff" for c in letters):
        return _cyrillic(letters, words)
    if letters & _BCMS_LETTERS:
        return Guess(Language.BCMS, certain=True)
    if words & _BCMS_WORDS:
        return Guess(Language.BCMS, certain=False)
    return None


def _cyrillic(letters: set[str], words: set[str]) -> Guess:
    if letters & _MACEDONIAN_LETTERS:
        return Guess(Language.MK, certain=True)
    if letters & _SERBIAN_LETTERS:
        return Guess(Language.SR_CYRL, certain=True)
    if len(words & _MACEDONIAN_WORDS) > len(words & _SERBIAN_WORDS):
        return Guess(Language.MK, certain=False)
    return Guess(Language.SR_CYRL, certain=False)


def script(language: Language) -> str:
    """The script a language form is written in."""
    return "cyrillic" if language in (Language.SR_CYRL, Language.MK) else "latin"
