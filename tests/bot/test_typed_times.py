"""Times typed the way people in the network write them, read from the fixed moment of the tests.

The suite's moment is Tuesday 12 January 2027, 10:00 in Belgrade (09:00 UTC).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.conversation.typed_times import example, read_time
from scheduler.schedule_drafts import ScheduleError
from tests.moment import NOW

BELGRADE = "Europe/Belgrade"
TOMORROW_AT_TEN = datetime(2027, 1, 13, 9, 0, tzinfo=UTC)
MONDAY_AT_TEN = datetime(2027, 1, 18, 9, 0, tzinfo=UTC)
IN_TWO_HOURS = NOW + timedelta(hours=2)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("04.02.2027 10:00", datetime(2027, 2, 4, 9, 0, tzinfo=UTC)),
        ("4.2.2027. u 10:00", datetime(2027, 2, 4, 9, 0, tzinfo=UTC)),
        ("15.01. 14:30", datetime(2027, 1, 15, 13, 30, tzinfo=UTC)),
        ("04.01. 10:00", datetime(2028, 1, 4, 9, 0, tzinfo=UTC)),  # this year's has passed
        ("на 20.01. во 9", datetime(2027, 1, 20, 8, 0, tzinfo=UTC)),
        ("sutra u 10", TOMORROW_AT_TEN),
        ("sutra u 10h", TOMORROW_AT_TEN),
        ("сутра у 10", TOMORROW_AT_TEN),
        ("утре во 10", TOMORROW_AT_TEN),
        ("tomorrow at 10", TOMORROW_AT_TEN),
        ("понеделник 10:00", MONDAY_AT_TEN),
        ("ponedjeljak u 10", MONDAY_AT_TEN),
        ("ponedeljak u 10", MONDAY_AT_TEN),
        ("понедељак у 10", MONDAY_AT_TEN),
        ("понеделник во 10", MONDAY_AT_TEN),
        ("Monday at 10", MONDAY_AT_TEN),
        ("за 2 часа", IN_TWO_HOURS),
        ("za 2 sata", IN_TWO_HOURS),
        ("in 2 hours", IN_TWO_HOURS),
        ("2027-01-20 10:00", datetime(2027, 1, 20, 9, 0, tzinfo=UTC)),
        ("2027-01-20T10:00+01:00", datetime(2027, 1, 20, 9, 0, tzinfo=UTC)),
    ],
)
def test_local_forms_in_the_four_languages_are_read(typed: str, meant: datetime) -> None:
    """Dates with dots, words for days and hours, and spans from now, all local to Belgrade."""
    assert read_time(typed, BELGRADE, NOW) == meant


def test_the_time_zone_is_the_coordinators() -> None:
    """Tomorrow at ten in Los Angeles (where it is 01:00 on the 12th) is 18:00 UTC on the 13th."""
    meant = datetime(2027, 1, 13, 18, 0, tzinfo=UTC)
    assert read_time("sutra u 10", "America/Los_Angeles", NOW) == meant


@pytest.mark.parametrize("typed", ["now", "Now", "sada", "сада", "сега", "odmah", "веднаш"])
def test_now_in_any_language_is_now(typed: str) -> None:
    """Words for "now" mean now (None), as the Now button does."""
    assert read_time(typed, BELGRADE, NOW) is None


@pytest.mark.parametrize(
    "typed",
    ["whenever it suits", "next tuesday", "u 10.30", "2h", "31.02. 10:00", "31.02.", "sutra", ""],
)
def test_what_is_no_moment_is_refused(typed: str) -> None:
    """Words that are no time, a day in words without its hour, a span alone, or a date that
    is none."""
    with pytest.raises(ScheduleError) as refused:
        read_time(typed, BELGRADE, NOW)
    assert refused.value.code == "time"


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("15.01.", datetime(2027, 1, 15, 9, 0, tzinfo=UTC)),
        ("15.1.", datetime(2027, 1, 15, 9, 0, tzinfo=UTC)),
        ("15.01", datetime(2027, 1, 15, 9, 0, tzinfo=UTC)),
        ("15.01.2027", datetime(2027, 1, 15, 9, 0, tzinfo=UTC)),
        ("на 20.01.", datetime(2027, 1, 20, 9, 0, tzinfo=UTC)),
        ("04.01.", datetime(2028, 1, 4, 9, 0, tzinfo=UTC)),  # this year's has passed
        ("15.01 14:30", datetime(2027, 1, 15, 13, 30, tzinfo=UTC)),
    ],
)
def test_a_date_without_its_hour_is_taken_at_ten(typed: str, meant: datetime) -> None:
    """A date in figures alone means 10:00 local that day, as the prompts say."""
    assert read_time(typed, BELGRADE, NOW) == meant


@pytest.mark.parametrize(
    ("now", "shown"),
    [
        (NOW, "13.01.2027 10:00"),
        (datetime(2027, 1, 12, 23, 30, tzinfo=UTC), "14.01.2027 10:00"),  # 00:30 on the 13th there
        (datetime(2027, 12, 31, 12, 0, tzinfo=UTC), "01.01.2028 10:00"),
    ],
)
def test_the_example_in_a_prompt_is_always_still_to_come(now: datetime, shown: str) -> None:
    """Tomorrow at ten, local: never a date that has already passed."""
    assert example(BELGRADE, now) == shown
    read = read_time(shown, BELGRADE, now)
    assert read is not None
    assert read > now
