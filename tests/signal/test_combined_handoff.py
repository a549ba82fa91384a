"""Hand-offs across transports: one process serves Telegram and Signal, and a question passed on
reaches each coordinator, and its answer each asker, on their own transport."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from bot.app import Mreza
from bot.languages import texts
from core.members import NewMember, Role
from emulators.telegram import BotApiEmulator
from tests.signal.people import SignalPeople, SignalPerson
from tests.signal.people import identity as signal_identity
from tests.telegram.people import Chatter, People
from tests.telegram.people import identity as telegram_identity

pytestmark = pytest.mark.usefixtures("on_telegram_and_signal")

QUESTION = "What will the weather be in Belgrade tomorrow?"
ANSWER = "Ask the meteorologists at the Niš garrison."
HANDED_OVER = texts.HANDED_OVER.format(country="Serbia", question=QUESTION)
CLAIMED = texts.HANDOFF_CLAIMED.format(question=QUESTION)
PROMPT = texts.ASK_HANDOFF_ANSWER.format(question=QUESTION)
ANSWERED = texts.HANDOFF_ANSWERED.format(question=QUESTION, answer=ANSWER)


@dataclass(frozen=True)
class Both:
    """One person with an account on each transport."""

    telegram: Chatter
    signal: SignalPerson


async def coordinator_on_both(
    mreza: Mreza, emu: BotApiEmulator, signal: SignalPeople, name: str, prefers: str
) -> Both:
    """A coordinator in Serbia with a Telegram and a Signal account, preferring ``prefers``."""
    person = Both(await People(emu, mreza).stranger(name), signal.stranger(name))
    accounts = (telegram_identity(person.telegram), signal_identity(person.signal))
    # the preferred account second: only the preference, not the order, can route to it
    first, other = sorted(accounts, key=lambda account: account.transport == prefers)
    new = NewMember(name, "RS", first, Role.COORDINATOR, more=(other,), met=True)
    member = await mreza.members.add(new, mreza.clock.now())
    await mreza.members.set_preferred(member.id, prefers)
    return person


@pytest.fixture
async def bob(mreza: Mreza, emu: BotApiEmulator, people: SignalPeople) -> Both:
    """A coordinator in Serbia who prefers Telegram."""
    return await coordinator_on_both(mreza, emu, people, "Bob", prefers="telegram")


@pytest.fixture
async def cora(mreza: Mreza, emu: BotApiEmulator, people: SignalPeople) -> Both:
    """A coordinator in Serbia who prefers Signal."""
    return await coordinator_on_both(mreza, emu, people, "Cora", prefers="signal")


async def passes_on_from_signal(member: SignalPerson) -> None:
    """The member asks what Mreža does not know, and picks Pass it on."""
    await member.says(QUESTION)
    assert (await member.hears()).text == texts.DONT_KNOW
    offer = await member.hears()
    assert offer.labels == (texts.PASS_ON,)
    await member.picks(texts.PASS_ON)
    assert (await member.hears()).text == texts.PASSED_ON


async def passes_on_from_telegram(member: Chatter) -> None:
    """The member asks what Mreža does not know, and presses Pass it on."""
    await member.says(QUESTION)
    assert await member.hears() == texts.DONT_KNOW
    assert await member.hears() == texts.DONT_KNOW_OFFER
    await member.presses(texts.PASS_ON)
    assert await member.hears() == texts.PASSED_ON
    await member.acknowledgement()


async def test_a_question_passed_on_from_signal_reaches_a_coordinator_on_telegram(
    people: SignalPeople, bob: Both
) -> None:
    """Alice passes on from Signal; Bob gets it with a Claim button in his Telegram chat only."""
    alice = await people.member("Alice")
    await passes_on_from_signal(alice)
    handed = await bob.telegram.reply()
    assert handed.result["text"] == HANDED_OVER
    buttons = handed.params["reply_markup"]["inline_keyboard"]
    assert [[button["text"] for button in row] for row in buttons] == [[texts.CLAIM_HANDOFF]]
    await bob.signal.hears_nothing()


async def test_a_question_passed_on_from_telegram_reaches_a_coordinator_on_signal(
    emu: BotApiEmulator, mreza: Mreza, cora: Both
) -> None:
    """Alice passes on from Telegram; Cora gets it with a Claim choice on Signal only."""
    alice = await People(emu, mreza).member("Alice")
    await passes_on_from_telegram(alice)
    handed = await cora.signal.hears()
    assert handed.text.startswith(HANDED_OVER)
    assert handed.labels == (texts.CLAIM_HANDOFF,)
    await cora.telegram.hears_nothing()


async def test_a_telegram_coordinator_answers_a_signal_asker(
    people: SignalPeople, bob: Both
) -> None:
    """Bob claims and answers on Telegram; Alice hears both on Signal."""
    alice = await people.member("Alice")
    await passes_on_from_signal(alice)
    await bob.telegram.presses(texts.CLAIM_HANDOFF)
    assert (await alice.hears()).text == CLAIMED
    assert await bob.telegram.hears() == PROMPT + "\n" + texts.STOP_HINT
    await bob.telegram.says(ANSWER)
    assert (await alice.hears()).text == ANSWERED
    assert await bob.telegram.hears() == texts.HANDOFF_RELAYED


async def test_a_signal_coordinator_answers_a_telegram_asker(
    emu: BotApiEmulator, mreza: Mreza, cora: Both
) -> None:
    """Cora claims and answers on Signal; Alice hears both on Telegram."""
    alice = await People(emu, mreza).member("Alice")
    await passes_on_from_telegram(alice)
    await cora.signal.hears()
    await cora.signal.picks(texts.CLAIM_HANDOFF)
    assert await alice.hears() == CLAIMED
    assert (await cora.signal.hears()).text.startswith(PROMPT)
    await cora.signal.says(ANSWER)
    assert await alice.hears() == ANSWERED
    assert (await cora.signal.hears()).text.startswith(texts.HANDOFF_RELAYED)
