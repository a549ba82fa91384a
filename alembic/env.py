"""Alembic environment: runs on the connection Mreža hands it, or on the configured URL."""

from __future__ import annotations

import asyncio

from alembic import context
from sqlalchemy.engine import Connection

import bot.schema  # noqa: F401  # registers the tables on Base.metadata
from core.storage import Base, create_engine

target_metadata = Base.metadata


def run_on(connection: Connection) -> None:
    """Run the migrations inside one transaction of the given connection."""
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


async def run_on_url(url: str) -> None:
    """Open the configured database and migrate it."""
    engine = create_engine(url)
    try:
        async with engine.begin() as connection:
            await connection.run_sync(run_on)
    finally:
        await engine.dispose()


connection = context.config.attributes.get("connection")
if connection is not None:
    run_on(connection)
else:
    asyncio.run(run_on_url(context.config.get_main_option("sqlalchemy.url") or ""))
