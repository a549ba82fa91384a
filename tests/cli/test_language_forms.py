"""One convention on every command for texts in several language forms: ``--text mk="..."``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from scheduler.schedule_tables import EventRow, ScheduleRow
from tests.cli.scheduling import Cli, Sessions, cli_on, on_database, one_line_error, with_network

MEETING = "Regional meeting moved to Skopje"
SASTANAK = "Регионалниот состанок е преместен во Скопје"
ANNOUNCE = ("announce", "create", "--audience", "all", "--at", "2030-01-15T10:00")
PULSE = ("pulse", "create", "--audience", "all", "--at", "now")
EVENT = (
    "event", "create", "--starts", "2030-01-15T10:00", "--ends", "2030-01-15T12:00",
    "--audience", "all",
)  # fmt: skip


@pytest.fixture
def cli(database_url: str, tmp_path: Path) -> Cli:
    """The command line on a network of four who read English, and Ana from Skopje."""
    ready = with_network(cli_on(database_url, tmp_path))
    added = ready(
        "members", "add", "--telegram-id", "2001", "--name", "Ana", "--country", "MK",
        "--language", "mk",
    )  # fmt: skip
    assert added.exit_code == 0, added.output
    return ready


def stored(cli: Cli) -> list[tuple[str, str | None, dict[str, Any]]]:
    """Each schedule's kind, author's language and versions, as kept."""

    async def work(sessions: Sessions) -> list[tuple[str, str | None, dict[str, Any]]]:
        async with sessions() as session:
            rows = await session.scalars(select(ScheduleRow).order_by(ScheduleRow.id))
            return [(row.kind, row.language, row.versions) for row in rows]

    return on_database(cli.database_url, work)


def test_an_announcement_keeps_a_version_per_form(cli: Cli) -> None:
    """--text is the author's text; --text mk="..." the Macedonian version beside it."""
    result = cli(*ANNOUNCE, "--text", MEETING, "--text", f"mk={SASTANAK}")
    assert result.exit_code == 0, result.output
    assert stored(cli) == [("announcement", "en", {"mk": {"text": SASTANAK}})]
    assert cli.schedules()[0]["text"] == MEETING


def test_the_author_may_write_in_another_language(cli: Cli) -> None:
    """--language mk: the plain --text is Macedonian, and en="..." is a version."""
    result = cli(*ANNOUNCE, "--language", "mk", "--text", SASTANAK, "--text", f"en={MEETING}")
    assert result.exit_code == 0, result.output
    assert stored(cli) == [("announcement", "mk", {"en": {"text": MEETING}})]


@pytest.mark.parametrize(
    ("texts", "reason"),
    [
        (("--text", MEETING, "--text", "de=Treffen"), "--text de=…: 'de' is not a language form"),
        (("--text", MEETING, "--text", "mk=a", "--text", "mk=b"), "--text is given twice in mk"),
        (("--text", f"mk={SASTANAK}",), "give --text in the author's language, en"),
        (("--text", MEETING, "--text", "mk= "), "the mk version: the announcement has no text"),
    ],
)  # fmt: skip
def test_a_bad_form_is_one_line_and_exit_2(cli: Cli, texts: tuple[str, ...], reason: str) -> None:
    """An unknown key, a form given twice, no author's text, an empty version: nothing stored."""
    result = cli(*ANNOUNCE, *texts)
    assert result.exit_code == 2
    assert one_line_error(result).startswith(reason)
    assert stored(cli) == []


def test_a_longer_word_before_an_equals_sign_is_text(cli: Cli) -> None:
    """Only two to four letters (maybe with a subtag) before "=" name a form."""
    assert cli(*ANNOUNCE, "--text", "Agenda=see the link").exit_code == 0
    assert cli.schedules()[0]["text"] == "Agenda=see the link"


def test_the_dry_run_shows_each_version_and_who_gets_it(cli: Cli) -> None:
    """Four members read English and get the author's text; Ana gets the Macedonian one."""
    result = cli(*ANNOUNCE, "--text", MEETING, "--text", f"mk={SASTANAK}", "--dry-run")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "Each member gets the version in their language if there is one, "
        "else the author's text (en).",
        "en (the author's text, also for everyone whose language has no version): 4 members",
        f"  {MEETING}",
        "mk: 1 member",
        f"  {SASTANAK}",
        "Recipients: 5. Nothing was scheduled (--dry-run).",
    ]
    assert stored(cli) == []


def test_a_version_nobody_reads_is_counted_as_nobody(cli: Cli) -> None:
    """A Serbian Cyrillic version for an audience without Cyrillic readers: 0 members."""
    got = cli.json(*ANNOUNCE, "--text", MEETING, "--text", "sr-cyrl=Састанак", "--dry-run")
    assert [(v["language"], v["recipients"]) for v in got["versions"]] == [
        ("en", 5),
        ("sr-cyrl", 0),
    ]
    assert (got["recipients"], got["scheduled"]) == (5, False)


def test_editing_one_version_leaves_the_others(cli: Cli) -> None:
    """announce edit ID --text mk="..." changes the Macedonian version alone."""
    cli(*ANNOUNCE, "--text", MEETING, "--text", "mk=Стар текст")
    assert cli("announce", "edit", "1", "--text", f"mk={SASTANAK}").exit_code == 0
    assert stored(cli) == [("announcement", "en", {"mk": {"text": SASTANAK}})]
    assert cli.schedules()[0]["text"] == MEETING


def test_a_pulse_takes_its_question_and_options_in_each_form(cli: Cli) -> None:
    """Options are matched by position: the second mk option is the second option."""
    result = cli(
        *PULSE, "--question", "Do you know whom to tell?", "--question", "mk=Дали знаете кому?",
        "--option", "Yes", "--option", "mk=Да", "--option", "No", "--option", "mk=Не",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert stored(cli) == [
        ("pulse", "en", {"mk": {"question": "Дали знаете кому?", "options": ["Да", "Не"]}})
    ]


def test_a_pulse_version_needs_every_option(cli: Cli) -> None:
    """Two options, but one Macedonian: refused before anything is stored."""
    result = cli(
        *PULSE, "--question", "Whom to tell?", "--question", "mk=Кому?",
        "--option", "Yes", "--option", "No", "--option", "mk=Да",
    )  # fmt: skip
    assert result.exit_code == 2
    assert one_line_error(result) == (
        "the mk version has 1 options, the author's 2: give each option in the same order"
    )


def test_an_event_takes_its_title_and_description_in_each_form(cli: Cli) -> None:
    """--title mk="..." with --description mk="..."; the dry run shows both."""
    forms = (
        "--title", "Workshop", "--title", "mk=Работилница", "--description", "Bring figures",
        "--description", "mk=Донесете бројки",
    )  # fmt: skip
    preview = cli(*EVENT, *forms, "--dry-run")
    assert preview.exit_code == 0, preview.output
    assert "mk: 1 member\n  Работилница\n  Донесете бројки\n" in preview.stdout
    assert cli(*EVENT, *forms).exit_code == 0

    async def versions(sessions: Sessions) -> dict[str, Any]:
        async with sessions() as session:
            return (await session.scalars(select(EventRow))).one().versions

    assert on_database(cli.database_url, versions) == {
        "mk": {"title": "Работилница", "description": "Донесете бројки"}
    }


def test_a_description_version_needs_its_title(cli: Cli) -> None:
    """A Macedonian description without a Macedonian title is a usage error."""
    result = cli(*EVENT, "--title", "Workshop", "--description", "mk=Донесете бројки")
    assert result.exit_code == 2
    assert one_line_error(result) == "--description mk=… needs a --title mk=… too"


def test_a_bad_author_language_is_one_line(cli: Cli) -> None:
    """--language de is refused, naming the forms."""
    result = cli(*ANNOUNCE, "--language", "de", "--text", MEETING)
    assert result.exit_code == 2
    assert one_line_error(result) == (
        "--language 'de' is not a language form; use one of en, bcms, sr-cyrl, mk"
    )
