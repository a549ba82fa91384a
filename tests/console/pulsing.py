"""A pulse opened and answered, for the console's result pages."""

from __future__ import annotations

from datetime import timedelta

from bot.app import Mreza, pseudonyms_for
from core.clock import FakeClock
from core.members import Identity, NewMember
from scheduler.audience import Audience
from scheduler.firing import Firing
from scheduler.pulses.ballots import Ballots
from scheduler.pulses.machinery import pulse_machinery
from scheduler.pulses.pulse_drafts import PulseDraft
from scheduler.pulses.tally import Tally

OPTIONS = ("Yes", "No", "Not sure")
QUESTION = "Do you know your person of trust?"


async def pulse_answered(mreza: Mreza, clock: FakeClock, countries: list[str]) -> int:
    """A pulse for everyone, opened, and answered "Yes" by one member from each country given."""
    voters = [
        await mreza.members.add(
            NewMember(f"Voter {n}", country, Identity("telegram", f"9{n:04d}")), clock.now()
        )
        for n, country in enumerate(countries)
    ]
    draft = PulseDraft(QUESTION, Audience(everyone=True), options=OPTIONS)
    pulse_id = await mreza.planner.start_pulse(draft, None)
    pseudonyms = await pseudonyms_for(mreza)
    rules = pulse_machinery(mreza.sessions, clock, pseudonyms).rules
    await Firing(mreza.sessions, mreza.members, clock, timedelta(hours=1), rules).fire_due()
    ballots = Ballots(mreza.sessions, pseudonyms, clock)
    (found,) = await Tally(mreza.sessions, 5).rounds(pulse_id)
    for voter in voters:
        await ballots.cast(found, voter, [0])
    return pulse_id
