"""The delivery worker: each due delivery sent once, and every outcome recorded."""

from __future__ import annotations

from sqlalchemy import update

from core.members import Status
from core.messaging import DeliveryFailed, RecipientGone
from scheduler.schedule_tables import ScheduleRow
from tests.scheduler.world import World, chat_of, settle


async def test_an_announcement_reaches_every_member(world: World) -> None:
    """Three members, three messages with the announcement's text, three rows sent."""
    people = await world.crowd(3)
    await world.announce("Training in Skopje on Monday")
    await world.deliver()
    assert [world.messenger.texts_to(chat_of(p)) for p in people] == [
        ["Training in Skopje on Monday"]
    ] * 3
    rows = await world.deliveries()
    assert [(row.status, row.attempts) for row in rows] == [("sent", 1)] * 3
    assert all(row.message_id for row in rows)
    assert all(row.sent_at for row in rows)
    assert all(row.claimed_by is None for row in rows)


async def test_a_member_who_blocked_mreza_is_marked_blocked(world: World) -> None:
    """A 403 ends the delivery as blocked and marks the member blocked; others still get it."""
    alice, bob = await world.crowd(2)
    world.messenger.fail(chat_of(alice), RecipientGone("Forbidden: bot was blocked by the user"))
    await world.announce("Hello")
    await world.deliver()
    assert await world.statuses() == ["blocked", "sent"]
    member = await world.members.get(alice.id)
    assert member is not None
    assert member.status is Status.BLOCKED
    assert world.messenger.texts_to(chat_of(bob)) == ["Hello"]


async def test_a_member_blocked_after_the_firing_is_skipped(world: World) -> None:
    """Marked blocked between firing and sending: nothing is sent, the row says blocked."""
    alice = await world.join("Alice")
    await world.announce("Hello")
    await world.fire()
    await world.members.set_status(alice.id, Status.BLOCKED)
    async with world.working() as worker:
        await settle(worker)
    assert world.messenger.counts() == {}
    assert await world.statuses() == ["blocked"]


async def test_a_member_without_a_telegram_account_fails_as_unreachable(world: World) -> None:
    """Only a Signal account: the delivery fails with "no reachable account"."""
    await world.join("Sam", transport="signal")
    await world.announce("Hello")
    await world.deliver()
    rows = await world.deliveries()
    assert [(row.status, row.last_error) for row in rows] == [("failed", "no reachable account")]


async def test_a_refusal_fails_at_once_with_telegram_s_reason(world: World) -> None:
    """A 400 is not retried: failed after one attempt, with the reason."""
    alice = await world.join("Alice")
    world.messenger.fail(chat_of(alice), DeliveryFailed("Bad Request: message is too long"))
    await world.announce("Hello")
    await world.deliver()
    rows = await world.deliveries()
    assert [(r.status, r.attempts, r.last_error) for r in rows] == [
        ("failed", 1, "Bad Request: message is too long")
    ]


async def test_an_edit_before_sending_is_what_goes_out(world: World) -> None:
    """Fired, then edited, then sent: the member reads the new text only."""
    alice = await world.join("Alice")
    schedule = await world.announce("Meeting at 10:00", rule="FREQ=WEEKLY")
    await world.fire()
    await world.planner.edit_text(schedule, "Meeting at 11:00")
    async with world.working() as worker:
        await settle(worker)
    assert world.messenger.texts_to(chat_of(alice)) == ["Meeting at 11:00"]


async def test_a_cancelled_schedule_sends_nothing(world: World) -> None:
    """Cancelled after firing: no message, every delivery cancelled."""
    await world.crowd(2)
    schedule = await world.announce("Hello")
    await world.fire()
    await world.planner.cancel(schedule)
    async with world.working() as worker:
        await settle(worker)
    assert world.messenger.counts() == {}
    assert await world.statuses() == ["cancelled", "cancelled"]


async def test_a_cancellation_racing_a_claim_still_sends_nothing(world: World) -> None:
    """Rows already claimed when the schedule is cancelled are not sent either."""
    await world.crowd(2)
    schedule = await world.announce("Hello")
    await world.fire()
    async with world.sessions.begin() as session:  # as if cancel came after the claim
        await session.execute(
            update(ScheduleRow).where(ScheduleRow.id == schedule).values(status="cancelled")
        )
    async with world.working() as worker:
        await settle(worker)
    assert world.messenger.counts() == {}
    assert await world.statuses() == ["cancelled", "cancelled"]


async def test_firing_twice_delivers_once(world: World) -> None:
    """The same firing run twice (a restart, a second instance) sends each member one message."""
    await world.crowd(5)
    await world.announce("Once")
    await world.fire()
    await world.fire()
    await world.deliver()
    assert sorted(world.messenger.counts().values()) == [1] * 5


async def test_the_chosen_group_chat_and_the_members_both_get_it(world: World) -> None:
    """country:RS;groups:2 reaches Serbia's members and the second group chat, not the first."""
    await world.join("Alice")
    await world.add_group("-100123")
    await world.add_group("-100456")
    await world.announce("Hello, Serbia and one group", audience="country:RS;groups:2")
    await world.deliver()
    assert world.messenger.texts_to("-100456") == ["Hello, Serbia and one group"]
    assert world.messenger.texts_to("-100123") == []
    assert sorted(world.messenger.counts().values()) == [1, 1]


async def test_a_group_gets_the_announcement_in_its_chat(world: World) -> None:
    """The groups audience sends to each active group chat the bot is in."""
    await world.join("Alice")
    await world.add_group("-100123")
    await world.announce("Hello, groups", audience="groups")
    await world.deliver()
    assert world.messenger.texts_to("-100123") == ["Hello, groups"]
    assert world.messenger.memory.said[0].chat.private is False
