"""The commands menus Telegram shows: members', groups' and each coordinator's own, in every
language, and the bot's descriptions; read back from the emulated Telegram."""

from __future__ import annotations

from typing import Any

import pytest

from bot.app import Mreza
from bot.languages import texts
from core.members import Language, Role
from emulators.telegram import BotApiEmulator
from tests.telegram.people import Chatter, People, eventually_true, identity

pytestmark = pytest.mark.usefixtures("on_telegram")

MEMBER = ["help", "topics", "share", "lang", "whoami", "forget", "cancel", "start"]
COORDINATING = [
    "announce", "event", "pulse", "schedules", "results",
    "invite", "unanswered", "submissions", "suggestions",
]  # fmt: skip
GROUP = ["ask", "help", "topics"]
PRIVATE_CHATS = {"type": "all_private_chats"}
GROUPS = {"type": "all_group_chats"}
# Telegram's language codes and the interface language each gets; "" is everyone else.
CODES = [
    ("", Language.EN),
    ("en", Language.EN),
    ("bs", Language.BCMS),
    ("hr", Language.BCMS),
    ("sr", Language.SR_CYRL),
    ("mk", Language.MK),
]


def described(mreza: Mreza, names: list[str], language: Language) -> list[dict[str, str]]:
    """A menu as Telegram should show it: these commands, described in this language."""
    tr = mreza.translations(language)
    return [{"command": n, "description": tr(texts.COMMAND_DESCRIPTIONS[n])} for n in names]


def own_chat(person: Chatter) -> dict[str, Any]:
    """The scope of one person's private chat with the bot."""
    return {"type": "chat", "chat_id": person.id}


# One start of Mreža sets every language's menus, so each test reads them all from one start.


async def test_members_private_chats_list_only_member_commands(
    emu: BotApiEmulator, mreza: Mreza
) -> None:
    """Every member's menu, in their app's language, has none of the coordinators' commands."""
    for code, language in CODES:
        menu = await emu.bot_commands(scope=PRIVATE_CHATS, language_code=code)
        assert menu == described(mreza, MEMBER, language), code


async def test_groups_list_ask(emu: BotApiEmulator, mreza: Mreza) -> None:
    """In groups, where Mreža answers /ask, the menu offers /ask, /help and /topics."""
    for code, language in CODES:
        menu = await emu.bot_commands(scope=GROUPS, language_code=code)
        assert menu == described(mreza, GROUP, language), code


async def test_clients_without_scopes_get_the_members_menu(
    emu: BotApiEmulator, mreza: Mreza
) -> None:
    """The default list, for apps that ignore scopes, is the members' menu too."""
    for code, language in CODES:
        menu = await emu.bot_commands(language_code=code)
        assert menu == described(mreza, MEMBER, language), code


async def test_the_local_menus_are_translated(emu: BotApiEmulator) -> None:
    """No description of the Bosnian, Serbian or Macedonian menus is left in English."""
    for scope in (PRIVATE_CHATS, GROUPS):
        english = {item["description"] for item in await emu.bot_commands(scope=scope)}
        for code in ("bs", "sr", "mk"):
            menu = await emu.bot_commands(scope=scope, language_code=code)
            assert not {item["description"] for item in menu} & english, (scope, code)


async def test_the_descriptions_are_in_every_language(emu: BotApiEmulator, mreza: Mreza) -> None:
    """The description and the short description are set for each app language."""
    for code, language in CODES:
        tr = mreza.translations(language)
        described_as = await emu.bot_description(language_code=code)
        assert described_as == tr(texts.BOT_DESCRIPTION), code
        short = await emu.bot_description(language_code=code, short=True)
        assert short == tr(texts.BOT_SHORT_DESCRIPTION), code


async def test_every_menu_call_was_accepted(emu: BotApiEmulator) -> None:
    """Telegram refused none of the menu and description calls."""
    for method in ("setMyCommands", "setMyDescription", "setMyShortDescription"):
        calls = await emu.calls(method=method)
        assert calls, method
        assert {call.status for call in calls} == {200}, method


async def has_menu(emu: BotApiEmulator, person: Chatter, menu: list[dict[str, str]]) -> None:
    """Wait until the person's own chat shows this menu ([]: none of its own)."""

    async def shown() -> bool:
        return await emu.bot_commands(scope=own_chat(person)) == menu

    await eventually_true(shown, f"the menu of {person.user.first_name}'s chat")


async def test_a_coordinator_gets_their_commands_in_their_chat(
    emu: BotApiEmulator, mreza: Mreza, bob: Chatter
) -> None:
    """Bob's own chat lists the coordinators' commands as well, once he writes."""
    await bob.sends("help")
    await bob.hears()
    await has_menu(emu, bob, described(mreza, MEMBER[:-1] + COORDINATING, Language.EN))


async def test_a_coordinators_menu_follows_their_language(
    emu: BotApiEmulator, mreza: Mreza, bob: Chatter
) -> None:
    """Bob picks Macedonian with /lang: his menu is Macedonian, whatever his app's language."""
    await bob.sends("lang")
    await bob.presses("Македонски")
    await has_menu(emu, bob, described(mreza, MEMBER[:-1] + COORDINATING, Language.MK))


async def test_a_member_made_coordinator_gets_the_menu(
    emu: BotApiEmulator, mreza: Mreza, alice: Chatter
) -> None:
    """Promoted from the command line, Alice has the coordinators' menu by her next message."""
    await alice.sends("help")
    await alice.hears()
    assert await emu.bot_commands(scope=own_chat(alice)) == []
    member = await mreza.members.by_identity(identity(alice))
    assert member is not None
    await mreza.members.set_role(member.id, Role.COORDINATOR)
    await alice.sends("help")
    await has_menu(emu, alice, described(mreza, MEMBER[:-1] + COORDINATING, Language.EN))


async def test_a_coordinator_stepping_down_loses_the_menu(
    emu: BotApiEmulator, mreza: Mreza, bob: Chatter
) -> None:
    """Made a member again, Bob's chat falls back to the members' menu."""
    await bob.sends("help")
    await has_menu(emu, bob, described(mreza, MEMBER[:-1] + COORDINATING, Language.EN))
    member = await mreza.members.by_identity(identity(bob))
    assert member is not None
    await mreza.members.set_role(member.id, Role.MEMBER)
    await bob.sends("help")
    await has_menu(emu, bob, [])


async def test_a_coordinator_joining_by_invitation_gets_the_menu(
    emu: BotApiEmulator, mreza: Mreza, people: People
) -> None:
    """Someone joining with a coordinator's invitation has the coordinators' menu at once."""
    code, _ = await mreza.invites.create(Role.COORDINATOR, "MK", 1, None, mreza.clock.now())
    jana = await people.stranger("Jana", language_code="mk")
    await jana.sends("start", code)
    await jana.hears()
    await has_menu(emu, jana, described(mreza, MEMBER[:-1] + COORDINATING, Language.MK))
