"""Sending on Signal: unknown numbers, rate limits and their back-off, edits and files."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.app import Mreza
from bot.transports.signal_cli.choices import ChoiceBook
from bot.transports.signal_cli.rpc import SignalRpc
from bot.transports.signal_cli.signal_messenger import Backoff, SignalMessenger
from bot.transports.signal_cli.wording import Wording
from core.events import Chat
from core.messaging import Attachment, DeliveryFailed, Outgoing, RecipientGone
from emulators.signal import SignalEmulator
from scheduler.pacer import Pacer

FAST = 1000.0  # messages a second: these tests are about outcomes, not pace


@pytest.fixture
async def rpc(signal_emu: SignalEmulator) -> AsyncIterator[SignalRpc]:
    """A JSON-RPC client of the emulated daemon."""
    client = SignalRpc(signal_emu.url)
    yield client
    await client.close()


@pytest.fixture
def messenger(rpc: SignalRpc, mreza: Mreza) -> SignalMessenger:
    """A messenger that backs off for only a hundredth of a second."""
    wording = Wording(mreza.members, mreza.translations)
    return SignalMessenger(
        rpc, ChoiceBook(), wording, Pacer(FAST, mreza.timer), Backoff(0.01), retries=2
    )


@pytest.fixture
def someone(signal_emu: SignalEmulator) -> Chat:
    """The private chat with a registered Signal user."""
    contact = signal_emu.world.add_contact("Vesna")
    assert contact.number is not None
    return Chat("signal", contact.number)


async def test_an_unregistered_number_is_a_recipient_gone(messenger: SignalMessenger) -> None:
    """signal-cli's UNREGISTERED_FAILURE means nobody is there: stop writing."""
    with pytest.raises(RecipientGone, match="not on Signal"):
        await messenger.send(Chat("signal", "+38169999999"), Outgoing.text("Hello"))


async def test_a_rate_limit_is_waited_out_and_the_message_sent(
    messenger: SignalMessenger, someone: Chat, signal_emu: SignalEmulator
) -> None:
    """One rate-limit error (-5), a pause, and the same message goes out."""
    signal_emu.world.rate_limit.count, signal_emu.world.rate_limit.retry_after = 1, 0
    sent = await messenger.send(someone, Outgoing.text("Hello"))
    sends = [c for c in signal_emu.world.calls if c.method == "send"]
    assert [c.error["code"] if c.error else None for c in sends] == [-5, None]
    assert sent.message_id == str(sends[1].timestamp)


async def test_persistent_rate_limits_end_in_a_transient_failure(
    messenger: SignalMessenger, someone: Chat, signal_emu: SignalEmulator
) -> None:
    """After its retries the caller hears of a transient failure, and no retry_after.

    A retry_after would pause the other transports' deliveries too.
    """
    signal_emu.world.rate_limit.count, signal_emu.world.rate_limit.retry_after = 10, 0
    with pytest.raises(DeliveryFailed) as failure:
        await messenger.send(someone, Outgoing.text("Hello"))
    assert failure.value.transient
    assert failure.value.retry_after is None
    assert len([c for c in signal_emu.world.calls if c.method == "send"]) == 3


def test_the_back_off_doubles_with_each_limit_in_a_row_and_resets_after_a_send() -> None:
    """5, 10, 20 seconds, or longer if Signal asks; back to 5 once a send goes through."""
    backoff = Backoff(5.0)
    assert [backoff.after_limit(None) for _ in range(3)] == [5.0, 10.0, 20.0]
    assert backoff.after_limit(100.0) == 100.0
    backoff.after_success()
    assert backoff.after_limit(None) == 5.0


async def test_an_edit_sends_the_new_text_with_the_edit_timestamp(
    messenger: SignalMessenger, someone: Chat, signal_emu: SignalEmulator
) -> None:
    """Signal shows the message as edited: the same timestamp, the new text."""
    sent = await messenger.send(someone, Outgoing.text("Going: 3"))
    await messenger.edit(sent, Outgoing.text("Going: 4"))
    edit = signal_emu.world.calls[-1]
    assert edit.params["editTimestamp"] == int(sent.message_id)
    assert edit.params["message"] == "Going: 4"


async def test_a_file_goes_as_an_attachment_and_a_picture_by_address_as_a_link(
    messenger: SignalMessenger, someone: Chat, signal_emu: SignalEmulator
) -> None:
    """Bytes become a data URI naming the file; a URL is written into the text."""
    ics = Attachment("event.ics", "text/calendar", content=b"BEGIN:VCALENDAR")
    poster = Attachment("poster.png", "image/png", url="https://example.org/poster.png")
    await messenger.send(someone, Outgoing(Outgoing.text("Workshop").paragraphs, (), (ics, poster)))
    call = signal_emu.world.calls[-1]
    assert call.params["attachments"] == [
        "data:text/calendar;filename=event.ics;base64,QkVHSU46VkNBTEVOREFS"
    ]
    assert "poster.png: https://example.org/poster.png" in call.text
