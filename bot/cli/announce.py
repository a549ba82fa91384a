"""``mreza announce``: schedule announcements; list, edit, cancel and report on schedules."""

from __future__ import annotations

from typing import Annotated
from zoneinfo import ZoneInfo

import typer

from bot.app import Mreza
from bot.cli.common import checked, fail, print_json, with_mreza
from bot.cli.language_forms import LanguageOption, author_form, in_forms, keyed_form
from bot.cli.schedule_args import (
    AUDIENCE_HELP,
    DryRun,
    moment,
    operate,
    planner,
    ready,
    schedule_id,
)
from bot.cli.schedule_views import (
    first_words,
    local_time,
    report_text,
    schedule_json,
    schedule_line,
    schedules_table,
)
from bot.cli.version_preview import show_preview
from bot.conversation.audience_reading import read_audience
from core.settings import Settings
from scheduler.reports import OccurrenceReport, occurrence_reports
from scheduler.schedule_drafts import AnnouncementDraft, ScheduleError, When
from scheduler.schedule_rows import ScheduleView

TIME_HELP = "ISO-8601 (local time in MREZA_TIMEZONE without an offset), or now."
RULE_HELP = 'An RFC 5545 RRULE, at most hourly: "FREQ=MONTHLY;BYDAY=1MO;BYHOUR=10".'
TEXT_HELP = 'What members will read; again as FORM="..." for other language forms (mk="...").'
ScheduleId = Annotated[str, typer.Argument(metavar="ID", help="The schedule's id.")]
Json = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def build() -> typer.Typer:
    """The ``announce`` command group."""
    group = typer.Typer(
        help="Schedule announcements; list, edit, cancel and report on schedules.",
        no_args_is_help=True,
    )
    group.command()(create)
    group.command(name="list")(list_schedules)
    group.command()(cancel)
    group.command()(edit)
    group.command()(report)
    return group


def create(
    text: Annotated[list[str], typer.Option(metavar="[FORM=]TEXT", help=TEXT_HELP)],
    audience: Annotated[str, typer.Option(metavar="AUDIENCE", help=AUDIENCE_HELP)],
    at: Annotated[str, typer.Option(metavar="TIME", help=TIME_HELP)],
    every: Annotated[str | None, typer.Option(metavar="RRULE", help=RULE_HELP)] = None,
    link: Annotated[str | None, typer.Option(metavar="URL", help="A link under the text.")] = None,
    image: Annotated[str | None, typer.Option(metavar="URL", help="A picture to send.")] = None,
    language: LanguageOption = "en",
    dry_run: DryRun = False,
    as_json: Json = False,
) -> None:
    """Schedule an announcement; print its id."""
    settings = Settings()
    zone = settings.timezone
    when = When(moment(at, zone), every, zone)
    author = author_form(language)
    own, versions = in_forms(text, "--text", author)
    draft = ready(
        AnnouncementDraft(
            own, checked(read_audience, audience), when, link, image, author, versions
        )
    )
    if dry_run:
        readers = operate(lambda mreza: planner(mreza).readers(draft.audience), settings)
        show_preview(author, {author: own, **versions}, readers, as_json)
        return
    created = operate(lambda mreza: planner(mreza).announce(draft, None), settings)
    if as_json:
        print_json({"id": created})
    else:
        typer.echo(created)


def list_schedules(
    show_all: Annotated[
        bool, typer.Option("--all", help="Include cancelled and finished schedules.")
    ] = False,
    as_json: Json = False,
) -> None:
    """Print the schedules still to go out, soonest first."""
    settings = Settings()
    views = with_mreza(lambda mreza: planner(mreza).schedules(show_all), settings)
    zone = ZoneInfo(settings.timezone)
    if as_json:
        print_json([schedule_json(view, zone) for view in views])
    else:
        typer.echo(schedules_table(views, zone))


def cancel(target: ScheduleId) -> None:
    """Cancel a schedule and whatever it has not sent yet (an invitation cancels its event)."""
    wanted = checked(schedule_id, target)

    async def work(mreza: Mreza) -> ScheduleView:
        cancelling = planner(mreza)
        # A finished schedule may still be sending: cancelling it stops what is left.
        if (await cancelling.get(wanted)).status == "cancelled":
            raise ScheduleError("ended", f"schedule {wanted} is already cancelled")
        return await cancelling.cancel(wanted)

    typer.echo(f"cancelled {schedule_line(operate(work, Settings()))}")


def edit(
    target: ScheduleId,
    text: Annotated[
        str | None,
        typer.Option(metavar="[FORM=]TEXT", help='The new text, or FORM="..." for one version.'),
    ] = None,
    at: Annotated[str | None, typer.Option(metavar="TIME", help=TIME_HELP)] = None,
    every: Annotated[
        str | None,
        typer.Option(metavar="RRULE", help="With --at: a new rule, or none; else the rule stays."),
    ] = None,
) -> None:
    """Change what a schedule will send (--text) or when (--at, --every), before it goes out."""
    wanted = checked(schedule_id, target)
    if (text is None) == (at is None) or (every is not None and at is None):
        fail("give either --text, or --at with --every if the rule changes", 2)
    settings = Settings()
    if text is not None:
        # Without a form key, the author's text changes, whatever language it is in.
        form, new = keyed_form(text, "--text")
        view = operate(lambda mreza: planner(mreza).edit_text(wanted, new, form), settings)
        typer.echo(f"{schedule_line(view)} now reads: {first_words(view.summary)}")
        return
    assert at is not None  # checked above: exactly one of the two
    first = moment(at, settings.timezone)

    async def move(mreza: Mreza) -> ScheduleView:
        moving = planner(mreza)
        # Moving the first time keeps the repetition unless a new rule (or none) is given.
        rule = (await moving.get(wanted)).rule if every is None else every
        cleared = None if rule is None or rule.strip().lower() == "none" else rule
        return await moving.edit_time(wanted, When(first, cleared, settings.timezone))

    view = operate(move, settings)
    following = view.next_fire_at
    when = local_time(following, ZoneInfo(settings.timezone)) if following else "never"
    typer.echo(f"{schedule_line(view)} next goes out {when}")


def report(target: ScheduleId, as_json: Json = False) -> None:
    """How each firing of a schedule went: recipients, delivered, failed, blocked, pending."""
    wanted = checked(schedule_id, target)

    async def work(mreza: Mreza) -> list[OccurrenceReport]:
        await planner(mreza).get(wanted)  # an unknown id is an error, not an empty report
        return await occurrence_reports(mreza.sessions, wanted)

    settings = Settings()
    reports = operate(work, settings)
    if as_json:
        print_json({"id": wanted, "occurrences": [r.as_json() for r in reports]})
    else:
        typer.echo(report_text(wanted, reports, ZoneInfo(settings.timezone)))
