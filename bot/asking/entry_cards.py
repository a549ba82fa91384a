"""How an entry looks as a message: bold title, the answer, and its sources as links."""

from __future__ import annotations

from core.markup import Line, Paragraph, Run, Style, parse
from core.messaging import Button, Outgoing
from knowledge.entry import Entry


def entry_card(
    entry: Entry, sources_heading: str, buttons: tuple[tuple[Button, ...], ...] = ()
) -> Outgoing:
    """The entry as one message; titles and source names are shown literally, never as markup."""
    title: Paragraph = (Line((Run(Style.BOLD, entry.title),)),)
    sources: Paragraph = (
        Line((Run(Style.ITALIC, sources_heading),)),
        *(Line((Run(Style.LINK, s.title, s.url),), bullet=True) for s in entry.sources),
    )
    return Outgoing((title, *parse(entry.answer), sources), buttons)
