"""``mreza db``: the database schema."""

from __future__ import annotations

import typer

from core.settings import Settings
from core.storage import upgrade_blocking


def build() -> typer.Typer:
    """The ``db`` command group."""
    group = typer.Typer(help="Manage the database schema.", no_args_is_help=True)
    group.command()(upgrade)
    return group


def upgrade() -> None:
    """Apply every pending migration (the app also does this when it starts)."""
    settings = Settings()
    upgrade_blocking(settings.database_url)
    typer.echo("database is up to date")
