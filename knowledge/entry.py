"""A curated lesson learnt, as the rest of Mreža sees it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

COUNTRIES = ("BA", "ME", "MK", "RS", "regional")

# Language forms of alternate questions; the first four are required in every entry.
QUESTION_LANGUAGES = ("en", "bcms", "sr-cyrl", "mk", "sq")


@dataclass(frozen=True, slots=True)
class Source:
    """A publication or page an entry's facts come from."""

    title: str
    url: str


@dataclass(frozen=True, slots=True)
class Question:
    """One way of asking for an entry, in one language form."""

    text: str
    lang: str
    curated: bool = True  # False for phrasings a curator attached from members' questions


@dataclass(frozen=True, slots=True)
class Entry:
    """One knowledge-base entry: a titled answer with its sources and ways of asking for it."""

    id: str
    title: str
    answer: str
    questions: tuple[Question, ...]
    tags: tuple[str, ...]
    countries: tuple[str, ...]
    sources: tuple[Source, ...]
    checked: date
    accepted: bool = False  # True for a member's lesson a curator accepted, not yet in a file
