"""Repeat rules: every hostile rule is refused with its reason, and computing one is bounded."""

from __future__ import annotations

from datetime import datetime, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr

from scheduler.recurrence import MOST_STEPS, Recurrence, RecurrenceError, occurrences
from tests.moment import NOW

ZONE = "Europe/Belgrade"
START = NOW.astimezone(ZoneInfo(ZONE)).replace(tzinfo=None)
WHOLE = "must be a whole number from 1 to"
MONTHLY = "FREQ=MONTHLY or YEARLY"
UNTIL = "20271231 or 20271231T235959"
FREQUENCIES = "FREQ=HOURLY, DAILY, WEEKLY, MONTHLY or YEARLY"
HOURLY = "; repeat at most hourly"
EVERY_MINUTE = "FREQ=DAILY;BYHOUR={};BYMINUTE={}".format(
    ",".join(map(str, range(24))), ",".join(map(str, range(60)))
)


@pytest.mark.parametrize(
    ("rule", "code", "reason"),
    [
        ("FREQ=HOURLY;INTERVAL=0", "invalid", f"INTERVAL=0 {WHOLE} 1,000"),
        ("FREQ=DAILY;INTERVAL=-3", "invalid", f"INTERVAL=-3 {WHOLE} 1,000"),
        ("FREQ=HOURLY;BYHOUR=25", "invalid", "BYHOUR=25 is out of range (0 to 23)"),
        ("FREQ=DAILY;BYMINUTE=60", "invalid", "BYMINUTE=60 is out of range (0 to 59)"),
        ("FREQ=YEARLY;BYMONTH=13", "invalid", "BYMONTH=13 is out of range (1 to 12)"),
        ("FREQ=MONTHLY;BYMONTHDAY=0", "invalid", "BYMONTHDAY=0 is out of range (±1 to 31)"),
        ("FREQ=YEARLY;BYWEEKNO=54", "invalid", "BYWEEKNO=54 is out of range (±1 to 53)"),
        ("FREQ=MONTHLY;BYSETPOS=400", "invalid", "BYSETPOS=400 is out of range (±1 to 366)"),
        ("FREQ=WEEKLY;BYDAY=XX", "invalid", "BYDAY=XX: 'XX' is not a weekday like MO or 1MO"),
        ("FREQ=WEEKLY;BYDAY=2MO", "invalid", f"BYDAY=2MO counts weekdays only with {MONTHLY}"),
        ("FREQ=DAILY;COUNT=0", "invalid", f"COUNT=0 {WHOLE} 10,000"),
        ("FREQ=DAILY;COUNT=99999999", "invalid", f"COUNT=99999999 {WHOLE} 10,000"),
        ("FREQ=DAILY;COUNT=3;UNTIL=20300101", "invalid", "give COUNT or UNTIL, not both"),
        ("FREQ=DAILY;UNTIL=tomorrow", "invalid", f"UNTIL=TOMORROW is not a date like {UNTIL}"),
        ("FREQ=DAILY;BYEASTER=0", "invalid", "BYEASTER is not a part Mreža repeats by"),
        ("FREQ=DAILY;FREQ=WEEKLY", "invalid", "FREQ is given twice"),
        ("INTERVAL=2", "invalid", "the rule needs a FREQ, such as FREQ=WEEKLY"),
        ("FREQ=MINUTELY", "often", f"repeat at most hourly ({FREQUENCIES})"),
        (EVERY_MINUTE, "often", f"the rule repeats 1 minute apart{HOURLY}"),
        ("FREQ=HOURLY;BYMINUTE=0,30", "often", f"the rule repeats 30 minutes apart{HOURLY}"),
        ("FREQ=DAILY;BYSECOND=0,30", "often", f"the rule repeats 30 seconds apart{HOURLY}"),
        (
            "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
            "never",
            "BYMONTHDAY=30 never comes in those months",
        ),
    ],
)
def test_a_hostile_rule_is_refused_with_its_reason(rule: str, code: str, reason: str) -> None:
    """Refused before anything computes it, with one line that names the part."""
    with pytest.raises(RecurrenceError) as refused:
        Recurrence(START, ZONE, rule)
    assert (refused.value.code, str(refused.value)) == (code, reason)


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=HOURLY",
        "FREQ=DAILY;BYHOUR=9,17",
        "FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=10",
        "FREQ=MONTHLY;BYDAY=1MO;BYHOUR=10",
        "FREQ=MONTHLY;BYDAY=-1FR",
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
        "FREQ=WEEKLY;COUNT=4;",
        "RRULE:FREQ=DAILY;UNTIL=20301231T235959",
    ],
)
def test_a_rule_people_mean_is_accepted(rule: str) -> None:
    """Hourly or rarer, every part in range: it has a next time."""
    assert Recurrence(START, ZONE, rule).next_after(NOW) is not None


def test_hourly_is_the_closest_spacing_allowed() -> None:
    """Each of the next day's hourly occurrences is exactly an hour after the one before."""
    times = Recurrence(START, ZONE, "FREQ=HOURLY").between(NOW, NOW + timedelta(days=1))
    assert {later - earlier for earlier, later in pairwise(times)} == {timedelta(hours=1)}


def test_computing_that_takes_too_long_is_given_up() -> None:
    """A rule dateutil filters to the year 9999 to find empty: refused once its time is up."""
    rule = rrulestr("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", dtstart=START)
    with pytest.raises(RecurrenceError) as refused:
        occurrences(rule, START, seconds=0.0)
    assert refused.value.code == "unbounded"


def test_computing_is_bounded_in_occurrences_walked() -> None:
    """An hourly rule begun longer ago than the walk allows cannot say its next time."""
    long_ago = START - timedelta(hours=MOST_STEPS + 10)
    with pytest.raises(RecurrenceError) as refused:
        occurrences(rrulestr("FREQ=HOURLY", dtstart=long_ago), START, seconds=60.0)
    assert refused.value.code == "unbounded"


def test_a_stored_rule_written_before_the_checks_cannot_be_recreated() -> None:
    """The firing rebuilds a schedule's recurrence from its row: a bad stored rule fails there."""
    with pytest.raises(RecurrenceError):
        Recurrence(datetime(2026, 1, 1, 10), ZONE, "FREQ=HOURLY;INTERVAL=0")
