"""Migration 0005 goes down and up again: the dialogs and event_messages tables."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import Connection, inspect

from core.storage import alembic_config, create_engine, upgrade

TABLES = {"dialogs", "event_messages"}


def migrate(connection: Connection, target: str) -> None:
    """Move the schema on this connection down to 0004, or up to ``target``."""
    config = alembic_config(connection.engine.url.render_as_string(hide_password=False))
    config.attributes["connection"] = connection
    if target == "0004":
        command.downgrade(config, target)
    else:
        command.upgrade(config, target)


def tables(connection: Connection) -> set[str]:
    """The tables there are now."""
    return set(inspect(connection).get_table_names())


async def test_the_dialogs_migration_goes_down_and_up(tmp_path: Path) -> None:
    """Down to 0004 drops both tables and leaves the schedules; up again restores them."""
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path}/m.db")
    await upgrade(engine)
    async with engine.begin() as connection:
        assert await connection.run_sync(tables) >= TABLES
        await connection.run_sync(migrate, "0004")
        assert await connection.run_sync(tables) & TABLES == set()
        assert "schedules" in await connection.run_sync(tables)
        await connection.run_sync(migrate, "head")
        assert await connection.run_sync(tables) >= TABLES
    await engine.dispose()
