"""/topics: the knowledge base's topics in the member's language, a page at a time, and the
entries of each, with a way back to the page the member came from."""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass

from bot.conversation.turn import Turn
from bot.languages import texts
from core.messaging import Button, Outgoing
from knowledge.entry import Entry
from knowledge.reading import title_in

PAGE_SIZE = 8  # topics a page: the list and its arrows fit a phone screen without scrolling
KIND = "t"  # "#N": page N of the topic list (from 1); "TAG.N": a topic, Back leading to page N
PAGE = "#"  # never starts a tag: tags are slugs
# Bytes of a tag that fit a button with its page and signature in Telegram's 64. Only tags of
# members' lessons can be longer (40 letters of Cyrillic); those topics are left out.
TAG_BYTES = 48
PREVIOUS, NEXT = "◀", "▶"


@dataclass(frozen=True, slots=True)
class Topic:
    """A tag as a member browses it: its name in their language and how many entries it has."""

    tag: str
    name: str
    entries: int


async def topics(turn: Turn, _args: str = "") -> None:
    """/topics: the first page of the topic list."""
    await turn.services.librarian.refresh()  # a lesson accepted since, here or elsewhere
    page = _page(turn, 1)
    if page is None:
        await turn.say(texts.NO_TOPICS)
        return
    await turn.send(page)


async def press(turn: Turn, payload: str) -> bool:
    """A page of the list (◀, ▶, Back) or a topic's entries, in place of the message pressed;
    False (expired) for a page or topic the list no longer has."""
    if payload.startswith(PAGE):
        number = payload.removeprefix(PAGE)
        page = _page(turn, int(number)) if number.isdigit() else None
        if page is None:
            return False
        await turn.show(page)
        return True
    return await _topic(turn, payload)


async def _topic(turn: Turn, payload: str) -> bool:
    """A topic's entries, as buttons, with Back to the page of the list it was chosen on."""
    tag, _, back_to = payload.rpartition(".")
    if not tag:  # a button sent before the list had pages: "TAG" alone
        tag, back_to = payload, "1"
    language = turn.language.value
    entries = [e for e in turn.services.librarian.entries if tag in e.tags and not e.redirects]
    if not entries or not back_to.isdigit():
        return False
    rows = _entry_buttons(turn, entries)
    rows.append([turn.button(turn.tr(texts.TOPICS_BACK), KIND, PAGE + back_to)])
    name = turn.services.topics.name(tag, language)
    await turn.show(Outgoing.text(turn.tr(texts.TOPIC_ENTRIES).format(topic=name), rows))
    return True


def _entry_buttons(turn: Turn, entries: list[Entry]) -> list[list[Button]]:
    rows = []
    for entry in entries:
        try:
            rows.append([turn.button(title_in(entry, turn.language.value), "e", entry.id)])
        except ValueError:  # a lesson's id past Telegram's 64 bytes: asking still finds it
            continue
    return rows


def browsed_topics(turn: Turn) -> list[Topic]:
    """The topics worth browsing, most entries first, then by name in the member's language.

    A tag only one entry carries is left out while others are shared: it leads nowhere a
    question would not lead at once, and it would double the pages. Entries that point
    elsewhere (pay, leave, medical matters) are not the network's knowledge to browse.
    """
    counts = Counter(
        tag
        for e in turn.services.librarian.entries
        if not e.redirects
        for tag in e.tags
        if len(tag.encode()) <= TAG_BYTES
    )
    shared = {tag: n for tag, n in counts.items() if n > 1} or counts
    language = turn.language.value
    named = [Topic(tag, turn.services.topics.name(tag, language), n) for tag, n in shared.items()]
    return sorted(named, key=lambda t: (-t.entries, _alphabetical(t.name)))


def _page(turn: Turn, number: int) -> Outgoing | None:
    """Page ``number`` of the topic list; None when there is no such page."""
    listed = browsed_topics(turn)
    pages = max(1, -(-len(listed) // PAGE_SIZE))
    if not listed or not 1 <= number <= pages:
        return None
    shown = listed[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
    rows = [[_topic_button(turn, t, number)] for t in shown]
    arrows = [
        turn.button(label, KIND, f"{PAGE}{target}")
        for label, target in ((PREVIOUS, number - 1), (NEXT, number + 1))
        if 1 <= target <= pages
    ]
    if arrows:
        rows.append(arrows)
    heading = turn.tr(texts.TOPICS_PAGE).format(page=number, pages=pages)
    return Outgoing.text(heading if pages > 1 else turn.tr(texts.TOPICS), rows)


def _topic_button(turn: Turn, shown: Topic, page: int) -> Button:
    return turn.button(f"{shown.name} ({shown.entries})", KIND, f"{shown.tag}.{page}")


def _alphabetical(name: str) -> str:
    """A sort key that puts "Č" beside "C" rather than after "Z"."""
    decomposed = unicodedata.normalize("NFD", name.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
