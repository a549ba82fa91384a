"""Database tables of the curators' queue: unanswered questions grouped by similarity."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from core.storage import Base


class GroupRow(Base):
    """Similar questions members could not get answered; open until a curator decides."""

    __tablename__ = "kb_unanswered_groups"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    # the first question's, which later ones are compared with
    normalised: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)
    entry_id: Mapped[str | None] = mapped_column(String(100), default=None)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)


class GroupQuestionRow(Base):
    """Which group a logged question belongs to; a question belongs to one group at most."""

    __tablename__ = "kb_unanswered_questions"

    asked_id: Mapped[int] = mapped_column(
        ForeignKey("question_log.id", ondelete="CASCADE"), primary_key=True
    )
    group_id: Mapped[int] = mapped_column(
        ForeignKey("kb_unanswered_groups.id", ondelete="CASCADE"), index=True
    )


class SuggestionRow(Base):
    """A wording members used that may be worth adding to an entry; a curator decides."""

    __tablename__ = "kb_suggestions"
    __table_args__ = (UniqueConstraint("normalised", "entry_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    text: Mapped[str] = mapped_column(Text)
    normalised: Mapped[str] = mapped_column(Text)
    entry_id: Mapped[str] = mapped_column(String(100))
    reason: Mapped[str] = mapped_column(String(20))  # "clarify" or "rephrase"
    members: Mapped[int] = mapped_column(Integer)  # how many members' choices back it
    status: Mapped[str] = mapped_column(String(20), default="pending", index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
