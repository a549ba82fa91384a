"""Coordinators' answers read: audiences, times and reminders, checked by the scheduler's rules."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime, timedelta

from bot.conversation.audience_reading import read_audience
from bot.conversation.dialogs import Dialog
from bot.conversation.turn import Turn
from bot.conversation.typed_times import read_time
from bot.conversation.wizard import Buttons, Choice, Invalid, choice_button
from bot.languages import texts
from bot.schedules.repeats import ONCE, PRESETS, first_local, preset_rule, repeat_words
from core.durations import duration
from knowledge.lessons import FieldInvalid
from scheduler.audience import Audience, AudienceError
from scheduler.schedule_drafts import ScheduleError, When

AUDIENCES: tuple[tuple[Choice, ...], ...] = (
    ((texts.EVERYONE, "all"),),
    ((texts.COUNTRY_NAMES["BA"], "country:BA"), (texts.COUNTRY_NAMES["ME"], "country:ME")),
    ((texts.COUNTRY_NAMES["MK"], "country:MK"), (texts.COUNTRY_NAMES["RS"], "country:RS")),
    ((texts.COUNTRY_NAMES["regional"], "country:regional"),),
    ((texts.COORDINATORS, "role:coordinator"), (texts.GROUP_CHATS, "groups")),
)
CONFIRM: tuple[tuple[Choice, ...], ...] = (((texts.CONFIRM, "yes"), (texts.CANCEL, "no")),)
REPEATS: tuple[tuple[Choice, ...], ...] = (
    ((texts.ONCE, ONCE), (texts.SAME_WEEKDAY, "weekly")),
    ((texts.SAME_DATE, "monthly-date"),),
    ((texts.SAME_NTH_WEEKDAY, "monthly-weekday"),),
    ((texts.EVERY_WORKDAY, "workdays"),),
)
NO_REMINDERS = "none"


@contextmanager
def field_checks() -> Iterator[None]:
    """A lesson field's refusal, said as the dialog step's problem."""
    try:
        yield
    except FieldInvalid as refused:
        raise Invalid(refused.code, None, **refused.values) from None


def problem(error: ScheduleError, back_to: str | None = None, limit: int = 0) -> Invalid:
    """The scheduler's refusal as a translated explanation (``limit`` for texts too long)."""
    return Invalid(error.code, back_to, limit=limit)  # texts.PROBLEMS explains every code


async def audience(turn: Turn, answer: str) -> Audience:
    """An audience that reaches somebody right now: written out, or countries named in words."""
    try:
        parsed = read_audience(answer)
    except AudienceError:
        raise Invalid("audience") from None
    if await turn.services.planner.recipients(parsed) == 0:
        raise Invalid("nobody")
    return parsed


def moment(turn: Turn, answer: str) -> datetime | None:
    """A typed local time in UTC, or None for "now": ISO 8601, or as people write it."""
    try:
        return read_time(answer, turn.services.zone, turn.services.clock.now())
    except ScheduleError as error:
        raise problem(error) from None


def future(turn: Turn, answer: str) -> datetime:
    """A time that has not passed ("now" is no start for an event)."""
    at = moment(turn, answer)
    if at is None:
        raise Invalid("time")
    if at < turn.services.clock.now():
        raise Invalid("past")
    return at


def reminders(answer: str) -> list[timedelta]:
    """``2d,3h`` as spans before the start; ``none`` for none."""
    if answer.strip().lower() == NO_REMINDERS:
        return []
    try:
        return sorted({duration(part) for part in answer.split(",")}, reverse=True)
    except ValueError:
        raise Invalid("reminders") from None


def stored(at: datetime | None) -> str:
    """A time as dialogs keep it: ISO 8601 in UTC, or "" for now."""
    return at.isoformat() if at is not None else ""


def restored(text: str) -> datetime | None:
    """A time kept by ``stored``."""
    return datetime.fromisoformat(text) if text else None


async def when_step(turn: Turn, _dialog: Dialog, answer: str) -> Mapping[str, str]:
    """A dialog's "when" step: now, or a local time that has not passed."""
    at = moment(turn, answer)
    try:
        When(at, zone=turn.services.zone).check(turn.services.clock.now())
    except ScheduleError as error:
        raise problem(error) from None
    return {"at": stored(at)}


async def repeat_step(turn: Turn, dialog: Dialog, answer: str) -> Mapping[str, str]:
    """A dialog's repeat step, after its "when": once, a preset, or an RRULE that still fires."""
    at, now, zone = restored(dialog.data["at"]), turn.services.clock.now(), turn.services.zone
    rule = typed_rule(answer, first_local(at, now, zone))
    try:
        When(at, rule, zone).check(now)
    except ScheduleError as error:
        raise problem(error) from None
    return {"rule": rule or ""}


async def ask_repeat(turn: Turn, dialog: Dialog, buttons: Buttons) -> None:
    """The repeat question, each button naming what it means from the date given."""
    at, now, zone = (
        restored(dialog.data.get("at", "")),
        turn.services.clock.now(),
        turn.services.zone,
    )
    first = first_local(at, now, zone)
    rows = [[choice_button(turn, dialog.step, turn.tr(texts.ONCE), ONCE)]]
    for preset in PRESETS:
        label = repeat_words(preset_rule(preset, first), turn.tr)
        rows.append([choice_button(turn, dialog.step, label, preset)])
    # The wizard's own rows name no date; what follows them (Back) is kept as it is.
    await turn.say(texts.ASK_REPEAT, rows + buttons[len(REPEATS) :])


def typed_rule(answer: str, first: datetime) -> str | None:
    """None for once, a preset's rule for its name, or the RRULE as typed."""
    cleaned = answer.strip()
    if cleaned.lower() == ONCE:
        return None
    return preset_rule(cleaned, first) if cleaned in PRESETS else cleaned


async def confirmed(turn: Turn, answer: str) -> bool:
    """A preview's answer: Confirm is True; Cancel says nothing was done and is False."""
    if answer == "no":
        await turn.say(texts.STOPPED)
        return False
    if answer != "yes":
        raise Invalid("choose")
    return True
