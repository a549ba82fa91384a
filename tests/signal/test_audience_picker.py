"""The audience picker on Signal: numbered choices, each number ticking and editing the list."""

from __future__ import annotations

import pytest

from bot.languages import texts
from core.members import Role
from emulators.signal import SignalEmulator
from tests.signal.people import SignalPeople

pytestmark = pytest.mark.usefixtures("on_signal")


async def test_numbers_tick_the_picker_and_edit_it_in_place(
    people: SignalPeople, signal_emu: SignalEmulator
) -> None:
    """Serbia's number ticks it in the same message (a Signal edit), renumbered the same way;
    Coordinators' number too; Done's number goes on to the time."""
    cora = await people.member("Cora", Role.COORDINATOR)
    await cora.says("/announce")
    await cora.hears()
    for answer in ("The regional meeting moves to Skopje.", "done", "skip", "skip"):
        await cora.says(answer)
        picker = await cora.hears()
    assert "Serbia (1)" in picker.labels
    await cora.picks("Serbia (1)")
    serbia = await cora.hears()
    assert serbia.labels.index("✓ Serbia (1)") == picker.labels.index("Serbia (1)")
    await cora.picks(f"{texts.COORDINATORS} (1)")
    both = await cora.hears()
    assert "Coordinators in Serbia, 1 recipients" in both.text
    edits = [
        c.params["editTimestamp"] for c in signal_emu.world.calls if c.params.get("editTimestamp")
    ]
    assert edits == [picker.timestamp, picker.timestamp]
    await cora.picks(texts.AUDIENCE_DONE.format(count=1))
    when = await cora.hears()
    assert when.text.startswith("When should it go out?")
