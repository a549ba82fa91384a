"""``mreza web login-link``: a sign-in link printed as the last line, for coordinators only."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner, Result

from tests.commands import build


@pytest.fixture
def env(database_url: str) -> dict[str, str]:
    """A fresh database."""
    return {"MREZA_DATABASE_URL": database_url}


def mreza(env: dict[str, str], *args: str) -> Result:
    return CliRunner().invoke(build(), list(args), env=env)


def test_a_coordinator_gets_a_link_as_the_last_line(env: dict[str, str]) -> None:
    """The link points at MREZA_CONSOLE_URL's /console/sign-in/."""
    added = mreza(env, "members", "add", "--name", "Ana", "--country", "RS", "--role",
                  "coordinator", "--telegram-id", "4242")  # fmt: skip
    assert added.exit_code == 0, added.output
    env = env | {"MREZA_CONSOLE_URL": "https://mreza.example.org"}
    result = mreza(env, "web", "login-link", "--telegram-id", "4242")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1].startswith("https://mreza.example.org/console/sign-in/")


def test_a_member_gets_no_link(env: dict[str, str]) -> None:
    """Members are refused with one line, exit 1."""
    mreza(env, "members", "add", "--name", "Mila", "--country", "ME", "--telegram-id", "4343")
    result = mreza(env, "web", "login-link", "--telegram-id", "4343")
    assert result.exit_code == 1
    assert "coordinator" in result.stderr
    assert "sign-in" not in result.stdout


def test_a_stranger_gets_no_link(env: dict[str, str]) -> None:
    """An unknown account: one line, exit 1."""
    result = mreza(env, "web", "login-link", "--telegram-id", "999")
    assert result.exit_code == 1
    assert "no member" in result.stderr


def test_exactly_one_account_is_needed(env: dict[str, str]) -> None:
    """Neither or both: a usage error, exit 2."""
    assert mreza(env, "web", "login-link").exit_code == 2
    both = mreza(env, "web", "login-link", "--telegram-id", "1", "--signal-number", "+38160000")
    assert both.exit_code == 2


def test_a_bad_listen_address_is_a_usage_error(env: dict[str, str]) -> None:
    """--listen must be HOST:PORT."""
    result = mreza(env, "web", "--listen", "8080")
    assert result.exit_code == 2
    assert "HOST:PORT" in result.stderr
