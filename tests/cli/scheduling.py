"""The schedule commands on a temp database; the engine's part done by hand: fire, send, RSVP."""

from __future__ import annotations

import asyncio
import json
import shutil
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from typer.testing import CliRunner, Result

from bot.members.directory import SqlMemberDirectory
from core.clock import FakeClock
from core.members import Identity, NewMember, Role
from core.settings import BUNDLED_KB_PATH
from core.storage import create_engine, session_factory, upgrade
from scheduler.firing import Fired, Firing
from scheduler.schedule_tables import DeliveryRow, RsvpRow
from tests.commands import build
from tests.keys import SECRET_KEY
from tests.moment import NOW

T = TypeVar("T")
Sessions = async_sessionmaker[AsyncSession]
# Ana coordinates; the others are members. Nobody is in North Macedonia.
NETWORK = (
    ("Ana Petrović", "RS", Role.COORDINATOR),
    ("Marko Vuković", "ME", Role.MEMBER),
    ("Jovana Kovač", "BA", Role.MEMBER),
    ("Elena Jović", "RS", Role.MEMBER),
)


@dataclass(frozen=True)
class Cli:
    """The ``mreza`` command, run in-process on a temp database, in Belgrade time."""

    database_url: str
    kb_path: Path
    secret_key: str | None = SECRET_KEY  # None: run as a deployment that set no key
    secret_key_file: str | None = None

    def __call__(self, *args: str) -> Result:
        """Run ``mreza ARGS`` and return what it printed and its exit code."""
        env = {
            "MREZA_DATABASE_URL": self.database_url,
            "MREZA_KB_PATH": str(self.kb_path),
            "MREZA_TIMEZONE": "Europe/Belgrade",
            "MREZA_SECRET_KEY": self.secret_key,
            "MREZA_SECRET_KEY_FILE": self.secret_key_file,
        }
        return CliRunner().invoke(build(), list(args), env=env)

    def json(self, *args: str) -> Any:
        """Run ``mreza ARGS --json``, check it worked, and read what it printed."""
        result = self(*args, "--json")
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    def schedules(self) -> list[dict[str, Any]]:
        """Every schedule, ended ones included, as ``announce list --all --json`` prints them."""
        listed: list[dict[str, Any]] = self.json("announce", "list", "--all")
        return listed


def cli_on(database_url: str, directory: Path) -> Cli:
    """The command line on its own database and a one-entry knowledge base (quick to open)."""
    kb = directory / "kb"
    kb.mkdir()
    first = min(BUNDLED_KB_PATH.glob("*.yaml"))
    shutil.copy(first, kb / first.name)
    return Cli(database_url, kb)


def with_network(cli: Cli) -> Cli:
    """The same command line, after adding Ana, Marko, Jovana and Elena (ids 1 to 4)."""

    async def work(sessions: Sessions) -> None:
        directory = SqlMemberDirectory(sessions)
        for number, (name, country, role) in enumerate(NETWORK, start=1001):
            joining = NewMember(name, country, Identity("telegram", str(number)), role)
            await directory.add(joining, NOW)

    on_database(cli.database_url, work)
    return cli


def one_line_error(result: Result) -> str:
    """The error a failed command printed, checked to be a single ``mreza:`` line."""
    assert result.stderr.startswith("mreza: "), result.output
    assert result.stderr.count("\n") == 1, result.stderr
    return result.stderr.removeprefix("mreza: ").rstrip("\n")


def on_database(database_url: str, work: Callable[[Sessions], Awaitable[T]]) -> T:
    """Run ``work`` on the command line's database, as another process would."""

    async def run() -> T:
        engine = create_engine(database_url)
        try:
            await upgrade(engine)
            return await work(session_factory(engine))
        finally:
            await engine.dispose()

    return asyncio.run(run())


def fire(cli: Cli, at: datetime) -> Fired:
    """Fire what is due at ``at``, as the engine would then."""
    return on_database(
        cli.database_url,
        lambda sessions: Firing(
            sessions, SqlMemberDirectory(sessions), FakeClock(at), timedelta(hours=1)
        ).fire_due(),
    )


def settle(
    cli: Cli, recipient: str, status: str, error: str | None = None, sent_at: datetime | None = None
) -> None:
    """Record how one delivery ended, as the delivery worker would."""

    async def work(sessions: Sessions) -> None:
        async with sessions.begin() as session:
            await session.execute(
                update(DeliveryRow)
                .where(DeliveryRow.recipient == recipient)
                .values(status=status, last_error=error, sent_at=sent_at)
            )

    on_database(cli.database_url, work)


def rsvp(cli: Cli, event_id: int, member_id: int, answer: str) -> None:
    """A member presses going, maybe or not going under an invitation."""

    async def work(sessions: Sessions) -> None:
        async with sessions.begin() as session:
            session.add(
                RsvpRow(
                    event_id=event_id,
                    member_id=member_id,
                    answer=answer,
                    answered_at=NOW,
                )
            )

    on_database(cli.database_url, work)


def replaced(command: tuple[str, ...], change: tuple[str, str]) -> tuple[str, ...]:
    """The command with one option's value changed, or the option added if it has none."""
    option, value = change
    if option not in command:
        return (*command, option, value)
    at = command.index(option)
    return (*command[: at + 1], value, *command[at + 2 :])
