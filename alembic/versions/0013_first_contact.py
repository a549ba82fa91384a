"""members' language is chosen or guessed, Mreža knows whom it has met, and which Telegram
chats have a coordinator's menu

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Members already on record keep what they have: their language counts as chosen and they
    # count as met, so nobody who has used Mreža is greeted as new or switched to another language.
    with op.batch_alter_table("members") as batch:
        batch.add_column(
            sa.Column("language_source", sa.String(10), nullable=False, server_default="chosen")
        )
        batch.add_column(sa.Column("met_at", sa.DateTime(timezone=True), nullable=True))
    op.execute("UPDATE members SET met_at = joined_at")
    op.create_table(
        "telegram_chat_menus",
        sa.Column("chat_id", sa.String(32), primary_key=True),
        sa.Column("menu", sa.String(40), nullable=False),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("telegram_chat_menus")
    with op.batch_alter_table("members") as batch:
        batch.drop_column("met_at")
        batch.drop_column("language_source")
