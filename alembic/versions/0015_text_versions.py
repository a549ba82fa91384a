"""schedules and events keep their text in other language forms; events count their changes

Revision ID: 0015
Revises: 0012
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("schedules") as batch:
        batch.add_column(sa.Column("language", sa.String(length=10), nullable=True))
        batch.add_column(
            sa.Column("versions", sa.JSON(), nullable=False, server_default=sa.text("'{}'"))
        )
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("language", sa.String(length=10), nullable=True))
        batch.add_column(
            sa.Column("versions", sa.JSON(), nullable=False, server_default=sa.text("'{}'"))
        )
        batch.add_column(
            sa.Column("sequence", sa.Integer(), nullable=False, server_default=sa.text("0"))
        )


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_column("sequence")
        batch.drop_column("versions")
        batch.drop_column("language")
    with op.batch_alter_table("schedules") as batch:
        batch.drop_column("versions")
        batch.drop_column("language")
