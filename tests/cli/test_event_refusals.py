"""``mreza event``: bad input is refused with one clear line, and nothing is stored."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.scheduling import Cli, cli_on, one_line_error, replaced, with_network

MEETING = (
    "event", "create", "--title", "Gender advisers' meeting", "--starts", "2030-01-15T10:00",
    "--ends", "2030-01-15T12:00", "--audience", "all",
)  # fmt: skip
PAST_UTC = "2020-01-15T09:00:00+00:00"  # 10:00 in Belgrade
EXAMPLE = "write it like 2026-12-01T10:00"
NONE = "(or none for no reminders)"
SPAN = f"write it like 7d, 12h or 30m {NONE}"
WINDOW = "the invitation must go out between now and the start"
COUNTRIES = "BA, ME, MK, RS, regional"
AUDIENCES = (
    f"all, country:RS,ME ({COUNTRIES}), role:coordinator (member, admin), groups "
    "(or groups:3,7, some of them), or kinds joined by ; (country:MK,RS;role:coordinator)"
)
NAMES = "or a country's name in any of the four languages (Srbija, Crna Gora, Македонија)"


@pytest.fixture
def cli(database_url: str, tmp_path: Path) -> Cli:
    """The command line on a network of four, nobody of them in North Macedonia."""
    return with_network(cli_on(database_url, tmp_path))


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        (("--starts", "2020-01-15T10:00"), f"the event starts in the past ({PAST_UTC})"),
        (("--starts", "the 15th"), f"cannot read the time 'the 15th'; {EXAMPLE}"),
        (("--starts", "now"), "--starts needs a date and time, like 2026-12-01T10:00"),
        (("--ends", "2030-01-15T09:00"), "the event must end after it starts"),
        (("--ends", "2030-01-15T10:00"), "the event must end after it starts"),
        (("--invite-at", "2030-01-16T10:00"), WINDOW),
        (("--invite-at", "2020-01-01T10:00"), WINDOW),
        (("--reminders", "1d,1x"), f"--reminders '1d,1x': cannot read the duration '1x'; {SPAN}"),
        (("--reminders", "1d,,1h"), f"--reminders '1d,,1h': cannot read the duration ''; {SPAN}"),
        (("--reminders", "0h"), f"--reminders '0h': the duration '0h' is zero {NONE}"),
        (
            ("--audience", "country:XK"),
            f"unknown country 'XK'; expected one of {COUNTRIES}, {NAMES}",
        ),
        (("--audience", "role:general"), f"unknown role 'general'; expected {AUDIENCES}"),
        (("--title", " "), "the event has no title"),
        (("--title", "x" * 201), "the title has 201 characters; the limit is 200"),
    ],
)
def test_a_bad_event_is_refused(cli: Cli, change: tuple[str, str], complaint: str) -> None:
    """Each bad value: one line on stderr, exit 2, and no event."""
    result = cli(*replaced(MEETING, change))
    assert result.exit_code == 2
    assert one_line_error(result) == complaint
    assert cli.schedules() == []


def test_an_event_for_nobody_is_refused(cli: Cli) -> None:
    """Nobody in North Macedonia: exit 1, and no event."""
    result = cli(*MEETING, "--audience", "country:MK")
    assert result.exit_code == 1
    assert one_line_error(result) == "the audience country:MK reaches nobody right now"
    assert cli.schedules() == []


@pytest.mark.parametrize("command", ["attendees", "cancel"])
def test_an_unknown_event_is_refused(cli: Cli, command: str) -> None:
    """Attendees of, or cancelling, an event that does not exist: exit 1."""
    result = cli("event", command, "7")
    assert result.exit_code == 1
    assert one_line_error(result) == "there is no event 7"


@pytest.mark.parametrize("command", ["attendees", "cancel"])
def test_a_malformed_event_id_is_a_usage_error(cli: Cli, command: str) -> None:
    """`event attendees first`: exit 2."""
    result = cli("event", command, "first")
    assert result.exit_code == 2
    assert one_line_error(result) == "the event id must be a positive whole number, not 'first'"


def test_cancelling_an_event_twice_is_refused(cli: Cli) -> None:
    """The second cancel says it was already done."""
    cli(*MEETING)
    cli("event", "cancel", "1")
    result = cli("event", "cancel", "1")
    assert result.exit_code == 1
    assert one_line_error(result) == "event 1 is already cancelled"
