"""``mreza event``: invite the network to an event, see who is coming, call it off."""

from __future__ import annotations

from typing import Annotated
from zoneinfo import ZoneInfo

import typer

from bot.app import Mreza
from bot.cli.common import checked, clock, fail, print_json, with_mreza
from bot.cli.event_book import GuestList, events, guest_list, invitation_of
from bot.cli.language_forms import LanguageOption, author_form, in_forms, keyed_form
from bot.cli.schedule_args import (
    AUDIENCE_HELP,
    DryRun,
    event_id,
    exact_moment,
    moment,
    operate,
    planner,
    ready,
    reminders,
)
from bot.cli.schedule_views import (
    event_json,
    events_table,
    guest_list_json,
    guest_list_text,
    local_time,
)
from bot.cli.version_preview import show_preview
from bot.conversation.audience_reading import read_audience
from core.members import Language
from core.settings import Settings
from scheduler.event_changes import coming
from scheduler.planner import EventPlan
from scheduler.schedule_drafts import EventDraft

TIME_HELP = "ISO-8601; local time in MREZA_TIMEZONE without an offset."
TITLE_HELP = 'What the event is called; again as FORM="..." for other language forms.'
DESCRIPTION_HELP = 'What it is about; again as FORM="..." for other language forms.'
EventId = Annotated[str, typer.Argument(metavar="ID", help="The event's id.")]
Json = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def build() -> typer.Typer:
    """The ``event`` command group."""
    group = typer.Typer(help="Invite the network to events.", no_args_is_help=True)
    group.command()(create)
    group.command(name="list")(list_events)
    group.command()(attendees)
    group.command()(cancel)
    group.command()(move)
    return group


def create(
    title: Annotated[list[str], typer.Option(metavar="[FORM=]TITLE", help=TITLE_HELP)],
    starts: Annotated[str, typer.Option(metavar="TIME", help=TIME_HELP)],
    ends: Annotated[str, typer.Option(metavar="TIME", help=TIME_HELP)],
    audience: Annotated[
        str,
        typer.Option(metavar="AUDIENCE", help=AUDIENCE_HELP),
    ],
    where: Annotated[str, typer.Option(metavar="TEXT", help="A place or a link.")] = "",
    description: Annotated[
        list[str] | None, typer.Option(metavar="[FORM=]TEXT", help=DESCRIPTION_HELP)
    ] = None,
    remind: Annotated[
        str,
        typer.Option(
            "--reminders", metavar="SPANS", help="How long before the start: 1d,1h, or none."
        ),
    ] = "1d,1h",
    invite_at: Annotated[
        str, typer.Option(metavar="TIME", help="When to send the invitation: a time, or now.")
    ] = "now",
    language: LanguageOption = "en",
    dry_run: DryRun = False,
    as_json: Json = False,
) -> None:
    """Plan an event: its invitation now (or at --invite-at) and its reminders; print its id."""
    settings = Settings()
    zone = settings.timezone
    author = author_form(language)
    own, versions = event_forms(title, description or [], author)
    draft = ready(
        EventDraft(
            title=own[0],
            starts=exact_moment(starts, zone, "--starts"),
            ends=exact_moment(ends, zone, "--ends"),
            audience=checked(read_audience, audience),
            description=own[1],
            place=where,
            reminders=checked(reminders, remind),
            zone=zone,
            invite_at=moment(invite_at, zone),
            language=author,
            versions=versions,
        )
    )
    if dry_run:
        readers = operate(lambda mreza: planner(mreza).readers(draft.audience), settings)
        shown = {form: "\n".join(part for part in text if part) for form, text in versions.items()}
        show_preview(author, {author: "\n".join(p for p in own if p), **shown}, readers, as_json)
        return
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

    async def work(mreza: Mreza) -> int:
        invitation = await invitation_of(mreza.sessions, wanted)
        async with mreza.sessions() as session:
            told = await coming(session, wanted)
        await planner(mreza).cancel(invitation)
        return told

    told = operate(work, Settings())
    typer.echo(
        f"cancelled event {wanted} with its invitation and reminders; "
        f"{told} who said going or maybe are told"
    )


def event_forms(
    titles: list[str], descriptions: list[str], author: Language
) -> tuple[tuple[str, str], dict[Language, tuple[str, str]]]:
    """The author's title and description, and each other form's."""
    title, title_versions = in_forms(titles, "--title", author)
    described: dict[Language, str] = {}
    for value in descriptions:
        form, text = keyed_form(value, "--description")
        described[form or author] = text
    orphans = sorted(f.value for f in described if f is not author and f not in title_versions)
    if orphans:
        fail(f"--description {orphans[0]}=… needs a --title {orphans[0]}=… too", 2)
    versions = {form: (text, described.get(form, "")) for form, text in title_versions.items()}
    return (title, described.get(author, "")), versions


def move(
    target: EventId,
    starts: Annotated[str, typer.Option(metavar="TIME", help=TIME_HELP)],
    ends: Annotated[
        str | None, typer.Option(metavar="TIME", help="The new end; else it keeps its length.")
    ] = None,
    as_json: Json = False,
) -> None:
    """Give an event a new time; who said going or maybe is told, with a new calendar file."""
    wanted = checked(event_id, target)
    settings = Settings()
    zone = settings.timezone
    new_start = exact_moment(starts, zone, "--starts")
    new_end = exact_moment(ends, zone, "--ends") if ends is not None else None
    moved = operate(
        lambda mreza: planner(mreza).move_event(wanted, new_start, new_end),
        settings,
    )
    if as_json:
        print_json(
            {"id": moved.event_id, "starts": moved.starts.isoformat(),
             "ends": moved.ends.isoformat(), "told": moved.told}
        )  # fmt: skip
        return
    when = local_time(moved.starts, ZoneInfo(zone))
    told = f"{moved.told} who said going or maybe are told"
    typer.echo(f"event {moved.event_id} now starts {when}; {told}")
