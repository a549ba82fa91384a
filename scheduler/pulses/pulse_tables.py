"""Tables of pulse rounds and their answers, kept apart from who was asked.

A pulse is a schedule of kind "pulse" (its question and options in the payload), and each of
its firings is a round. No table here holds a member id: answers carry a keyed pseudonym of
(round, member) in confidential pulses and of the poll in anonymous ones, and poll ids are
kept without the chat they were sent to. Answers and comments keep neither a time nor the
member's country or role, which could single out someone in a small group: breakdowns are
worked out when results are read, with the key (see respondents.py).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from core.storage import Base


class PulseRoundRow(Base):
    """One firing of a pulse: when it closes, and whether it was reminded and closed."""

    __tablename__ = "pulse_rounds"

    occurrence_id: Mapped[int] = mapped_column(
        ForeignKey("occurrences.id", ondelete="CASCADE"), primary_key=True
    )
    pulse_id: Mapped[int] = mapped_column(
        ForeignKey("schedules.id", ondelete="CASCADE"), index=True
    )
    opens_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    closes_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)


class PulsePollRow(Base):
    """A native poll Mreža sent for a round: its id only, never the chat it went to."""

    __tablename__ = "pulse_polls"

    poll_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    occurrence_id: Mapped[int] = mapped_column(
        ForeignKey("pulse_rounds.occurrence_id", ondelete="CASCADE"), index=True
    )


class PulseHandleRow(Base):
    """Where a round's poll message is, to stop it at the deadline; deleted when it closes."""

    __tablename__ = "pulse_handles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    occurrence_id: Mapped[int] = mapped_column(
        ForeignKey("pulse_rounds.occurrence_id", ondelete="CASCADE"), index=True
    )
    transport: Mapped[str] = mapped_column(String(20))
    chat_id: Mapped[str] = mapped_column(String(100))
    message_id: Mapped[str] = mapped_column(String(100))


class PulseAnswerRow(Base):
    """One respondent's answer to a round, under a pseudonym; a new answer replaces it."""

    __tablename__ = "pulse_answers"
    __table_args__ = (UniqueConstraint("occurrence_id", "respondent"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    occurrence_id: Mapped[int] = mapped_column(
        ForeignKey("pulse_rounds.occurrence_id", ondelete="CASCADE"), index=True
    )
    respondent: Mapped[str] = mapped_column(String(64))
    choices: Mapped[list[int]] = mapped_column(JSON, default=list)
    value: Mapped[int | None] = mapped_column(Integer, default=None)


class PulseCommentRow(Base):
    """A free-text comment on a round, without a name; one per member in confidential mode,
    under a pseudonym that is not their answer's."""

    __tablename__ = "pulse_comments"
    __table_args__ = (UniqueConstraint("occurrence_id", "respondent"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    occurrence_id: Mapped[int] = mapped_column(
        ForeignKey("pulse_rounds.occurrence_id", ondelete="CASCADE"), index=True
    )
    respondent: Mapped[str | None] = mapped_column(String(64), default=None)
    text: Mapped[str] = mapped_column(Text)


class PulseVoterRow(Base):
    """Anonymous pulses answered by buttons (no native poll): who has voted, never what.

    Keeps one answer per member without linking it to them: the token says a vote was cast,
    the answer row beside it has a random respondent.
    """

    __tablename__ = "pulse_voters"
    __table_args__ = (UniqueConstraint("occurrence_id", "token"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    occurrence_id: Mapped[int] = mapped_column(
        ForeignKey("pulse_rounds.occurrence_id", ondelete="CASCADE"), index=True
    )
    token: Mapped[str] = mapped_column(String(64))
