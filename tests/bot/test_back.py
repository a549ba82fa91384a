"""Back on every step of every guided dialog: a mistake costs one press, not starting over.

Inputs counted for a coordinator who picked the wrong audience and noticed it at the preview
of /announce (7 inputs to get there): before Back, /cancel, the 7 again and Confirm (16 in all);
with it, Back three times, the audience, time and repeat, and Confirm (14).
"""

from __future__ import annotations

from bot.languages import texts
from core.members import Language, Role
from tests.bot.people import Network, Person
from tests.bot.scheduled import LATER, schedule_rows
from tests.bot.test_announcing import TEXT, skips_link_and_picture, up_to_preview
from tests.bot.test_pulse_dialog import QUESTION


async def test_back_asks_the_step_before_again_with_its_buttons(cora: Person) -> None:
    """At the time step, Back asks for the audience again, its buttons and Back included."""
    await cora.says("/announce")
    await cora.says(TEXT)
    await cora.presses(texts.VERSIONS_DONE)
    await skips_link_and_picture(cora)
    await cora.says("Serbia")
    [again] = await cora.presses(texts.BACK)
    assert again.text == texts.ASK_AUDIENCE
    assert again.labels[0] == f"{texts.EVERYONE} (1)"
    assert again.labels[-1] == texts.BACK


async def test_a_wrong_audience_is_mended_from_the_preview_and_the_rest_kept(
    network: Network, cora: Person
) -> None:
    """From the preview, Back three times reaches the audience; the text and link are kept."""
    await up_to_preview(cora)
    inputs = 0
    for _ in range(3):  # preview, repeat, when: back to the audience
        await cora.presses(texts.BACK)
        inputs += 1
    assert cora.last_message.text == texts.ASK_AUDIENCE
    await cora.says(texts.EVERYONE)
    await cora.says(LATER)
    await cora.presses(texts.ONCE)
    await cora.presses(texts.CONFIRM)
    inputs += 4
    [row] = await schedule_rows(network)
    assert (row.audience, row.payload["text"]) == ("all", TEXT)
    assert inputs == 7  # after the 7 inputs up to the preview: 14 in all instead of 16


async def test_the_first_step_has_no_back(cora: Person) -> None:
    """There is nothing before the first question: /cancel leaves instead."""
    [first] = await cora.says("/announce")
    assert first.labels == []


async def test_back_skips_a_step_that_was_not_asked(cora: Person) -> None:
    """A 1-to-5 pulse has no options: Back from the comment question goes to the kind."""
    await cora.says("/pulse")
    await cora.says(QUESTION)
    await cora.presses(texts.KIND_LIKERT)
    [again] = await cora.presses(texts.BACK)
    assert again.text == texts.ASK_PULSE_KIND


async def test_back_can_be_typed_in_the_members_language(network: Network) -> None:
    """On Signal or the console there are no buttons: "Nazad" typed is Back in BCMS."""
    vesna = await network.member("Vesna", "ME", Role.COORDINATOR, Language.BCMS)
    tr = network.tr(Language.BCMS)
    await vesna.says("/announce")
    await vesna.says(TEXT)
    [again] = await vesna.says("Nazad")
    assert again.text.startswith(tr(texts.ASK_ANNOUNCEMENT))


async def test_back_in_share_keeps_what_was_written(alice: Person) -> None:
    """A member's /share goes back to the situation; the answer typed again replaces it."""
    await alice.says("/share")
    await alice.says("Our unit had no person of trust")
    [again] = await alice.presses(texts.BACK)
    assert again.text.startswith(texts.ASK_SITUATION)
    [following] = await alice.says("Our unit had no person of trust for night shifts")
    assert following.text == texts.ASK_ACTION
