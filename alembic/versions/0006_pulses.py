"""pulse checks: their rounds, polls, answers and comments

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

ROUND = "pulse_rounds.occurrence_id"


def _belongs_to_round(table: str) -> list[sa.SchemaItem]:
    return [
        sa.Column("occurrence_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["occurrence_id"],
            [ROUND],
            name=op.f(f"fk_{table}_occurrence_id_pulse_rounds"),
            ondelete="CASCADE",
        ),
    ]


def upgrade() -> None:
    op.create_table(
        "pulse_rounds",
        sa.Column("occurrence_id", sa.Integer(), nullable=False),
        sa.Column("pulse_id", sa.Integer(), nullable=False),
        sa.Column("opens_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closes_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["occurrence_id"],
            ["occurrences.id"],
            name=op.f("fk_pulse_rounds_occurrence_id_occurrences"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["pulse_id"],
            ["schedules.id"],
            name=op.f("fk_pulse_rounds_pulse_id_schedules"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("occurrence_id", name=op.f("pk_pulse_rounds")),
    )
    op.create_index(op.f("ix_pulse_rounds_pulse_id"), "pulse_rounds", ["pulse_id"])
    op.create_index(op.f("ix_pulse_rounds_closes_at"), "pulse_rounds", ["closes_at"])
    op.create_table(
        "pulse_polls",
        sa.Column("poll_id", sa.String(length=100), nullable=False),
        *_belongs_to_round("pulse_polls"),
        sa.PrimaryKeyConstraint("poll_id", name=op.f("pk_pulse_polls")),
    )
    op.create_table(
        "pulse_handles",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        *_belongs_to_round("pulse_handles"),
        sa.Column("transport", sa.String(length=20), nullable=False),
        sa.Column("chat_id", sa.String(length=100), nullable=False),
        sa.Column("message_id", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pulse_handles")),
    )
    op.create_table(
        "pulse_answers",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        *_belongs_to_round("pulse_answers"),
        sa.Column("respondent", sa.String(length=64), nullable=False),
        sa.Column("choices", sa.JSON(), nullable=False),
        sa.Column("value", sa.Integer(), nullable=True),
        sa.Column("country", sa.String(length=20), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pulse_answers")),
        sa.UniqueConstraint(
            "occurrence_id", "respondent", name=op.f("uq_pulse_answers_occurrence_id_respondent")
        ),
    )
    op.create_table(
        "pulse_comments",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        *_belongs_to_round("pulse_comments"),
        sa.Column("respondent", sa.String(length=64), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("written_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pulse_comments")),
        sa.UniqueConstraint(
            "occurrence_id", "respondent", name=op.f("uq_pulse_comments_occurrence_id_respondent")
        ),
    )
    op.create_table(
        "pulse_voters",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        *_belongs_to_round("pulse_voters"),
        sa.Column("token", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pulse_voters")),
        sa.UniqueConstraint(
            "occurrence_id", "token", name=op.f("uq_pulse_voters_occurrence_id_token")
        ),
    )
    for table in (
        "pulse_polls",
        "pulse_handles",
        "pulse_answers",
        "pulse_comments",
        "pulse_voters",
    ):
        op.create_index(op.f(f"ix_{table}_occurrence_id"), table, ["occurrence_id"])


def downgrade() -> None:
    for table in ("pulse_voters", "pulse_comments", "pulse_answers", "pulse_handles"):
        op.drop_table(table)
    op.drop_table("pulse_polls")
    op.drop_table("pulse_rounds")
