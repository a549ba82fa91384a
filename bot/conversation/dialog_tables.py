"""Conversation state that must outlive a process: open dialogs and the live RSVP count messages.

Both live in the database so that any instance behind the load balancer can carry on.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from core.storage import Base


class DialogRow(Base):
    """The one guided conversation a member has open: what it is, where it stands, what it holds."""

    __tablename__ = "dialogs"

    member_id: Mapped[int] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(30))
    step: Mapped[str] = mapped_column(String(30))
    data: Mapped[dict[str, object]] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class PausedDialogRow(Base):
    """A form the member set aside to do something else: kept until they come back to it."""

    __tablename__ = "paused_dialogs"

    member_id: Mapped[int] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(30), primary_key=True)
    step: Mapped[str] = mapped_column(String(30))
    data: Mapped[dict[str, object]] = mapped_column(JSON)
    paused_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class EventMessageRow(Base):
    """The message that shows an event's creator its RSVP counts, edited at every answer."""

    __tablename__ = "event_messages"

    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
    )
    transport: Mapped[str] = mapped_column(String(20))
    chat_id: Mapped[str] = mapped_column(String(100))
    message_id: Mapped[str | None] = mapped_column(String(100), default=None)  # None: being sent
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
