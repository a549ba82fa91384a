"""``mreza pulse list``: the pulses planned and running, with how long each stays open."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated
from zoneinfo import ZoneInfo

import typer

from bot.app import Mreza
from bot.cli.common import print_json, with_mreza
from bot.cli.schedule_args import planner
from bot.cli.schedule_views import aligned, first_words, local_time, when_and_who
from core.settings import Settings
from scheduler.planner import ScheduleView
from scheduler.pulses.pulse_drafts import KIND
from scheduler.pulses.rounds import Pulse
from scheduler.pulses.tally import Tally

COLUMNS = ("id", "status", "next", "open for", "remind after", "mode", "audience", "question")


def list_pulses(
    show_all: Annotated[
        bool, typer.Option("--all", help="Include cancelled and finished pulses.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Print the pulses still to open, soonest first."""
    settings = Settings()

    async def work(mreza: Mreza) -> list[tuple[ScheduleView, Pulse]]:
        tally = Tally(mreza.sessions, settings.pulse_min_respondents)
        found = []
        for view in await planner(mreza).schedules(show_all):
            pulse = await tally.pulse(view.id) if view.kind == KIND else None
            if pulse is not None:
                found.append((view, pulse))
        return found

    pulses = with_mreza(work, settings)
    zone = ZoneInfo(settings.timezone)
    if as_json:
        print_json([pulse_json(view, pulse, zone) for view, pulse in pulses])
    elif not pulses:
        typer.echo("no pulses")
    else:
        typer.echo(aligned([COLUMNS, *(_cells(view, pulse, zone) for view, pulse in pulses)]))


def pulse_json(view: ScheduleView, pulse: Pulse, zone: ZoneInfo) -> dict[str, object]:
    """The JSON shape of a pulse in the list; spans in minutes."""
    return {
        "id": view.id,
        **when_and_who(view, zone),
        "question": pulse.question,
        "scale": pulse.scale.value,
        "mode": pulse.mode.value,
        "open_minutes": _minutes(pulse.open_for),
        "remind_minutes": None if pulse.remind_after is None else _minutes(pulse.remind_after),
    }


def _minutes(span: timedelta) -> int:
    return int(span.total_seconds() // 60)


def _span(span: timedelta | None) -> str:
    """A span the way it is typed on the command line: 3d, 12h, 30m, 1d12h."""
    if span is None:
        return "none"
    days, rest = divmod(_minutes(span), 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts = [f"{n}{unit}" for n, unit in ((days, "d"), (hours, "h"), (minutes, "m")) if n]
    return "".join(parts) or "0m"


def _cells(view: ScheduleView, pulse: Pulse, zone: ZoneInfo) -> tuple[str, ...]:
    following = local_time(view.next_fire_at, zone) if view.next_fire_at else "-"
    return (
        str(view.id),
        view.status + (" (repeats)" if view.rule else ""),
        following,
        _span(pulse.open_for),
        _span(pulse.remind_after),
        pulse.mode.value,
        view.audience,
        first_words(pulse.question),
    )
