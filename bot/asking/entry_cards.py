"""How an entry looks as a message: bold title, the answer, and its sources as links, in the
reader's language, with a note where the answer is not in it."""

from __future__ import annotations

from bot.languages import texts
from bot.languages.i18n import Translate
from core.markup import Line, Paragraph, Run, Style, parse
from core.members import Language
from core.messaging import Button, Outgoing
from knowledge.entry import Entry
from knowledge.reading import read_in


def entry_card(
    entry: Entry,
    language: Language,
    tr: Translate,
    buttons: tuple[tuple[Button, ...], ...] = (),
) -> Outgoing:
    """The entry as one message; titles and source names are shown literally, never as markup.

    Sources keep their original titles: they name publications as published.
    """
    reading = read_in(entry, language.value)
    title: Paragraph = (Line((Run(Style.BOLD, reading.title),)),)
    note: tuple[Paragraph, ...] = ()
    if not reading.translated:
        note = ((Line((Run(Style.ITALIC, tr(texts.NOT_TRANSLATED)),)),),)
    sources: Paragraph = (
        Line((Run(Style.ITALIC, tr(texts.SOURCES)),)),
        *(Line((Run(Style.LINK, s.title, s.url),), bullet=True) for s in entry.sources),
    )
    shown = (title, *note, *parse(reading.answer))
    return Outgoing((*shown, sources) if entry.sources else shown, buttons)
