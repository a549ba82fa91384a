"""The event stream drops (the daemon restarts, the network breaks): Mreža reconnects."""

from __future__ import annotations

import pytest

from emulators.signal import SignalEmulator
from tests.signal.people import SignalPerson
from tests.telegram.people import eventually_true

pytestmark = pytest.mark.usefixtures("on_signal")


async def reconnected(emu: SignalEmulator, streams: int) -> None:
    """Wait until Mreža has opened ``streams`` streams in all and listens again."""

    async def listening() -> bool:
        return emu.world.streams_opened >= streams and emu.world.listening > 0

    await eventually_true(listening, f"stream number {streams}")


async def test_mreza_answers_after_the_stream_drops(
    alice: SignalPerson, signal_emu: SignalEmulator
) -> None:
    """The stream is cut; Mreža opens a new one and answers the next question."""
    signal_emu.world.drop_streams()
    await reconnected(signal_emu, 2)
    await alice.says("What is resolution 1325?")
    assert "1325" in (await alice.hears()).text


async def test_a_message_sent_while_disconnected_is_not_lost(
    alice: SignalPerson, signal_emu: SignalEmulator
) -> None:
    """Written while no stream was open, it is replayed after Last-Event-ID and answered once."""
    await alice.says("What is a person of trust?")  # an event id for Mreža to resume from
    await alice.hears()
    signal_emu.world.drop_streams()
    await alice.says("What is resolution 1325?")
    await reconnected(signal_emu, 2)
    assert "1325" in (await alice.hears()).text
    await alice.hears_nothing()


async def test_repeated_drops_are_survived(alice: SignalPerson, signal_emu: SignalEmulator) -> None:
    """Three drops in a row, and the member is still answered."""
    for streams in (2, 3, 4):
        signal_emu.world.drop_streams()
        await reconnected(signal_emu, streams)
    await alice.says("What is resolution 1325?")
    assert "1325" in (await alice.hears()).text
