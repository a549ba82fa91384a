"""Database tables of members, their transport accounts, invites, and refused strangers."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    CheckConstraint,
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.storage import Base
from knowledge.entry_tables import AskedRow


class MemberRow(Base):
    """One person; after ``forget`` only the id and anonymous facts remain."""

    __tablename__ = "members"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200))
    country: Mapped[str] = mapped_column(String(10))
    institution: Mapped[str] = mapped_column(Text, default="")
    role: Mapped[str] = mapped_column(String(20))
    language: Mapped[str] = mapped_column(String(10))
    # "chosen" by an admin or with /lang, else how it was guessed (core.members.LanguageSource).
    language_source: Mapped[str] = mapped_column(String(10), default="chosen")
    status: Mapped[str] = mapped_column(String(10))
    joined_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    forgotten_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    # When their first message reached Mreža; none yet for people added by an admin.
    met_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    # For members on several transports: where announcements go (none: the deployment's order).
    preferred_transport: Mapped[str | None] = mapped_column(String(20), default=None)
    identities: Mapped[list[IdentityRow]] = relationship(
        back_populates="member", cascade="all, delete-orphan", order_by="IdentityRow.id"
    )


class IdentityRow(Base):
    """A member's account on one transport; an account belongs to one member at most."""

    __tablename__ = "member_identities"
    __table_args__ = (UniqueConstraint("transport", "external_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    transport: Mapped[str] = mapped_column(String(20))
    external_id: Mapped[str] = mapped_column(String(100))
    member: Mapped[MemberRow] = relationship(back_populates="identities")


class InviteRow(Base):
    """An invite; only the hash of its code is kept."""

    __tablename__ = "invites"
    __table_args__ = (CheckConstraint("uses_left >= 0", name="uses_left_not_negative"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    country: Mapped[str] = mapped_column(String(10))
    uses_left: Mapped[int] = mapped_column(Integer)
    expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class RefusalRow(Base):
    """A stranger who already got their one polite refusal."""

    __tablename__ = "refusals"
    __table_args__ = (UniqueConstraint("transport", "external_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    transport: Mapped[str] = mapped_column(String(20))
    external_id: Mapped[str] = mapped_column(String(100))
    refused_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


# The question log belongs to knowledge/, which must not know about members (arrows point from
# bot to knowledge), so the foreign key that migration 0002 adds is declared here, on its table.
AskedRow.metadata.tables[AskedRow.__tablename__].append_constraint(
    ForeignKeyConstraint(["member_id"], [MemberRow.id], ondelete="SET NULL")
)
