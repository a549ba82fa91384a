"""``mreza event``: invite the network to an event, see who is coming, call it off."""

from __future__ import annotations

from typing import Annotated
from zoneinfo import ZoneInfo

import typer

from bot.app import Mreza
from bot.cli.common import checked, clock, print_json, with_mreza
from bot.cli.event_book import GuestList, events, guest_list, invitation_of
from bot.cli.schedule_args import (
    event_id,
    exact_moment,
    moment,
    operate,
    planner,
    ready,
    reminders,
)
from bot.cli.schedule_views import event_json, events_table, guest_list_json, guest_list_text
from core.settings import Settings
from scheduler.audience import Audience
from scheduler.planner import EventPlan
from scheduler.schedule_drafts import EventDraft

TIME_HELP = "ISO-8601; local time in MREZA_TIMEZONE without an offset."
EventId = Annotated[str, typer.Argument(metavar="ID", help="The event's id.")]
Json = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def build() -> typer.Typer:
    """The ``event`` command group."""
    group = typer.Typer(help="Invite the network to events.", no_args_is_help=True)
    group.command()(create)
    group.command(name="list")(list_events)
    group.command()(attendees)
    group.command()(cancel)
    return group


def create(
    title: Annotated[str, typer.Option(metavar="TITLE", help="What the event is called.")],
    starts: Annotated[str, typer.Option(metavar="TIME", help=TIME_HELP)],
    ends: Annotated[str, typer.Option(metavar="TIME", help=TIME_HELP)],
    audience: Annotated[
        str,
        typer.Option(metavar="AUDIENCE", help="all, country:RS,ME, role:coordinator, or groups."),
    ],
    where: Annotated[str, typer.Option(metavar="TEXT", help="A place or a link.")] = "",
    description: Annotated[str, typer.Option(metavar="TEXT", help="What it is about.")] = "",
    remind: Annotated[
        str,
        typer.Option(
            "--reminders", metavar="SPANS", help="How long before the start: 1d,1h, or none."
        ),
    ] = "1d,1h",
    invite_at: Annotated[
        str, typer.Option(metavar="TIME", help="When to send the invitation: a time, or now.")
    ] = "now",
    as_json: Json = False,
) -> None:
    """Plan an event: its invitation now (or at --invite-at) and its reminders; print its id."""
    settings = Settings()
    zone = settings.timezone
    draft = ready(
        EventDraft(
            title=title,
            starts=exact_moment(starts, zone, "--starts"),
            ends=exact_moment(ends, zone, "--ends"),
            audience=checked(Audience.parse, audience),
            description=description,
            place=where,
            reminders=checked(reminders, remind),
            zone=zone,
            invite_at=moment(invite_at, zone),
        )
    )
    plan: EventPlan = operate(lambda mreza: planner(mreza).plan_event(draft, None), settings)
    if as_json:
        print_json(
            {"id": plan.event_id, "invitation": plan.invitation, "reminders": list(plan.reminders)}
        )
    else:
        typer.echo(plan.event_id)


def list_events(
    show_all: Annotated[
        bool, typer.Option("--all", help="Include cancelled and past events.")
    ] = False,
    as_json: Json = False,
) -> None:
    """Print the events still to come, soonest first, with how many answered what."""
    settings = Settings()
    now = clock().now()
    found = with_mreza(lambda mreza: events(mreza.sessions, now, show_all), settings)
    zone = ZoneInfo(settings.timezone)
    if as_json:
        print_json([event_json(view, zone) for view in found])
    else:
        typer.echo(events_table(found, zone))


def attendees(target: EventId, as_json: Json = False) -> None:
    """Each member's answer to the invitation (going, maybe, not going), and the totals."""
    wanted = checked(event_id, target)
    guests: GuestList = operate(
        lambda mreza: guest_list(mreza.sessions, mreza.members, wanted), Settings()
    )
    if as_json:
        print_json(guest_list_json(guests))
    else:
        typer.echo(guest_list_text(guests))


def cancel(target: EventId) -> None:
    """Cancel an event, its invitation and its reminders, whatever has not gone out yet."""
    wanted = checked(event_id, target)

    async def work(mreza: Mreza) -> None:
        await planner(mreza).cancel(await invitation_of(mreza.sessions, wanted))

    operate(work, Settings())
    typer.echo(f"cancelled event {wanted} with its invitation and reminders")
