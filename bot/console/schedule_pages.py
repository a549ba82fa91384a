"""/console/schedules: what goes out, as a calendar and a list; new schedules with a preview;
changes, cancelling, and the delivery report of every firing."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from starlette.responses import RedirectResponse, Response

from bot.console.gate import Visit
from bot.console.schedule_choices import (
    EVERYONE,
    KEEP,
    audience_ticks,
    current_choice,
    repeat_choices,
)
from bot.console.schedule_form import KINDS, Draft, draft_from, when_from
from bot.languages.i18n import Translations
from bot.schedules.composer import announcement, invitation
from bot.schedules.describing import audience_words
from bot.schedules.repeats import next_dates, repeat_words
from core.markup import to_html
from core.members import Language
from scheduler.audience import Audience
from scheduler.composing import EventInfo
from scheduler.planner import ScheduleView
from scheduler.pulses.pulse_drafts import PulseDraft
from scheduler.reports import occurrence_reports
from scheduler.schedule_drafts import AnnouncementDraft, EventDraft, ScheduleError, parse_time

CALENDAR_DAYS = 28


async def schedules(visit: Visit) -> Response:
    """Upcoming firings as four weeks of a calendar and as a list."""
    views = await visit.desk.services.planner.schedules()
    now = visit.desk.services.clock.now()
    return visit.page(
        "schedules.html",
        views=views,
        calendar=_calendar(views, now, visit.zone),
        words=lambda a: audience_words(a, visit.desk.services.translations(visit.member.language)),
    )


def _calendar(
    views: list[ScheduleView], now: datetime, zone: str
) -> list[tuple[str, list[ScheduleView]]]:
    """Four weeks from today, each day with the schedules that next fire on it."""
    today = now.astimezone(ZoneInfo(zone)).date()
    days = [today + timedelta(days=n) for n in range(CALENDAR_DAYS)]
    on: dict[object, list[ScheduleView]] = {day: [] for day in days}
    for view in views:
        if view.next_fire_at is not None:
            day = view.next_fire_at.astimezone(ZoneInfo(zone)).date()
            if day in on:
                on[day].append(view)
    return [(f"{day:%a %d.%m.}", on[day]) for day in days]


async def new_schedule(visit: Visit) -> Response:
    """The form; "preview" shows what members will get, "schedule" stores it."""
    services = visit.desk.services
    tr = services.translations(visit.member.language)
    context: dict[str, Any] = {
        "kinds": KINDS,
        "repeats": repeat_choices(_typed_first(visit), tr),
        "ticks": await _counted(visit, audience_ticks(tr, await services.group_chats.active())),
        "everyone_count": await services.planner.recipients(Audience(everyone=True)),
        "everyone": EVERYONE,
        "ticked": visit.fields("audience") if visit.form is not None else [EVERYONE],
        "values": {},
    }
    if visit.form is None:
        context["values"] = {"kind": visit.request.query_params.get("kind", "announcement")}
        return visit.page("schedule_new.html", **context)
    context["values"] = {key: str(value) for key, value in visit.form.multi_items()}
    try:
        draft = draft_from(visit.field, visit.fields, visit.zone, visit.desk.services.clock.now())
        draft.check(visit.desk.services.clock.now())
        await visit.desk.services.planner.require_recipients(draft.audience)
        if visit.field("step") != "schedule":
            context.update(await _preview(visit, draft))
            return visit.page("schedule_new.html", **context)
        schedule_id = await _store(visit, draft)
    except ScheduleError as error:
        context["problem"] = str(error)
        return visit.page("schedule_new.html", status_code=422, **context)
    await visit.note(
        f"{visit.field('kind')}-scheduled", f"schedule {schedule_id}", str(draft.audience)
    )
    return RedirectResponse(f"/console/schedules/{schedule_id}?new=1", status_code=303)


async def _counted(visit: Visit, ticks: list[tuple[str, str]]) -> list[tuple[str, str, int]]:
    """Each tick with how many it reaches alone right now, as the chat's buttons show it."""
    planner = visit.desk.services.planner
    return [
        (value, label, await planner.recipients(Audience.parse(value))) for value, label in ticks
    ]


def _typed_first(visit: Visit) -> datetime | None:
    """The first time as typed in the form, if it can be read: the presets are named from it."""
    try:
        moment = parse_time(visit.field("at"), visit.zone) if visit.field("at") else None
    except ScheduleError:
        return None
    return moment.astimezone(ZoneInfo(visit.zone)) if moment else None


async def _store(visit: Visit, draft: Draft) -> int:
    planner, creator = visit.desk.services.planner, visit.member.id
    if isinstance(draft, AnnouncementDraft):
        return await planner.announce(draft, creator)
    if isinstance(draft, PulseDraft):
        return await planner.start_pulse(draft, creator)
    return (await planner.plan_event(draft, creator)).invitation


async def _preview(visit: Visit, draft: Draft) -> dict[str, object]:
    """Who in words and how many now, the next dates, and the message in every language."""
    services = visit.desk.services
    tr = services.translations(visit.member.language)
    if isinstance(draft, EventDraft):
        dates = [draft.starts]
    else:
        dates = next_dates(draft.when, services.clock.now())
    return {
        "who": audience_words(draft.audience, tr),
        "recipients": await services.planner.recipients(draft.audience),
        "dates": dates,
        "previews": _previews(draft, services.translations),
    }


def _previews(draft: Draft, translations: Translations) -> list[tuple[str, str]]:
    """The message in every language as members will read it (a pulse: its question and options)."""
    if isinstance(draft, PulseDraft):
        return [("", "\n".join([draft.question, *(f"• {o}" for o in draft.options)]))]
    shown = []
    for language in Language:
        tr = translations(language)
        if isinstance(draft, AnnouncementDraft):
            message = announcement({"text": draft.text, "link": draft.link}, tr)
        else:
            info = EventInfo(0, draft.title, draft.description, draft.starts, draft.ends,
                             draft.place, draft.zone, None)  # fmt: skip
            message = invitation(info, tr, (), b"")
        shown.append((language.value, to_html(message.paragraphs)))
    return shown


async def schedule(visit: Visit) -> Response:
    """One schedule: what it is, its delivery reports; change its words or time, or cancel it."""
    schedule_id = visit.request.path_params["schedule_id"]
    planner = visit.desk.services.planner
    notice = visit.t.SCHEDULED if visit.request.query_params.get("new") else ""
    problem = ""
    try:
        if visit.form is not None:
            notice = await _change(visit, schedule_id)
        view = await planner.get(schedule_id)
    except ScheduleError as error:
        if error.code == "unknown":
            return visit.page("refused.html", status_code=404, message=str(error))
        problem, view = str(error), await planner.get(schedule_id)
    reports = await occurrence_reports(visit.desk.mreza.sessions, schedule_id)
    event = await planner.event_texts(view.event_id) if view.event_id is not None else None
    tr = visit.desk.services.translations(visit.member.language)
    first = view.next_fire_at.astimezone(ZoneInfo(visit.zone)) if view.next_fire_at else None
    repeats = repeat_choices(first, tr)
    current = current_choice(view.rule, first)
    if current == KEEP:
        repeats.insert(0, (KEEP, repeat_words(view.rule, tr)))
    return visit.page(
        "schedule.html",
        view=view,
        event=event,
        reports=reports,
        notice=notice,
        problem=problem,
        who=audience_words(view.audience, tr),
        repeat=repeat_words(view.rule, tr),
        repeats=repeats,
        current=current,
    )


async def _change(visit: Visit, schedule_id: int) -> str:
    planner, action = visit.desk.services.planner, visit.field("action")
    if action == "cancel":
        await planner.cancel(schedule_id)
        await visit.note("schedule-cancelled", f"schedule {schedule_id}")
        return visit.t.CANCELLED
    if action == "text":
        await planner.edit_text(schedule_id, visit.field("text"))
        await visit.note("schedule-text-changed", f"schedule {schedule_id}", visit.field("text"))
        return visit.t.SAVED
    if action == "event":
        view = await planner.get(schedule_id)
        if view.event_id is None:
            raise ScheduleError("kind", f"schedule {schedule_id} belongs to no event")
        title = visit.field("title")
        await planner.edit_event_text(view.event_id, title, visit.field("description"))
        await visit.note("event-text-changed", f"event {view.event_id}", title)
        return visit.t.SAVED
    if action == "question":
        await planner.edit_pulse_question(schedule_id, visit.field("question"))
        await visit.note(
            "pulse-question-changed", f"schedule {schedule_id}", visit.field("question")
        )
        return visit.t.SAVED
    if action == "time":
        view = await planner.get(schedule_id)  # an empty time keeps the next one
        now = visit.desk.services.clock.now()
        await planner.edit_time(
            schedule_id, when_from(visit.field, visit.zone, now, view.next_fire_at, view.rule)
        )
        await visit.note("schedule-moved", f"schedule {schedule_id}", visit.field("at"))
        return visit.t.SAVED
    raise ScheduleError("action", f"unknown action {action!r}")
