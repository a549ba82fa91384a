"""The migrations build exactly the schema the code declares: nothing missing, nothing extra."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

import bot.schema  # noqa: F401  # registers every table on Base.metadata
from core.storage import Base, create_engine, upgrade


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
