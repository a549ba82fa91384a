"""one live process per instance name; refusals keep no account

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Refused strangers are kept as keyed digests from now on: the accounts kept so far go
    # (a stranger refused before may be told once more).
    op.execute(sa.text("DELETE FROM refusals"))
    op.create_table(
        "instances",
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("host", sa.String(length=255), nullable=False),
        sa.Column("pid", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_instances")),
    )


def downgrade() -> None:
    op.drop_table("instances")
