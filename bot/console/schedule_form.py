"""The schedule form read into the drafts the planner checks: announcements, events, pulses."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from bot.console.schedule_choices import preset_of, ticked_audience
from bot.schedules.repeats import first_local
from scheduler.audience import Audience
from scheduler.pulses.disclosure import Scale
from scheduler.pulses.pulse_drafts import Mode, PulseDraft
from scheduler.schedule_drafts import AnnouncementDraft, EventDraft, ScheduleError, When, parse_time

Field = Callable[[str], str]
Fields = Callable[[str], list[str]]
KINDS = ("announcement", "event", "pulse")
Draft = AnnouncementDraft | EventDraft | PulseDraft


def audience_from(fields: Fields) -> Audience:
    """Everyone, or the countries, roles and group chats ticked; ``ScheduleError`` if none fits."""
    return ticked_audience(fields("audience"))


def when_from(
    field: Field, zone: str, now: datetime, first: datetime | None = None, kept: str | None = None
) -> When:
    """The first time (empty: ``first``, else now) and the repeat preset worked out from it
    (``kept``: the rule a schedule has, for Keep)."""
    at = parse_time(field("at"), zone) if field("at") else first
    return When(at, preset_of(field("repeat"), first_local(at, now, zone), kept), zone)


def draft_from(field: Field, fields: Fields, zone: str, now: datetime) -> Draft:
    """The draft the form describes; ``ScheduleError`` for what cannot even be read."""
    kind, audience = field("kind"), audience_from(fields)
    if kind == "announcement":
        return AnnouncementDraft(
            field("text"), audience, when_from(field, zone, now), field("link") or None
        )
    if kind == "event":
        starts = _required_time(field("starts"), zone)
        return EventDraft(
            field("title"),
            starts,
            _required_time(field("ends"), zone),
            audience,
            description=field("description"),
            place=field("place"),
            zone=zone,
        )
    if kind == "pulse":
        return _pulse(field, audience, zone, now)
    raise ScheduleError("kind", f"unknown kind {kind!r}")


def _pulse(field: Field, audience: Audience, zone: str, now: datetime) -> PulseDraft:
    try:
        scale, mode = Scale(field("scale") or "options"), Mode(field("mode") or "confidential")
        hours = float(field("open_hours") or 72)
    except ValueError as error:
        raise ScheduleError("pulse", str(error)) from error
    options = tuple(line.strip() for line in field("options").splitlines() if line.strip())
    open_for = timedelta(hours=hours)
    return PulseDraft(
        field("question"),
        audience,
        scale=scale,
        options=options if scale is Scale.OPTIONS else (),
        when=when_from(field, zone, now),
        open_for=open_for,
        remind_after=open_for / 2,
        mode=mode,
    )


def _required_time(text: str, zone: str) -> datetime:
    moment = parse_time(text, zone) if text else None
    if moment is None:
        raise ScheduleError("time", "give a date and time")
    return moment
