"""How schedules and their delivery reports are shown on the command line: a table or JSON."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from bot.cli.event_book import EventView, GuestList
from scheduler.planner import ScheduleView
from scheduler.reports import OccurrenceReport

COLUMNS = ("id", "kind", "status", "next", "audience", "text")
SAID = {"going": "going", "maybe": "maybe", "no": "not going"}
WORDS = 40  # characters of the text in the table: enough to recognise it, short enough to align


def local_time(moment: datetime, zone: ZoneInfo) -> str:
    """A time as people in the network read it: ``2027-03-22 10:00 CET``."""
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M %Z")


def first_words(text: str, limit: int = WORDS) -> str:
    """The start of a text on one line, cut at a word with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[: limit - 1].rsplit(" ", 1)[0] + "…"


def schedule_line(view: ScheduleView) -> str:
    """A schedule in a few words: id, kind, and the event it belongs to."""
    event = f" of event {view.event_id}" if view.event_id is not None else ""
    return f"schedule {view.id} ({view.kind}{event})"


def schedule_json(view: ScheduleView, zone: ZoneInfo) -> dict[str, object]:
    """The JSON shape of a schedule; its next time both local and in UTC."""
    return {
        "id": view.id,
        "kind": view.kind,
        **when_and_who(view, zone),
        "text": view.summary,
        "event": view.event_id,
    }


def when_and_who(view: ScheduleView, zone: ZoneInfo) -> dict[str, object]:
    """What every listed schedule says in JSON: its status, next time (local and UTC), rule
    and audience."""
    following = view.next_fire_at
    return {
        "status": view.status,
        "next": following.astimezone(zone).isoformat() if following else None,
        "next_utc": following.astimezone(UTC).isoformat() if following else None,
        "rule": view.rule,
        "audience": view.audience,
    }


def schedules_table(views: Sequence[ScheduleView], zone: ZoneInfo) -> str:
    """Schedules as aligned columns, soonest first."""
    if not views:
        return "no schedules"
    return aligned([COLUMNS, *(_cells(view, zone) for view in views)])


def aligned(rows: Sequence[Sequence[str]]) -> str:
    """Rows of cells as left-aligned columns, the first row being the header."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    )


def _cells(view: ScheduleView, zone: ZoneInfo) -> tuple[str, ...]:
    following = local_time(view.next_fire_at, zone) if view.next_fire_at else "-"
    kind = view.kind + (" (repeats)" if view.rule else "")
    return (
        str(view.id),
        kind,
        view.status,
        following,
        view.audience,
        first_words(view.summary),
    )


def report_text(schedule_id: int, reports: Sequence[OccurrenceReport], zone: ZoneInfo) -> str:
    """Every firing of a schedule: counts on one line, then each reason for failure."""
    if not reports:
        return f"schedule {schedule_id} has not gone out yet"
    return "\n".join(line for report in reports for line in _report_lines(report, zone))


def _report_lines(report: OccurrenceReport, zone: ZoneInfo) -> list[str]:
    took = f", took {report.duration_seconds:.1f} s" if report.duration_seconds is not None else ""
    cancelled = f", {report.cancelled} cancelled" if report.cancelled else ""
    head = (
        f"{local_time(report.fire_at, zone)} ({report.status}): "
        f"{report.recipients} recipients, {report.delivered} delivered, {report.failed} failed, "
        f"{report.blocked} blocked, {report.pending} pending{cancelled}{took}"
    )
    reasons = sorted(report.failures.items(), key=lambda item: (-item[1], item[0]))
    return [head, *(f"  failed {count}: {reason}" for reason, count in reasons)]


def guest_list_json(guests: GuestList) -> dict[str, object]:
    """The JSON shape of an event's answers, with the totals."""
    return {
        "id": guests.event_id,
        "title": guests.title,
        **{answer: guests.count(answer) for answer in SAID},
        "attendees": [
            {"member": a.member, "name": a.name, "country": a.country, "answer": a.answer}
            for a in guests.answers
        ],
    }


def guest_list_text(guests: GuestList) -> str:
    """The totals on one line, then one line per member who answered."""
    totals = ", ".join(f"{guests.count(answer)} {said}" for answer, said in SAID.items())
    lines = [f"event {guests.event_id}: {guests.title}: {totals}"]
    lines += [
        f"  {SAID.get(a.answer, a.answer)}: member {a.member}, {a.name or '(forgotten)'} "
        f"({a.country})"
        for a in guests.answers
    ]
    return "\n".join(lines)


EVENT_COLUMNS = ("id", "status", "starts", "ends", "audience", "going", "maybe", "no", "title")


def event_json(view: EventView, zone: ZoneInfo) -> dict[str, object]:
    """The JSON shape of an event in the list: local times, and the count of each answer."""
    return {
        "id": view.id,
        "title": view.title,
        "status": view.status,
        "starts": view.starts_at.astimezone(zone).isoformat(),
        "ends": view.ends_at.astimezone(zone).isoformat(),
        "place": view.place,
        "audience": view.audience,
        "answers": dict(view.answers),
    }


def events_table(views: Sequence[EventView], zone: ZoneInfo) -> str:
    """Events as aligned columns, soonest first."""
    if not views:
        return "no events"
    rows = [
        (
            str(view.id),
            view.status,
            local_time(view.starts_at, zone),
            local_time(view.ends_at, zone),
            view.audience,
            *(str(view.answers[answer]) for answer in ("going", "maybe", "no")),
            first_words(view.title),
        )
        for view in views
    ]
    return aligned([EVENT_COLUMNS, *rows])
