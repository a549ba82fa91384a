"""/event: title, start, end, place, audience, reminders, a preview of the invitation, Confirm."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.languages import texts
from core.markup import to_plain
from core.storage import utc
from tests.bot.people import Network, Person
from tests.bot.scheduled import composed, event_rows, schedule_rows, texts_of
from tests.bot.test_announcing import AUDIENCE_LABELS

TITLE = "Gender advisers' workshop"
DESCRIPTION = "Bring your unit's 2029 figures."
STARTS, ENDS = "2030-01-15 10:00", "2030-01-15 12:30"
ZONE = "Europe/Belgrade"
LOCAL = ZoneInfo(ZONE)
TIME_PROBLEM = texts.PROBLEMS["time"].format(
    example="13.01.2027 10:00", day="13.01.", hour="10:00"
)  # tomorrow at ten
REMINDER_LABELS = [texts.DEFAULT_REMINDERS, texts.NO_REMINDERS]
ANSWERS = {
    "title": f"{TITLE}\n{DESCRIPTION}",
    "versions": "done",
    "starts": STARTS,
    "ends": ENDS,
    "place": "Skopje, Hotel Continental",
    "audience": "country:RS",
}
STEPS = list(ANSWERS)


async def at_step(cora: Person, step: str) -> None:
    """Open /event and answer every step before ``step``."""
    await cora.says("/event")
    for name in STEPS[: STEPS.index(step)] if step in STEPS else STEPS:
        await cora.says(ANSWERS[name])


async def up_to_preview(cora: Person, reminders: str = texts.DEFAULT_REMINDERS) -> None:
    """Answer every step; the preview is the last thing said."""
    await at_step(cora, "reminders")
    await cora.says(reminders)


def summary(count: int, reminders: str = "1 day and 1 hour") -> str:
    """The preview's second message, in English, for an event in one language."""
    versions = texts.ONE_VERSION.format(language="English")
    return versions + "\n\n" + texts.EVENT_SUMMARY.format(count=count, reminders=reminders)


@pytest.mark.parametrize(
    ("step", "question", "labels"),
    [
        ("title", texts.ASK_TITLE + "\n" + texts.STOP_HINT, []),
        (
            "starts",
            texts.ASK_STARTS.format(
                zone=ZONE, example="13.01.2027 10:00", day="13.01.", hour="10:00"
            ),
            [],
        ),
        ("ends", texts.ASK_ENDS.format(example_end="15.01.2030 12:00"), []),  # start + 2h
        ("place", texts.ASK_PLACE, [texts.SKIP]),
        (
            "audience",
            texts.ASK_AUDIENCE,
            # with how many each reaches: Cora alone, a coordinator in Serbia
            [
                f"{label} ({n})"
                for label, n in zip(AUDIENCE_LABELS, [1, 0, 0, 0, 1, 0, 1, 0, 0], strict=True)
            ],
        ),
        ("reminders", texts.ASK_REMINDERS, REMINDER_LABELS),
    ],
)
async def test_each_step_asks_its_question(
    cora: Person, step: str, question: str, labels: list[str]
) -> None:
    """The steps come in order, each with its buttons, and Back after the first."""
    await at_step(cora, step)
    back = [] if step == "title" else [texts.BACK]
    assert (cora.last_message.text, cora.last_message.labels) == (question, [*labels, *back])


async def test_the_preview_is_the_invitation_and_the_numbers(cora: Person, alice: Person) -> None:
    """The invitation card with RSVP buttons, then recipients, reminders and Confirm / Cancel."""
    await up_to_preview(cora)
    card, numbers = cora.messages[-2:]
    assert card.text == (
        f"{TITLE}\n\n"
        "When: 2030-01-15 10:00–12:30 (Europe/Belgrade)\nWhere: Skopje, Hotel Continental\n\n"
        f"{DESCRIPTION}\n\n{texts.WILL_YOU_COME}"
    )
    assert card.labels == ["Going", "Maybe", "Not going"]
    assert (numbers.text, numbers.labels) == (
        summary(2),
        [texts.CONFIRM, texts.CANCEL, texts.BACK],
    )


async def test_nothing_is_planned_before_confirm(network: Network, cora: Person) -> None:
    """Up to the preview there is no event and no schedule."""
    await up_to_preview(cora)
    assert (await event_rows(network), await schedule_rows(network)) == ([], [])


async def test_confirm_plans_the_event_its_invitation_and_reminders(
    network: Network, cora: Person
) -> None:
    """Confirm stores the event with an invitation now and reminders a day and an hour before."""
    await up_to_preview(cora)
    [reply] = await cora.presses(texts.CONFIRM)
    [event] = await event_rows(network)
    invitation, *reminders = await schedule_rows(network)
    assert reply.text == texts.EVENT_SCHEDULED.format(id=invitation.id)
    assert (event.title, event.description, event.place) == (
        TITLE,
        DESCRIPTION,
        "Skopje, Hotel Continental",
    )
    assert event.starts_at.replace(tzinfo=UTC) == datetime(2030, 1, 15, 9, 0, tzinfo=UTC)
    assert event.ends_at.replace(tzinfo=UTC) == datetime(2030, 1, 15, 11, 30, tzinfo=UTC)
    assert invitation.kind == "invitation"
    assert [r.payload["before_minutes"] for r in reminders] == [1440, 60]


async def test_the_preview_is_what_members_get(
    network: Network, cora: Person, alice: Person
) -> None:
    """The invitation composed for a member from the stored event reads as the preview did."""
    await up_to_preview(cora)
    preview = cora.messages[-2].text
    await cora.presses(texts.CONFIRM)
    invitation = (await schedule_rows(network))[0]
    assert to_plain((await composed(network, invitation.id, alice)).paragraphs) == preview


async def test_an_end_given_as_a_duration(network: Network, cora: Person) -> None:
    """An end typed as 2h means two hours after the start."""
    await at_step(cora, "ends")
    await cora.says("2h")
    await cora.presses(texts.SKIP)
    await cora.says("all")
    await cora.presses(texts.NO_REMINDERS)
    assert cora.last_message.text == summary(1, texts.NONE)
    await cora.presses(texts.CONFIRM)
    [event] = await event_rows(network)
    assert event.ends_at - event.starts_at == timedelta(hours=2)
    assert event.place == ""
    assert len(await schedule_rows(network)) == 1  # the invitation alone: no reminders


async def test_typed_reminders(network: Network, cora: Person) -> None:
    """Reminders typed as 2d,3h become two reminder schedules, longest first."""
    await up_to_preview(cora, "2d,3h")
    assert cora.last_message.text == summary(1, "2 days and 3 hours")
    await cora.presses(texts.CONFIRM)
    reminders = (await schedule_rows(network))[1:]
    assert [r.payload["before_minutes"] for r in reminders] == [2880, 180]


async def test_a_member_cannot_plan_an_event(alice: Person) -> None:
    """A member gets "Only coordinators"."""
    assert texts_of(await alice.says("/event")) == [texts.NOT_ALLOWED]


async def test_cancel_leaves_no_event(network: Network, cora: Person) -> None:
    """Cancel at the preview stores nothing."""
    await up_to_preview(cora)
    assert texts_of(await cora.presses(texts.CANCEL)) == [texts.STOPPED]
    assert await event_rows(network) == []


async def test_slash_cancel_leaves_no_event(network: Network, cora: Person) -> None:
    """/cancel at the audience step stores nothing and ends the dialog."""
    await at_step(cora, "audience")
    assert texts_of(await cora.says("/cancel")) == [texts.STOPPED]
    assert await event_rows(network) == []
    assert texts_of(await cora.says("/cancel")) == [texts.NOTHING_TO_STOP]


@pytest.mark.parametrize(
    ("step", "answer", "problem"),
    [
        ("title", " ", texts.PROBLEMS["empty"]),
        ("title", "x" * 201, texts.PROBLEMS["too-long"].format(limit=200)),
        ("title", "Title\n" + "x" * 3001, texts.PROBLEMS["too-long"].format(limit=3000)),
        ("starts", "tomorrow morning", TIME_PROBLEM),  # no hour
        ("starts", "now", TIME_PROBLEM),
        ("starts", "2020-01-15 10:00", texts.PROBLEMS["past"]),
        ("ends", "2030-01-15 09:00", texts.PROBLEMS["order"]),
        ("ends", STARTS, texts.PROBLEMS["order"]),
        ("ends", "later", TIME_PROBLEM),
        ("place", "x" * 501, texts.PROBLEMS["too-long"].format(limit=500)),
        ("audience", "role:general", texts.PROBLEMS["audience"]),
        ("audience", "country:BA", texts.PROBLEMS["nobody"]),
        ("reminders", "soon", texts.PROBLEMS["reminders"]),
        ("reminders", "1d,0h", texts.PROBLEMS["reminders"]),
    ],
)
async def test_a_bad_answer_is_explained_and_nothing_planned(
    network: Network, cora: Person, step: str, answer: str, problem: str
) -> None:
    """Each step says what is wrong and waits; no event is stored."""
    await at_step(cora, step)
    asked = cora.last_message.text
    reply = (await cora.says(answer))[0]  # the audience picker comes again after it
    assert reply.text == problem
    assert await event_rows(network) == []
    await cora.says(ANSWERS.get(step, "1h"))  # the right answer still works: the step waited
    assert cora.last_message.text != asked


async def test_an_end_written_as_an_hour_is_on_the_day_it_starts(
    network: Network, cora: Person
) -> None:
    """Starts "15.01.2030 u 10", ends "12:30": the same day, not today."""
    await cora.says("/event")
    await cora.says(ANSWERS["title"])
    await cora.presses(texts.VERSIONS_DONE)
    await cora.says("15.01.2030 u 10")
    await cora.says("12:30")
    for name in STEPS[STEPS.index("ends") + 1 :]:
        await cora.says(ANSWERS[name])
    await cora.says(texts.DEFAULT_REMINDERS)
    await cora.presses(texts.CONFIRM)
    [event] = await event_rows(network)
    starts, ends = (utc(moment).astimezone(LOCAL) for moment in (event.starts_at, event.ends_at))
    assert (f"{starts:%d.%m.%Y %H:%M}", f"{ends:%H:%M}") == ("15.01.2030 10:00", "12:30")
