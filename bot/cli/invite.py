"""``mreza invite``: invite codes and the Telegram links that carry them."""

from __future__ import annotations

from typing import Annotated

import typer

from bot.app import Mreza
from bot.cli import parsing
from bot.cli.common import checked, print_json, with_mreza
from bot.cli.member_views import invite_json, invite_line
from bot.members.invites import Invite, deep_link
from core.durations import duration


def build() -> typer.Typer:
    """The ``invite`` command group."""
    group = typer.Typer(help="Invite people to join the network.", no_args_is_help=True)
    group.command()(create)
    return group


def create(
    role: Annotated[
        str, typer.Option(metavar="ROLE", help="The role it grants: member, coordinator or admin.")
    ],
    country: Annotated[
        str, typer.Option(metavar="CC", help="The country it grants: BA, ME, MK, RS or regional.")
    ],
    uses: Annotated[str, typer.Option(metavar="N", help="How many people may join with it.")] = "1",
    expires: Annotated[
        str, typer.Option(metavar="DURATION", help="How long it is valid: 7d, 12h, 30m, or never.")
    ] = "7d",
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Create an invite; print its code and its t.me link (the code is shown only now)."""
    granted_role, granted_country = checked(parsing.role, role), checked(parsing.country, country)
    admits = checked(parsing.uses, uses)
    valid_for = None if expires.strip().lower() == "never" else checked(duration, expires)

    async def work(mreza: Mreza) -> tuple[str, Invite, str | None]:
        now = mreza.clock.now()
        expires_at = now + valid_for if valid_for else None
        code, invite = await mreza.invites.create(
            granted_role, granted_country, admits, expires_at, now
        )
        return code, invite, mreza.settings.telegram_bot_username

    code, invite, username = with_mreza(work)
    if as_json:
        link = deep_link(username, code) if username else None
        print_json({**invite_json(invite), "code": code, "link": link})
        return
    typer.echo(invite_line(invite))
    typer.echo(f"code: {code}")
    if username:
        typer.echo(f"link: {deep_link(username, code)}")
    else:
        typer.echo("link: set MREZA_TELEGRAM_BOT_USERNAME to the bot's username to get one")
