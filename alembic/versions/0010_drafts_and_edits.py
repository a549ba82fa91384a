"""curators draft entries from unanswered groups and edit submissions before accepting them

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Batch mode: SQLite cannot add a foreign key in place, so Alembic copies the table there.
    with op.batch_alter_table("kb_submissions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("title", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("answer", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("phrasings", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("group_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_kb_submissions_group_id_kb_unanswered_groups"),
            "kb_unanswered_groups",
            ["group_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("kb_submissions", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_kb_submissions_group_id_kb_unanswered_groups"), type_="foreignkey"
        )
        batch_op.drop_column("group_id")
        batch_op.drop_column("phrasings")
        batch_op.drop_column("answer")
        batch_op.drop_column("title")
