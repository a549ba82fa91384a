"""The curator's buttons on Telegram: a hand-off claimed and answered, a group attached."""

from __future__ import annotations

import pytest

from bot.languages import texts
from core.members import Role
from emulators.telegram import BotApiEmulator
from tests.telegram.people import Chatter, People

pytestmark = pytest.mark.usefixtures("on_telegram")

QUESTION = "recept za sarmu"
CONFIDENTIAL = "is there someone confidential in my unit"
TRUST = "Persons of trust in the defence system"


async def passes_on(member: Chatter, question: str = QUESTION) -> None:
    """The member asks what Mreža does not know, and presses Pass it on."""
    await member.says(question)
    assert await member.hears() == texts.DONT_KNOW
    assert await member.hears() == texts.DONT_KNOW_OFFER
    await member.presses(texts.PASS_ON)
    assert await member.hears() == texts.PASSED_ON
    await member.acknowledgement()  # the press is over


async def test_a_hand_off_is_claimed_answered_and_relayed(alice: Chatter, bob: Chatter) -> None:
    """Bob claims, Alice hears it was taken, Bob writes, Alice gets the answer from Mreža."""
    await passes_on(alice)
    assert await bob.hears() == texts.HANDED_OVER.format(country="Serbia", question=QUESTION)
    await bob.presses(texts.CLAIM_HANDOFF)
    assert await alice.hears() == texts.HANDOFF_CLAIMED.format(question=QUESTION)
    prompt = texts.ASK_HANDOFF_ANSWER.format(question=QUESTION)
    assert await bob.hears() == prompt + "\n" + texts.STOP_HINT
    await bob.says("Ask the mess hall in Niš.")
    answer = texts.HANDOFF_ANSWERED.format(question=QUESTION, answer="Ask the mess hall in Niš.")
    assert await alice.hears() == answer
    assert await bob.hears() == texts.HANDOFF_RELAYED


async def test_pressing_pass_on_twice_reaches_the_coordinator_once(
    alice: Chatter, bob: Chatter
) -> None:
    """The second press is answered with a notice; the coordinator gets one message."""
    await passes_on(alice)
    await bob.hears()
    await alice.presses(texts.PASS_ON)
    notice = await alice.acknowledgement()
    assert notice.params["text"] == texts.ALREADY_PASSED_ON
    await bob.hears_nothing()


async def test_a_second_coordinator_is_told_the_question_is_taken(
    alice: Chatter, bob: Chatter, people: People
) -> None:
    """Cora presses the claim button after Bob: a notice, and no answer prompt."""
    cora = await people.member("Cora", Role.COORDINATOR)
    await passes_on(alice)
    await bob.presses(texts.CLAIM_HANDOFF)
    await bob.hears()
    await bob.acknowledgement()
    await cora.presses(texts.CLAIM_HANDOFF)
    assert (await cora.acknowledgement()).params["text"] == texts.HANDOFF_TAKEN


async def test_attaching_a_group_from_telegram_answers_the_next_member(
    alice: Chatter, bob: Chatter, emu: BotApiEmulator
) -> None:
    """/unanswered, then "Attach to: Persons of trust": the same question is answered at once."""
    await alice.says(CONFIDENTIAL)
    assert await alice.hears() == texts.DONT_KNOW
    await bob.sends("unanswered")
    await bob.hears()
    await bob.hears()
    await bob.presses(texts.ATTACH_TO.format(title=TRUST))
    done = texts.GROUP_ATTACHED.format(id=1, title=TRUST, added=1)
    assert await bob.hears() == done
    await alice.says(CONFIDENTIAL)
    assert (await alice.hears()).startswith(TRUST)
