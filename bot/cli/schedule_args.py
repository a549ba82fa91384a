"""What the schedule commands share: reading times and reminders, and refusing with a reason."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import Annotated, Protocol, TypeVar

import typer

from bot.app import Mreza
from bot.cli import parsing
from bot.cli.common import clock, fail, with_mreza
from core.durations import duration
from core.settings import Settings
from scheduler.audience import AudienceError
from scheduler.planner import Planner
from scheduler.schedule_drafts import ScheduleError, parse_time

T = TypeVar("T")
D = TypeVar("D", bound="Checkable")

AUDIENCE_HELP = (
    'all, country:RS,ME, countries by name ("Srbija,Crna Gora", "Македонија"), role:coordinator, '
    "groups, or kinds joined by ; (country:MK,RS;role:coordinator)."
)
DryRun = Annotated[
    bool,
    typer.Option("--dry-run", help="Show each language version and who gets it; schedule nothing."),
]
# The operation was understood but cannot be done to what is stored (exit 1); every other
# ScheduleError is about what was typed, a usage error (exit 2).
REFUSED = frozenset({"unknown", "ended", "nobody", "kind"})


class Checkable(Protocol):
    """A draft or a time that knows its own rules."""

    def check(self, now: datetime) -> None: ...


def planner(mreza: Mreza) -> Planner:
    """The planner on Mreža's database, members and clock."""
    return mreza.planner


def operate(work: Callable[[Mreza], Awaitable[T]], settings: Settings) -> T:
    """Run ``work`` on Mreža; a refused schedule ends the command with its reason."""

    async def guarded(mreza: Mreza) -> T:
        try:
            return await work(mreza)
        except ScheduleError as error:
            fail(str(error), 1 if error.code in REFUSED else 2)
        except AudienceError as error:
            fail(str(error), 2)

    return with_mreza(guarded, settings)


def ready(draft: D) -> D:
    """The draft if it follows its rules now, else a usage error before the database is opened.

    The planner checks again on Mreža's own clock; this early look keeps a typo from
    creating or migrating a database.
    """
    try:
        draft.check(clock().now())
    except ScheduleError as error:
        fail(str(error), 2)
    return draft


def moment(text: str, zone: str) -> datetime | None:
    """``now`` (None) or an ISO-8601 time, local in ``zone`` without an offset; else exit 2."""
    try:
        return parse_time(text, zone)
    except ScheduleError as error:
        fail(str(error), 2)


def exact_moment(text: str, zone: str, option: str) -> datetime:
    """A time that has to be written out (an event's start or end): ``now`` will not do."""
    found = moment(text, zone)
    if found is None:
        fail(f"{option} needs a date and time, like 2026-12-01T10:00", 2)
    return found


def reminders(text: str) -> tuple[timedelta, ...]:
    """How long before the start to remind: ``1d,1h``, or ``none``."""
    if text.strip().lower() == "none":
        return ()
    try:
        return tuple(duration(part) for part in text.split(","))
    except ValueError as error:
        raise ValueError(f"--reminders {text!r}: {error} (or none for no reminders)") from None


def schedule_id(text: str) -> int:
    """A schedule's id as ``mreza announce list`` shows it."""
    return parsing.number(text, "the schedule id")


def event_id(text: str) -> int:
    """An event's id as ``mreza event create`` printed it."""
    return parsing.number(text, "the event id")
