"""Whatever members type is shown literally: no markup slips through, no call is rejected."""

from __future__ import annotations

import pytest

from bot.asking.answering import QUESTION_LIMIT
from bot.languages import texts
from emulators.telegram import BotApiEmulator
from tests.telegram.people import Chatter

pytestmark = pytest.mark.usefixtures("on_telegram")

TRAP = '<b>not bold</b> </i> Tom & Jerry &amp; *stars* _under_ `tick` ```code``` <a href="x">y</a>'
HOSTILE = (f"{TRAP} " * 60)[:4000]


async def rejected_calls(emu: BotApiEmulator) -> list[str]:
    """Every recorded call the emulator (like Telegram) did not accept."""
    return [call.describe() for call in await emu.calls() if not call.ok]


async def test_a_hostile_question_gets_its_replies(alice: Chatter, emu: BotApiEmulator) -> None:
    """4,000 characters of would-be markup: read in part, answered honestly, nothing rejected."""
    await alice.says(HOSTILE)
    assert await alice.hears() == texts.TOO_LONG.format(limit=QUESTION_LIMIT)
    assert await alice.hears() == texts.DONT_KNOW
    assert await alice.hears() == texts.DONT_KNOW_OFFER
    assert await rejected_calls(emu) == []


async def test_a_hostile_question_reaches_the_coordinator_literally(
    alice: Chatter, bob: Chatter, emu: BotApiEmulator
) -> None:
    """Passed on, the question shows every <, & and * as typed, with no formatting at all."""
    await alice.says(HOSTILE)
    await alice.presses(texts.PASS_ON)
    handed_over = await bob.reply()
    question = HOSTILE.strip()[:QUESTION_LIMIT]
    expected = texts.HANDED_OVER.format(country="Serbia", question=question)
    assert handed_over.result["text"] == expected.strip()
    assert "entities" not in handed_over.result
    assert await alice.hears() == texts.PASSED_ON
    assert await rejected_calls(emu) == []


async def test_a_hostile_question_is_listed_literally(
    alice: Chatter, bob: Chatter, emu: BotApiEmulator
) -> None:
    """/unanswered quotes the start of the question without breaking the HTML."""
    await alice.says(HOSTILE)
    await alice.hears()
    await bob.sends("unanswered")
    assert await bob.hears() == texts.UNANSWERED_QUEUE_HEAD.format(shown=1, total=1)
    listed = (await bob.hears()).splitlines()[-1]
    assert listed.endswith(HOSTILE[:200].strip())
    assert await rejected_calls(emu) == []


async def test_markup_in_a_short_question_is_not_interpreted(
    alice: Chatter, emu: BotApiEmulator
) -> None:
    """A short question with tags in it is searched by its words and answered with choices."""
    await alice.says("What is *resolution* <b>1325</b> & </i> `why`?")
    assert await alice.hears() == texts.CLARIFY
    await alice.hears_nothing()
    assert await rejected_calls(emu) == []
