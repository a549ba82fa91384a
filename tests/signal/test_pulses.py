"""Pulse checks on Signal: no native polls, so the options come numbered and a reply answers."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.app import Mreza
from scheduler.audience import Audience
from scheduler.pulses.pulse_drafts import PulseDraft
from scheduler.pulses.pulse_tables import PulseAnswerRow
from tests.signal.people import SignalPerson
from tests.telegram.people import eventually_true

pytestmark = pytest.mark.usefixtures("on_signal")

QUESTION = "Do you know whom to tell if you face harassment at work?"
OPTIONS = ("Yes", "No", "Not sure")


async def stored_choices(mreza: Mreza) -> list[list[int]]:
    """The choices of every stored answer."""
    async with mreza.sessions() as session:
        return [a.choices for a in await session.scalars(select(PulseAnswerRow))]


async def test_a_pulse_comes_as_numbered_options_and_a_number_answers_it(
    alice: SignalPerson, mreza: Mreza
) -> None:
    """The question with "1. Yes", "2. No", "3. Not sure"; "2" stores the second option."""
    draft = PulseDraft(QUESTION, Audience(everyone=True), options=OPTIONS)
    await mreza.planner.start_pulse(draft, None)
    pulse = await alice.hears()
    assert QUESTION in pulse.text
    assert pulse.labels[: len(OPTIONS)] == OPTIONS
    assert "Reply 1, 2" in pulse.text
    await alice.picks("No")

    async def answered() -> bool:
        return await stored_choices(mreza) == [[1]]

    await eventually_true(answered, "the answer No")
