"""Scheduled messages in the conversation tests: read back from the database, composed as sent.

The delivery engine composes every message when it sends it; ``deliver`` does the same for one
member, so tests can see what members get without running the engine.
"""

from __future__ import annotations

from sqlalchemy import select

from bot.schedules.composer import Composer
from bot.transports.memory import Said
from core.messaging import Outgoing
from core.storage import utc
from scheduler.composing import Occasion, Recipient
from scheduler.occasions import event_info
from scheduler.schedule_tables import EventRow, ScheduleRow
from tests.bot.people import Network, Person

LATER = "2030-01-15 10:00"  # a winter Tuesday: Belgrade is UTC+1
LATER_SHOWN = "2030-01-15 10:00 (Europe/Belgrade)"


def texts_of(replies: list[Said]) -> list[str]:
    """What Mreža said, message by message."""
    return [reply.text for reply in replies]


async def schedule_rows(network: Network) -> list[ScheduleRow]:
    """Every schedule, in the order they were made."""
    async with network.mreza.sessions() as session:
        return list(await session.scalars(select(ScheduleRow).order_by(ScheduleRow.id)))


async def event_rows(network: Network) -> list[EventRow]:
    """Every event, in the order they were made."""
    async with network.mreza.sessions() as session:
        return list(await session.scalars(select(EventRow).order_by(EventRow.id)))


async def occasion(network: Network, schedule_id: int) -> Occasion:
    """The schedule as the engine would deliver it now."""
    async with network.mreza.sessions() as session:
        row = await session.get(ScheduleRow, schedule_id)
        assert row is not None
        event = await session.get(EventRow, row.event_id) if row.event_id else None
    info = event_info(event) if event is not None else None
    versions = event.versions if event is not None else row.versions
    fire_at = utc(row.next_fire_at) if row.next_fire_at else network.clock.now()
    return Occasion(0, row.id, row.kind, row.payload, fire_at, info, versions)


async def composed(network: Network, schedule_id: int, person: Person) -> Outgoing:
    """The message this member would get for the schedule, composed now."""
    composer = Composer(network.mreza.translations, network.signer)
    recipient = Recipient(
        f"member:{(await person.member()).id}", person.chat, await person.member()
    )
    return composer.compose(await occasion(network, schedule_id), recipient)


async def deliver(network: Network, schedule_id: int, person: Person) -> Said:
    """Send the member the schedule's message, as the delivery engine would."""
    await network.messenger.send(person.chat, await composed(network, schedule_id, person))
    return person.last_message
