"""``mreza announce``: schedule, list, edit and cancel announcements, and see how they went."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from tests.cli.scheduling import Cli, cli_on, fire, settle, with_network
from tests.moment import NOW

LATER = "2030-01-15T10:00"  # winter in Belgrade: UTC+1
LATER_UTC = datetime(2030, 1, 15, 9, tzinfo=UTC)
HELLO = ("announce", "create", "--text", "Dobar dan, mreža!", "--audience", "all")


@pytest.fixture
def cli(database_url: str, tmp_path: Path) -> Cli:
    """The command line on a network of four."""
    return with_network(cli_on(database_url, tmp_path))


def monday_before_the_clock_change() -> date:
    """The Monday six days before the last Sunday of March after the fixed moment (2027-03-22)."""
    year = NOW.year
    last_sunday = max(
        date(year, 3, day) for day in range(25, 32) if date(year, 3, day).weekday() == 6
    )
    return last_sunday - timedelta(days=6)


def test_creating_an_announcement_prints_its_id(cli: Cli) -> None:
    """The first announcement gets id 1, printed alone so a script can keep it."""
    result = cli(*HELLO, "--at", LATER)
    assert result.exit_code == 0, result.output
    assert result.stdout == "1\n"


def test_creating_with_json_prints_the_id_as_an_object(cli: Cli) -> None:
    """--json gives {"id": N}."""
    assert cli.json(*HELLO, "--at", LATER) == {"id": 1}


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Македонија,Србија", "country:MK,RS"),
        ("Crna Gora", "country:ME"),
        ("montenegro", "country:ME"),
        ("country:MK,RS", "country:MK,RS"),
        ("Bosna i Hercegovina i Srbija", "country:BA,RS"),
        ("Srbija;role:coordinator", "country:RS;role:coordinator"),
    ],
)
def test_countries_may_be_named_in_any_of_the_four_languages(
    cli: Cli, typed: str, stored: str
) -> None:
    """--audience takes country names as the chat does, alone or with a role, beside codes."""
    result = cli("announce", "create", "--text", "Dobar dan!", "--audience", typed, "--at", LATER)
    assert result.exit_code == 0, result.output
    [row] = cli.schedules()
    assert row["audience"] == stored


def test_the_list_shows_each_schedule_in_local_time(cli: Cli) -> None:
    """The table has the id, kind, status, Belgrade time, audience and the first words."""
    cli(*HELLO, "--at", LATER, "--audience", "country:RS,ME")
    lines = cli("announce", "list").stdout.splitlines()
    assert lines[0].split() == ["id", "kind", "status", "next", "audience", "text"]
    assert lines[1].split() == [
        "1", "announcement", "active", "2030-01-15", "10:00", "CET", "country:ME,RS", "Dobar",
        "dan,", "mreža!",
    ]  # fmt: skip


def test_the_list_in_json_gives_local_and_utc_times(cli: Cli) -> None:
    """JSON: the next time by the rule (the first Monday after the 15th), local and UTC."""
    cli(*HELLO, "--at", LATER, "--every", "FREQ=MONTHLY;BYDAY=1MO;BYHOUR=10")
    assert cli.json("announce", "list") == [
        {
            "id": 1,
            "kind": "announcement",
            "status": "active",
            "next": "2030-02-04T10:00:00+01:00",
            "next_utc": "2030-02-04T09:00:00+00:00",
            "rule": "FREQ=MONTHLY;BYDAY=1MO;BYHOUR=10",
            "audience": "all",
            "text": "Dobar dan, mreža!",
            "event": None,
        }
    ]


def test_a_long_text_is_cut_to_its_first_words_in_the_table(cli: Cli) -> None:
    """The table shows the start of a long text, cut at a word, with an ellipsis."""
    words = "The regional conference on gender advisers opens registration next Monday"
    cli("announce", "create", "--text", words, "--audience", "all", "--at", LATER)
    assert "The regional conference on gender…" in cli("announce", "list").stdout


def test_a_time_with_an_offset_is_taken_as_written(cli: Cli) -> None:
    """09:00 UTC is 10:00 in Belgrade in winter."""
    cli(*HELLO, "--at", "2030-01-15T09:00+00:00")
    assert cli.json("announce", "list")[0]["next"] == "2030-01-15T10:00:00+01:00"


def test_a_weekly_announcement_stays_at_ten_across_the_clock_change(cli: Cli) -> None:
    """10:00 every Monday is 09:00 UTC before the March change and 08:00 UTC after it."""
    monday = monday_before_the_clock_change()
    cli(*HELLO, "--at", f"{monday}T10:00", "--every", "FREQ=WEEKLY")
    [before] = cli.json("announce", "list")
    assert (before["next"], before["next_utc"]) == (
        f"{monday}T10:00:00+01:00",
        f"{monday}T09:00:00+00:00",
    )
    fire(cli, datetime.fromisoformat(before["next_utc"]))
    [after] = cli.json("announce", "list")
    following = monday + timedelta(days=7)
    assert (after["next"], after["next_utc"]) == (
        f"{following}T10:00:00+02:00",
        f"{following}T08:00:00+00:00",
    )


def test_an_empty_list_says_so(cli: Cli) -> None:
    """With nothing scheduled, the list says so; JSON gives an empty list."""
    assert cli("announce", "list").stdout == "no schedules\n"
    assert cli.json("announce", "list") == []


def test_cancelling_stops_a_schedule(cli: Cli) -> None:
    """A cancelled announcement leaves the list, and shows as cancelled with --all."""
    cli(*HELLO, "--at", LATER)
    result = cli("announce", "cancel", "1")
    assert result.exit_code == 0, result.output
    assert result.stdout == "cancelled schedule 1 (announcement)\n"
    assert cli.json("announce", "list") == []
    [cancelled] = cli.schedules()
    assert (cancelled["status"], cancelled["next"]) == ("cancelled", None)


def test_editing_the_text_changes_what_will_be_sent(cli: Cli) -> None:
    """--text replaces the text of an announcement that has not gone out."""
    cli(*HELLO, "--at", LATER)
    result = cli("announce", "edit", "1", "--text", "Dobro veče!")
    assert result.stdout == "schedule 1 (announcement) now reads: Dobro veče!\n"
    assert cli.json("announce", "list")[0]["text"] == "Dobro veče!"


def test_moving_a_repeating_announcement_keeps_its_rule(cli: Cli) -> None:
    """--at alone moves the first time; the weekly rule stays."""
    cli(*HELLO, "--at", LATER, "--every", "FREQ=WEEKLY")
    result = cli("announce", "edit", "1", "--at", "2030-01-16T12:30")
    assert result.stdout == "schedule 1 (announcement) next goes out 2030-01-16 12:30 CET\n"
    [moved] = cli.json("announce", "list")
    assert (moved["next"], moved["rule"]) == ("2030-01-16T12:30:00+01:00", "FREQ=WEEKLY")


def test_every_none_makes_a_repeating_announcement_go_out_once(cli: Cli) -> None:
    """--at with --every none keeps the new time and drops the rule."""
    cli(*HELLO, "--at", LATER, "--every", "FREQ=WEEKLY")
    cli("announce", "edit", "1", "--at", LATER, "--every", "none")
    assert cli.json("announce", "list")[0]["rule"] is None


def test_the_report_counts_each_outcome(cli: Cli) -> None:
    """Delivered, failed with its reason, blocked and pending, and how long it took."""
    cli(*HELLO, "--at", LATER)
    fire(cli, LATER_UTC)
    settle(cli, "member:1", "sent", sent_at=LATER_UTC + timedelta(seconds=2.5))
    settle(cli, "member:2", "failed", "Bad Request: chat not found")
    settle(cli, "member:3", "blocked", "Forbidden: bot was blocked by the user")
    assert cli("announce", "report", "1").stdout.splitlines() == [
        "2030-01-15 10:00 CET (delivering): 4 recipients, 1 delivered, 1 failed, 1 blocked, "
        "1 pending, took 2.5 s",
        "  failed 1: Bad Request: chat not found",
    ]


def test_the_report_in_json_lists_every_occurrence(cli: Cli) -> None:
    """JSON: the schedule's id and one object per firing, as the report gives it."""
    cli(*HELLO, "--at", LATER)
    fire(cli, LATER_UTC)
    settle(cli, "member:2", "failed", "timed out")
    assert cli.json("announce", "report", "1") == {
        "id": 1,
        "occurrences": [
            {
                "occurrence": 1,
                "schedule": 1,
                "fire_at": "2030-01-15T09:00:00+00:00",
                "status": "delivering",
                "recipients": 4,
                "delivered": 0,
                "failed": 1,
                "blocked": 0,
                "cancelled": 0,
                "pending": 3,
                "failures": {"timed out": 1},
                "duration_seconds": None,
            }
        ],
    }


def test_the_report_of_a_schedule_not_yet_sent_says_so(cli: Cli) -> None:
    """Before its first firing a schedule has nothing to report."""
    cli(*HELLO, "--at", LATER)
    assert cli("announce", "report", "1").stdout == "schedule 1 has not gone out yet\n"
    assert cli.json("announce", "report", "1") == {"id": 1, "occurrences": []}


def test_cancelling_after_the_firing_stops_what_is_still_unsent(cli: Cli) -> None:
    """A mistaken broadcast can be stopped: the pending messages become cancelled."""
    cli(*HELLO, "--at", LATER)
    fire(cli, LATER_UTC)
    settle(cli, "member:1", "sent", sent_at=LATER_UTC)
    assert cli("announce", "cancel", "1").exit_code == 0
    [occurrence] = cli.json("announce", "report", "1")["occurrences"]
    assert (occurrence["delivered"], occurrence["cancelled"], occurrence["pending"]) == (1, 3, 0)
