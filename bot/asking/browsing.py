"""Help, topics and the interface language."""

from __future__ import annotations

from collections import Counter

from bot.conversation.turn import Turn
from bot.languages import texts
from bot.languages.i18n import Translate
from bot.languages.names import LANGUAGE_NAMES
from core.members import Language, Role

_TOPIC_BUTTONS = 24  # a longer keyboard is hard to read on a phone


async def help_(turn: Turn, _args: str = "") -> None:
    """/help: what Mreža does, with the coordinators' commands for coordinators."""
    text = member_help(turn.tr)
    if turn.allowed(Role.COORDINATOR):
        text += "\n\n" + coordinator_help(turn.tr)
    await turn.say(text)


def member_help(tr: Translate) -> str:
    """What /help tells every member."""
    return tr(texts.HELP) + "\n" + tr(texts.HELP_SHARE)


def coordinator_help(tr: Translate) -> str:
    """The coordinators' section of /help."""
    parts = (texts.HELP_COORDINATOR, texts.HELP_PULSES, texts.HELP_CURATING)
    return "\n".join(tr(part) for part in parts)


async def topics(turn: Turn, _args: str = "") -> None:
    """/topics: the knowledge base's tags, most used first, as buttons."""
    counts = Counter(tag for e in turn.services.librarian.entries for tag in e.tags)
    if not counts:
        await turn.say(texts.NO_TOPICS)
        return
    chosen = [t for t, n in counts.most_common(_TOPIC_BUTTONS) if n > 1] or list(counts)[
        :_TOPIC_BUTTONS
    ]
    rows = [[turn.button(f"{t.replace('-', ' ')} ({counts[t]})", "t", t)] for t in sorted(chosen)]
    await turn.say(texts.TOPICS, rows)


async def topic(turn: Turn, tag: str) -> bool:
    """The entries of one topic, as buttons."""
    entries = [e for e in turn.services.librarian.entries if tag in e.tags]
    if not entries:
        return False
    rows = [[turn.button(e.title, "e", e.id)] for e in entries]
    await turn.say(texts.TOPIC_ENTRIES, rows, topic=tag.replace("-", " "))
    return True


async def choose_language(turn: Turn, _args: str = "") -> None:
    """/lang: the four interface languages, each named in itself."""
    rows = [[turn.button(name, "l", language.value)] for language, name in LANGUAGE_NAMES.items()]
    await turn.say(texts.LANGUAGE_PROMPT, rows)


async def set_language(turn: Turn, code: str) -> bool:
    """Switch the member's interface language."""
    if turn.member is None or code not in {language.value for language in Language}:
        return False
    member = await turn.services.members.set_language(turn.member.id, Language(code))
    await Turn(turn.services, turn.chat, turn.sender, member).say(texts.LANGUAGE_SET)
    return True
