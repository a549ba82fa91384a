"""The instance's secret key: from the settings, or made once and kept in the database.

It signs button data and keys pseudonyms. Several instances must share it, so production sets
MREZA_SECRET_KEY; a zero-setup console or test run gets a random key stored on first start.
"""

from __future__ import annotations

import secrets

from pydantic import SecretStr
from sqlalchemy import String, Text, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import Mapped, mapped_column

from core.storage import Base

_NAME = "secret_key"


class InstanceValue(Base):
    """A value the instance made for itself and must keep across restarts."""

    __tablename__ = "instance_values"

    name: Mapped[str] = mapped_column(String(50), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


async def instance_key(
    sessions: async_sessionmaker[AsyncSession], configured: SecretStr | None
) -> bytes:
    """The configured key, else the stored one, made and stored now if there is none."""
    if configured is not None and configured.get_secret_value():
        return configured.get_secret_value().encode()
    async with sessions() as session:
        stored = await session.scalar(
            select(InstanceValue.value).where(InstanceValue.name == _NAME)
        )
        if stored is not None:
            return stored.encode()
        session.add(InstanceValue(name=_NAME, value=secrets.token_urlsafe(32)))
        try:
            await session.commit()
        except IntegrityError:  # another instance made it first: use theirs
            await session.rollback()
        value = await session.scalar(select(InstanceValue.value).where(InstanceValue.name == _NAME))
        assert value is not None  # committed by us or by the other instance
        return value.encode()
