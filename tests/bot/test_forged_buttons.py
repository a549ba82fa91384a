"""Forged, altered, misplaced and stale button data: "This button has expired", and nothing else."""

from __future__ import annotations

import pytest

from bot.languages import texts
from core.events import Chat
from tests.bot.people import Network, Person

CLEAR = "what is a person of trust"


async def expired_and_nothing_else(person: Person, data: str) -> None:
    """Press ``data``; Mreža must say nothing anywhere and acknowledge with "expired"."""
    assert await person.sends_press(data) == []
    assert person.last_notice == texts.BUTTON_EXPIRED


@pytest.mark.parametrize(
    "data",
    [
        "",
        "garbage",
        "e:persons-of-trust",
        "e:persons-of-trust:AAAAAAAA",
        "f:1.+:",
        ":::",
        "x" * 64,
        "e:persons-of-trust:" + "A" * 200,
    ],
)
async def test_arbitrary_data_has_expired(alice: Person, data: str) -> None:
    """Data Mreža never signed is refused, whatever it looks like."""
    await expired_and_nothing_else(alice, data)


async def test_data_signed_for_another_chat_has_expired(network: Network, alice: Person) -> None:
    """A genuine entry button from one chat does not work in another."""
    elsewhere = network.signer.sign(Chat("memory", "somewhere-else"), "e", "persons-of-trust")
    await expired_and_nothing_else(alice, elsewhere)


async def test_data_signed_on_another_transport_has_expired(
    network: Network, alice: Person
) -> None:
    """The same chat id on another transport is another chat."""
    signal = network.signer.sign(Chat("signal", alice.chat.id), "e", "persons-of-trust")
    await expired_and_nothing_else(alice, signal)


async def test_a_tampered_payload_has_expired(network: Network, alice: Person) -> None:
    """Turning a signed 👍 into 👎 by editing the data breaks the signature."""
    await alice.says(CLEAR)
    kind, payload, signature = alice.last_message.button("👍").data.split(":")
    await expired_and_nothing_else(alice, f"{kind}:{payload.replace('+', '-')}:{signature}")
    assert [row.feedback for row in await network.question_log()] == [None]


async def test_a_tampered_kind_has_expired(alice: Person) -> None:
    """Reusing a signature under another kind of button breaks it too."""
    await alice.says(CLEAR)
    _, payload, signature = alice.last_message.button("👍").data.split(":")
    await expired_and_nothing_else(alice, f"p:{payload}:{signature}")


async def test_another_members_feedback_button_has_expired(
    network: Network, alice: Person, bob: Person
) -> None:
    """Alice's 👍 data pressed in Bob's chat changes nothing on Alice's question."""
    await alice.says(CLEAR)
    await expired_and_nothing_else(bob, alice.last_message.button("👍").data)
    assert [row.feedback for row in await network.question_log()] == [None]


async def test_feedback_on_someone_elses_question_in_a_group_has_expired(
    network: Network, alice: Person, bob: Person, group: Chat
) -> None:
    """In a group, Bob pressing 👎 under Alice's answer does not vote for her."""
    await alice.in_(group).says(f"/ask {CLEAR}")
    await bob.in_(group).presses("👎")
    assert bob.last_notice == texts.BUTTON_EXPIRED
    assert [row.feedback for row in await network.question_log()] == [None]


async def test_feedback_on_a_forged_question_number_has_expired(
    network: Network, alice: Person
) -> None:
    """A correctly signed vote for a question that was never asked stores nothing."""
    await expired_and_nothing_else(alice, network.signer.sign(alice.chat, "f", "999.+"))


async def test_an_entry_that_no_longer_exists_has_expired(network: Network, alice: Person) -> None:
    """A genuine button for an entry since retired from the knowledge base is stale."""
    await expired_and_nothing_else(alice, network.signer.sign(alice.chat, "e", "retired-entry"))


@pytest.mark.parametrize(
    ("kind", "payload"),
    [
        ("z", "anything"),  # no such kind of button
        ("t", "no-such-topic"),
        ("t", "no-such-topic.1"),
        ("t", "harassment.x"),
        ("t", "#99"),  # a page of the topic list that does not exist
        ("t", "#0"),
        ("t", "#next"),
        ("l", "klingon"),
        ("x", "maybe"),
        ("f", "1.?"),
        ("p", "not-a-number"),
    ],
)
async def test_signed_nonsense_has_expired(
    network: Network, alice: Person, kind: str, payload: str
) -> None:
    """Correctly signed data that no handler understands is stale, not an error."""
    await expired_and_nothing_else(alice, network.signer.sign(alice.chat, kind, payload))
    member = await alice.member()
    assert member.active
