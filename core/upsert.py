"""INSERT ... ON CONFLICT DO UPDATE, on SQLite and PostgreSQL alike: one statement, no race."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Insert
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from core.storage import Base


def upsert(
    dialect: str, model: type[Base], values: dict[str, object], keys: Sequence[str]
) -> Insert:
    """Insert a row, or update every other column of the row with the same ``keys``."""
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    statement = insert(model).values(values)
    changed = {name: statement.excluded[name] for name in values if name not in keys}
    return statement.on_conflict_do_update(index_elements=list(keys), set_=changed)
