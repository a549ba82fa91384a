"""Pulse checks in the conversation tests: started, fired and delivered through the real engine
on the memory transport, then closed when the fake clock says so."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, replace
from datetime import timedelta

from sqlalchemy import select

from bot.members.roll import SqlMemberRoll
from bot.pulses.pulse_reports import PulseReports
from bot.schedules.composer import Composer
from scheduler.audience import Audience
from scheduler.delivery import DeliveryWorker
from scheduler.firing import Firing
from scheduler.outbox import Outbox
from scheduler.pacer import Pacer
from scheduler.pulses.disclosure import Scale
from scheduler.pulses.machinery import PulseMachinery, pulse_machinery
from scheduler.pulses.pulse_drafts import Mode, PulseDraft
from scheduler.pulses.respondents import Respondents
from scheduler.pulses.tally import RoundResults, Tally
from scheduler.recipients import Recipients
from scheduler.schedule_drafts import When
from scheduler.schedule_tables import DeliveryRow
from tests.bot.people import PSEUDONYMS, TRANSPORT, Network

K = 5
SETTLE_WAIT = 10.0


@dataclass
class Pulses:
    """A coordinator's pulses, and the scheduler that sends and closes them."""

    network: Network

    @property
    def machinery(self) -> PulseMachinery:
        """Pulse firing rules, poll keeper and closing, reporting through the transcript."""
        mreza = self.network.mreza
        reports = PulseReports(
            mreza.sessions, mreza.members, self.network.messenger, mreza.translations, self.tally
        )
        return pulse_machinery(mreza.sessions, self.network.clock, PSEUDONYMS, reporter=reports)

    @property
    def tally(self) -> Tally:
        """Results as coordinators read them, broken down with the secret key."""
        mreza = self.network.mreza
        return Tally(
            mreza.sessions,
            K,
            Respondents(mreza.sessions, PSEUDONYMS, SqlMemberRoll(mreza.sessions)),
        )

    async def start(
        self,
        question: str,
        options: tuple[str, ...] = (),
        scale: Scale = Scale.OPTIONS,
        mode: Mode = Mode.CONFIDENTIAL,
        multiple: bool = False,
        comment: bool = False,
        creator: int | None = None,
        daily: bool = False,
    ) -> int:
        """A pulse opening now, for everyone, open three days with a reminder after two;
        ``daily``: every day, open twelve hours, no reminder."""
        draft = PulseDraft(
            question, Audience(everyone=True), scale, options, multiple, comment, mode=mode
        )
        if daily:
            when = When(rule="FREQ=DAILY", zone=draft.when.zone)
            draft = replace(draft, when=when, open_for=timedelta(hours=12), remind_after=None)
        return await self.network.mreza.planner.start_pulse(draft, creator)

    async def deliver(self) -> None:
        """Fire what is due and deliver it, as the running scheduler would."""
        mreza, machinery = self.network.mreza, self.machinery
        firing = Firing(mreza.sessions, mreza.members, self.network.clock, timedelta(hours=1),
                        machinery.rules)  # fmt: skip
        await firing.fire_due()
        worker = DeliveryWorker(
            outbox=Outbox(mreza.sessions, "test"),
            recipients=Recipients(mreza.members, (TRANSPORT,)),
            composer=Composer(mreza.translations, self.network.signer, K),
            messenger=self.network.messenger,
            pacer=Pacer(1000, mreza.timer),
            members=mreza.members,
            clock=self.network.clock,
            concurrency=4,
            keeper=machinery.keeper,
        )
        await worker.start()
        try:
            await asyncio.wait_for(worker.settled(), SETTLE_WAIT)
        finally:
            await worker.stop()

    async def close(self) -> None:
        """The closing chore's tick: rounds past their deadline close and report."""
        await self.machinery.closing.tick()

    async def results(self, pulse_id: int) -> RoundResults:
        """The latest round's results as coordinators would see them."""
        tally = self.tally
        return await tally.of_round((await tally.rounds(pulse_id))[-1])

    async def deliveries(self) -> list[DeliveryRow]:
        """Every delivery row."""
        async with self.network.mreza.sessions() as session:
            return list(await session.scalars(select(DeliveryRow).order_by(DeliveryRow.id)))
