"""``mreza invite``: invite codes and the Telegram links that carry them."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import typer

from bot.app import Mreza
from bot.cli import parsing
from bot.cli.common import checked, fail, print_json, with_mreza
from bot.cli.member_views import invite_json, invite_line
from bot.members.invites import Invite, deep_link, invite_state
from core.durations import duration


def build() -> typer.Typer:
    """The ``invite`` command group."""
    group = typer.Typer(help="Invite people to join the network.", no_args_is_help=True)
    group.command()(create)
    group.command(name="list")(list_invites)
    group.command()(revoke)
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
        print_json({**invite_json(invite, invite.created_at), "code": code, "link": link})
        return
    typer.echo(invite_line(invite))
    typer.echo(f"code: {code}")
    if username:
        typer.echo(f"link: {deep_link(username, code)}")
    else:
        typer.echo("link: set MREZA_TELEGRAM_BOT_USERNAME to the bot's username to get one")


def list_invites(
    as_json: Annotated[bool, typer.Option("--json", help="Print the invites as JSON.")] = False,
) -> None:
    """Every invite with what it grants, its uses left and whether it still admits anyone."""

    async def work(mreza: Mreza) -> tuple[list[Invite], datetime]:
        return list(await mreza.invites.all()), mreza.clock.now()

    invites, now = with_mreza(work)
    if as_json:
        print_json([invite_json(invite, now) for invite in invites])
        return
    for invite in invites:
        typer.echo(f"{invite_line(invite)} ({invite_state(invite, now)})")
    if not invites:
        typer.echo("no invites")


def revoke(
    code: Annotated[
        str, typer.Argument(metavar="CODE", help="The code, its t.me link, or the invite's id.")
    ],
) -> None:
    """Revoke an invite: its link admits nobody from now on."""

    async def work(mreza: Mreza) -> Invite | None:
        return await mreza.invites.revoke(code)

    revoked = with_mreza(work)
    if revoked is None:
        fail(f"there is no invite {code.strip()!r}", 1)
    typer.echo(f"revoked {invite_line(revoked)}")
