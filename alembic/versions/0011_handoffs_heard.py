"""a hand-off remembers whether any coordinator heard of it, so that one nobody heard is retried

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("handoffs") as batch:
        batch.add_column(sa.Column("heard_at", sa.DateTime(timezone=True), nullable=True))
    # Hand-offs from before were shown when they were made, or not at all: nobody can tell now,
    # and asking every coordinator about old questions again would be worse than not.
    op.execute("UPDATE handoffs SET heard_at = created_at")


def downgrade() -> None:
    with op.batch_alter_table("handoffs") as batch:
        batch.drop_column("heard_at")
