"""How an entry looks as a message: bold title, the answer, and its sources as links."""

from __future__ import annotations

from core.markup import Line, Paragraph, Run, Style, parse
from core.messaging import Button, Outgoing
from knowledge.card import text_in
from knowledge.entry import Entry


def entry_card(
    entry: Entry,
    sources_heading: str,
    buttons: tuple[tuple[Button, ...], ...] = (),
    lang: str | None = None,
) -> Outgoing:
    """The entry as one message in language form ``lang`` (English where not translated);
    titles and source names are shown literally, never as markup."""
    shown_title, answer = text_in(entry, lang)
    title: Paragraph = (Line((Run(Style.BOLD, shown_title),)),)
    sources: Paragraph = (
        Line((Run(Style.ITALIC, sources_heading),)),
        *(Line((Run(Style.LINK, s.title, s.url),), bullet=True) for s in entry.sources),
    )
    return Outgoing((title, *parse(answer), sources), buttons)
