"""/announce: a coordinator is guided step by step; nothing is scheduled before Confirm."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.languages import texts
from core.events import TextReceived
from core.markup import to_plain
from core.members import Language, Role
from tests.bot.people import Network, Person
from tests.bot.scheduled import LATER, LATER_SHOWN, composed, schedule_rows, texts_of

TEXT = "The regional gender focal points meeting moves to Skopje."
LOCAL = ZoneInfo("Europe/Belgrade")
HINTED = texts.ASK_ANNOUNCEMENT + "\n" + texts.STOP_HINT
WHEN = texts.ASK_WHEN.format(
    zone="Europe/Belgrade", example="13.01.2027 10:00", day="13.01.", hour="10:00"
)  # tomorrow
# The repeat buttons for Tuesday 15 January 2030 (LATER), the third Tuesday of its month.
REPEAT_LABELS = [
    texts.ONCE,
    "Every week on Tuesday",
    "Every month on day 15",
    "Every month on the third Tuesday",
    texts.EVERY_WORKDAY,
]
WEEKLY_FROM_LATER = (
    "Every week on Tuesday; next: 2030-01-15 10:00, 2030-01-22 10:00, 2030-01-29 10:00, "
    "2030-02-05 10:00, 2030-02-12 10:00"
)
AUDIENCE_LABELS = [
    texts.EVERYONE,
    "Bosnia and Herzegovina",
    "Montenegro",
    "North Macedonia",
    "Serbia",
    "regional",
    texts.COORDINATORS,
    texts.ADMINS,
    texts.GROUP_CHATS,
]


async def skips_link_and_picture(person: Person) -> None:
    """No link under the text and no picture."""
    await person.presses(texts.SKIP)
    await person.presses(texts.SKIP)


async def at_audience(cora: Person) -> None:
    """/announce with its text, no link and no picture: the audience is asked."""
    await cora.says("/announce")
    await cora.says(TEXT)
    await cora.presses(texts.VERSIONS_DONE)
    await skips_link_and_picture(cora)


async def up_to_preview(cora: Person, repeat: str = texts.ONCE) -> None:
    """Answer every step before the preview: Serbia, LATER, and ``repeat``."""
    await at_audience(cora)
    await cora.says("Serbia")
    await cora.says(LATER)
    await cora.presses(repeat)


def summary(count: int, when: str = LATER_SHOWN, repeat: str = texts.ONCE) -> str:
    """The preview's second message, in English, for a text in one language."""
    versions = texts.ONE_VERSION.format(language="English")
    return (
        versions + "\n\n" + texts.ANNOUNCEMENT_SUMMARY.format(count=count, when=when, repeat=repeat)
    )


async def test_announce_asks_for_the_text_first(cora: Person) -> None:
    """/announce asks for the text and says how to stop."""
    assert texts_of(await cora.says("/announce")) == [HINTED]


async def test_the_text_leads_to_a_link_then_a_picture_both_skippable(cora: Person) -> None:
    """After the text (and its versions) comes an optional link, then an optional picture."""
    await cora.says("/announce")
    await cora.says(TEXT)
    [link] = await cora.presses(texts.VERSIONS_DONE)
    assert (link.text, link.labels) == (texts.ASK_LINK, [texts.SKIP, texts.BACK])
    [picture] = await cora.presses(texts.SKIP)
    assert (picture.text, picture.labels) == (texts.ASK_IMAGE, [texts.SKIP, texts.BACK])


async def test_the_picture_leads_to_the_audience_buttons(cora: Person) -> None:
    """After the picture comes the audience: everyone, each country, two roles, group chats,
    each with how many it reaches now (Cora alone, in Serbia)."""
    await cora.says("/announce")
    await cora.says(TEXT)
    await cora.presses(texts.VERSIONS_DONE)
    await cora.says("https://example.org/agenda")
    [reply] = await cora.presses(texts.SKIP)
    assert reply.text == texts.ASK_AUDIENCE
    counts = [1, 0, 0, 0, 1, 0, 1, 0, 0]
    assert reply.labels == [
        *(f"{label} ({count})" for label, count in zip(AUDIENCE_LABELS, counts, strict=True)),
        texts.BACK,
    ]


async def test_the_link_and_picture_are_previewed_and_stored(
    network: Network, cora: Person
) -> None:
    """The preview carries the link under the text and the picture; Confirm stores both."""
    await cora.says("/announce")
    await cora.says(TEXT)
    await cora.presses(texts.VERSIONS_DONE)
    await cora.says("https://example.org/agenda")
    await cora.says("https://example.org/poster.png")
    await cora.says("Serbia")
    await cora.says(LATER)
    await cora.presses(texts.ONCE)
    preview = cora.messages[-2]
    assert preview.text == f"{texts.ANNOUNCEMENT}\n\n{TEXT}\n\nhttps://example.org/agenda"
    assert [a.url for a in preview.attachments] == ["https://example.org/poster.png"]
    await cora.presses(texts.CONFIRM)
    [row] = await schedule_rows(network)
    assert (row.payload["link"], row.payload["image"]) == (
        "https://example.org/agenda",
        "https://example.org/poster.png",
    )


async def test_the_audience_leads_to_when(cora: Person) -> None:
    """After the audience comes the time, with a Now button."""
    await at_audience(cora)
    [reply] = await cora.says("Serbia")
    assert (reply.text, reply.labels) == (WHEN, [texts.NOW, texts.BACK])


async def test_the_time_leads_to_repeat(cora: Person) -> None:
    """After the time comes the repeat: once, every week, every month."""
    await at_audience(cora)
    await cora.says("Serbia")
    [reply] = await cora.says(LATER)
    assert reply.text == texts.ASK_REPEAT
    assert reply.labels == [*REPEAT_LABELS, texts.BACK]


@pytest.mark.parametrize("typed", ["13.01.2027 10:00", "sutra u 10", "утре во 10", "13.01. 10"])
async def test_the_time_may_be_written_the_local_way(
    network: Network, cora: Person, typed: str
) -> None:
    """A date with dots, or tomorrow in words in any of the languages: tomorrow at ten, local."""
    await at_audience(cora)
    await cora.says("Serbia")
    [reply] = await cora.says(typed)
    assert reply.text == texts.ASK_REPEAT
    await cora.presses(texts.ONCE)
    assert cora.last_message.text == summary(1, "2027-01-13 10:00 (Europe/Belgrade)")
    await cora.presses(texts.CONFIRM)
    [row] = await schedule_rows(network)
    assert f"{row.starts_local:%Y-%m-%d %H:%M}" == "2027-01-13 10:00"


async def test_the_preview_shows_the_message_and_the_numbers(
    cora: Person, alice: Person, bob: Person
) -> None:
    """The preview is the message as members get it, then the recipients and Confirm / Cancel."""
    await up_to_preview(cora, "Every week on Tuesday")
    preview, numbers = cora.messages[-2:]
    assert preview.text == f"{texts.ANNOUNCEMENT}\n\n{TEXT}"
    assert numbers.text == summary(3, repeat=WEEKLY_FROM_LATER)  # Alice, Bob and Cora are in Serbia
    assert numbers.labels == [texts.CONFIRM, texts.CANCEL, texts.BACK]


async def test_nothing_is_scheduled_before_confirm(network: Network, cora: Person) -> None:
    """Up to the preview, the schedules table stays empty."""
    await up_to_preview(cora)
    assert await schedule_rows(network) == []


async def test_confirm_schedules_the_announcement(network: Network, cora: Person) -> None:
    """Confirm stores one announcement, as asked, by Cora, and says its number."""
    await up_to_preview(cora, "Every month on the third Tuesday")
    [reply] = await cora.presses(texts.CONFIRM)
    [row] = await schedule_rows(network)
    assert reply.text == texts.ANNOUNCEMENT_SCHEDULED.format(id=row.id)
    assert (row.kind, row.audience, row.rule) == (
        "announcement",
        "country:RS",
        "FREQ=MONTHLY;BYDAY=3TU",
    )
    assert row.payload["text"] == TEXT
    assert row.created_by == (await cora.member()).id
    assert f"{row.starts_local:%Y-%m-%d %H:%M}" == LATER


async def test_the_preview_is_what_members_get(
    network: Network, cora: Person, alice: Person
) -> None:
    """The message composed for a member from the stored schedule reads as the preview did."""
    await up_to_preview(cora)
    preview = cora.messages[-2].text
    await cora.presses(texts.CONFIRM)
    [row] = await schedule_rows(network)
    assert to_plain((await composed(network, row.id, alice)).paragraphs) == preview


async def test_now_and_a_typed_rule_are_accepted(network: Network, cora: Person) -> None:
    """Typing "now" counts as the button, and an RRULE can be typed at the repeat step."""
    await cora.says("/announce")
    await cora.says(TEXT)
    await cora.presses(texts.VERSIONS_DONE)
    await cora.says("skip")
    await cora.says("Skip")
    await cora.says("all")
    await cora.says("now")
    await cora.says("FREQ=MONTHLY;BYDAY=1MO;BYHOUR=10")
    typed_and_dates = (
        "FREQ=MONTHLY;BYDAY=1MO;BYHOUR=10; next: 2027-02-01 10:00, 2027-03-01 10:00, "
        "2027-04-05 10:00, 2027-05-03 10:00, 2027-06-07 10:00"
    )
    assert cora.last_message.text == summary(1, texts.RIGHT_AWAY, typed_and_dates)
    await cora.presses(texts.CONFIRM)
    [row] = await schedule_rows(network)
    assert (row.audience, row.rule) == ("all", "FREQ=MONTHLY;BYDAY=1MO;BYHOUR=10")


async def test_cancel_at_the_preview_leaves_nothing(network: Network, cora: Person) -> None:
    """Cancel says nothing was scheduled; the dialog is gone and nothing is stored."""
    await up_to_preview(cora)
    assert texts_of(await cora.presses(texts.CANCEL)) == [texts.STOPPED]
    assert await schedule_rows(network) == []
    assert texts_of(await cora.says("/cancel")) == [texts.NOTHING_TO_STOP]


async def test_slash_cancel_leaves_the_dialog(network: Network, cora: Person) -> None:
    """/cancel mid-way stops the dialog; the next plain text is a question again."""
    await cora.says("/announce")
    await cora.says(TEXT)
    await cora.presses(texts.VERSIONS_DONE)
    assert texts_of(await cora.says("/cancel")) == [texts.STOPPED]
    await cora.says("what is a person of trust")
    assert [row.text for row in await network.question_log()] == ["what is a person of trust"]
    assert await schedule_rows(network) == []


async def test_plain_text_in_a_dialog_is_not_searched(network: Network, cora: Person) -> None:
    """While the dialog is open, what Cora writes is her announcement, not a question."""
    await cora.says("/announce")
    await cora.says("what is a person of trust")
    assert await network.question_log() == []


async def test_confirm_pressed_twice_schedules_once(network: Network, cora: Person) -> None:
    """The second press of the same Confirm has expired; one schedule exists."""
    await up_to_preview(cora)
    confirm = cora.last_message.button(texts.CONFIRM).data
    await cora.sends_press(confirm)
    assert await cora.sends_press(confirm) == []
    assert cora.last_notice == texts.BUTTON_EXPIRED
    assert len(await schedule_rows(network)) == 1


async def test_a_member_cannot_announce(network: Network, alice: Person) -> None:
    """A member gets "Only coordinators" and no dialog: her next text is a question."""
    assert texts_of(await alice.says("/announce")) == [texts.NOT_ALLOWED]
    await alice.says("what is a person of trust")
    assert len(await network.question_log()) == 1


async def test_announce_in_a_group_is_sent_to_a_private_chat(
    cora: Person, network: Network
) -> None:
    """In a group, /announce gets "please send me /announce in a private chat"."""
    replies = await cora.in_(network.group()).says("/announce")
    assert texts_of(replies) == [texts.GROUP_ONLY_PRIVATE.format(command="/announce")]


async def test_the_dialog_expires_after_an_hour(network: Network, cora: Person) -> None:
    """An hour and more later, plain text is a question again."""
    await cora.says("/announce")
    network.clock.advance(timedelta(minutes=61))
    await cora.says("what is a person of trust")
    assert len(await network.question_log()) == 1


async def test_another_instance_continues_the_dialog(network: Network, cora: Person) -> None:
    """The dialog is in the database: a second instance takes the next answer."""
    await cora.says("/announce")
    other = Network(network.mreza, network.clock)
    replies = await other.hears(TextReceived(cora.chat, cora.sender, TEXT))
    assert texts_of(replies) == [texts.ASK_VERSIONS]


async def test_a_time_that_passed_at_confirm_goes_back_to_when(
    network: Network, cora: Person
) -> None:
    """Ten minutes ahead, confirmed twenty minutes later: "in the past", and the time again."""
    await at_audience(cora)
    await cora.says("Serbia")
    soon = network.clock.now() + timedelta(minutes=10)
    await cora.says(f"{soon.astimezone(LOCAL):%Y-%m-%d %H:%M}")
    await cora.presses(texts.ONCE)
    network.clock.advance(timedelta(minutes=20))
    replies = await cora.presses(texts.CONFIRM)
    assert texts_of(replies) == [texts.PROBLEMS["past"], WHEN]
    assert await schedule_rows(network) == []
    await cora.presses(texts.NOW)
    assert cora.last_message.labels == [
        texts.ONCE,
        "Every week on Tuesday",
        "Every month on day 12",
        "Every month on the second Tuesday",
        texts.EVERY_WORKDAY,
        texts.BACK,
    ]  # the dialog went back to when, and Now is Tuesday 12 January


async def test_the_dialog_speaks_the_coordinators_language(network: Network) -> None:
    """A coordinator reading BCMS is asked in BCMS and may type a button's translated label."""
    vesna = await network.member("Vesna", "ME", Role.COORDINATOR, Language.BCMS)
    tr = network.tr(Language.BCMS)
    hinted = tr(texts.ASK_ANNOUNCEMENT) + "\n" + tr(texts.STOP_HINT)
    assert texts_of(await vesna.says("/announce")) == [hinted]
    await vesna.says(TEXT)
    await vesna.says("gotovo")
    assert vesna.last_message.labels == ["Preskoči", "Nazad"]
    await vesna.says("preskoči")
    await vesna.presses("Preskoči")
    assert vesna.last_message.labels[:2] == ["Svi (1)", "Bosna i Hercegovina (0)"]
    await vesna.says("Svi")
    await vesna.says("Sada")
    assert vesna.last_message.text == tr(texts.ASK_REPEAT)


async def test_a_date_without_its_hour_shows_ten_in_the_preview(
    cora: Person, alice: Person
) -> None:
    """ "15.01." is taken at 10:00, as the prompt says, and the preview shows it before Confirm."""
    await at_audience(cora)
    await cora.says("Serbia")
    await cora.says("15.01.")
    [*_, preview] = await cora.presses(texts.ONCE)
    assert "When: 2027-01-15 10:00 (Europe/Belgrade)" in preview.text
    assert texts.CONFIRM in preview.labels
