"""Which language form a question is written in, from its letters and a few small words."""

from __future__ import annotations

import pytest

from core.language_guess import Guess, guess_language
from core.members import Language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Кој ќе ми помогне?", Guess(Language.MK, certain=True)),
        ("ѕвезда", Guess(Language.MK, certain=True)),
        ("Ко ће ми помоћи?", Guess(Language.SR_CYRL, certain=True)),
        ("Каде да пријавам, дали е можно?", Guess(Language.MK, certain=False)),
        ("Где да пријавим, шта је то?", Guess(Language.SR_CYRL, certain=False)),
        ("лице од доверба", Guess(Language.SR_CYRL, certain=False)),
        ("Šta je lice od povjerenja", Guess(Language.BCMS, certain=True)),
        ("sta je lice od povjerenja", Guess(Language.BCMS, certain=False)),
    ],
)
def test_letters_and_words_tell_the_language_form(text: str, expected: Guess) -> None:
    """ќ ѓ ѕ are Macedonian only, ћ ђ Serbian only, č ć š ž đ BCMS Latin; words help otherwise."""
    assert guess_language(text) == expected


@pytest.mark.parametrize("text", ["what is a person of trust", "1325", ""])
def test_english_and_figures_tell_nothing(text: str) -> None:
    """Plain English (or no words at all) is no evidence of a local language."""
    assert guess_language(text) is None
