"""What an operator gets wrong in the environment: one line naming the setting, never a trace."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from tests.cli.scheduling import cli_on, one_line_error
from tests.commands import build


def mreza(env: dict[str, str], *args: str) -> Result:
    """Run ``mreza ARGS`` with these settings in the environment."""
    return CliRunner().invoke(build(), list(args), env=env)


@pytest.fixture
def env(database_url: str, tmp_path: Path) -> dict[str, str]:
    """Settings that work: a temp database and a one-entry knowledge base."""
    cli = cli_on(database_url, tmp_path)
    return {"MREZA_DATABASE_URL": cli.database_url, "MREZA_KB_PATH": str(cli.kb_path)}


@pytest.mark.parametrize(
    ("setting", "value", "said"),
    [
        ("MREZA_SEND_RATE", "abc", "MREZA_SEND_RATE='abc': input should be a valid number"),
        (
            "MREZA_TIMEZONE",
            "Mars/Olympus",
            "MREZA_TIMEZONE='Mars/Olympus': unknown time zone; use a name like Europe/Belgrade",
        ),
        ("MREZA_LOG_FORMAT", "xml", "MREZA_LOG_FORMAT='xml': input should be 'text' or 'json'"),
        ("MREZA_LOG_LEVEL", "loud", "MREZA_LOG_LEVEL='LOUD': input should be 'DEBUG'"),
    ],
)
def test_a_wrong_setting_is_named_on_one_line(
    env: dict[str, str], setting: str, value: str, said: str
) -> None:
    """Exit 2 and one line naming the variable, its value and what is wrong with it."""
    result = mreza({**env, setting: value}, "members", "list")
    assert result.exit_code == 2
    assert one_line_error(result).startswith(said)


def test_a_secret_that_is_wrong_is_named_but_not_printed(env: dict[str, str]) -> None:
    """A token or secret never reaches the terminal, even when it is the mistake."""
    result = mreza({**env, "MREZA_TELEGRAM_WEBHOOK_SECRET": "", "MREZA_SEND_RATE": "0"}, "kb")
    assert result.exit_code == 2
    assert one_line_error(result) == "MREZA_SEND_RATE='0': input should be greater than 0"


def test_an_unreachable_postgresql_is_one_line_with_the_password_masked(
    env: dict[str, str],
) -> None:
    """Nobody listens on port 1: exit 1, the address shown, the password as stars."""
    url = "postgresql+asyncpg://mreza:s3cret-pass@127.0.0.1:1/mreza"
    result = mreza({**env, "MREZA_DATABASE_URL": url}, "members", "list")
    assert result.exit_code == 1
    line = one_line_error(result)
    assert line.startswith(
        "cannot reach the database at MREZA_DATABASE_URL "
        "postgresql+asyncpg://mreza:***@127.0.0.1:1/mreza: "
    )
    assert "s3cret" not in result.output


def test_a_database_url_that_is_no_url_says_how_one_looks(env: dict[str, str]) -> None:
    """A typo in the URL's scheme is named, with the two forms Mreža takes."""
    result = mreza({**env, "MREZA_DATABASE_URL": "mreza.db"}, "members", "list")
    assert result.exit_code == 1
    assert one_line_error(result).startswith("MREZA_DATABASE_URL is not a database URL; write it")


def test_a_sqlite_file_in_a_missing_folder_is_one_line(env: dict[str, str], tmp_path: Path) -> None:
    """SQLite cannot create a file where there is no folder; the path is named."""
    url = f"sqlite+aiosqlite:///{tmp_path}/no/such/folder/mreza.db"
    result = mreza({**env, "MREZA_DATABASE_URL": url}, "members", "list")
    assert result.exit_code == 1
    assert one_line_error(result) == (
        f"cannot reach the database at MREZA_DATABASE_URL {url}: "
        f"the folder {tmp_path}/no/such/folder does not exist"
    )


def test_an_unknown_option_is_a_usage_error(env: dict[str, str]) -> None:
    """Exit 2, as for every usage error."""
    assert mreza(env, "members", "list", "--colour").exit_code == 2


def test_the_version_is_printed(env: dict[str, str]) -> None:
    """`mreza --version` prints the installed version and nothing else."""
    result = mreza(env, "--version")
    assert result.exit_code == 0
    assert result.stdout.startswith("mreza 0.")
    assert result.stdout.count("\n") == 1


def test_shell_completion_can_be_installed(env: dict[str, str]) -> None:
    """The help offers completion for the operator's shell."""
    result = mreza(env, "--help")
    assert "--install-completion" in result.stdout
    assert "--show-completion" in result.stdout


def test_the_log_level_follows_the_setting(env: dict[str, str]) -> None:
    """MREZA_LOG_LEVEL=debug turns on debug records for the command that runs."""
    root = logging.getLogger()
    before = root.level
    try:
        assert mreza({**env, "MREZA_LOG_LEVEL": "debug"}, "members", "list").exit_code == 0
        assert root.level == logging.DEBUG
    finally:
        root.setLevel(before)
