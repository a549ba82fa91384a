"""Repeats that mean what people mean: presets worked out from the first date, the next five
dates in the preview, and /schedules changing how a schedule repeats."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.languages import texts
from bot.schedules.repeats import WORKDAYS, preset_rule
from tests.bot.people import Network, Person
from tests.bot.scheduled import schedule_rows
from tests.bot.test_announcing import TEXT, skips_link_and_picture
from tests.bot.test_schedules import announced

FIRST_MONDAY = "01.02.2027 10:00"  # Monday 1 February 2027


@pytest.mark.parametrize(
    ("first", "preset", "rule"),
    [
        (datetime(2027, 1, 4, 10), "weekly", "FREQ=WEEKLY;BYDAY=MO"),
        (datetime(2027, 1, 4, 10), "monthly-date", "FREQ=MONTHLY;BYMONTHDAY=4"),
        (datetime(2027, 1, 4, 10), "monthly-weekday", "FREQ=MONTHLY;BYDAY=1MO"),
        (datetime(2027, 1, 28, 10), "monthly-weekday", "FREQ=MONTHLY;BYDAY=4TH"),
        (datetime(2027, 1, 29, 10), "monthly-weekday", "FREQ=MONTHLY;BYDAY=-1FR"),  # a fifth
        (datetime(2027, 1, 30, 10), "workdays", WORKDAYS),
    ],
)
def test_each_preset_is_worked_out_from_the_first_date(
    first: datetime, preset: str, rule: str
) -> None:
    """Monday 4 January: Mondays, the 4th, or the first Monday; a fifth Friday is the last."""
    assert preset_rule(preset, first) == rule


async def up_to_repeat(cora: Person, when: str = FIRST_MONDAY) -> list[str]:
    """/announce to Serbia at ``when``; the repeat buttons' labels."""
    await cora.says("/announce")
    await cora.says(TEXT)
    await cora.presses(texts.VERSIONS_DONE)
    await skips_link_and_picture(cora)
    await cora.says("Serbia")
    [asked] = await cora.says(when)
    return asked.labels


async def test_the_repeat_buttons_name_the_day(cora: Person) -> None:
    """From Monday 1 February: every Monday, the 1st, the first Monday, or every workday."""
    assert await up_to_repeat(cora) == [
        texts.ONCE,
        "Every week on Monday",
        "Every month on day 1",
        "Every month on the first Monday",
        texts.EVERY_WORKDAY,
        texts.BACK,
    ]


async def test_the_first_monday_is_kept_and_the_preview_lists_five_dates(
    network: Network, cora: Person
) -> None:
    """Not the 1st of each month: the first Monday, which the next five dates show."""
    await up_to_repeat(cora)
    [preview] = (await cora.presses("Every month on the first Monday"))[-1:]
    assert (
        "Repeats: Every month on the first Monday; next: 2027-02-01 10:00, 2027-03-01 10:00, "
        "2027-04-05 10:00, 2027-05-03 10:00, 2027-06-07 10:00"
    ) in preview.text
    await cora.presses(texts.CONFIRM)
    [row] = await schedule_rows(network)
    assert row.rule == "FREQ=MONTHLY;BYDAY=1MO"


async def test_every_workday_leaves_out_the_weekend(cora: Person) -> None:
    """From Friday 5 February: Friday, then Monday to Friday of the next week."""
    await up_to_repeat(cora, "05.02.2027 09:00")
    [preview] = (await cora.presses(texts.EVERY_WORKDAY))[-1:]
    assert (
        "next: 2027-02-05 09:00, 2027-02-08 09:00, 2027-02-09 09:00, 2027-02-10 09:00, "
        "2027-02-11 09:00"
    ) in preview.text


async def test_schedules_changes_how_a_schedule_repeats(network: Network, cora: Person) -> None:
    """Repeat on /schedules offers the presets for its next date; the choice is kept."""
    schedule_id = await announced(network, cora)  # weekly from Tuesday 15 January 2030
    await cora.says("/schedules")
    [asked] = await cora.presses(texts.EDIT_REPEAT)
    assert "Every month on the third Tuesday" in asked.labels
    [saved] = await cora.presses("Every month on the third Tuesday")
    assert saved.text == texts.REPEAT_CHANGED.format(
        id=schedule_id,
        repeat="Every month on the third Tuesday; next: 2030-01-15 10:00, 2030-02-19 10:00, "
        "2030-03-19 10:00, 2030-04-16 10:00, 2030-05-21 10:00",
    )
    [row] = await schedule_rows(network)
    assert row.rule == "FREQ=MONTHLY;BYDAY=3TU"


async def test_schedules_can_make_a_repeating_schedule_go_out_once(
    network: Network, cora: Person
) -> None:
    """Once: only the next time is left."""
    await announced(network, cora)
    await cora.says("/schedules")
    await cora.presses(texts.EDIT_REPEAT)
    await cora.presses(texts.ONCE)
    [row] = await schedule_rows(network)
    assert row.rule is None
