"""the unanswered queue, hand-offs to coordinators, members' submissions and taught phrasings

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("question_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("country", sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column("picked_entry_id", sa.String(length=100), nullable=True))
    op.create_table(
        "kb_unanswered_groups",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("normalised", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("entry_id", sa.String(length=100), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kb_unanswered_groups")),
    )
    op.create_index(
        op.f("ix_kb_unanswered_groups_status"), "kb_unanswered_groups", ["status"], unique=False
    )
    op.create_table(
        "kb_unanswered_questions",
        sa.Column("asked_id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["asked_id"],
            ["question_log.id"],
            name=op.f("fk_kb_unanswered_questions_asked_id_question_log"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["kb_unanswered_groups.id"],
            name=op.f("fk_kb_unanswered_questions_group_id_kb_unanswered_groups"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("asked_id", name=op.f("pk_kb_unanswered_questions")),
    )
    op.create_index(
        op.f("ix_kb_unanswered_questions_group_id"),
        "kb_unanswered_questions",
        ["group_id"],
        unique=False,
    )
    _create_handoffs()
    _create_submissions()
    _create_suggestions()
    with op.batch_alter_table("kb_entries", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("origin", sa.String(length=20), nullable=False, server_default="curated")
        )


def _create_suggestions() -> None:
    op.create_table(
        "kb_suggestions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("normalised", sa.Text(), nullable=False),
        sa.Column("entry_id", sa.String(length=100), nullable=False),
        sa.Column("reason", sa.String(length=20), nullable=False),
        sa.Column("members", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kb_suggestions")),
        sa.UniqueConstraint(
            "normalised", "entry_id", name=op.f("uq_kb_suggestions_normalised_entry_id")
        ),
    )
    op.create_index(op.f("ix_kb_suggestions_status"), "kb_suggestions", ["status"], unique=False)


def _create_submissions() -> None:
    op.create_table(
        "kb_submissions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("credit", sa.Boolean(), nullable=False),
        sa.Column("situation", sa.Text(), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("worked", sa.Text(), nullable=False),
        sa.Column("not_worked", sa.Text(), nullable=False),
        sa.Column("country", sa.String(length=10), nullable=False),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.Column("language", sa.String(length=10), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("entry_id", sa.String(length=100), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("author_told_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["members.id"],
            name=op.f("fk_kb_submissions_member_id_members"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kb_submissions")),
    )
    op.create_index(
        op.f("ix_kb_submissions_member_id"), "kb_submissions", ["member_id"], unique=False
    )
    op.create_index(op.f("ix_kb_submissions_status"), "kb_submissions", ["status"], unique=False)


def _create_handoffs() -> None:
    op.create_table(
        "handoffs",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("asked_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("country", sa.String(length=10), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reminded_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("claimed_by", sa.Integer(), nullable=True),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("answer", sa.Text(), nullable=True),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["asked_id"],
            ["question_log.id"],
            name=op.f("fk_handoffs_asked_id_question_log"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["claimed_by"],
            ["members.id"],
            name=op.f("fk_handoffs_claimed_by_members"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["members.id"],
            name=op.f("fk_handoffs_member_id_members"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handoffs")),
        sa.UniqueConstraint("asked_id", name=op.f("uq_handoffs_asked_id")),
    )
    op.create_index(op.f("ix_handoffs_member_id"), "handoffs", ["member_id"], unique=False)
    op.create_index(op.f("ix_handoffs_status"), "handoffs", ["status"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_kb_suggestions_status"), table_name="kb_suggestions")
    op.drop_table("kb_suggestions")
    with op.batch_alter_table("kb_entries", schema=None) as batch_op:
        batch_op.drop_column("origin")
    op.drop_index(op.f("ix_kb_submissions_status"), table_name="kb_submissions")
    op.drop_index(op.f("ix_kb_submissions_member_id"), table_name="kb_submissions")
    op.drop_table("kb_submissions")
    op.drop_index(op.f("ix_handoffs_status"), table_name="handoffs")
    op.drop_index(op.f("ix_handoffs_member_id"), table_name="handoffs")
    op.drop_table("handoffs")
    op.drop_index(op.f("ix_kb_unanswered_questions_group_id"), table_name="kb_unanswered_questions")
    op.drop_table("kb_unanswered_questions")
    op.drop_index(op.f("ix_kb_unanswered_groups_status"), table_name="kb_unanswered_groups")
    op.drop_table("kb_unanswered_groups")
    with op.batch_alter_table("question_log", schema=None) as batch_op:
        batch_op.drop_column("picked_entry_id")
        batch_op.drop_column("country")
