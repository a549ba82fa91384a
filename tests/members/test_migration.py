"""Migration 0002 on SQLite: it goes down and up again, and the question log survives."""

from __future__ import annotations

from alembic import command
from sqlalchemy import Connection, inspect, text

from core.storage import alembic_config, create_engine, upgrade
from tests.moment import NOW


def migrate(connection: Connection, target: str) -> None:
    """Move the schema on this connection to ``target``."""
    config = alembic_config(connection.engine.url.render_as_string(hide_password=False))
    config.attributes["connection"] = connection
    if target == "0001":
        command.downgrade(config, target)
    else:
        command.upgrade(config, target)


def tables(connection: Connection) -> set[str]:
    """The tables there are now."""
    return set(inspect(connection).get_table_names())


def question_log_keys(connection: Connection) -> list[str]:
    """The tables question_log points at."""
    return [k["referred_table"] for k in inspect(connection).get_foreign_keys("question_log")]


async def test_members_migration_goes_down_and_up_keeping_questions(database_url: str) -> None:
    """Downgrading drops the member tables and the key; upgrading restores both; rows stay."""
    engine = create_engine(database_url)
    await upgrade(engine)
    async with engine.begin() as connection:
        await connection.execute(
            text(
                "INSERT INTO question_log (asked_at, channel, text, normalised, decision)"
                " VALUES (:at, 'console', 'q', 'q', 'none')"
            ),
            {"at": NOW},
        )
        await connection.run_sync(migrate, "0001")
        assert "members" not in await connection.run_sync(tables)
        assert await connection.run_sync(question_log_keys) == []
        await connection.run_sync(migrate, "head")
        assert {"members", "member_identities", "invites", "refusals"} <= await connection.run_sync(
            tables
        )
        assert await connection.run_sync(question_log_keys) == ["members"]
        assert await connection.scalar(text("SELECT count(*) FROM question_log")) == 1
    await engine.dispose()
