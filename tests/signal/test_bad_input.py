"""Bad input on Signal: strangers, pictures alone, malformed events; the stream goes on."""

from __future__ import annotations

import logging

import pytest

from bot.languages import texts
from emulators.signal import SignalEmulator
from tests.signal.people import SignalPeople, SignalPerson

pytestmark = pytest.mark.usefixtures("on_signal")

PICTURE = {"contentType": "image/jpeg", "filename": "photo.jpg", "id": "a1", "size": 2048}


async def test_an_unknown_number_gets_one_polite_refusal(people: SignalPeople) -> None:
    """A stranger hears that Mreža is for members, once; after that, nothing."""
    stranger = people.stranger("Eve")
    await stranger.says("hello")
    assert (await stranger.hears()).text.startswith("Mreža serves the regional network")
    await stranger.says("hello again")
    await stranger.hears_nothing()


async def test_a_picture_alone_from_a_member_is_answered_with_what_mreza_reads(
    alice: SignalPerson,
) -> None:
    """No text, one attachment: Mreža says it reads text only."""
    await alice.says(None, attachments=(PICTURE,))
    assert (await alice.hears()).text == texts.SIGNAL_TEXT_ONLY


async def test_a_picture_alone_from_a_stranger_gets_the_refusal(people: SignalPeople) -> None:
    """Strangers hear the one refusal, whatever they send."""
    stranger = people.stranger("Eve")
    await stranger.says(None, attachments=(PICTURE,))
    assert (await stranger.hears()).text.startswith("Mreža serves the regional network")


async def test_a_picture_with_a_caption_is_a_question(alice: SignalPerson) -> None:
    """The caption is read as text; the picture is left aside."""
    await alice.says("What is resolution 1325?", attachments=(PICTURE,))
    assert "1325" in (await alice.hears()).text


@pytest.mark.parametrize(
    "data",
    [
        "{not json",
        '{"account": "+38160000000"}',
        '{"envelope": {"dataMessage": {"message": "hi", "timestamp": 1}}}',
        '{"envelope": {"sourceNumber": "+1", "dataMessage": "hi"}}',
        '{"envelope": {"sourceNumber": "+1", "dataMessage": {"message": 7, "timestamp": 1}}}',
        '{"envelope": {"sourceNumber": "+1", "dataMessage": {"reaction": {"emoji": "👍"}}}}',
    ],
)
async def test_a_malformed_event_is_logged_and_skipped(
    data: str,
    alice: SignalPerson,
    signal_emu: SignalEmulator,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The broken event is logged as skipped; the next message is answered as usual."""
    caplog.set_level(logging.WARNING, logger="bot.transports.signal_cli.listener")
    signal_emu.world.push(data)
    await alice.says("What is resolution 1325?")
    assert "1325" in (await alice.hears()).text
    assert any("skipped a malformed Signal event" in m for m in caplog.messages)


async def test_typing_and_receipts_are_ignored(
    alice: SignalPerson, signal_emu: SignalEmulator
) -> None:
    """A typing indicator is no message: nothing is said."""
    signal_emu.world.type_(alice.contact)
    await alice.hears_nothing()


async def test_a_member_who_hides_their_number_is_known_by_uuid(people: SignalPeople) -> None:
    """Added by UUID, the member is answered at that UUID."""
    hidden = await people.member("Hana", hidden=True)
    await hidden.says("What is resolution 1325?")
    assert "1325" in (await hidden.hears()).text
    assert hidden.address == hidden.contact.uuid
