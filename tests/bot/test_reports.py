"""Delivery reports: the creator hears how each occurrence went, in their own language."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update

from bot.languages import texts
from bot.languages.times import local_time
from bot.schedules.reporting import CreatorReports
from core.members import Language, Role, Status
from scheduler.audience import Audience
from scheduler.firing import Firing
from scheduler.schedule_drafts import AnnouncementDraft, When
from scheduler.schedule_tables import DeliveryRow
from tests.bot.people import Network, Person

TEXT = "The regional gender focal points meeting moves to Skopje."
GRACE = timedelta(hours=1)


async def fired(network: Network, creator: Person | None, late: timedelta = timedelta()) -> int:
    """An announcement to Serbia ten minutes ahead, fired when due (plus ``late``)."""
    at = network.clock.now() + timedelta(minutes=10)
    draft = AnnouncementDraft(TEXT, Audience.parse("country:RS"), When(at))
    creator_id = (await creator.member()).id if creator else None
    await network.mreza.planner.announce(draft, creator_id)
    network.clock.advance(timedelta(minutes=10) + late)
    firing = Firing(network.mreza.sessions, network.mreza.members, network.clock, GRACE)
    done = await firing.fire_due()
    [occurrence] = done.missed if late > GRACE else done.occurrences
    return occurrence


async def settle(network: Network, person: Person, status: str, error: str | None = None) -> None:
    """Give one member's delivery its outcome, four seconds after the firing."""
    member = await person.member()
    sent = network.clock.now() + timedelta(seconds=4)
    async with network.mreza.sessions.begin() as session:
        await session.execute(
            update(DeliveryRow)
            .where(DeliveryRow.member_id == member.id)
            .values(status=status, last_error=error, sent_at=sent if status == "sent" else None)
        )


def reports(network: Network) -> CreatorReports:
    """The reporter, writing through the test transport."""
    mreza = network.mreza
    return CreatorReports(mreza.sessions, mreza.members, network.messenger, mreza.translations)


def due_at(network: Network) -> str:
    """When the announcement was due, as the report writes it."""
    return f"{local_time(network.clock.now(), 'Europe/Belgrade')} (Europe/Belgrade)"


async def test_the_creator_gets_the_counts_and_the_reasons(
    network: Network, cora: Person, alice: Person, bob: Person
) -> None:
    """Recipients, delivered, failed with why, blocked, pending and how long it took."""
    occurrence = await fired(network, cora)
    await settle(network, cora, "sent")
    await settle(network, alice, "failed", "Timed out")
    await settle(network, bob, "blocked")
    await reports(network).report(occurrence)
    expected = texts.REPORT.format(
        kind="announcement", id=1, summary=TEXT, when=due_at(network), recipients=3,
        delivered=1, failed=1, blocked=1, pending=0, duration="4 seconds",
    )  # fmt: skip
    assert cora.last_message.text == f"{expected}\n\n{texts.REPORT_REASONS}\n• Timed out: 1"


async def test_pending_deliveries_are_counted(
    network: Network, cora: Person, alice: Person
) -> None:
    """Nothing sent yet: everything is pending and there is no duration."""
    occurrence = await fired(network, cora)
    await reports(network).report(occurrence)
    assert "\nDelivered: 0\n" in cora.last_message.text
    assert cora.last_message.text.endswith("\nPending: 2\nDuration: -")


async def test_a_missed_occurrence_is_reported_as_missed(network: Network, cora: Person) -> None:
    """Found two hours late: "missed and not sent late"."""
    occurrence = await fired(network, cora, late=timedelta(hours=2))
    await reports(network).report(occurrence)
    when = local_time(network.clock.now() - timedelta(hours=2), "Europe/Belgrade")
    expected = texts.REPORT_MISSED.format(
        kind="announcement", id=1, summary=TEXT, when=f"{when} (Europe/Belgrade)"
    )
    assert cora.last_message.text == expected[0].upper() + expected[1:]


async def test_the_report_is_in_the_creators_language(network: Network) -> None:
    """A Macedonian coordinator reads the report in Macedonian."""
    marija = await network.member("Marija", "RS", Role.COORDINATOR, Language.MK)
    occurrence = await fired(network, marija)
    await reports(network).report(occurrence)
    assert marija.last_message.text.startswith("Извештај за доставата: известување #1")


async def test_nobody_hears_of_a_schedule_made_from_the_cli(network: Network, cora: Person) -> None:
    """No creator: the report is for `mreza announce report`, not for a chat."""
    occurrence = await fired(network, None)
    await reports(network).report(occurrence)
    assert network.messenger.said == []


async def test_a_creator_who_blocked_mreza_hears_nothing(network: Network, cora: Person) -> None:
    """A blocked creator is not written to."""
    occurrence = await fired(network, cora)
    await network.mreza.members.set_status((await cora.member()).id, Status.BLOCKED)
    await reports(network).report(occurrence)
    assert network.messenger.said == []
