"""Databases for tests: SQLite files by default, or one fresh PostgreSQL database per test.

Setting ``MREZA_TEST_DATABASE_URL`` to a PostgreSQL server (any database on it the user may
connect to) runs the suite there: every test gets a database of its own, cloned from a template
migrated once per run, and dropped afterwards, so runs side by side never meet. Tests that need
PostgreSQL whatever the run (several instances, advisory locks) use the same server, or
``postgresql+asyncpg://postgres@127.0.0.1:5432/test``, and skip when it does not answer.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from contextlib import contextmanager
from uuid import uuid4

import asyncpg
import pytest
from sqlalchemy import inspect
from sqlalchemy.engine import make_url

from core.storage import create_engine, upgrade

SERVER_VARIABLE = "MREZA_TEST_DATABASE_URL"
DEFAULT_SERVER = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
PREFIX = "mreza_test_"
CONNECT_TIMEOUT = 5.0


def configured_server() -> str | None:
    """The PostgreSQL server the whole run uses, if this run is on PostgreSQL."""
    return os.environ.get(SERVER_VARIABLE) or None


def postgres_server() -> str:
    """The PostgreSQL server of tests that need one; skips the test when it does not answer."""
    server = configured_server() or os.environ.get("MREZA_TEST_POSTGRES_URL", DEFAULT_SERVER)
    try:
        asyncio.run(_run(server))
    except (OSError, TimeoutError, asyncpg.PostgresError) as error:
        pytest.skip(f"needs PostgreSQL, which is not reachable at {server}: {error}")
    return server


def on_postgres(url: str) -> bool:
    """True for a PostgreSQL URL."""
    return make_url(url).get_backend_name() == "postgresql"


def create_database(server: str, template: str | None = None) -> str:
    """A new empty database on the server (or a copy of ``template``'s); its URL."""
    name = f"{PREFIX}{uuid4().hex[:16]}"
    statement = f'CREATE DATABASE "{name}"'
    if template is not None:
        statement += f' TEMPLATE "{make_url(template).database}"'
    asyncio.run(_run(server, statement))
    return make_url(server).set(database=name).render_as_string(hide_password=False)


def drop_database(server: str, url: str) -> None:
    """Drop a database made by ``create_database``, ending whatever is still connected to it."""
    name = make_url(url).database
    if name is None or not name.startswith(PREFIX):
        raise ValueError(f"not a test database: {name}")
    asyncio.run(_run(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@contextmanager
def fresh_database(server: str, template: str | None = None) -> Iterator[str]:
    """A database for one test, dropped when it ends."""
    url = create_database(server, template)
    try:
        yield url
    finally:
        drop_database(server, url)


def migrated_database(server: str) -> str:
    """A database at the newest migration, with no rows: the template of empty test databases."""
    url = create_database(server)

    async def migrate() -> None:
        engine = create_engine(url)
        try:
            await upgrade(engine)
        finally:
            await engine.dispose()

    asyncio.run(migrate())
    return url


def table_names(url: str) -> set[str]:
    """The tables in a database, on any backend."""

    async def names() -> set[str]:
        engine = create_engine(url)
        try:
            async with engine.connect() as connection:
                return set(await connection.run_sync(lambda c: inspect(c).get_table_names()))
        finally:
            await engine.dispose()

    return asyncio.run(names())


async def _run(server: str, *statements: str) -> None:
    """Run statements on the server's own database (never a test database: those get dropped)."""
    dsn = make_url(server).set(drivername="postgresql").render_as_string(hide_password=False)
    connection = await asyncpg.connect(dsn, timeout=CONNECT_TIMEOUT)
    try:
        for statement in statements:
            await connection.execute(statement)
    finally:
        await connection.close()
