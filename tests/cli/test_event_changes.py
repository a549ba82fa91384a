"""``mreza event move`` and ``cancel``: those who said going or maybe are told; nobody else."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from scheduler.schedule_tables import DeliveryRow, EventRow, OccurrenceRow, ScheduleRow
from tests.cli.scheduling import (
    Cli,
    Sessions,
    cli_on,
    fire,
    on_database,
    one_line_error,
    rsvp,
    with_network,
)
from tests.moment import NOW

MEETING = (
    "event", "create", "--title", "Gender advisers' meeting", "--starts", "2030-01-15T10:00",
    "--ends", "2030-01-15T12:00", "--audience", "all",
)  # fmt: skip


@pytest.fixture
def cli(database_url: str, tmp_path: Path) -> Cli:
    """A network of four invited to a meeting: Ana going, Marko declining, Elena maybe."""
    ready = with_network(cli_on(database_url, tmp_path))
    assert ready(*MEETING).exit_code == 0
    rsvp(ready, 1, 1, "going")
    rsvp(ready, 1, 2, "no")
    rsvp(ready, 1, 4, "maybe")
    return ready


def told(cli: Cli, kind: str) -> list[str]:
    """Who the notices of this kind were addressed to, once fired."""
    fire(cli, NOW)

    async def work(sessions: Sessions) -> list[str]:
        async with sessions() as session:
            rows = await session.scalars(
                select(DeliveryRow.recipient)
                .join(OccurrenceRow, OccurrenceRow.id == DeliveryRow.occurrence_id)
                .join(ScheduleRow, ScheduleRow.id == OccurrenceRow.schedule_id)
                .where(ScheduleRow.kind == kind)
                .order_by(DeliveryRow.recipient)
            )
            return list(rows)

    return on_database(cli.database_url, work)


def sequence(cli: Cli) -> int:
    """How many changes of the event members were told of."""

    async def work(sessions: Sessions) -> int:
        async with sessions() as session:
            return (await session.scalars(select(EventRow.sequence))).one()

    return on_database(cli.database_url, work)


def test_moving_an_event_tells_those_coming(cli: Cli) -> None:
    """Ana (going) and Elena (maybe) are told; Marko declined and Jovana never answered."""
    result = cli("event", "move", "1", "--starts", "2030-01-22T10:00")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "event 1 now starts 2030-01-22 10:00 CET; 2 who said going or maybe are told\n"
    )
    assert told(cli, "event-moved") == ["member:1", "member:4"]
    assert sequence(cli) == 1


def test_a_moved_event_keeps_its_length_and_its_reminders_follow(cli: Cli) -> None:
    """Moved a week on: it still lasts two hours, reminded a day and an hour before."""
    moved = cli.json("event", "move", "1", "--starts", "2030-01-22T10:00")
    assert (moved["starts"], moved["ends"]) == (
        "2030-01-22T09:00:00+00:00",
        "2030-01-22T11:00:00+00:00",
    )
    reminders = [s["next"] for s in cli.json("announce", "list") if s["kind"] == "reminder"]
    assert reminders == ["2030-01-21T10:00:00+01:00", "2030-01-22T09:00:00+01:00"]


def test_an_end_can_be_given(cli: Cli) -> None:
    """--ends sets the new end; one before the start is refused."""
    assert cli.json("event", "move", "1", "--starts", "2030-01-15T14:00", "--ends",
                    "2030-01-15T18:00")["ends"] == "2030-01-15T17:00:00+00:00"  # fmt: skip
    refused = cli(
        "event", "move", "1", "--starts", "2030-01-15T14:00", "--ends", "2030-01-15T13:00"
    )
    assert refused.exit_code == 2
    assert one_line_error(refused) == "the event must end after it starts"


def test_cancelling_tells_those_coming(cli: Cli) -> None:
    """The cancellation goes to Ana and Elena, though the event's other messages stop."""
    result = cli("event", "cancel", "1")
    assert result.stdout.endswith("; 2 who said going or maybe are told\n")
    assert told(cli, "event-cancelled") == ["member:1", "member:4"]
    assert told(cli, "invitation") == []  # cancelled before it fired
    assert sequence(cli) == 1


def test_a_cancelled_event_cannot_move(cli: Cli) -> None:
    """Exit 1: the event is no longer there to move."""
    cli("event", "cancel", "1")
    result = cli("event", "move", "1", "--starts", "2030-01-22T10:00")
    assert result.exit_code == 1
    assert one_line_error(result) == "event 1 is cancelled"


def test_an_unknown_event_cannot_move(cli: Cli) -> None:
    """Exit 1 with the reason."""
    result = cli("event", "move", "7", "--starts", "2030-01-22T10:00")
    assert result.exit_code == 1
    assert one_line_error(result) == "there is no event 7"
