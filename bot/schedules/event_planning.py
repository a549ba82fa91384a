"""/event: title, start, end, place, audience, reminders, a preview of the invitation, Confirm."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta

from bot.conversation.answer_checks import (
    CONFIRM,
    NO_REMINDERS,
    confirmed,
    future,
    problem,
    reminders,
    restored,
)
from bot.conversation.audience_picker import AUDIENCE_STEP
from bot.conversation.dialogs import Dialog
from bot.conversation.language_versions import versions_of, versions_step
from bot.conversation.turn import Turn
from bot.conversation.typed_times import read_time
from bot.conversation.version_previews import show_versions, summarised, who_gets_which
from bot.conversation.wizard import Buttons, Choice, Invalid, Step, Wizard
from bot.languages import texts
from bot.languages.times import spans
from core.durations import duration
from scheduler.audience import Audience
from scheduler.composing import EventInfo, Occasion
from scheduler.schedule_drafts import (
    DESCRIPTION_LIMIT,
    PLACE_LIMIT,
    TITLE_LIMIT,
    EventDraft,
    ScheduleError,
)
from scheduler.versions import stored

SKIP = "skip"
REMINDER_CHOICES: tuple[tuple[Choice, ...], ...] = (
    ((texts.DEFAULT_REMINDERS, "1d,1h"),),
    ((texts.NO_REMINDERS, NO_REMINDERS),),
)
BACK = {
    "past": "starts",
    "order": "ends",
    "nobody": "audience",
    "empty": "title",
    "too-long": "title",
}


async def plan_event(turn: Turn, _args: str = "") -> None:
    """/event: start the guided conversation."""
    await EVENT.begin(turn)


async def _title(_turn: Turn, _dialog: Dialog, answer: str) -> Mapping[str, str]:
    """The first line is the title; the lines after it, the description."""
    title, _, description = (part.strip() for part in answer.strip().partition("\n"))
    if not title:
        raise Invalid("empty")
    for text, limit in ((title, TITLE_LIMIT), (description, DESCRIPTION_LIMIT)):
        if len(text) > limit:
            raise Invalid("too-long", limit=limit)
    return {"title": title, "description": description}


async def _version(turn: Turn, dialog: Dialog, answer: str) -> dict[str, object]:
    """The title and description in another language form, checked like the author's."""
    return dict(await _title(turn, dialog, answer))


async def _starts(turn: Turn, _dialog: Dialog, answer: str) -> Mapping[str, str]:
    return {"starts": future(turn, answer).isoformat()}


async def _ends(turn: Turn, dialog: Dialog, answer: str) -> Mapping[str, str]:
    """An end time, or how long it lasts."""
    starts = restored(dialog.data["starts"])
    assert starts is not None  # the start step never stores "now"
    try:
        ends = starts + duration(answer)
    except ValueError:
        ends = _end_time(turn, answer, starts)
    if ends <= starts:
        raise Invalid("order")
    return {"ends": ends.isoformat()}


def _end_time(turn: Turn, answer: str, starts: datetime) -> datetime:
    """An end written as a time: "12:00" is on the day it starts, not today."""
    try:
        typed = read_time(answer, turn.services.zone, starts)
    except ScheduleError:
        raise Invalid("time") from None
    if typed is None:
        raise Invalid("time")
    return typed


async def _place(_turn: Turn, _dialog: Dialog, answer: str) -> Mapping[str, str]:
    place = "" if answer.strip().lower() == SKIP else answer.strip()
    if len(place) > PLACE_LIMIT:
        raise Invalid("too-long", limit=PLACE_LIMIT)
    return {"place": place}


async def _reminders(_turn: Turn, _dialog: Dialog, answer: str) -> Mapping[str, str]:
    minutes = [str(int(span.total_seconds() // 60)) for span in reminders(answer)]
    return {"reminders": ",".join(minutes)}


def draft(turn: Turn, data: Mapping[str, str]) -> EventDraft:
    """The event the dialog describes."""
    starts, ends = restored(data["starts"]), restored(data["ends"])
    assert starts is not None  # the start and end steps never store "now"
    assert ends is not None
    before = tuple(timedelta(minutes=int(m)) for m in data["reminders"].split(",") if m)
    versions = {
        form: (str(fields["title"]), str(fields.get("description", "")))
        for form, fields in versions_of(data).items()
    }
    return EventDraft(
        data["title"], starts, ends, Audience.parse(data["audience"]), data["description"],
        data["place"], before, turn.services.zone, None, turn.language, versions,
    )  # fmt: skip


async def _preview(turn: Turn, dialog: Dialog, buttons: Buttons) -> None:
    """The invitation as members will get it, composed by the same code, then the numbers."""
    wanted = draft(turn, dialog.data)
    event = EventInfo(
        0, wanted.title, wanted.description, wanted.starts, wanted.ends, wanted.place,
        wanted.zone, turn.member.id if turn.member else None,
    )  # fmt: skip
    versions = stored(wanted.version_fields())
    occasion = Occasion(
        0, 0, "invitation", {"title": wanted.title}, turn.services.clock.now(), event, versions
    )
    await show_versions(turn, occasion)
    summary = turn.tr(texts.EVENT_SUMMARY).format(
        count=await turn.services.planner.recipients(wanted.audience),
        reminders=spans(wanted.reminders, turn.language) or turn.tr(texts.NONE),
    )
    await summarised(turn, await who_gets_which(turn, wanted.audience, versions), summary, buttons)


async def _confirm(turn: Turn, dialog: Dialog, answer: str) -> None:
    if not await confirmed(turn, answer):
        return
    assert turn.member is not None  # the wizard checked the role
    try:
        plan = await turn.services.planner.plan_event(draft(turn, dialog.data), turn.member.id)
    except ScheduleError as error:
        raise problem(error, BACK.get(error.code), limit=TITLE_LIMIT) from None
    await turn.say(texts.EVENT_SCHEDULED, id=plan.invitation)


EVENT = Wizard(
    "event",
    (
        Step("title", _title, texts.ASK_TITLE),
        versions_step(texts.ASK_VERSION_EVENT, _version),
        Step("starts", _starts, texts.ASK_STARTS),
        Step("ends", _ends, texts.ASK_ENDS),
        Step("place", _place, texts.ASK_PLACE, (((texts.SKIP, SKIP),),)),
        AUDIENCE_STEP,
        Step("reminders", _reminders, texts.ASK_REMINDERS, REMINDER_CHOICES),
        Step("confirm", _confirm, choices=CONFIRM, ask=_preview),
    ),
)
