"""Database table of questions members passed on to a coordinator."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from core.storage import Base


class HandoffRow(Base):
    """One passed-on question: open, claimed by a coordinator, then answered through Mreža."""

    __tablename__ = "handoffs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    # unique: the same question passed on twice is one hand-off
    asked_id: Mapped[int] = mapped_column(
        ForeignKey("question_log.id", ondelete="CASCADE"), unique=True
    )
    member_id: Mapped[int | None] = mapped_column(
        ForeignKey("members.id", ondelete="SET NULL"), default=None, index=True
    )
    country: Mapped[str] = mapped_column(String(10))
    question: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # when a coordinator was first shown it; None while none could be reached, to try again
    heard_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    reminded_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    claimed_by: Mapped[int | None] = mapped_column(
        ForeignKey("members.id", ondelete="SET NULL"), default=None
    )
    claimed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    answer: Mapped[str | None] = mapped_column(Text, default=None)
    answered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
