"""The audience step: countries picked by button with live counts, then Done.

Inputs counted for "North Macedonia and Serbia" in /announce: before, a country button moved
on at once, so the second country needed /cancel and the whole form again with country:MK,RS
typed (18 inputs in the trial); now two country presses and Done (or the names typed once).
"""

from __future__ import annotations

from bot.languages import texts
from tests.bot.people import Network, Person
from tests.bot.scheduled import schedule_rows
from tests.bot.test_announcing import at_audience


async def test_two_countries_are_picked_then_done(
    network: Network, cora: Person, alice: Person
) -> None:
    """Serbia, then Montenegro: each press asks again with what is picked and counts; then Done."""
    await network.member("Marko", country="ME")
    await at_audience(cora)
    [first] = await cora.presses("Serbia (2)")
    assert "✓ Serbia (2)" in first.labels
    assert texts.AUDIENCE_PICKED.format(countries="Serbia", count=2) in first.text
    [second] = await cora.presses("Montenegro (1)")
    assert {"✓ Serbia (2)", "✓ Montenegro (1)"} <= set(second.labels)
    assert texts.AUDIENCE_DONE.format(count=3) in second.labels
    [when] = await cora.presses(texts.AUDIENCE_DONE.format(count=3))
    assert when.text.startswith("When should it go out?")
    await cora.says("now")
    await cora.presses(texts.ONCE)
    await cora.presses(texts.CONFIRM)
    [row] = await schedule_rows(network)
    assert row.audience == "country:ME,RS"


async def test_a_second_press_takes_a_country_away(cora: Person) -> None:
    """Serbia pressed twice is picked no more, and Done goes away with it."""
    await at_audience(cora)
    await cora.presses("Serbia (1)")
    [again] = await cora.presses("✓ Serbia (1)")
    assert "Serbia (1)" in again.labels
    assert not any(label.startswith("Done") for label in again.labels)


async def test_countries_that_reach_nobody_are_refused_at_done(cora: Person) -> None:
    """Bosnia and Herzegovina has nobody yet: Done says so and the step waits."""
    await at_audience(cora)
    await cora.presses("Bosnia and Herzegovina (0)")
    [refused] = await cora.presses(texts.AUDIENCE_DONE.format(count=0))
    assert refused.text == texts.PROBLEMS["nobody"]


async def test_everyone_is_still_one_press(network: Network, cora: Person) -> None:
    """Everyone, the coordinators and the group chats need no Done."""
    await at_audience(cora)
    [when] = await cora.presses(f"{texts.EVERYONE} (1)")
    assert when.text.startswith("When should it go out?")
