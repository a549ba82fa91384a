"""Text normalisation that lets one index serve every script and spelling of the network.

Serbian and Macedonian Cyrillic become Latin, diacritics fold to plain letters, and ijekavian
forms (BiH, Montenegro) become ekavian (Serbia), so "povjerenja", "poverenja" and "поверења"
end up as the same string.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# Macedonian ѓ and ќ map to the Latin spelling of their Serbian cognates (đ, ć), so that
# "меѓународни" and "međunarodni" meet.
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "dj", "ѓ": "dj", "е": "e",
    "ж": "z", "з": "z", "ѕ": "dz", "и": "i", "ѝ": "i", "ј": "j", "к": "k", "л": "l",
    "љ": "lj", "м": "m", "н": "n", "њ": "nj", "о": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "ћ": "c", "ќ": "c", "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "c",
    "џ": "dz", "ш": "s",
    # Russian and Ukrainian letters that turn up in copied text
    "й": "j", "ы": "i", "э": "e", "ю": "ju", "я": "ja", "ё": "e", "щ": "s", "ь": "", "ъ": "",
    "і": "i", "ї": "i", "є": "e", "ґ": "g",
}  # fmt: skip
_LATIN = {"đ": "dj", "ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "ł": "l", "ı": "i"}

_FOLD = str.maketrans({**_CYRILLIC, **_LATIN})
# After folding the text is ASCII; everything but letters and digits separates words.
_SEPARATE = bytes(c if chr(c).isascii() and chr(c).isalnum() else 32 for c in range(256))
_SEPARATE_LINES = bytes(10 if c == 10 else s for c, s in enumerate(_SEPARATE))
# Ijekavian "ije"/"je" after a consonant is ekavian "e": vrijeme/vreme, povjerenje/poverenje,
# gdje/gde. After l and n the "j" belongs to the digraphs lj and nj, so those stay.
_IJEKAVIAN = re.compile(r"(?<=[bcdfghkmprstvz])i?je")
_EKAVIAN: dict[str, str] = {}
_NOT_LETTER = re.compile(r"[^\w\u0300-\u036f\n]")


@cache
def _format_characters() -> dict[int, None]:
    """Every Unicode format character (category Cf), to be deleted: a zero-width space inside
    a word ("harass\u200bment"), a joiner, a direction mark or a byte order mark is invisible
    and must neither split a word nor make a message look like it holds something."""
    planes = (0x00000, 0x10000, 0xE0000)  # the only planes that hold format characters
    return {
        code: None
        for plane in planes
        for code in range(plane, plane + 0x10000)
        if unicodedata.category(chr(code)) == "Cf"
    }


def visible(text: str) -> str:
    """The text without its invisible format characters."""
    return text if text.isascii() else text.translate(_format_characters())


def fold(text: str) -> str:
    """Casefold, transliterate Cyrillic and strip diacritics; other scripts are dropped."""
    text = text.casefold()
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKC", visible(text)).translate(_FOLD)
    if text.isascii():
        return text
    # Dashes, quotes and other symbols separate words ("2010–2015"); accents are stripped below.
    text = _NOT_LETTER.sub(" ", text)
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def folded_words(text: str) -> list[str]:
    """The words of a text, folded but still in their own dialect."""
    return fold(text).encode("ascii").translate(_SEPARATE).decode("ascii").split()


def folded_words_of_each(texts: list[str]) -> list[list[str]]:
    """``folded_words`` for many texts at once: one pass of C over all of them."""
    if not texts:
        return []
    joined = fold("\n".join(texts)).encode("ascii").translate(_SEPARATE_LINES).decode("ascii")
    return list(map(str.split, joined.split("\n")))


def ekavian(word: str) -> str:
    """A folded word in its ekavian spelling."""
    found = _EKAVIAN.get(word)
    if found is None:
        found = _EKAVIAN[word] = _IJEKAVIAN.sub("e", word) if "je" in word else word
    return found


def words(text: str) -> list[str]:
    """The normalised words of a text, in order."""
    return [ekavian(w) for w in folded_words(text)]


def normalise(text: str) -> str:
    """The whole text normalised to one comparable string of words."""
    return " ".join(words(text))
