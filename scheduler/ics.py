"""An event as an iCalendar file, attached to invitations so members can add it to a calendar."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from icalendar import Alarm, Calendar, Event

from scheduler.composing import EventInfo
from scheduler.schedule_drafts import DEFAULT_REMINDERS

PRODUCT = "-//Mreza//Scheduled events//EN"


def event_uid(event_id: int) -> str:
    """The event's UID: stable, so a second invitation updates the calendar entry, not adds one."""
    return f"event-{event_id}@mreza"


def event_calendar(
    event: EventInfo, stamp: datetime, reminders: Sequence[timedelta] = DEFAULT_REMINDERS
) -> bytes:
    """A VCALENDAR with one VEVENT in UTC, and one VALARM per reminder before the start.

    A cancelled event's file is a CANCEL: calendar apps remove the entry of the same UID.
    """
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if event.cancelled else "PUBLISH")
    calendar.add_component(_vevent(event, stamp, () if event.cancelled else reminders))
    ical: bytes = calendar.to_ical()
    return ical


def _vevent(event: EventInfo, stamp: datetime, reminders: Sequence[timedelta]) -> Event:
    vevent = Event()
    vevent.add("uid", event_uid(event.id))
    vevent.add("sequence", event.sequence)  # apps take a file over the one they hold if higher
    vevent.add("dtstamp", stamp.astimezone(UTC))
    if event.cancelled:
        vevent.add("status", "CANCELLED")
    vevent.add("dtstart", event.starts_at.astimezone(UTC))
    vevent.add("dtend", event.ends_at.astimezone(UTC))
    vevent.add("summary", event.title)
    if event.description:
        vevent.add("description", event.description)
    if event.place:
        vevent.add("location", event.place)
    for before in sorted(set(reminders), reverse=True):
        vevent.add_component(_alarm(event.title, before))
    return vevent


def _alarm(title: str, before: timedelta) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", title)
    alarm.add("trigger", -before)
    return alarm
