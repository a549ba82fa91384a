"""Group chats Mreža is in are recorded, so that the audience "groups" reaches them."""

from __future__ import annotations

from sqlalchemy import select

from core.events import Chat
from scheduler.audience import Audience
from scheduler.schedule_tables import GroupChatRow
from tests.bot.people import Network, Person


async def groups(network: Network) -> list[tuple[str, str, bool]]:
    """Every recorded group: (transport, chat id, active)."""
    async with network.mreza.sessions() as session:
        rows = await session.scalars(select(GroupChatRow).order_by(GroupChatRow.id))
        return [(row.transport, row.chat_id, row.active) for row in rows]


async def test_any_message_in_a_group_records_it(
    network: Network, alice: Person, group: Chat
) -> None:
    """Chatter not meant for Mreža still tells it that it is in the group."""
    await alice.in_(group).says("good morning all", addressed=False)
    assert await groups(network) == [("memory", "-100", True)]


async def test_a_stranger_writing_in_a_group_records_it(network: Network, group: Chat) -> None:
    """Whoever writes, the group is one Mreža is in."""
    await network.stranger("Eve").in_(group).says("hi", addressed=False)
    assert await groups(network) == [("memory", "-100", True)]


async def test_a_group_is_recorded_once(network: Network, alice: Person, group: Chat) -> None:
    """Many messages, one row."""
    for text in ("one", "two", "three"):
        await alice.in_(group).says(text, addressed=False)
    assert len(await groups(network)) == 1


async def test_private_chats_are_not_groups(network: Network, alice: Person) -> None:
    """A private conversation records no group."""
    await alice.says("what is a person of trust")
    assert await groups(network) == []


async def test_removal_from_a_group_marks_it_inactive(
    network: Network, alice: Person, group: Chat
) -> None:
    """Mreža removed from the group: the group stays recorded, inactive; nothing is sent there."""
    await alice.in_(group).says("hello", addressed=False)
    await alice.in_(group).leaves()
    assert await groups(network) == [("memory", "-100", False)]
    assert await network.mreza.planner.recipients(Audience(groups=True)) == 0


async def test_a_group_that_writes_again_is_active_again(
    network: Network, alice: Person, group: Chat
) -> None:
    """Added back and written in, the group is active again."""
    await alice.in_(group).says("hello", addressed=False)
    await alice.in_(group).leaves()
    await alice.in_(group).says("we are back", addressed=False)
    assert await groups(network) == [("memory", "-100", True)]


async def test_recorded_groups_are_an_audience(
    network: Network, alice: Person, group: Chat
) -> None:
    """The audience "groups" counts the active groups."""
    await alice.in_(group).says("hello", addressed=False)
    await alice.in_(network.group("-200")).says("hello", addressed=False)
    assert await network.mreza.planner.recipients(Audience(groups=True)) == 2
