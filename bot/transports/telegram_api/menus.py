"""The commands menu by role and chat, and the bot's descriptions, in every interface language.

Telegram shows a person the most specific list it has: the one set for their chat, else the one
for private chats or for groups in their app's language, else the same without a language,
else the default. Members' private chats list only what members can do; groups list /ask,
which is how Mreža is asked there; each coordinator's and admin's own chat lists their
commands too (see coordinator_menus.py).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Sequence

from telegram import (
    Bot,
    BotCommand,
    BotCommandScope,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
)

from bot.languages import texts
from bot.languages.i18n import Translate, Translations
from core.members import Language

# Telegram takes two-letter ISO 639-1 codes only, so "sr-Latn", "me" and "cnr" cannot be
# given: Bosnian and Croatian apps get the BCMS Latin menu, Serbian apps the Cyrillic one.
MENU_LANGUAGES = {
    Language.EN: ("en",),
    Language.BCMS: ("bs", "hr"),
    Language.SR_CYRL: ("sr",),
    Language.MK: ("mk",),
}
MEMBER_COMMANDS = ("help", "topics", "share", "lang", "whoami", "forget", "cancel", "start")
COORDINATOR_COMMANDS = (
    *MEMBER_COMMANDS[:-1],
    "announce", "event", "pulse", "schedules", "results",
    "invite", "unanswered", "submissions", "suggestions",
)  # fmt: skip
GROUP_COMMANDS = ("ask", "help", "topics")


def menu(names: Sequence[str], tr: Translate) -> list[BotCommand]:
    """The commands of one menu, described in one language."""
    return [BotCommand(name, tr(texts.COMMAND_DESCRIPTIONS[name])) for name in names]


def codes(language: Language) -> tuple[str, ...]:
    """The language codes a language's menus are set for; "" is everyone else, in English."""
    return MENU_LANGUAGES[language] + (("",) if language is Language.EN else ())


async def publish(bot: Bot, translations: Translations) -> None:
    """Set the menus of private chats and groups, and the descriptions, in every language."""
    scopes: tuple[tuple[BotCommandScope | None, Sequence[str]], ...] = (
        (None, MEMBER_COMMANDS),  # clients that know no scopes
        (BotCommandScopeAllPrivateChats(), MEMBER_COMMANDS),
        (BotCommandScopeAllGroupChats(), GROUP_COMMANDS),
    )
    calls: list[Awaitable[bool]] = []
    for language in Language:
        tr = translations(language)
        for code in codes(language):
            calls += [
                bot.set_my_commands(menu(names, tr), scope, code or None) for scope, names in scopes
            ]
            calls.append(bot.set_my_description(tr(texts.BOT_DESCRIPTION), code or None))
            calls.append(
                bot.set_my_short_description(tr(texts.BOT_SHORT_DESCRIPTION), code or None)
            )
    # Some forty calls, none depending on another: together they take one round trip, not forty.
    await asyncio.gather(*calls)
