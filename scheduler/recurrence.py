"""When a schedule fires: once, or by an RFC 5545 RRULE, in local wall-clock time.

Occurrences are generated as local times and only then placed in the time zone, so a weekly
10:00 announcement stays at 10:00 in Belgrade across the March and October clock changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil.rrule import rrule, rrulestr

# More often than hourly is spam, not news.
ALLOWED_FREQUENCIES = frozenset(("YEARLY", "MONTHLY", "WEEKLY", "DAILY", "HOURLY"))
_FREQUENCY = re.compile(r"FREQ=(\w+)")


class RecurrenceError(ValueError):
    """A schedule that cannot be: the message says why, for the person who wrote it."""


@dataclass(frozen=True, slots=True)
class Recurrence:
    """A first local time, a time zone, and an optional repeating rule."""

    start: datetime  # naive: wall-clock time in ``zone``
    zone: str
    rule: str | None = None

    def __post_init__(self) -> None:
        if self.start.tzinfo is not None:
            raise RecurrenceError("the start must be a local wall-clock time")
        _zone(self.zone)
        if self.rule is not None:
            _parse(self.rule, self.start)

    def next_after(self, moment: datetime) -> datetime | None:
        """The first occurrence after ``moment`` (aware), in UTC; None when none is left."""
        zone = _zone(self.zone)
        local_after = moment.astimezone(zone).replace(tzinfo=None)
        if self.rule is None:
            return self._utc(self.start) if self._utc(self.start) > moment else None
        # Step back an hour of wall time: around a clock change the local and UTC orders differ.
        candidate = _parse(self.rule, self.start).after(local_after - timedelta(hours=1), inc=False)
        while candidate is not None and self._utc(candidate) <= moment:
            candidate = _parse(self.rule, self.start).after(candidate, inc=False)
        return self._utc(candidate) if candidate is not None else None

    def between(self, start: datetime, end: datetime) -> list[datetime]:
        """Every occurrence in [start, end), in UTC."""
        found = []
        moment = start - timedelta(microseconds=1)
        while (following := self.next_after(moment)) is not None and following < end:
            found.append(following)
            moment = following
        return found

    def _utc(self, local: datetime) -> datetime:
        return local.replace(tzinfo=_zone(self.zone)).astimezone(UTC)


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise RecurrenceError(f"unknown time zone {name!r}") from error


@lru_cache(maxsize=1024)
def _parse(rule: str, start: datetime) -> rrule:
    text = rule.strip().removeprefix("RRULE:")
    try:
        parsed = rrulestr(text, dtstart=start)
    except (ValueError, TypeError) as error:
        raise RecurrenceError(f"not a valid RRULE: {rule!r} ({error})") from error
    if not isinstance(parsed, rrule):
        raise RecurrenceError(f"give one RRULE, not a set: {rule!r}")
    frequency = _FREQUENCY.search(text.upper())
    if frequency is None or frequency.group(1) not in ALLOWED_FREQUENCIES:
        raise RecurrenceError(
            "repeat at most hourly (FREQ=HOURLY, DAILY, WEEKLY, MONTHLY or YEARLY)"
        )
    return parsed
