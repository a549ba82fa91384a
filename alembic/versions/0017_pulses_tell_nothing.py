"""confidential pulses keep no key, group or time that could tie an answer to a member

Revision ID: 0017
Revises: 0012
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The key made and kept here keyed the pseudonyms; with it the database alone named every
    # respondent. Buttons get a key of their own; pseudonyms need MREZA_SECRET_KEY from now on.
    op.execute(sa.text("DELETE FROM instance_values WHERE name = 'secret_key'"))
    with op.batch_alter_table("pulse_answers") as batch:
        batch.drop_column("country")
        batch.drop_column("role")
        batch.drop_column("answered_at")
    # A comment carried its answer's pseudonym; new comments get one of their own.
    op.execute(sa.text("UPDATE pulse_comments SET respondent = NULL"))
    with op.batch_alter_table("pulse_comments") as batch:
        batch.drop_column("written_at")


def downgrade() -> None:
    epoch = sa.text("'1970-01-01 00:00:00'")
    with op.batch_alter_table("pulse_comments") as batch:
        batch.add_column(
            sa.Column(
                "written_at", sa.DateTime(timezone=True), nullable=False, server_default=epoch
            )
        )
    with op.batch_alter_table("pulse_answers") as batch:
        batch.add_column(
            sa.Column(
                "answered_at", sa.DateTime(timezone=True), nullable=False, server_default=epoch
            )
        )
        batch.add_column(sa.Column("role", sa.String(20), nullable=False, server_default=""))
        batch.add_column(sa.Column("country", sa.String(20), nullable=False, server_default=""))
