"""Times as coordinators type them in the network's four languages, read with dateparser.

"04.01.2027 10:00", "15.01. 14:30", "sutra u 10", "понеделник 10:00", "за 2 часа" and
ISO 8601 all mean a moment; relative ones count from the given ``now`` in the coordinator's
time zone, never from the machine's clock. A date written in figures without an hour ("15.01.",
"15.1.", "15.01", "15.01.2027") means that day at DEFAULT_HOUR, which the prompts name and the
preview shows; a day in words without an hour ("sutra") is still refused, as dateparser would
give it the hour of ``now``.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import dateparser

from scheduler.schedule_drafts import ScheduleError, parse_time

# English, and BCMS as dateparser splits it (Croatian and Bosnian know "za 2 sata", Serbian in
# both scripts knows "сутра"), and Macedonian.
LANGUAGES = ["en", "hr", "bs", "sr-Latn", "sr", "mk"]
NOW_WORDS = frozenset({"now", "sada", "odmah", "сада", "одмах", "сега", "веднаш"})
# "u 10", "у 10", "во 10", "at 10": the word for "at" before an hour, which dateparser misreads.
_AT = re.compile(r"\s(?:u|у|во|в|at)\s")
_BARE_HOUR = re.compile(r"(?:(?<=\s)|^)(\d{1,2})(?:h|ч)?$")  # "sutra 10", "10h": ten o'clock
_DAY_MONTH = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(?!\d)")  # "15.01." without a year
# "15.01" without its last dot: only first, before nothing or the hour ("u 10.30" is no date).
_LEADING_DAY_MONTH = re.compile(r"^(\d{1,2}\.\d{1,2})(?=\s|$)")
_DATE = re.compile(r"\d{1,2}\.\d{1,2}\.\d{4}")  # a date in figures, once _plain wrote its year
DEFAULT_HOUR = "10:00"  # a date written without an hour: the morning, as the examples show
_ON = re.compile(r"^(?:on|na|на|dana|u|у|во)\s")  # "на 20.01.": the word for "on" before a day
_SPAN = re.compile(r"(?:\d{1,9}[wdhm])+")  # "2h" is a span (bot/conversation/answer_checks)
# A time of day written out, or a span from now: a bare date would mean midnight, which nobody
# who writes "next Tuesday" means.
_HOUR = re.compile(r"\d:\d\d|^(?:za|in|за)\s+\d")


def read_time(text: str, zone: str, now: datetime) -> datetime | None:
    """The moment ``text`` means in UTC, or None for "now"; ``ScheduleError("time")`` if none."""
    cleaned = " ".join(text.split()).casefold()
    if cleaned in NOW_WORDS:
        return None
    try:
        return parse_time(text, zone)
    except ScheduleError:
        pass  # not ISO 8601: read it the way people write
    if _SPAN.fullmatch(cleaned):
        raise ScheduleError("time", f"{text!r} is a span of time, not a time")
    local_now = now.astimezone(ZoneInfo(zone)).replace(tzinfo=None)
    plain = _plain(cleaned, local_now)
    if not _HOUR.search(plain):
        if not _DATE.search(plain):
            raise ScheduleError("time", f"{text!r} has no time of day")
        plain += " " + DEFAULT_HOUR
    found: datetime | None = dateparser.parse(
        plain,
        languages=LANGUAGES,
        settings={
            "RELATIVE_BASE": local_now,
            "PREFER_DATES_FROM": "future",
            "DATE_ORDER": "DMY",
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
    if found is None:
        raise ScheduleError("time", f"cannot read the time {text!r}")
    return found.replace(tzinfo=ZoneInfo(zone)).astimezone(UTC)


def _plain(text: str, local_now: datetime) -> str:
    """The text in forms dateparser reads: a year for "15.01.", and "10:00" for "u 10"."""

    def with_year(day_month: re.Match[str]) -> str:
        day, month = int(day_month.group(1)), int(day_month.group(2))
        year = local_now.year
        try:
            if datetime(year, month, day) < local_now.replace(hour=0, minute=0, second=0):
                year += 1  # 04.01. written on 12 January is next year's
        except ValueError:
            pass  # no such day: dateparser will say it cannot read it
        return f"{day}.{month}.{year}"

    text = _ON.sub("", _LEADING_DAY_MONTH.sub(r"\1.", text))
    text = _DAY_MONTH.sub(with_year, text)
    text = _AT.sub(" ", f" {text} ").strip()
    return _BARE_HOUR.sub(r"\1:00", text)


def example(zone: str, now: datetime, later: timedelta = timedelta(0)) -> str:
    """A time to show in a prompt: tomorrow at 10:00 local (plus ``later``), so never past."""
    local = now.astimezone(ZoneInfo(zone))
    tomorrow = (local + timedelta(days=1)).replace(hour=10, minute=0, second=0, microsecond=0)
    return (tomorrow + later).strftime("%d.%m.%Y %H:%M")


def example_day(zone: str, now: datetime) -> str:
    """A date without its hour to show in a prompt: tomorrow's, like 13.01., so never past."""
    return (now.astimezone(ZoneInfo(zone)) + timedelta(days=1)).strftime("%d.%m.")
