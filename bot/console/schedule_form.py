"""The schedule form read into the drafts the planner checks: announcements, events, pulses."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from scheduler.audience import Audience, AudienceError
from scheduler.pulses.disclosure import Scale
from scheduler.pulses.pulse_drafts import Mode, PulseDraft
from scheduler.schedule_drafts import AnnouncementDraft, EventDraft, ScheduleError, When, parse_time

Field = Callable[[str], str]
Fields = Callable[[str], list[str]]
# The repeat presets and the rules they write; "" repeats never.
REPEATS = {"": "", "daily": "FREQ=DAILY", "weekly": "FREQ=WEEKLY", "monthly": "FREQ=MONTHLY"}
KINDS = ("announcement", "event", "pulse")
Draft = AnnouncementDraft | EventDraft | PulseDraft


def audience_from(field: Field, fields: Fields) -> Audience:
    """Everyone, some countries, one role, or the group chats; ``ScheduleError`` if none fits."""
    kind = field("audience")
    try:
        if kind == "countries":
            return Audience.parse("country:" + ",".join(fields("countries")))
        if kind == "role":
            return Audience.parse("role:" + field("role"))
        return Audience.parse(kind or "all")
    except AudienceError as error:
        raise ScheduleError("audience", str(error)) from error


def when_from(field: Field, zone: str) -> When:
    """The first time (empty: now) and the repeat preset."""
    at = parse_time(field("at"), zone) if field("at") else None
    rule = REPEATS.get(field("repeat"))
    if rule is None:
        raise ScheduleError("rule", f"unknown repeat {field('repeat')!r}")
    return When(at, rule or None, zone)


def draft_from(field: Field, fields: Fields, zone: str) -> Draft:
    """The draft the form describes; ``ScheduleError`` for what cannot even be read."""
    kind, audience = field("kind"), audience_from(field, fields)
    if kind == "announcement":
        return AnnouncementDraft(
            field("text"), audience, when_from(field, zone), field("link") or None
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
        return _pulse(field, audience, zone)
    raise ScheduleError("kind", f"unknown kind {kind!r}")


def _pulse(field: Field, audience: Audience, zone: str) -> PulseDraft:
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
        when=when_from(field, zone),
        open_for=open_for,
        remind_after=open_for / 2,
        mode=mode,
    )


def _required_time(text: str, zone: str) -> datetime:
    moment = parse_time(text, zone) if text else None
    if moment is None:
        raise ScheduleError("time", "give a date and time")
    return moment
