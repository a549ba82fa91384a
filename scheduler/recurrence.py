"""When a schedule fires: once, or by an RFC 5545 RRULE, in local wall-clock time.

Occurrences are generated as local times and only then placed in the time zone, so a weekly
10:00 announcement stays at 10:00 in Belgrade across the March and October clock changes.

A rule is checked part by part, then its first occurrences are computed to see that they come
at least an hour apart. Every computation is bounded: it walks at most ``MOST_STEPS``
occurrences and runs in a thread of its own for at most ``COMPUTE_SECONDS``, so a rule that
dateutil cannot finish (a day that comes once in centuries) is refused instead of holding the
event loop that answers every member.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from itertools import pairwise
from typing import TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil.rrule import rrule, rrulestr

from scheduler.rule_checks import ALLOWED_FREQUENCIES, RuleError, check_rule

__all__ = ["ALLOWED_FREQUENCIES", "Recurrence", "RecurrenceError", "occurrences"]
T = TypeVar("T")
MOST_STEPS = 100_000  # an hourly rule walked over eleven years
COMPUTE_SECONDS = 0.5  # dateutil needs milliseconds for any rule a person means
SAMPLE = 50  # occurrences whose spacing is checked: more than one period of any rule allowed
MIN_SPACING = timedelta(hours=1)


class RecurrenceError(ValueError):
    """A schedule that cannot be: the message says why, for the person who wrote it.

    ``code``: ``invalid`` (a part is wrong), ``often`` (less than an hour apart), ``never``
    (no time ahead) or ``unbounded`` (too costly to compute).
    """

    def __init__(self, message: str, code: str = "invalid") -> None:
        super().__init__(message)
        self.code = code


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
            _checked(self.rule, self.start)

    def next_after(self, moment: datetime) -> datetime | None:
        """The first occurrence after ``moment`` (aware), in UTC; None when none is left."""
        if self.rule is None:
            return self._utc(self.start) if self._utc(self.start) > moment else None
        local_after = moment.astimezone(_zone(self.zone)).replace(tzinfo=None)
        parsed = _parse(self.rule, self.start)
        # Step back an hour of wall time: around a clock change the local and UTC orders differ.
        earlier = local_after - timedelta(hours=1)
        found = occurrences(parsed, earlier, lambda local: self._utc(local) > moment)
        return self._utc(found[0]) if found else None

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


def occurrences(
    rule: rrule,
    after: datetime,
    wanted: Callable[[datetime], bool] = lambda _: True,
    count: int = 1,
    seconds: float | None = None,
) -> list[datetime]:
    """Up to ``count`` local occurrences later than ``after`` that are ``wanted``; bounded.

    Raises RecurrenceError ("unbounded") past ``MOST_STEPS`` occurrences walked or past
    ``seconds`` (default ``COMPUTE_SECONDS``) of computing.
    """

    def walk() -> list[datetime]:
        found: list[datetime] = []
        # Walked from the rule's start, as dateutil would: every step counts.
        for steps, candidate in enumerate(rule):
            if steps >= MOST_STEPS:
                raise RecurrenceError(_TOO_COSTLY, "unbounded")
            if candidate > after and wanted(candidate):
                found.append(candidate)
                if len(found) >= count:
                    break
        return found

    return _within(walk, COMPUTE_SECONDS if seconds is None else seconds)


_TOO_COSTLY = "the rule takes too long to compute; write a simpler one"


def _within(work: Callable[[], T], seconds: float) -> T:
    """``work()`` in a thread of its own, given up after ``seconds``.

    A thread given up on is left to finish (dateutil stops at the year 9999, within seconds,
    for any rule the checks let through); the caller goes on at once.
    """
    outcome: list[T] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            outcome.append(work())
        except BaseException as error:  # handed to the caller's thread below
            failure.append(error)

    thread = threading.Thread(target=run, name="recurrence", daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        raise RecurrenceError(_TOO_COSTLY, "unbounded")
    if failure:
        raise failure[0]
    return outcome[0]


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise RecurrenceError(f"unknown time zone {name!r}") from error


@lru_cache(maxsize=1024)
def _checked(rule: str, start: datetime) -> None:
    """Refuse a rule whose first occurrences come less than an hour apart (in wall time)."""
    parsed = _parse(rule, start)
    first = occurrences(parsed, start - timedelta(seconds=1), count=SAMPLE)
    for earlier, later in pairwise(first):
        if later - earlier < MIN_SPACING:
            gap = _gap(later - earlier)
            raise RecurrenceError(f"the rule repeats {gap} apart; repeat at most hourly", "often")


@lru_cache(maxsize=1024)
def _parse(rule: str, start: datetime) -> rrule:
    try:
        parts = check_rule(rule)
    except RuleError as error:
        raise RecurrenceError(str(error), error.code) from None
    text = ";".join(f"{name}={value}" for name, value in parts.items())
    try:
        parsed = rrulestr(text, dtstart=start)
    except (ValueError, TypeError) as error:
        raise RecurrenceError(f"not a valid RRULE: {rule!r} ({error})") from error
    if not isinstance(parsed, rrule):
        raise RecurrenceError(f"give one RRULE, not a set: {rule!r}")
    return parsed


def _gap(gap: timedelta) -> str:
    seconds = int(gap.total_seconds())
    if seconds < 60:
        return f"{seconds} second{'s' * (seconds != 1)}"
    return f"{seconds // 60} minute{'s' * (seconds // 60 != 1)}"
