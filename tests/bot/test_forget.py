"""/forget: a member deletes their personal data, after confirming."""

from __future__ import annotations

from sqlalchemy import MetaData, select

from bot.languages import texts
from core.members import Status
from tests.bot.people import Network, Person
from tests.bot.pulses import Pulses


async def test_forget_asks_for_confirmation_first(alice: Person) -> None:
    """/forget explains what goes and asks yes or no; nothing is deleted yet."""
    replies = await alice.says("/forget")
    assert [r.text for r in replies] == [texts.FORGET_CONFIRM]
    assert replies[0].labels == [texts.FORGET_YES, texts.FORGET_NO]
    assert await alice.record() is not None


async def test_no_keeps_the_data(network: Network, alice: Person) -> None:
    """Answering no deletes nothing and says so."""
    before = await alice.record()
    await alice.says("/forget")
    replies = await alice.presses(texts.FORGET_NO)
    assert [r.text for r in replies] == [texts.FORGET_CANCELLED]
    assert await alice.record() == before


async def test_yes_says_goodbye(alice: Person) -> None:
    """Answering yes confirms the deletion."""
    await alice.says("/forget")
    replies = await alice.presses(texts.FORGET_YES)
    assert [r.text for r in replies] == [texts.FORGOTTEN]
    assert alice.last_notice is None


async def test_yes_deletes_the_members_personal_data(network: Network, alice: Person) -> None:
    """After yes, Alice's account is no longer recognised and her name is gone."""
    member = await alice.member()
    await alice.says("/forget")
    await alice.presses(texts.FORGET_YES)
    assert await alice.record() is None
    kept = await network.mreza.members.get(member.id)
    assert kept is not None
    assert (kept.name, kept.identities, kept.status) == ("", (), Status.REMOVED)


async def test_yes_unlinks_the_questions_asked(network: Network, alice: Person) -> None:
    """The questions stay for the curators, with question_log.member_id emptied."""
    await alice.says("what is a person of trust")
    await alice.says("what is the weather in Podgorica")
    await alice.says("/forget")
    await alice.presses(texts.FORGET_YES)
    rows = await network.question_log()
    assert [(row.text, row.member_id) for row in rows] == [
        ("what is a person of trust", None),
        ("what is the weather in Podgorica", None),
    ]


async def test_forgetting_leaves_other_members_questions_alone(
    network: Network, alice: Person, bob: Person
) -> None:
    """Bob's questions keep his id when Alice is forgotten."""
    await bob.says("what is a person of trust")
    await alice.says("/forget")
    await alice.presses(texts.FORGET_YES)
    bobs = await bob.member()
    assert [row.member_id for row in await network.question_log()] == [bobs.id]


async def test_after_forgetting_a_message_gets_the_strangers_refusal(alice: Person) -> None:
    """Once forgotten, Alice is a stranger: one refusal, then silence."""
    await alice.says("/forget")
    await alice.presses(texts.FORGET_YES)
    assert [r.text for r in await alice.says("what is a person of trust")] == [texts.NOT_A_MEMBER]
    assert await alice.says("hello?") == []


async def test_the_confirmation_cannot_be_pressed_twice(alice: Person) -> None:
    """Pressing yes again after the deletion has expired, and says nothing."""
    await alice.says("/forget")
    await alice.presses(texts.FORGET_YES)
    assert await alice.presses(texts.FORGET_YES) == []
    assert alice.last_notice == texts.BUTTON_EXPIRED


async def test_feedback_buttons_stop_working_after_forgetting(
    network: Network, alice: Person
) -> None:
    """An old 👍 pressed after the deletion stores nothing."""
    await alice.says("what is a person of trust")
    await alice.says("/forget")
    await alice.presses(texts.FORGET_YES)
    assert await alice.presses("👍") == []
    assert [row.feedback for row in await network.question_log()] == [None]


async def test_nothing_left_names_the_forgotten_members_chat(
    network: Network, alice: Person, bob: Person
) -> None:
    """Her open dialog and the poll kept in her chat go; when she writes again she is refused
    once as a stranger, and her account is not written back anywhere."""
    pulses = Pulses(network)
    await pulses.start("Do you know whom to tell?", ("Yes", "No"))
    await pulses.deliver()
    for person, message in ((alice, "7"), (bob, "8")):  # as Telegram keeps a native poll's place
        await network.services.ballots.keep_poll(1, person.chat, message, f"poll-{message}")
    await alice.says("/share")  # a dialog left open
    await alice.says("/forget")
    await alice.presses(texts.FORGET_YES)
    assert [r.text for r in await alice.says("hello again")] == [texts.NOT_A_MEMBER]
    assert await alice.says("hello?") == []
    stored = await everything_stored(network)
    assert alice.sender.id not in stored
    assert bob.sender.id in stored  # only hers went


async def everything_stored(network: Network) -> set[str]:
    """Every text value in every table."""
    tables = MetaData()
    async with network.mreza.engine.connect() as connection:
        await connection.run_sync(tables.reflect)
        return {
            str(value)
            for table in tables.tables.values()
            for row in await connection.execute(select(table))
            for value in row
            if isinstance(value, str | int)
        }
