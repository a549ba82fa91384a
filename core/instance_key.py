"""The instance's secrets: the configured key, and a button key made once where none is set.

The configured key (``MREZA_SECRET_KEY``, or the file ``MREZA_SECRET_KEY_FILE`` names) signs
button data and keys the pseudonyms of confidential pulses; it never enters the database.
A zero-setup console or test run without it still needs signed buttons, so a random button key
is made and kept in the database: whoever reads the database could forge a button, which they
could do there anyway, but nothing keyed by it hides who answered what.
"""

from __future__ import annotations

import secrets

from sqlalchemy import String, Text, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import Mapped, mapped_column

from core.settings import Settings
from core.storage import Base

_BUTTON_KEY = "button_key"
HOW_TO_SET = (
    "set MREZA_SECRET_KEY (e.g. export MREZA_SECRET_KEY=$(openssl rand -hex 32)) or "
    "MREZA_SECRET_KEY_FILE (a file holding it), the same on every instance, never in the database"
)


class SecretKeyError(ValueError):
    """A key file that cannot be read or is empty."""


class InstanceValue(Base):
    """A value the instance made for itself and must keep across restarts."""

    __tablename__ = "instance_values"

    name: Mapped[str] = mapped_column(String(50), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


def configured_key(settings: Settings) -> bytes | None:
    """MREZA_SECRET_KEY, else the contents of MREZA_SECRET_KEY_FILE; None where neither is set."""
    if settings.secret_key is not None and settings.secret_key.get_secret_value():
        return settings.secret_key.get_secret_value().encode()
    path = settings.secret_key_file
    if path is None:
        return None
    try:
        text = path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or "not readable text"
        raise SecretKeyError(f"cannot read MREZA_SECRET_KEY_FILE {path}: {reason}") from None
    if not text:
        raise SecretKeyError(f"MREZA_SECRET_KEY_FILE {path} is empty")
    return text.encode()


async def button_key(sessions: async_sessionmaker[AsyncSession], configured: bytes | None) -> bytes:
    """The configured key, else the stored button key, made and stored now if there is none."""
    if configured is not None:
        return configured
    async with sessions() as session:
        stored = await session.scalar(
            select(InstanceValue.value).where(InstanceValue.name == _BUTTON_KEY)
        )
        if stored is not None:
            return stored.encode()
        session.add(InstanceValue(name=_BUTTON_KEY, value=secrets.token_urlsafe(32)))
        try:
            await session.commit()
        except IntegrityError:  # another instance made it first: use theirs
            await session.rollback()
        value = await session.scalar(
            select(InstanceValue.value).where(InstanceValue.name == _BUTTON_KEY)
        )
        assert value is not None  # committed by us or by the other instance
        return value.encode()
