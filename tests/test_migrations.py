"""The migrations build exactly the schema the code declares: nothing missing, nothing extra."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection, text

import bot.schema  # noqa: F401  # registers every table on Base.metadata
from core.storage import Base, alembic_config, create_engine, upgrade


async def test_the_migrated_database_matches_the_tables(database_url: str) -> None:
    """Alembic's autogenerate finds no difference between the migrated schema and the models."""
    engine = create_engine(database_url)
    try:
        await upgrade(engine)
        async with engine.connect() as connection:
            differences = await connection.run_sync(
                lambda sync: compare_metadata(MigrationContext.configure(sync), Base.metadata)
            )
    finally:
        await engine.dispose()
    assert differences == []


async def test_the_stored_key_of_pseudonyms_is_dropped(empty_database_url: str) -> None:
    """A key an older Mreža made and kept in the database no longer exists after upgrading."""
    engine = create_engine(empty_database_url)
    try:
        async with engine.begin() as connection:
            await connection.run_sync(lambda sync: _upgrade_to(sync, "0012"))
            await connection.execute(
                text("INSERT INTO instance_values (name, value) VALUES ('secret_key', 'kept')")
            )
        await upgrade(engine)
        async with engine.connect() as connection:
            names = list(await connection.scalars(text("SELECT name FROM instance_values")))
    finally:
        await engine.dispose()
    assert "secret_key" not in names


def _upgrade_to(connection: Connection, revision: str) -> None:
    config = alembic_config(connection.engine.url.render_as_string(hide_password=False))
    config.attributes["connection"] = connection
    command.upgrade(config, revision)
