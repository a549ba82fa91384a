"""The audience step: countries, roles and group chats ticked by button with live counts, then Done.

Inputs from /announce to Confirm (text in one language, no link, no picture, sent once):
- Macedonia and Serbia: 11 (/announce, text, Done, Skip, Skip, North Macedonia, Serbia, Done,
  when, Once, Confirm), or 9 with the names typed; as before this picker took roles, but the
  picker is now one message edited per press instead of one new message per press (3 -> 1).
- the coordinators of Macedonia and Serbia: impossible before (an audience held one kind, so
  country:MK,RS reached every member there); now 12 with North Macedonia, Serbia,
  Coordinators and Done, or 9 with "Македонија и Србија;role:coordinator" typed.
"""

from __future__ import annotations

from bot.languages import texts
from core.members import Role
from tests.bot.people import Network, Person
from tests.bot.scheduled import schedule_rows
from tests.bot.test_announcing import at_audience


async def test_two_countries_are_picked_then_done(
    network: Network, cora: Person, alice: Person
) -> None:
    """Serbia, then Montenegro: each press shows what is ticked and counts; then Done."""
    await network.member("Marko", country="ME")
    await at_audience(cora)
    [first] = await cora.presses("Serbia (2)")
    assert "✓ Serbia (2)" in first.labels
    assert texts.AUDIENCE_PICKED.format(audience="Serbia", count=2) in first.text
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


async def test_each_press_changes_the_same_message(cora: Person) -> None:
    """A tick edits the picker in place: the chat does not fill with one picker per press."""
    await at_audience(cora)
    picker = cora.last_message
    [first] = await cora.presses("Serbia (1)")
    [second] = await cora.presses(f"{texts.COORDINATORS} (1)")
    assert first.message_id == second.message_id == picker.message_id


async def test_coordinators_of_two_countries_in_one_picker(
    network: Network, cora: Person, alice: Person
) -> None:
    """North Macedonia, Serbia and Coordinators ticked: only the coordinators there get it."""
    await network.member("Maja", country="MK", role=Role.COORDINATOR)
    await network.member("Goran", country="MK")
    await at_audience(cora)
    await cora.presses("North Macedonia (2)")
    await cora.presses("Serbia (2)")
    [ticked] = await cora.presses(f"{texts.COORDINATORS} (2)")
    assert "Coordinators in North Macedonia, Serbia, 2 recipients" in ticked.text
    await cora.presses(texts.AUDIENCE_DONE.format(count=2))
    await cora.says("now")
    await cora.presses(texts.ONCE)
    await cora.presses(texts.CONFIRM)
    [row] = await schedule_rows(network)
    assert row.audience == "country:MK,RS;role:coordinator"


async def test_group_chats_come_on_top_of_the_members(
    network: Network, cora: Person, alice: Person
) -> None:
    """Serbia and the group chats: Serbia's two members and the one group, three in all."""
    await alice.in_(network.group()).says("good morning", addressed=False)
    await at_audience(cora)
    await cora.presses("Serbia (2)")
    [ticked] = await cora.presses(f"{texts.GROUP_CHATS} (1)")
    assert "Serbia + Group chats, 3 recipients" in ticked.text


async def test_a_second_press_takes_a_tick_away(cora: Person) -> None:
    """Serbia pressed twice is ticked no more, and Done goes away with it."""
    await at_audience(cora)
    await cora.presses("Serbia (1)")
    [again] = await cora.presses("✓ Serbia (1)")
    assert "Serbia (1)" in again.labels
    assert not any(label.startswith("Done") for label in again.labels)


async def test_back_leaves_the_picker_for_the_step_before(cora: Person) -> None:
    """Back with a tick set goes to the picture question, as a new message."""
    await at_audience(cora)
    picker = cora.last_message
    await cora.presses("Serbia (1)")
    [before] = await cora.presses(texts.BACK)
    assert before.message_id != picker.message_id
    assert texts.SKIP in before.labels


async def test_countries_that_reach_nobody_are_refused_at_done(cora: Person) -> None:
    """Bosnia and Herzegovina has nobody yet: Done says so, and the picker above, its tick
    kept, takes the next press."""
    await at_audience(cora)
    await cora.presses("Bosnia and Herzegovina (0)")
    [refused] = await cora.presses(texts.AUDIENCE_DONE.format(count=0))
    assert (refused.text, refused.labels) == (texts.PROBLEMS["nobody"], [])
    await cora.presses("✓ Bosnia and Herzegovina (0)")
    [serbia] = await cora.presses("Serbia (1)")
    assert texts.AUDIENCE_DONE.format(count=1) in serbia.labels


async def test_everyone_is_still_one_press(network: Network, cora: Person) -> None:
    """Everyone needs no Done."""
    await at_audience(cora)
    [when] = await cora.presses(f"{texts.EVERYONE} (1)")
    assert when.text.startswith("When should it go out?")


async def gives(person: Person, answers: list[tuple[str, str]]) -> None:
    """Give each answer, typed ("says") or pressed: one input each."""
    for how, answer in answers:
        await (person.says(answer) if how == "says" else person.presses(answer))


FORM = [
    ("says", "/announce"),
    ("says", "The regional gender focal points meeting moves to Skopje."),
    ("presses", texts.VERSIONS_DONE),
    ("presses", texts.SKIP),
    ("presses", texts.SKIP),
]
SENT = [("says", "now"), ("presses", texts.ONCE), ("presses", texts.CONFIRM)]


async def test_the_coordinators_of_two_countries_take_twelve_inputs_or_nine_typed(
    network: Network, cora: Person
) -> None:
    """Five inputs of form, three ticks and Done, three to send: 12; typed, one answer in place
    of the four presses: 9. Both store the same audience."""
    await network.member("Maja", country="MK", role=Role.COORDINATOR)
    ticks = [
        ("presses", "North Macedonia (1)"),
        ("presses", "Serbia (1)"),
        ("presses", f"{texts.COORDINATORS} (2)"),
        ("presses", texts.AUDIENCE_DONE.format(count=2)),
    ]
    await gives(cora, [*FORM, *ticks, *SENT])
    await gives(cora, [*FORM, ("says", "Македонија и Србија;role:coordinator"), *SENT])
    rows = await schedule_rows(network)
    assert [row.audience for row in rows] == ["country:MK,RS;role:coordinator"] * 2


async def test_each_group_chat_is_ticked_on_its_own_while_few(
    network: Network, cora: Person, alice: Person
) -> None:
    """Two group chats: each has its own tick; one ticked is the only chat the audience reaches."""
    await alice.in_(network.group("-100")).says("good morning", addressed=False)
    await alice.in_(network.group("-200")).says("good morning", addressed=False)
    await at_audience(cora)
    picker = cora.last_message
    assert f"{texts.GROUP_CHATS} (2)" in picker.labels
    assert picker.labels[-3:-1] == ["💬 #1 (1)", "💬 #2 (1)"]
    [ticked] = await cora.presses("💬 #2 (1)")
    assert "Group chats: 1, 1 recipients" in ticked.text
    await cora.presses(texts.AUDIENCE_DONE.format(count=1))
    await cora.says("now")
    await cora.presses(texts.ONCE)
    await cora.presses(texts.CONFIRM)
    [row] = await schedule_rows(network)
    assert row.audience == "groups:2"
