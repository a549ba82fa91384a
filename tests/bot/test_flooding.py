"""One sender cannot stall the others: a budget per sender, and invite codes not worth guessing."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

import pytest

from bot.app import Mreza, open_mreza
from bot.conversation.budget import BURST, EVERY
from bot.groundwork import Groundwork
from bot.languages import texts
from bot.members.guessing import ANSWER_EVERY, LOCK_AFTER, LOCKED_FOR
from core.clock import FakeClock
from core.members import Language
from core.settings import BUNDLED_KB_PATH, Settings
from tests.bot.people import Network, Person
from tests.bot.test_joining import welcome as first_welcome

QUESTION = "What is a person of trust?"


class StillTimer:
    """Monotonic time that moves only when the test (or a skipped wait) moves it."""

    def __init__(self) -> None:
        self.seconds = 100.0

    def now(self) -> float:
        """The time as the test set it."""
        return self.seconds

    async def sleep(self, seconds: float) -> None:
        """Skip the wait."""
        self.seconds += max(0.0, seconds)

    def advance(self, seconds: float) -> None:
        """Let time pass."""
        self.seconds += seconds


@pytest.fixture
def timer() -> StillTimer:
    """Time for the budgets: still, unless a test moves it."""
    return StillTimer()


@pytest.fixture
async def mreza(
    database_url: str, clock: FakeClock, groundwork: Groundwork, timer: StillTimer
) -> AsyncIterator[Mreza]:
    """The real app with the product's own budget per sender."""
    settings = Settings(database_url=database_url, kb_path=BUNDLED_KB_PATH)
    async with open_mreza(settings, clock, groundwork, timer) as app:
        yield app


async def floods(person: Person, messages: int) -> list[str]:
    """Send ``messages`` questions at once; everything that came back, notices included."""
    before = len(person.messages)
    for _ in range(messages):
        await person.says(QUESTION)
    await person.network.conversation.notices_sent()
    return [said.text for said in person.messages[before:]]


async def test_past_the_burst_one_notice_then_silence(alice: Person) -> None:
    """Five questions answered, one "slow down", then nothing for the other 194."""
    said = await floods(alice, 200)
    assert len(said) == BURST + 1
    assert said[-1] == texts.SLOW_DOWN
    assert texts.SLOW_DOWN not in said[:-1]


async def test_the_notice_is_in_the_members_language(network: Network) -> None:
    """A member reading Serbian Cyrillic is asked to slow down in it."""
    milica = await network.member("Милица", language=Language.SR_CYRL)
    said = await floods(milica, BURST + 1)
    assert said[-1] == network.tr(Language.SR_CYRL)(texts.SLOW_DOWN)


async def test_others_are_answered_while_one_floods(alice: Person, bob: Person) -> None:
    """A flood from Alice leaves Bob's budget whole."""
    await floods(alice, 50)
    [answer] = await floods(bob, 1)
    assert answer != texts.SLOW_DOWN


async def test_the_budget_refills_one_message_every_few_seconds(
    alice: Person, timer: StillTimer
) -> None:
    """After the flood, one message every few seconds is answered again, without a notice."""
    await floods(alice, 20)
    timer.advance(EVERY)
    [answer] = await floods(alice, 1)
    assert answer != texts.SLOW_DOWN
    assert await floods(alice, 1) == []  # spent again, and told to slow down a moment ago


async def test_a_stranger_guessing_codes_is_answered_once_a_minute(network: Network) -> None:
    """Forty wrong codes at once: one answer."""
    eve = network.stranger("Eve")
    said = []
    for number in range(40):
        said += await eve.says(f"/start guess{number:04d}")
    assert [reply.text for reply in said] == [texts.INVITE_UNKNOWN]


async def test_a_wrong_code_a_minute_later_is_answered_again(
    network: Network, timer: StillTimer
) -> None:
    """The once-a-minute answer comes back after a minute."""
    eve = network.stranger("Eve")
    await eve.says("/start guess0001")
    timer.advance(ANSWER_EVERY)
    [again] = await eve.says("/start guess0002")
    assert again.text == texts.INVITE_UNKNOWN


async def test_many_wrong_codes_lock_the_sender_out_for_an_hour(
    network: Network, timer: StillTimer
) -> None:
    """After five wrong codes even a valid one is not looked at, until the hour is over."""
    eve = network.stranger("Eve")
    for number in range(LOCK_AFTER):
        timer.advance(EVERY)  # within the budget: it is the guessing that locks
        await eve.says(f"/start guess{number:04d}")
    code = await network.invite(uses=2)
    timer.advance(ANSWER_EVERY)
    assert await eve.says(f"/start {code}") == []
    assert await eve.record() is None
    timer.advance(LOCKED_FOR)
    [welcome] = await eve.says(f"/start {code}")
    assert welcome.text == first_welcome(str, "Eve", "English")


async def test_the_clock_of_the_calendar_plays_no_part(network: Network, alice: Person) -> None:
    """A day passing on the calendar clock refills nothing: budgets run on monotonic time."""
    await floods(alice, BURST + 1)
    network.clock.advance(timedelta(days=1))
    assert await floods(alice, 1) == []
