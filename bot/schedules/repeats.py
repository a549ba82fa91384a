"""Repeats as people mean them: rules made from the first date, and rules said in words.

"Every month" from Monday 4 January could mean the 4th of each month or the first Monday;
each is offered by name, worked out from the date the coordinator gave, so nobody has to know
that FREQ=MONTHLY alone means the first.
"""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.languages import texts
from bot.languages.i18n import Translate
from bot.languages.times import local_time
from scheduler.schedule_drafts import When

ONCE = "once"
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
WORKDAYS = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
PRESETS = ("weekly", "monthly-date", "monthly-weekday", "workdays")
SHOWN_DATES = 5  # enough to see the pattern, and a month that falls out of it
_DAY = "(MO|TU|WE|TH|FR|SA|SU)"
_WEEKLY = re.compile(rf"FREQ=WEEKLY;BYDAY={_DAY}")
_MONTH_DAY = re.compile(r"FREQ=MONTHLY;BYMONTHDAY=([1-9]|[12][0-9]|3[01])")
_MONTH_WEEKDAY = re.compile(rf"FREQ=MONTHLY;BYDAY=(-1|[1-4]){_DAY}")
_NTH = {1: texts.FIRST_WEEKDAY, 2: texts.SECOND_WEEKDAY, 3: texts.THIRD_WEEKDAY,
        4: texts.FOURTH_WEEKDAY, -1: texts.LAST_WEEKDAY}  # fmt: skip
_LEGACY = {"FREQ=WEEKLY": texts.WEEKLY, "FREQ=MONTHLY": texts.MONTHLY}


def preset_rule(preset: str, first: datetime) -> str:
    """The RRULE of a preset, for a schedule whose first time is ``first`` (local)."""
    weekday = WEEKDAYS[first.weekday()]
    if preset == "weekly":
        return f"FREQ=WEEKLY;BYDAY={weekday}"
    if preset == "monthly-date":
        return f"FREQ=MONTHLY;BYMONTHDAY={first.day}"
    if preset == "monthly-weekday":
        return f"FREQ=MONTHLY;BYDAY={nth_weekday(first)}{weekday}"
    if preset == "workdays":
        return WORKDAYS
    raise ValueError(f"no repeat preset {preset!r}")


def nth_weekday(day: datetime) -> int:
    """Which of its month's Mondays (say) a day is: 1 to 4, or -1 for a fifth, the last."""
    nth = (day.day - 1) // 7 + 1
    return -1 if nth == 5 else nth


def repeat_words(rule: str | None, tr: Translate) -> str:
    """Once, Every week on Monday, Every month on the first Monday...; else the RRULE itself."""
    if rule is None:
        return tr(texts.ONCE)
    text = rule.removeprefix("RRULE:")
    if text == WORKDAYS:
        return tr(texts.EVERY_WORKDAY)
    if found := _WEEKLY.fullmatch(text):
        return tr(texts.EVERY_WEEK_ON).format(weekday=_weekday(found.group(1), tr))
    if found := _MONTH_DAY.fullmatch(text):
        return tr(texts.EVERY_MONTH_ON_DAY).format(day=found.group(1))
    if found := _MONTH_WEEKDAY.fullmatch(text):
        nth = _NTH[int(found.group(1))]
        return tr(nth).format(weekday=_weekday(found.group(2), tr))
    known = _LEGACY.get(text)
    return tr(known) if known else rule


def repeat_preview(when: When, now: datetime, tr: Translate) -> str:
    """The repeat in words and, when it repeats, the next dates it will go out."""
    words = repeat_words(when.rule, tr)
    if when.rule is None:
        return words
    dates = [local_time(moment, when.zone) for moment in next_dates(when, now)]
    return tr(texts.REPEAT_WITH_DATES).format(rule=words, dates=", ".join(dates))


def next_dates(when: When, now: datetime, count: int = SHOWN_DATES) -> list[datetime]:
    """The first ``count`` times a schedule fires from now, in UTC."""
    recurrence = when.recurrence(now)
    found: list[datetime] = []
    moment = (when.at or now) - (when.at or now).resolution
    while len(found) < count and (following := recurrence.next_after(moment)) is not None:
        found.append(following)
        moment = following
    return found


def first_local(when_at: datetime | None, now: datetime, zone: str) -> datetime:
    """The first time a schedule goes out, on the wall clocks of ``zone``."""
    return (when_at or now).astimezone(ZoneInfo(zone))


def _weekday(code: str, tr: Translate) -> str:
    return tr(texts.WEEKDAY_NAMES[WEEKDAYS.index(code)])
