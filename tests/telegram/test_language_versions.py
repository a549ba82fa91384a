"""A pulse in two languages through Telegram: the coordinator's preview is no poll, and each
member's poll is in their language, its answers counted together."""

from __future__ import annotations

from bot.app import Mreza
from bot.languages import texts
from core.members import Language, Role
from emulators.telegram import BotApiEmulator
from tests.telegram.people import Chatter, People, identity
from tests.telegram.running import RunningBot
from tests.telegram.test_pulses import counts_become, poll_message


async def macedonian(people: People, mreza: Mreza, name: str) -> Chatter:
    """A member from North Macedonia who reads Macedonian."""
    person = await people.member(name, country="MK")
    member = await mreza.members.by_identity(identity(person))
    assert member is not None
    await mreza.members.set_language(member.id, Language.MK)
    return person


def options(poll: dict[str, object]) -> list[str]:
    """The option texts of a Bot API Poll object."""
    listed = poll["options"]
    assert isinstance(listed, list)
    return [str(option["text"]) for option in listed]


async def test_the_preview_is_no_poll_and_each_member_votes_in_their_language(
    emu: BotApiEmulator, mreza: Mreza, people: People, on_telegram: RunningBot
) -> None:
    """Cora adds a Macedonian version by its button; Ana's poll is Macedonian, Alice's English."""
    cora = await people.member("Cora", Role.COORDINATOR)
    alice = await people.member("Alice")
    ana = await macedonian(people, mreza, "Ana")
    await cora.sends("pulse")
    await cora.hears()
    await cora.says("Do you know whom to tell?")
    await cora.presses(texts.KIND_SINGLE)
    await cora.hears()
    await cora.says("Yes\nNo")
    await cora.presses("Македонски")
    await cora.hears()
    await cora.says("Дали знаете кому?\nДа\nНе")
    assert (await cora.hears()).endswith(texts.ASK_VERSIONS)
    for label in (texts.VERSIONS_DONE, texts.NO, f"{texts.EVERYONE} (3)", texts.NOW, texts.ONCE,
                  texts.THREE_DAYS, texts.CONFIDENTIAL):  # fmt: skip
        await cora.presses(label)
        await cora.hears()
    await cora.message_with_button(texts.CONFIRM)
    assert await emu.calls(method="sendPoll", chat_id=cora.id) == []
    await cora.presses(texts.CONFIRM)
    (ana_poll, in_macedonian), (alice_poll, in_english) = [
        await poll_message(emu, person) for person in (ana, alice)
    ]
    assert options(in_macedonian) == ["Да", "Не"]
    assert options(in_english) == ["Yes", "No"]
    await emu.vote(ana.id, ana_poll, [0])
    await emu.vote(alice.id, alice_poll, [0])
    await counts_become(mreza, [[0], [0]])
