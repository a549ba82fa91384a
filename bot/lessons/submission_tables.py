"""Database table of lessons learnt that members shared with /share, curators' drafts of new
entries, and the curators' verdicts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from core.storage import Base


class SubmissionRow(Base):
    """One shared lesson or drafted entry: pending review, then accepted as an entry or declined
    with a note."""

    __tablename__ = "kb_submissions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    member_id: Mapped[int | None] = mapped_column(
        ForeignKey("members.id", ondelete="SET NULL"), default=None, index=True
    )
    credit: Mapped[bool] = mapped_column(Boolean, default=False)  # may the entry name them
    situation: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(Text)
    worked: Mapped[str] = mapped_column(Text)
    not_worked: Mapped[str] = mapped_column(Text)
    country: Mapped[str] = mapped_column(String(10))
    tags: Mapped[list[str]] = mapped_column(JSON)
    language: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(20), default="pending", index=True)
    note: Mapped[str | None] = mapped_column(Text, default=None)
    entry_id: Mapped[str | None] = mapped_column(String(100), default=None)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    author_told_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    # what a curator wrote or changed: the entry's title and answer instead of ones made of the
    # fields above, and the members' questions it is to answer (a draft from an unanswered group)
    title: Mapped[str | None] = mapped_column(Text, default=None)
    answer: Mapped[str | None] = mapped_column(Text, default=None)
    phrasings: Mapped[list[str] | None] = mapped_column(JSON, default=None)
    group_id: Mapped[int | None] = mapped_column(
        ForeignKey("kb_unanswered_groups.id", ondelete="SET NULL"), default=None
    )
