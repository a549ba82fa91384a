"""Stores on every backend (memory, SQLite, PostgreSQL if it runs), and the CLI on a temp file."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from uuid import uuid4

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
from typer.testing import CliRunner, Result

from bot.members.directory import Refusals, SqlMemberDirectory
from bot.members.invite_store import SqlInviteBook
from bot.members.invites import InviteBook, RefusalLog
from core.clock import FakeClock
from core.members import MemberDirectory
from core.settings import BUNDLED_KB_PATH
from core.storage import create_engine, session_factory, upgrade
from tests.commands import build
from tests.members.in_memory import InMemoryInviteBook, InMemoryMemberDirectory, InMemoryRefusals

POSTGRES_URL = os.environ.get(
    "MREZA_TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
)
Sessions = async_sessionmaker[AsyncSession]


@dataclass(frozen=True)
class Stores:
    """The three ports, all on one backend."""

    directory: MemberDirectory
    invites: InviteBook
    refusals: RefusalLog


@asynccontextmanager
async def sqlite_sessions(database_url: str) -> AsyncIterator[Sessions]:
    """Sessions on a freshly migrated SQLite file."""
    engine = create_engine(database_url)
    try:
        await upgrade(engine)
        yield session_factory(engine)
    finally:
        await engine.dispose()


@pytest.fixture
async def sessions(database_url: str) -> AsyncIterator[Sessions]:
    """Sessions on a freshly migrated SQLite file."""
    async with sqlite_sessions(database_url) as on_sqlite:
        yield on_sqlite


@asynccontextmanager
async def postgres_sessions() -> AsyncIterator[Sessions]:
    """Sessions on a fresh PostgreSQL schema, dropped afterwards; skips when there is none."""
    if importlib.util.find_spec("asyncpg") is None:
        pytest.skip("asyncpg is not installed; `pip install asyncpg` to run this on PostgreSQL")
    schema = f"mreza_test_{uuid4().hex[:12]}"
    admin = create_async_engine(POSTGRES_URL, connect_args={"timeout": 5})
    try:
        async with admin.begin() as connection:
            await connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    except (OSError, SQLAlchemyError) as error:
        await admin.dispose()
        pytest.skip(f"PostgreSQL is not reachable at {POSTGRES_URL}: {error}")
    # The schema first on the search path: the migrations and every query land in it.
    engine = create_async_engine(
        POSTGRES_URL, connect_args={"server_settings": {"search_path": schema}}
    )
    try:
        await upgrade(engine)
        yield session_factory(engine)
    finally:
        await engine.dispose()
        async with admin.begin() as connection:
            await connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        await admin.dispose()


@pytest.fixture(params=["memory", "sqlite", pytest.param("postgresql", marks=pytest.mark.slow)])
async def stores(
    request: pytest.FixtureRequest, database_url: str, clock: FakeClock
) -> AsyncIterator[Stores]:
    """The same contract, run on each implementation."""
    if request.param == "memory":
        yield Stores(InMemoryMemberDirectory(), InMemoryInviteBook(), InMemoryRefusals())
    elif request.param == "sqlite":
        async with sqlite_sessions(database_url) as on_sqlite:
            yield _sql(on_sqlite, clock)
    else:
        async with postgres_sessions() as on_postgres:
            yield _sql(on_postgres, clock)


def _sql(sessions: Sessions, clock: FakeClock) -> Stores:
    return Stores(
        SqlMemberDirectory(sessions, clock),
        SqlInviteBook(sessions),
        Refusals(sessions, b"refusal key"),
    )


@pytest.fixture
def directory(stores: Stores) -> MemberDirectory:
    """The member directory under test."""
    return stores.directory


@pytest.fixture
def invites(stores: Stores) -> InviteBook:
    """The invite book under test."""
    return stores.invites


@pytest.fixture
def refusals(stores: Stores) -> RefusalLog:
    """The refusal log under test."""
    return stores.refusals


@dataclass(frozen=True)
class Cli:
    """The ``mreza`` command, run in-process on a temp database."""

    database_url: str
    kb_path: Path
    bot_username: str | None = None

    def __call__(self, *args: str) -> Result:
        """Run ``mreza ARGS`` and return what it printed and its exit code."""
        env = {
            "MREZA_DATABASE_URL": self.database_url,
            "MREZA_KB_PATH": str(self.kb_path),
            "MREZA_TELEGRAM_BOT_USERNAME": self.bot_username,
        }
        return CliRunner().invoke(build(), list(args), env=env)

    def members(self) -> list[dict[str, Any]]:
        """Every member, as ``mreza members list --json`` prints them."""
        listed = self("members", "list", "--json")
        assert listed.exit_code == 0, listed.output
        members: list[dict[str, Any]] = json.loads(listed.stdout)
        return members


@pytest.fixture(scope="session")
def small_kb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One bundled entry: these commands never search, so a small base keeps start-up quick."""
    directory = tmp_path_factory.mktemp("kb")
    first = min(BUNDLED_KB_PATH.glob("*.yaml"))
    shutil.copy(first, directory / first.name)
    return directory


@pytest.fixture
def mreza_cli(database_url: str, small_kb: Path) -> Cli:
    """The command line on a database of its own, with no bot username configured."""
    return Cli(database_url, small_kb)


@pytest.fixture
def unopened_cli(empty_database_url: str, small_kb: Path) -> Cli:
    """The command line on a database that does not exist yet: a refusal must not create it."""
    return Cli(empty_database_url, small_kb)


def never_opened(cli: Cli) -> bool:
    """True when the command line has not created its SQLite file (PostgreSQL: not checked)."""
    url = make_url(cli.database_url)
    return url.get_backend_name() != "sqlite" or not Path(str(url.database)).exists()


def one_line_error(result: Result) -> str:
    """The error a failed command printed, checked to be a single ``mreza:`` line."""
    assert result.stderr.startswith("mreza: "), result.output
    assert result.stderr.count("\n") == 1, result.stderr
    return result.stderr
