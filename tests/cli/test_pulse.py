"""``mreza pulse``: create pulses, read results that hide small numbers, export without names."""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.members.directory import SqlMemberDirectory
from core.clock import FakeClock
from core.members import Identity, NewMember
from scheduler.firing import Firing
from scheduler.pulses.ballots import Ballots
from scheduler.pulses.machinery import pulse_machinery
from scheduler.pulses.pseudonyms import Pseudonyms
from tests.cli.scheduling import Cli, Sessions, cli_on, on_database, one_line_error, with_network
from tests.commands import build
from tests.keys import SECRET_KEY
from tests.moment import NOW

ASK = ("pulse", "create", "--question", "Do you know whom to tell?", "--audience", "all")
OPTIONS = ("--option", "Yes", "--option", "No", "--option", "Not sure")


@pytest.fixture
def cli(database_url: str, tmp_path: Path) -> Cli:
    """The command line on a network of four."""
    return with_network(cli_on(database_url, tmp_path))


def answered(cli: Cli, picks: list[int], country: str = "RS") -> None:
    """That many new members join, then what is due fires and they answer the pulse's round."""

    async def work(sessions: Sessions) -> None:
        clock = FakeClock(NOW + timedelta(seconds=5))
        members = SqlMemberDirectory(sessions, clock)
        pseudonyms = Pseudonyms(SECRET_KEY.encode())  # the key the command line is given
        joined = []
        for number in range(len(picks)):
            identity = Identity("telegram", f"9{number:05d}")
            joined.append(await members.add(NewMember(f"M{number}", country, identity), NOW))
        rules = pulse_machinery(sessions, clock, pseudonyms).rules
        fired = await Firing(sessions, members, clock, timedelta(hours=1), rules).fire_due()
        ballots = Ballots(sessions, pseudonyms, clock)
        round_id = fired.occurrences[0] if fired.occurrences else 1
        for member, pick in zip(joined, picks, strict=True):
            await ballots.cast(await ballots.open_round(round_id), member, (pick,))

    on_database(cli.database_url, work)


def test_create_prints_the_new_id_as_json(cli: Cli) -> None:
    """--json prints {"id": N}."""
    assert cli.json(*ASK, *OPTIONS, "--at", "now", "--json") == {"id": 1}


@pytest.mark.parametrize(
    ("extra", "reason"),
    [
        (("--option", "Yes", "--option", "yes"), "two options are the same"),
        (("--option", "Yes"), "a pulse has 2 to 12 options, not 1"),
        (tuple(x for n in range(13) for x in ("--option", f"O{n}")), "2 to 12 options, not 13"),
        (("--option", "Yes", "--option", "x" * 101), "over 100 characters"),
        ((*OPTIONS, "--scale", "nps"), "either --option"),
        (("--scale", "likert7"), "likert7"),
        ((*OPTIONS, "--mode", "secret"), "secret"),
        ((*OPTIONS, "--open-for", "5m"), "from 10 minutes to 31 days"),
        ((*OPTIONS, "--open-for", "1d", "--remind-after", "1d"), "before the pulse closes"),
    ],
)
def test_bad_input_is_refused_with_the_reason(
    cli: Cli, extra: tuple[str, ...], reason: str
) -> None:
    """Exit code 2, the reason on one line, and nothing scheduled."""
    result = cli(*ASK, *extra, "--at", "now")
    assert result.exit_code == 2
    assert reason in one_line_error(result)
    assert cli.schedules() == []


def test_a_question_over_300_characters_is_refused(cli: Cli) -> None:
    """The question's limit is Telegram's for polls."""
    result = cli("pulse", "create", "--question", "q" * 301, "--audience", "all", *OPTIONS,
                 "--at", "now")  # fmt: skip
    assert result.exit_code == 2
    assert "limit is 300" in one_line_error(result)


def test_results_hide_every_number_below_k(cli: Cli) -> None:
    """Four answers: hidden with the reason, and no counts at all."""
    cli(*ASK, *OPTIONS, "--at", "now")
    answered(cli, [0, 0, 1, 2])
    shown = cli.json("pulse", "results", "1", "--json")
    assert (shown["id"], shown["respondents"], shown["hidden"]) == (1, 4, True)
    assert shown["reason"] == "fewer than 5 respondents"
    assert "options" not in shown


def test_results_show_counts_from_k(cli: Cli) -> None:
    """Six answers: the counts per option, in the options' order."""
    cli(*ASK, *OPTIONS, "--at", "now")
    answered(cli, [0, 0, 1, 2, 0, 1])
    shown = cli.json("pulse", "results", "1", "--json")
    assert shown["hidden"] is False
    assert shown["options"] == [
        {"text": "Yes", "count": 3}, {"text": "No", "count": 2}, {"text": "Not sure", "count": 1},
    ]  # fmt: skip


def test_results_of_an_unknown_pulse_fail(cli: Cli) -> None:
    """Exit code 1 and the reason."""
    result = cli("pulse", "results", "42")
    assert result.exit_code == 1
    assert "there is no pulse 42" in one_line_error(result)


def test_export_has_no_identity_column(cli: Cli) -> None:
    """One row per answer: round, answer, value, country, role; never a member."""
    cli(*ASK, *OPTIONS, "--at", "now")
    answered(cli, [0, 1, 1, 2, 0])
    result = cli("pulse", "export", "1", "--csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == ["round", "answer", "value", "country", "role"]
    assert sorted(row["answer"] for row in rows) == ["No", "No", "Not sure", "Yes", "Yes"]
    assert {row["country"] for row in rows} == {"RS"}


def test_a_confidential_pulse_needs_the_secret_key(cli: Cli) -> None:
    """Without MREZA_SECRET_KEY a confidential pulse is refused, saying how to set the key."""
    result = replace(cli, secret_key=None)(*ASK, *OPTIONS, "--at", "now")
    assert result.exit_code == 2
    error = one_line_error(result)
    assert "MREZA_SECRET_KEY" in error
    assert "MREZA_SECRET_KEY_FILE" in error
    assert cli.schedules() == []


def test_an_anonymous_pulse_needs_no_secret_key(cli: Cli) -> None:
    """Anonymous pulses store no member's pseudonym, so they run without the key."""
    keyless = replace(cli, secret_key=None)
    assert keyless.json(*ASK, *OPTIONS, "--at", "now", "--mode", "anonymous") == {"id": 1}


def test_the_secret_key_can_be_read_from_a_file(cli: Cli, tmp_path: Path) -> None:
    """MREZA_SECRET_KEY_FILE names a file holding the key, as container secrets are given."""
    key_file = tmp_path / "secret_key"
    key_file.write_text(SECRET_KEY + "\n")
    from_file = replace(cli, secret_key=None, secret_key_file=str(key_file))
    assert from_file.json(*ASK, *OPTIONS, "--at", "now") == {"id": 1}


@pytest.mark.parametrize("content", [None, "  \n"])
def test_a_missing_or_empty_key_file_stops_the_command(
    cli: Cli, tmp_path: Path, content: str | None
) -> None:
    """One line naming the file, exit 2, nothing created."""
    key_file = tmp_path / "secret_key"
    if content is not None:
        key_file.write_text(content)
    result = replace(cli, secret_key=None, secret_key_file=str(key_file))(
        *ASK, *OPTIONS, "--at", "now"
    )
    assert result.exit_code == 2
    assert str(key_file) in one_line_error(result)


@pytest.fixture
def root_logging() -> Iterator[None]:
    """`mreza run` sets up the root logger for the process; put it back for the tests after."""
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    formatters = [handler.formatter for handler in handlers]
    yield
    root.setLevel(level)
    root.handlers[:] = handlers
    for handler, formatter in zip(handlers, formatters, strict=True):
        handler.setFormatter(formatter)


@pytest.mark.usefixtures("root_logging")
def test_mreza_run_refuses_confidential_pulses_without_the_key(cli: Cli) -> None:
    """A confidential pulse waiting to fire stops `mreza run` set up without the key: it names
    the pulse and says how to set the key, before it serves anyone."""
    cli(*ASK, *OPTIONS, "--at", "2027-06-01T10:00")
    env = {
        "MREZA_DATABASE_URL": cli.database_url,
        "MREZA_KB_PATH": str(cli.kb_path),
        "MREZA_TELEGRAM_TOKEN": "123:TEST",
        "MREZA_SECRET_KEY": None,
        "MREZA_SECRET_KEY_FILE": None,
    }
    result = CliRunner().invoke(build(), ["run"], env=env)
    assert result.exit_code == 2
    error = one_line_error(result)
    assert error.startswith("confidential pulses 1 need a secret key")
    assert "MREZA_SECRET_KEY" in error


@pytest.mark.parametrize(
    ("open_for", "reminded_after"),
    [("1h", 30), ("1d", 12 * 60), ("3d", 2 * 24 * 60), ("2w", 2 * 24 * 60)],
)
def test_without_remind_after_the_reminder_fits_the_span(
    cli: Cli, open_for: str, reminded_after: int
) -> None:
    """Halfway through a pulse shorter than four days, else after two days; never refused."""
    created = cli(*ASK, *OPTIONS, "--at", "now", "--open-for", open_for)
    assert created.exit_code == 0, created.output
    [pulse] = cli.json("pulse", "list")
    assert pulse["remind_minutes"] == reminded_after


def test_the_reminder_can_be_left_out(cli: Cli) -> None:
    """--remind-after none: nobody is reminded."""
    cli(*ASK, *OPTIONS, "--at", "now", "--remind-after", "none")
    assert cli.json("pulse", "list")[0]["remind_minutes"] is None


def test_the_pulse_list_shows_what_each_asks_and_when(cli: Cli) -> None:
    """One line per pulse under a header: its next opening, spans, mode, audience and question."""
    cli(*ASK, *OPTIONS, "--at", "2027-02-01T10:00", "--open-for", "1w")
    cli("announce", "create", "--text", "Not a pulse", "--audience", "all", "--at", "now")
    lines = cli("pulse", "list").stdout.splitlines()
    assert lines[0].split() == [
        "id", "status", "next", "open", "for", "remind", "after", "mode", "audience", "question",
    ]  # fmt: skip
    assert lines[1].split() == [
        "1", "active", "2027-02-01", "10:00", "CET", "7d", "2d", "confidential", "all",
        "Do", "you", "know", "whom", "to", "tell?",
    ]  # fmt: skip
    assert len(lines) == 2


def test_an_empty_pulse_list_says_so(cli: Cli) -> None:
    """No pulses yet: one plain line."""
    assert cli("pulse", "list").stdout == "no pulses\n"
