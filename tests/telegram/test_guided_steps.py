"""Guided dialogs through the Bot API: Back, repeat buttons by name, a question beside /share."""

from __future__ import annotations

import pytest

from bot.languages import texts
from core.members import Role
from tests.telegram.people import Chatter, People

pytestmark = pytest.mark.usefixtures("on_telegram")


def labels(reply_markup: dict[str, list[list[dict[str, str]]]]) -> list[str]:
    """The buttons' labels, row after row."""
    return [button["text"] for row in reply_markup["inline_keyboard"] for button in row]


async def test_back_through_telegram_asks_the_step_before(people: People) -> None:
    """/announce: Back on the link question offers the languages again; Back there, the text."""
    cora = await people.member("Cora", Role.COORDINATOR)
    await cora.sends("announce")
    await cora.reply()
    await cora.says("The regional meeting moves to Skopje.")
    versions = await cora.reply()
    assert labels(versions.params["reply_markup"])[-2:] == [texts.VERSIONS_DONE, texts.BACK]
    await cora.presses(texts.VERSIONS_DONE)
    link = await cora.reply()
    assert labels(link.params["reply_markup"]) == [texts.SKIP, texts.BACK]
    await cora.presses(texts.BACK)
    offered = await cora.reply()
    assert offered.params["text"] == texts.ASK_VERSIONS
    await cora.presses(texts.BACK)
    again = await cora.reply()
    assert again.params["text"].startswith(texts.ASK_ANNOUNCEMENT)


async def test_the_repeat_buttons_say_what_they_mean(people: People) -> None:
    """From Monday 1 February the buttons name Monday, the 1st and the first Monday."""
    cora = await people.member("Cora", Role.COORDINATOR)
    await cora.sends("announce")
    await cora.reply()
    for answer in ("The regional meeting moves to Skopje.", "done", "skip", "skip", "all"):
        await cora.says(answer)
        await cora.reply()
    await cora.says("01.02.2027 u 10")
    repeat = await cora.reply()
    assert labels(repeat.params["reply_markup"]) == [
        texts.ONCE,
        "Every week on Monday",
        "Every month on day 1",
        "Every month on the first Monday",
        texts.EVERY_WORKDAY,
        texts.BACK,
    ]


async def test_a_question_in_share_is_kept_beside_the_form(alice: Chatter) -> None:
    """A question typed into /share brings the three choices; keeping the draft answers it."""
    await alice.sends("share")
    await alice.reply()
    await alice.says("Our unit had no person of trust for night shifts")
    await alice.reply()
    await alice.says("What is a person of trust?")
    offer = await alice.reply()
    assert offer.params["text"] == texts.QUESTION_BESIDE_FORM
    await alice.presses(texts.PAUSE_AND_ASK)
    paused = await alice.reply()
    assert paused.params["text"] == texts.FORM_PAUSED.format(command="/share")
    answer = await alice.reply()
    assert answer.params["parse_mode"] == "HTML"


async def test_ticks_edit_the_picker_in_place_then_done(people: People) -> None:
    """Serbia, then Coordinators: each press edits the same message (ticks, counts, the total)
    through editMessageText; the next message sent is the time question, after Done."""
    cora = await people.member("Cora", Role.COORDINATOR)
    await cora.sends("announce")
    await cora.reply()
    for answer in ("The regional meeting moves to Skopje.", "done", "skip", "skip"):
        await cora.says(answer)
        picker = await cora.reply()
    await cora.presses("Serbia (1)")
    serbia = await cora.edit()
    assert serbia.params["message_id"] == picker.result["message_id"]
    assert "✓ Serbia (1)" in labels(serbia.params["reply_markup"])
    await cora.presses(f"{texts.COORDINATORS} (1)")
    both = await cora.edit()
    assert both.params["message_id"] == picker.result["message_id"]
    assert "Coordinators in Serbia, 1 recipients" in both.params["text"]
    await cora.presses(texts.AUDIENCE_DONE.format(count=1))
    when = await cora.reply()
    assert when.params["text"].startswith("When should it go out?")
