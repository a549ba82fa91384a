"""entries say what they are: a lesson of the network, or a pointer to the service that handles it

Revision ID: 0014
Revises: 0012
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("kb_entries") as batch:
        batch.add_column(sa.Column("kind", sa.String(20), nullable=False, server_default="answer"))


def downgrade() -> None:
    with op.batch_alter_table("kb_entries") as batch:
        batch.drop_column("kind")
