"""Database outages on demand, for one test database: its connections cut, or refused a while.

What a PostgreSQL restart does to its clients, without restarting the server other tests use.
"""

from __future__ import annotations

import asyncio

from sqlalchemy import TextClause, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

_CUT = text(
    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
    " WHERE datname = :name AND pid <> pg_backend_pid()"
)


class Outages:
    """Cuts the connections of one database, from a connection to another one on the server."""

    def __init__(self, url: str, server: str) -> None:
        self._name = make_url(url).database
        self._server = server

    async def cut(self) -> int:
        """End every connection to the database, as a crash of the server would; how many."""
        return await self._run(_CUT)

    async def down_for(self, seconds: float) -> None:
        """Refuse new connections and cut the open ones, for a while: a restart."""
        await self._run(text(f'ALTER DATABASE "{self._name}" ALLOW_CONNECTIONS false'))
        try:
            await self.cut()
            await asyncio.sleep(seconds)
        finally:
            await self._run(text(f'ALTER DATABASE "{self._name}" ALLOW_CONNECTIONS true'))

    async def _run(self, statement: TextClause) -> int:
        engine = create_async_engine(self._server, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        try:
            async with engine.connect() as connection:
                result = await connection.execute(statement, {"name": self._name})
                value = result.scalar() if result.returns_rows else 0
        finally:
            await engine.dispose()
        return int(value or 0)
