"""Help and the interface language."""

from __future__ import annotations

from bot.conversation.turn import Turn
from bot.languages import texts
from bot.languages.i18n import Translate
from bot.languages.names import LANGUAGE_NAMES
from core.members import Language, Role


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
