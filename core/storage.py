"""The database: one async engine per process, schema managed by Alembic migrations."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Insert, MetaData, event, text
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import DeclarativeBase

MIGRATIONS = Path(__file__).resolve().parent.parent / "alembic"
STARTUP_LOCK = 0x6D72657A6101  # an advisory-lock key of Mreža's own, for start-up work

# Stable constraint names, so that migrations can refer to them on every database.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base of every table."""

    metadata = MetaData(naming_convention=NAMING)


def create_engine(url: str) -> AsyncEngine:
    """An async engine; SQLite gets foreign keys and a busy timeout, as PostgreSQL has."""
    engine = create_async_engine(url, pool_pre_ping=True)
    if make_url(url).get_backend_name() == "sqlite":
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
    return engine


class DatabaseUnreachable(Exception):
    """The configured database cannot be opened; the message names the setting, never a password."""


def masked(url: str) -> str:
    """A database URL fit to print: the password replaced by stars."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(unreadable URL)"


async def reach(url: str) -> AsyncEngine:
    """An engine on ``url`` once a first connection worked; else ``DatabaseUnreachable``.

    Only this first connection is checked: a failure later is a fault, not a setting.
    """
    _folder_exists(url)
    try:
        engine = create_engine(url)
    except (ArgumentError, ValueError):
        raise DatabaseUnreachable(
            "MREZA_DATABASE_URL is not a database URL; write it like sqlite+aiosqlite:///./mreza.db"
            " or postgresql+asyncpg://user:password@host/mreza"
        ) from None
    try:
        async with engine.connect():
            pass
    except (OSError, DBAPIError) as error:
        await engine.dispose()
        reason = error.orig if isinstance(error, DBAPIError) else error
        said = str(reason).strip()
        first = said.splitlines()[0] if said else type(reason).__name__
        raise DatabaseUnreachable(
            f"cannot reach the database at MREZA_DATABASE_URL {masked(url)}: {first}"
        ) from None
    return engine


def _folder_exists(url: str) -> None:
    """SQLite makes its file but not the folders above it; say so before aiosqlite tries."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return  # reach() says what is wrong with it
    file = parsed.database
    if parsed.get_backend_name() != "sqlite" or not file or file == ":memory:":
        return
    if not Path(file).parent.is_dir():
        raise DatabaseUnreachable(
            f"cannot reach the database at MREZA_DATABASE_URL {masked(url)}: "
            f"the folder {Path(file).parent} does not exist"
        )


def _sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]  # a DB-API connection
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def utc(moment: datetime) -> datetime:
    """The moment in UTC; SQLite hands back naive values, and Mreža only ever stores UTC."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def session_factory(engine: AsyncEngine) -> async_sessionmaker:  # type: ignore[type-arg]
    """Sessions that keep loaded objects usable after commit."""
    return async_sessionmaker(engine, expire_on_commit=False)


def alembic_config(url: str) -> Config:
    """Alembic's configuration, built in code so that no ini file has to be found."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


async def upgrade(engine: AsyncEngine) -> None:
    """Bring the schema to the newest migration (one instance at a time, when several start)."""
    async with engine.begin() as connection:
        await one_at_a_time(connection)
        await connection.run_sync(_upgrade)


async def one_at_a_time(connection: AsyncConnection) -> None:
    """On PostgreSQL, wait until no other instance is in this section; the lock ends with the
    transaction. Instances starting together would otherwise migrate, or import the knowledge
    base, at the same time and trip over each other's rows. SQLite writes one at a time anyway.
    """
    if connection.dialect.name == "postgresql":
        await connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": STARTUP_LOCK})


def _upgrade(connection: Connection) -> None:
    config = alembic_config(connection.engine.url.render_as_string(hide_password=False))
    if MigrationContext.configure(connection).get_current_heads() == _heads(config):
        return  # already at the newest migration: running Alembic's environment would cost more
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


@lru_cache(maxsize=1)
def _heads_of(script_location: str) -> tuple[str, ...]:
    return tuple(ScriptDirectory(script_location).get_heads())


def _heads(config: Config) -> tuple[str, ...]:
    """The newest migration(s) in the scripts, read once per process."""
    return _heads_of(str(config.get_main_option("script_location")))


def upgrade_blocking(url: str) -> None:
    """Upgrade from synchronous code (the CLI)."""

    async def run() -> None:
        engine = create_engine(url)
        try:
            await upgrade(engine)
        finally:
            await engine.dispose()

    asyncio.run(run())


def insert_ignoring_duplicates(
    dialect: str, model: type[Base], rows: list[dict[str, object]]
) -> Insert:
    """INSERT ... ON CONFLICT DO NOTHING, on SQLite and PostgreSQL alike."""
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    return insert(model).values(rows).on_conflict_do_nothing()
