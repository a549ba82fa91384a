"""``mreza announce``: bad input is refused with one clear line, and nothing is stored."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.scheduling import Cli, cli_on, one_line_error, replaced, with_network

LATER = "2030-01-15T10:00"
HELLO = ("announce", "create", "--text", "Dobar dan!", "--audience", "all", "--at", LATER)
HOURLY = "repeat at most hourly (FREQ=HOURLY, DAILY, WEEKLY, MONTHLY or YEARLY)"
EXAMPLE = "write it like 2026-12-01T10:00"
SOMETIMES = "FREQ=SOMETIMES is not one of YEARLY, MONTHLY, WEEKLY, DAILY, HOURLY"
EVERY_MINUTE = "FREQ=DAILY;BYHOUR={};BYMINUTE={}".format(
    ",".join(map(str, range(24))), ",".join(map(str, range(60)))
)
NEVER = "never fires after the start"
COUNTRIES = "BA, ME, MK, RS, regional"
AUDIENCES = (
    f"all, country:RS,ME ({COUNTRIES}), role:coordinator (member, admin), groups "
    "(or groups:3,7, some of them), or kinds joined by ; (country:MK,RS;role:coordinator)"
)
NAMES = "or a country's name in any of the four languages (Srbija, Crna Gora, Македонија)"
EITHER = "give either --text, or --at with --every if the rule changes"


@pytest.fixture
def cli(database_url: str, tmp_path: Path) -> Cli:
    """The command line on a network of four, nobody of them in North Macedonia."""
    return with_network(cli_on(database_url, tmp_path))


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        (("--at", "2020-01-01T10:00"), "2020-01-01T10:00+01:00 is in the past"),
        (("--at", "next tuesday"), f"cannot read the time 'next tuesday'; {EXAMPLE}"),
        (("--every", "FREQ=SOMETIMES"), SOMETIMES),
        (("--every", "FREQ=MINUTELY"), HOURLY),
        (("--every", "FREQ=DAILY;COUNT=0"), "COUNT=0 must be a whole number from 1 to 10,000"),
        (("--every", "FREQ=DAILY;UNTIL=20200101"), f"the rule 'FREQ=DAILY;UNTIL=20200101' {NEVER}"),
        (
            ("--every", "FREQ=HOURLY;INTERVAL=0"),
            "INTERVAL=0 must be a whole number from 1 to 1,000",
        ),
        (("--every", "FREQ=HOURLY;BYHOUR=25"), "BYHOUR=25 is out of range (0 to 23)"),
        (("--every", EVERY_MINUTE), "the rule repeats 1 minute apart; repeat at most hourly"),
        (
            ("--every", "FREQ=HOURLY;BYMINUTE=0,30"),
            "the rule repeats 30 minutes apart; repeat at most hourly",
        ),
        (
            ("--every", "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30"),
            "BYMONTHDAY=30 never comes in those months",
        ),
        (
            ("--audience", "country:RS,HR"),
            f"unknown country 'HR'; expected one of {COUNTRIES}, {NAMES}",
        ),
        (
            ("--audience", "Srbija,Atlantida"),
            f"unknown country 'Atlantida'; expected one of {COUNTRIES}, {NAMES}",
        ),
        (("--audience", "role:boss"), f"unknown role 'boss'; expected {AUDIENCES}"),
        (
            ("--audience", "everybody"),
            f"not an audience: 'everybody'; expected {AUDIENCES}, {NAMES}",
        ),
        (("--text", "   "), "the announcement has no text"),
        (("--text", "x" * 3801), "the text has 3801 characters; the limit is 3800"),
        (("--link", "ftp://x.example"), "the link 'ftp://x.example' is not an http(s) address"),
    ],
)
def test_a_bad_announcement_is_refused(cli: Cli, change: tuple[str, str], complaint: str) -> None:
    """Each bad value: one line on stderr, exit 2, and no schedule."""
    result = cli(*replaced(HELLO, change))
    assert result.exit_code == 2
    assert one_line_error(result) == complaint
    assert cli.schedules() == []


@pytest.mark.parametrize("audience", ["country:MK", "groups"])
def test_an_audience_that_reaches_nobody_is_refused(cli: Cli, audience: str) -> None:
    """Nobody in North Macedonia and no group chats: exit 1, and no schedule."""
    result = cli(*HELLO, "--audience", audience)
    assert result.exit_code == 1
    assert one_line_error(result) == f"the audience {audience} reaches nobody right now"
    assert cli.schedules() == []


@pytest.mark.parametrize(
    "command",
    [
        ("cancel", "9"),
        ("edit", "9", "--text", "Dobro veče!"),
        ("edit", "9", "--at", LATER),
        ("report", "9"),
    ],
)
def test_an_unknown_schedule_is_refused(cli: Cli, command: tuple[str, ...]) -> None:
    """Cancel, edit or report on an id nobody scheduled: exit 1."""
    result = cli("announce", *command)
    assert result.exit_code == 1
    assert one_line_error(result) == "there is no schedule 9"


def test_a_malformed_id_is_a_usage_error(cli: Cli) -> None:
    """`cancel one`: exit 2."""
    result = cli("announce", "cancel", "one")
    assert result.exit_code == 2
    assert one_line_error(result) == "the schedule id must be a positive whole number, not 'one'"


def test_cancelling_twice_is_refused(cli: Cli) -> None:
    """The second cancel says it was already done."""
    cli(*HELLO)
    cli("announce", "cancel", "1")
    result = cli("announce", "cancel", "1")
    assert result.exit_code == 1
    assert one_line_error(result) == "schedule 1 is already cancelled"


@pytest.mark.parametrize("change", [("--text", "Dobro veče!"), ("--at", "2030-02-01T10:00")])
def test_a_cancelled_schedule_cannot_be_edited(cli: Cli, change: tuple[str, str]) -> None:
    """Neither its text nor its time changes once it is cancelled."""
    cli(*HELLO)
    cli("announce", "cancel", "1")
    result = cli("announce", "edit", "1", *change)
    assert result.exit_code == 1
    assert one_line_error(result) == "schedule 1 is cancelled and cannot change"
    assert cli.schedules()[0]["text"] == "Dobar dan!"


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        (("--text", " "), "the announcement has no text"),
        (("--text", "x" * 3801), "the text has 3801 characters; the limit is 3800"),
        (("--at", "2020-01-01T10:00"), "2020-01-01T10:00+01:00 is in the past"),
        (("--at", "soon"), f"cannot read the time 'soon'; {EXAMPLE}"),
        (("--at", LATER, "--every", "FREQ=MINUTELY"), HOURLY),
        ((), EITHER),
        (("--text", "x", "--at", LATER), EITHER),
        (("--text", "x", "--every", "FREQ=DAILY"), EITHER),
    ],
)  # fmt: skip
def test_a_bad_edit_changes_nothing(cli: Cli, change: tuple[str, ...], complaint: str) -> None:
    """Each bad edit: one line on stderr, exit 2, and the schedule as it was."""
    cli(*HELLO)
    before = cli.schedules()
    result = cli("announce", "edit", "1", *change)
    assert result.exit_code == 2
    assert one_line_error(result) == complaint
    assert cli.schedules() == before


def test_an_event_reminder_is_not_an_announcement_to_reword(cli: Cli) -> None:
    """Reminders take their words from the event: editing their text is refused."""
    cli(
        "event", "create", "--title", "Gender advisers' meeting", "--starts", LATER,
        "--ends", "2030-01-15T12:00", "--audience", "all",
    )  # fmt: skip
    result = cli("announce", "edit", "2", "--text", "Something else")
    assert result.exit_code == 1
    assert one_line_error(result) == "schedule 2 is not an announcement"
