"""Database tables of the knowledge base and of the questions members ask."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Date, DateTime, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.storage import Base


class EntryRow(Base):
    """A knowledge-base entry as imported from its YAML file; retired when the file goes."""

    __tablename__ = "kb_entries"

    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text)
    tags: Mapped[list[str]] = mapped_column(JSON)
    countries: Mapped[list[str]] = mapped_column(JSON)
    sources: Mapped[list[dict[str, str]]] = mapped_column(JSON)
    # [{"lang", "title", "answer", "made_from"}] in the order of the language forms
    translations: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)
    checked: Mapped[date] = mapped_column(Date)
    content_hash: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    retired_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    # "curated" follows its YAML file; "accepted" came from a member's lesson, reviewed here
    origin: Mapped[str] = mapped_column(String(20), default="curated", server_default="curated")
    # "answer", or "redirect" for an entry that points to the service handling a matter
    kind: Mapped[str] = mapped_column(String(20), default="answer", server_default="answer")
    questions: Mapped[list[QuestionRow]] = relationship(
        back_populates="entry", cascade="all, delete-orphan", order_by="QuestionRow.id"
    )


class QuestionRow(Base):
    """One way of asking for an entry: curated in YAML, or attached later by a curator."""

    __tablename__ = "kb_questions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entry_id: Mapped[str] = mapped_column(
        ForeignKey("kb_entries.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    lang: Mapped[str] = mapped_column(String(10))
    origin: Mapped[str] = mapped_column(String(20), default="curated")
    entry: Mapped[EntryRow] = relationship(back_populates="questions")


class AskedRow(Base):
    """A question a member asked and what Mreža decided; the curators' raw material."""

    __tablename__ = "question_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    asked_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    channel: Mapped[str] = mapped_column(String(20))
    member_id: Mapped[int | None] = mapped_column(Integer, default=None, index=True)
    country: Mapped[str | None] = mapped_column(String(10), default=None)  # curators see this
    text: Mapped[str] = mapped_column(Text)
    normalised: Mapped[str] = mapped_column(Text)
    decision: Mapped[str] = mapped_column(String(10), index=True)
    entry_id: Mapped[str | None] = mapped_column(String(100), default=None)
    score: Mapped[float | None] = mapped_column(Float, default=None)
    feedback: Mapped[int | None] = mapped_column(Integer, default=None)  # +1 helpful, -1 not
    feedback_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    # the entry the member chose among the ones a "clarify" offered
    picked_entry_id: Mapped[str | None] = mapped_column(String(100), default=None)
