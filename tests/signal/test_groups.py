"""Signal groups: Mreža speaks only when mentioned, quoted or sent a command."""

from __future__ import annotations

import pytest

from emulators.signal import SignalEmulator
from tests.signal.people import SignalPerson

pytestmark = pytest.mark.usefixtures("on_signal")


@pytest.fixture
def in_group(alice: SignalPerson, signal_emu: SignalEmulator) -> SignalPerson:
    """Alice in a group Mreža's account belongs to."""
    return alice.in_group(signal_emu.world.add_group(alice.contact))


async def test_chatter_in_a_group_is_left_alone(in_group: SignalPerson) -> None:
    """A message that does not address Mreža gets nothing."""
    await in_group.says("What is resolution 1325?")
    await in_group.hears_nothing()


async def test_a_mention_is_answered_in_the_group(in_group: SignalPerson) -> None:
    """@Mreža with a question: the answer goes to the group."""
    await in_group.says("What is resolution 1325?", mention_bot=True)
    assert "1325" in (await in_group.hears()).text


async def test_a_lone_number_in_a_group_picks_nothing(in_group: SignalPerson) -> None:
    """After an answer, "1" without quoting Mreža is chatter, not a choice."""
    await in_group.says("What is resolution 1325?", mention_bot=True)
    await in_group.hears()
    await in_group.says("1")
    await in_group.hears_nothing()


async def test_a_command_is_answered_in_the_group(in_group: SignalPerson) -> None:
    """/help works in a group without a mention."""
    await in_group.says("/help")
    assert (await in_group.hears()).text
