"""A curated lesson learnt, as the rest of Mreža sees it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

COUNTRIES = ("BA", "ME", "MK", "RS", "regional")

# The language forms every entry is written in: English, BCMS in Latin script (ijekavian),
# Serbian in Cyrillic (ekavian) and Macedonian. English is the original; the others translate it.
LANGUAGE_FORMS = ("en", "bcms", "sr-cyrl", "mk")
TRANSLATED_FORMS = LANGUAGE_FORMS[1:]
# Language forms of alternate questions; the first four are required in every entry.
QUESTION_LANGUAGES = (*LANGUAGE_FORMS, "sq")
# What an entry is: a lesson of the network's own, or a pointer to the service that handles a
# matter the network does not (pay, leave, medical care), found like any entry but never
# counted as the network's answer.
ANSWER, REDIRECT = "answer", "redirect"
KINDS = (ANSWER, REDIRECT)


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
class Translation:
    """An entry's title and answer in one language form, and the English it was made from."""

    lang: str
    title: str
    answer: str
    made_from: str  # the fingerprint of the English title and answer when it was translated


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
    translations: tuple[Translation, ...] = ()
    kind: str = ANSWER

    @property
    def redirects(self) -> bool:
        """True for an entry that points elsewhere instead of answering."""
        return self.kind == REDIRECT

    def translation(self, lang: str) -> Translation | None:
        """The entry in language form ``lang``, if it has been translated into it."""
        return next((t for t in self.translations if t.lang == lang), None)
