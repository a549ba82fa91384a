"""What pulses add to the scheduler: firing rules, the poll keeper and the closing chore."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from core.clock import Clock
from core.messaging import PollStopper
from scheduler.composing import Keeper
from scheduler.firing import FiringRules
from scheduler.pulses.ballots import Ballots
from scheduler.pulses.closing import PollKeeper, RoundClosing, RoundReporter
from scheduler.pulses.opening import ReminderNarrowing, RoundOpening
from scheduler.pulses.pseudonyms import Pseudonyms
from scheduler.pulses.pulse_drafts import KIND, REMINDER_KIND


@dataclass(frozen=True)
class PulseMachinery:
    """The parts, ready for ``SchedulerEngine(rules=..., keeper=..., chores=...)``."""

    rules: dict[str, FiringRules]
    keeper: Keeper
    closing: RoundClosing
    chores: tuple[Callable[[], Awaitable[object]], ...] = field(default=())


def pulse_machinery(
    sessions: async_sessionmaker[AsyncSession],
    clock: Clock,
    pseudonyms: Pseudonyms,
    stopper: PollStopper | None = None,
    reporter: RoundReporter | None = None,
) -> PulseMachinery:
    """Pulses wired to one database, clock and transport."""
    closing = RoundClosing(sessions, clock, stopper, reporter)
    rules: dict[str, FiringRules] = {
        KIND: RoundOpening(),
        REMINDER_KIND: ReminderNarrowing(pseudonyms),
    }
    keeper = PollKeeper(Ballots(sessions, pseudonyms, clock))
    return PulseMachinery(rules, keeper, closing, (closing.tick,))
