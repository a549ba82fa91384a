"""/announce refuses bad answers at each step, says what is wrong, and waits on the same step."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.languages import texts
from scheduler import planner
from scheduler import schedule_drafts as drafts
from tests.bot.people import Network, Person
from tests.bot.scheduled import LATER, schedule_rows
from tests.bot.test_announcing import TEXT

REPEATS = [  # after a refusal the buttons say what they do without the date
    texts.ONCE,
    texts.SAME_WEEKDAY,
    texts.SAME_DATE,
    texts.SAME_NTH_WEEKDAY,
    texts.EVERY_WORKDAY,
]
TOMORROW = "13.01.2027 10:00"  # the prompts' example: tomorrow at ten, never in the past
TIME_PROBLEM = texts.PROBLEMS["time"].format(example=TOMORROW, day="13.01.", hour="10:00")
# Every hour and minute written out: daily in name, every minute in fact.
EVERY_MINUTE = "FREQ=DAILY;BYHOUR={};BYMINUTE={}".format(
    ",".join(map(str, range(24))), ",".join(map(str, range(60)))
)


async def at_step(cora: Person, step: str) -> None:
    """Open /announce and answer every step before ``step``."""
    answers = {
        "text": [],
        "link": [TEXT, "done"],
        "image": [TEXT, "done", "skip"],
        "audience": [TEXT, "done", "skip", "skip"],
        "when": [TEXT, "done", "skip", "skip", "all"],
        "repeat": [TEXT, "done", "skip", "skip", "all", LATER],
    }
    await cora.says("/announce")
    for answer in answers[step]:
        await cora.says(answer)


@pytest.mark.parametrize(
    ("step", "answer", "problem", "labels"),
    [
        ("text", "   ", texts.PROBLEMS["empty"], []),
        ("text", "x" * 3801, texts.PROBLEMS["too-long"].format(limit=3800), []),
        ("link", "example.org", texts.PROBLEMS["url"], [texts.SKIP]),
        ("image", "ftp://example.org/a.png", texts.PROBLEMS["url"], [texts.SKIP]),
        ("when", "whenever it suits", TIME_PROBLEM, [texts.NOW]),
        ("when", "2020-01-01 10:00", texts.PROBLEMS["past"], [texts.NOW]),
        ("repeat", "FREQ=SOMETIMES", texts.PROBLEMS["rule"], REPEATS),
        ("repeat", "FREQ=MINUTELY", texts.PROBLEMS["rule-often"], REPEATS),
        ("repeat", "FREQ=WEEKLY;COUNT=0", texts.PROBLEMS["rule"], REPEATS),
        ("repeat", "FREQ=HOURLY;INTERVAL=0", texts.PROBLEMS["rule"], REPEATS),
        ("repeat", "FREQ=HOURLY;BYHOUR=25", texts.PROBLEMS["rule"], REPEATS),
        ("repeat", EVERY_MINUTE, texts.PROBLEMS["rule-often"], REPEATS),
    ],
)
async def test_a_bad_answer_is_explained_and_the_step_asked_again(
    network: Network, cora: Person, step: str, answer: str, problem: str, labels: list[str]
) -> None:
    """The reply says what is wrong, with the step's buttons (and Back after the first step);
    nothing is scheduled."""
    await at_step(cora, step)
    [reply] = await cora.says(answer)
    back = [] if step == "text" else [texts.BACK]
    assert (reply.text, reply.labels) == (problem, [*labels, *back])
    assert await schedule_rows(network) == []


@pytest.mark.parametrize(
    ("answer", "problem"),
    [
        ("country:XX", texts.PROBLEMS["audience"]),
        ("everybody", texts.PROBLEMS["audience"]),
        ("Bosnia and Herzegovina", texts.PROBLEMS["nobody"]),
        ("groups", texts.PROBLEMS["nobody"]),
    ],
)
async def test_a_bad_audience_is_explained_and_the_picker_shown_again(
    network: Network, cora: Person, answer: str, problem: str
) -> None:
    """The reply says what is wrong, then the picker comes again with its counts and Back."""
    await at_step(cora, "audience")
    [reply, picker] = await cora.says(answer)
    assert (reply.text, reply.labels) == (problem, [])
    assert picker.text == texts.ASK_AUDIENCE
    assert picker.labels[0] == f"{texts.EVERYONE} (1)"
    assert picker.labels[-1] == texts.BACK
    assert await schedule_rows(network) == []


@pytest.mark.parametrize(
    ("step", "bad", "good", "following"),
    [
        ("text", "", TEXT, texts.ASK_VERSIONS),
        ("link", "example.org", "https://example.org/agenda", texts.ASK_IMAGE),
        ("image", "ftp://example.org/a.png", "https://example.org/a.png", texts.ASK_AUDIENCE),
        (
            "audience",
            "country:XX",
            "country:RS",
            texts.ASK_WHEN.format(
                zone="Europe/Belgrade", example=TOMORROW, day="13.01.", hour="10:00"
            ),
        ),
        ("when", "2020-01-01 10:00", LATER, texts.ASK_REPEAT),
        ("repeat", "FREQ=SOMETIMES", "FREQ=WEEKLY;BYDAY=TU", None),
    ],
)
async def test_after_a_bad_answer_a_good_one_moves_on(
    cora: Person, step: str, bad: str, good: str, following: str | None
) -> None:
    """The dialog stayed on the step: the corrected answer leads to the next question."""
    await at_step(cora, step)
    await cora.says(bad or " ")
    await cora.says(good)
    if following is None:  # the preview: its last message carries Confirm and Cancel
        assert cora.last_message.labels == [texts.CONFIRM, texts.CANCEL, texts.BACK]
    else:
        assert cora.last_message.text == following


async def test_a_word_at_the_preview_asks_for_confirm_or_cancel(
    network: Network, cora: Person
) -> None:
    """Text at the preview is neither: "Please press Confirm or Cancel", with both buttons."""
    await at_step(cora, "repeat")
    await cora.says(texts.ONCE)
    [reply] = await cora.says("looks good")
    assert (reply.text, reply.labels) == (
        texts.PROBLEMS["choose"],
        [texts.CONFIRM, texts.CANCEL, texts.BACK],
    )
    await cora.presses(texts.CONFIRM)
    assert len(await schedule_rows(network)) == 1


async def test_a_stale_step_button_has_expired(cora: Person) -> None:
    """An audience button pressed again after the dialog moved on does nothing."""
    await at_step(cora, "audience")
    everyone = cora.last_message.button(f"{texts.EVERYONE} (1)").data
    await cora.sends_press(everyone)
    assert await cora.sends_press(everyone) == []
    assert cora.last_notice == texts.BUTTON_EXPIRED


def test_every_refusal_of_the_scheduler_is_explained() -> None:
    """Each ScheduleError code the scheduler raises has a translated explanation."""
    source = "".join(Path(module.__file__ or "").read_text() for module in (drafts, planner))
    codes = set(re.findall(r'ScheduleError\(\s*"([a-z-]+)"', source)) | {"rule-often"}
    assert codes
    assert codes <= set(texts.PROBLEMS)
