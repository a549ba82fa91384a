"""The commands menu Telegram shows, in the language of each member's app."""

from __future__ import annotations

import pytest

from bot.app import Mreza
from bot.languages import texts
from core.members import Language
from emulators.telegram import BotApiEmulator

pytestmark = pytest.mark.usefixtures("on_telegram")


def menu(mreza: Mreza, language: Language) -> list[dict[str, str]]:
    """The menu as Mreža means it, translated."""
    tr = mreza.translations(language)
    return [
        {"command": name, "description": tr(description)}
        for name, description in texts.COMMAND_DESCRIPTIONS.items()
    ]


async def test_the_default_menu_is_english(emu: BotApiEmulator, mreza: Mreza) -> None:
    """Apps in any other language see the English menu."""
    assert await emu.bot_commands() == menu(mreza, Language.EN)


@pytest.mark.parametrize(
    ("code", "language"),
    [
        ("en", Language.EN),
        ("bs", Language.BCMS),
        ("hr", Language.BCMS),
        ("sr", Language.SR_CYRL),
        ("mk", Language.MK),
    ],
)
async def test_each_app_language_has_its_menu(
    emu: BotApiEmulator, mreza: Mreza, code: str, language: Language
) -> None:
    """setMyCommands was called for the language code with translated descriptions."""
    assert await emu.bot_commands(language_code=code) == menu(mreza, language)


async def test_the_local_menus_are_translated(emu: BotApiEmulator) -> None:
    """No description of the Bosnian, Serbian or Macedonian menu is left in English."""
    english = {item["description"] for item in await emu.bot_commands()}
    for code in ("bs", "sr", "mk"):
        local = {item["description"] for item in await emu.bot_commands(language_code=code)}
        assert not local & english, code


async def test_every_menu_call_was_accepted(emu: BotApiEmulator) -> None:
    """Six setMyCommands calls (default, en, bs, hr, sr, mk), none refused."""
    calls = await emu.calls(method="setMyCommands")
    assert [call.status for call in calls] == [200] * 6
    codes = sorted(call.params.get("language_code", "") for call in calls)
    assert codes == ["", "bs", "en", "hr", "mk", "sr"]
