"""An entry as a reader of one language form gets it: its translation when current, else the
text it was written in, marked as not in the reader's language."""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.entry import Entry
from knowledge.figures import fingerprint
from knowledge.teaching import guess_language


@dataclass(frozen=True, slots=True)
class Reading:
    """An entry's title and answer for one reader; ``translated`` is False when the text is in
    another language than theirs (a note should say so)."""

    title: str
    answer: str
    translated: bool


def read_in(entry: Entry, lang: str) -> Reading:
    """The entry in language form ``lang``, or the text it was written in.

    A translation made from an older English is not shown: its facts may have changed since.
    """
    translation = entry.translation(lang)
    if translation is not None and translation.made_from == fingerprint(entry.title, entry.answer):
        return Reading(translation.title, translation.answer, True)
    return Reading(entry.title, entry.answer, written_in(entry) == lang)


def title_in(entry: Entry, lang: str) -> str:
    """The entry's title as a reader of ``lang`` sees it in lists and choices."""
    return read_in(entry, lang).title


def written_in(entry: Entry) -> str:
    """The language form of an entry's own text: English for curated entries; for a member's
    lesson, the form its words are in (it is served before anyone translates it)."""
    if not entry.accepted:
        return "en"
    return guess_language(f"{entry.title}\n{entry.answer}")
