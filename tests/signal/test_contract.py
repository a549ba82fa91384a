"""The conversation contract: the same conversations, the same outcomes, on every transport."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.app import Mreza
from bot.languages import texts
from core.members import Language, Role
from knowledge.entry_tables import AskedRow
from tests.signal.channels import Channel

QUESTION = "What is resolution 1325?"
ENTRY = "wps-unscr-1325-overview"


async def test_a_stranger_is_refused_once(channel: Channel) -> None:
    """One polite refusal, then silence."""
    eve = await channel.stranger("Eve")
    await eve.says("hello")
    assert (await eve.hears()).text == texts.NOT_A_MEMBER
    await eve.says("hello?")
    await eve.hears_nothing()


async def test_an_invitation_code_lets_a_stranger_in(channel: Channel, mreza: Mreza) -> None:
    """/start with a valid code: welcome, and the questions after it are answered."""
    now = mreza.clock.now()
    code, _ = await mreza.invites.create(Role.MEMBER, "BA", 1, now + timedelta(days=7), now)
    nina = await channel.stranger("Nina")
    await nina.says(f"/start {code}")
    assert (await nina.hears()).text.startswith("Welcome to Mreža, Nina!")
    await nina.says(QUESTION)
    assert "1325" in (await nina.hears()).text


async def test_an_answer_carries_its_sources_and_feedback_choices(
    channel: Channel, mreza: Mreza
) -> None:
    """The entry's title and every source's address, with 👍 and 👎 to choose from."""
    alice = await channel.member("Alice")
    await alice.says(QUESTION)
    answer = await alice.hears()
    entry = mreza.librarian.entry(ENTRY)
    assert entry is not None
    assert answer.text.startswith(entry.title)
    assert [source.url for source in entry.sources] == list(answer.links)
    assert answer.labels == ("👍", "👎")


async def test_picking_thumbs_up_stores_the_feedback(channel: Channel, mreza: Mreza) -> None:
    """Whatever the transport's way of choosing, Mreža thanks and the question log keeps +1."""
    alice = await channel.member("Alice")
    await alice.says(QUESTION)
    await alice.hears()
    await alice.picks("👍")
    assert await alice.acknowledgement() == texts.THANKS_FEEDBACK
    async with mreza.sessions() as session:
        stored = list(await session.scalars(select(AskedRow.feedback)))
    assert stored == [1]


async def test_a_clarified_question_shows_the_chosen_entry(channel: Channel) -> None:
    """Two candidates offered; picking the second shows that entry."""
    alice = await channel.member("Alice")
    await alice.says("SEESAC")
    clarify = await alice.hears()
    assert clarify.text.startswith(texts.CLARIFY)
    assert len(clarify.labels) == 2
    await alice.picks(clarify.labels[1])
    assert (await alice.hears()).text.startswith(clarify.labels[1].rstrip("…"))


async def test_an_unknown_question_is_admitted_and_offered_on(channel: Channel) -> None:
    """ "I don't know yet", then the offer to pass the question on."""
    alice = await channel.member("Alice")
    await alice.says("zxqv plorb wibble")
    assert (await alice.hears()).text == texts.DONT_KNOW
    offer = await alice.hears()
    assert offer.text.startswith(texts.DONT_KNOW_OFFER)
    assert offer.labels == (texts.PASS_ON,)


async def test_the_interface_language_can_be_switched(channel: Channel, mreza: Mreza) -> None:
    """/lang, then Macedonian: Mreža confirms in Macedonian."""
    alice = await channel.member("Alice")
    await alice.says("/lang")
    await alice.hears()
    await alice.picks("Македонски")
    assert (await alice.hears()).text == mreza.translations(Language.MK)(texts.LANGUAGE_SET)
