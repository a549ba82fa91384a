"""``mreza event``: the operator plans an event, sees who is coming, and calls it off."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from tests.cli.scheduling import Cli, cli_on, rsvp, with_network
from tests.moment import NOW

STARTS, ENDS = "2030-01-15T10:00", "2030-01-15T12:00"  # winter in Belgrade: UTC+1
MEETING = (
    "event", "create", "--title", "Gender advisers' meeting", "--starts", STARTS, "--ends", ENDS,
    "--audience", "all", "--where", "Podgorica, Hotel Ziya",
)  # fmt: skip


@pytest.fixture
def cli(database_url: str, tmp_path: Path) -> Cli:
    """The command line on a network of four."""
    return with_network(cli_on(database_url, tmp_path))


def test_creating_an_event_prints_its_id(cli: Cli) -> None:
    """The first event gets id 1, printed alone."""
    result = cli(*MEETING)
    assert result.exit_code == 0, result.output
    assert result.stdout == "1\n"


def test_creating_with_json_names_the_invitation_and_the_reminders(cli: Cli) -> None:
    """JSON: the event's id, its invitation's schedule and the reminders' schedules."""
    assert cli.json(*MEETING) == {"id": 1, "invitation": 1, "reminders": [2, 3]}


def test_reminders_go_out_a_day_and_an_hour_before_by_default(cli: Cli) -> None:
    """The invitation goes out now; the reminders at 10:00 the day before and at 09:00."""
    cli(*MEETING)
    schedules = cli.json("announce", "list")
    assert [(s["id"], s["kind"], s["event"]) for s in schedules] == [
        (1, "invitation", 1), (2, "reminder", 1), (3, "reminder", 1),
    ]  # fmt: skip
    invited = datetime.fromisoformat(schedules[0]["next_utc"])
    assert invited == NOW
    assert [s["next"] for s in schedules[1:]] == [
        "2030-01-14T10:00:00+01:00",
        "2030-01-15T09:00:00+01:00",
    ]


def test_the_reminders_can_be_chosen(cli: Cli) -> None:
    """--reminders 2h gives one reminder two hours before the start."""
    plan = cli.json(*MEETING, "--reminders", "2h")
    assert len(plan["reminders"]) == 1
    assert cli.json("announce", "list")[1]["next"] == "2030-01-15T08:00:00+01:00"


def test_an_event_can_go_without_reminders(cli: Cli) -> None:
    """--reminders none: only the invitation is scheduled."""
    assert cli.json(*MEETING, "--reminders", "none")["reminders"] == []
    assert [s["kind"] for s in cli.json("announce", "list")] == ["invitation"]


def test_the_invitation_can_wait(cli: Cli) -> None:
    """--invite-at sends the invitation later; reminders before it are left out."""
    plan = cli.json(*MEETING, "--invite-at", "2030-01-15T08:30")
    assert len(plan["reminders"]) == 1  # the day-before reminder would come before the invitation
    invitation, reminder = cli.json("announce", "list")
    assert (invitation["kind"], invitation["next"]) == ("invitation", "2030-01-15T08:30:00+01:00")
    assert reminder["next"] == "2030-01-15T09:00:00+01:00"


def test_the_attendees_are_listed_with_their_answers_and_totals(cli: Cli) -> None:
    """Going first, then maybe, then not going, each with name and country."""
    cli(*MEETING)
    rsvp(cli, 1, 2, "no")
    rsvp(cli, 1, 1, "going")
    rsvp(cli, 1, 4, "maybe")
    assert cli("event", "attendees", "1").stdout.splitlines() == [
        "event 1: Gender advisers' meeting: 1 going, 1 maybe, 1 not going",
        "  going: member 1, Ana Petrović (RS)",
        "  maybe: member 4, Elena Jović (RS)",
        "  not going: member 2, Marko Vuković (ME)",
    ]


def test_the_attendees_in_json(cli: Cli) -> None:
    """JSON: the event, the totals and one object per answer."""
    cli(*MEETING)
    rsvp(cli, 1, 3, "going")
    assert cli.json("event", "attendees", "1") == {
        "id": 1,
        "title": "Gender advisers' meeting",
        "going": 1,
        "maybe": 0,
        "no": 0,
        "attendees": [{"member": 3, "name": "Jovana Kovač", "country": "BA", "answer": "going"}],
    }


def test_before_anyone_answers_the_totals_are_zero(cli: Cli) -> None:
    """A fresh event has no attendees yet."""
    cli(*MEETING)
    assert cli("event", "attendees", "1").stdout == (
        "event 1: Gender advisers' meeting: 0 going, 0 maybe, 0 not going\n"
    )


def test_cancelling_an_event_cancels_its_invitation_and_reminders(cli: Cli) -> None:
    """Nothing of the event is left to send."""
    cli(*MEETING)
    result = cli("event", "cancel", "1")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "cancelled event 1 with its invitation and reminders; 0 who said going or maybe are told\n"
    )
    assert cli.json("announce", "list") == []
    assert {s["status"] for s in cli.schedules()} == {"cancelled"}


def test_the_event_list_shows_what_is_coming_with_the_answers(cli: Cli) -> None:
    """Each event under a header: status, start and end in local time, audience, answers."""
    cli(*MEETING)
    rsvp(cli, 1, 1, "going")
    rsvp(cli, 1, 2, "maybe")
    lines = cli("event", "list").stdout.splitlines()
    assert lines[0].split() == [
        "id", "status", "starts", "ends", "audience", "going", "maybe", "no", "title",
    ]  # fmt: skip
    assert lines[1].split() == [
        "1", "active", "2030-01-15", "10:00", "CET", "2030-01-15", "12:00", "CET", "all",
        "1", "1", "0", "Gender", "advisers'", "meeting",
    ]  # fmt: skip


def test_the_event_list_in_json(cli: Cli) -> None:
    """JSON: local times with their offset, the place, and the count of each answer."""
    cli(*MEETING)
    rsvp(cli, 1, 3, "no")
    assert cli.json("event", "list") == [
        {
            "id": 1,
            "title": "Gender advisers' meeting",
            "status": "active",
            "starts": "2030-01-15T10:00:00+01:00",
            "ends": "2030-01-15T12:00:00+01:00",
            "place": "Podgorica, Hotel Ziya",
            "audience": "all",
            "answers": {"going": 0, "maybe": 0, "no": 1},
        }
    ]


def test_cancelled_events_are_listed_only_with_all(cli: Cli) -> None:
    """A cancelled event drops out of the list, and is back with --all."""
    cli(*MEETING)
    cli(*MEETING[:3], "Second meeting", *MEETING[4:])
    cli("event", "cancel", "1")
    assert [e["id"] for e in cli.json("event", "list")] == [2]
    everything = cli.json("event", "list", "--all")
    assert [(e["id"], e["status"]) for e in everything] == [(1, "cancelled"), (2, "active")]


def test_an_empty_event_list_says_so(cli: Cli) -> None:
    """No events yet: one plain line."""
    assert cli("event", "list").stdout == "no events\n"
