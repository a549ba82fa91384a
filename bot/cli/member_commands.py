"""``mreza members``: add, import, list, change and remove the people of the network."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Annotated, TypeVar

import typer

from bot.app import Mreza
from bot.cli import parsing
from bot.cli.common import checked, fail, print_json, with_mreza
from bot.cli.member_csv import BadRow, CsvInvalid, CsvReport, read_members
from bot.cli.member_views import member_json, member_line, members_table
from core.members import Member, MemberError, NewMember, Status, UnknownMember

T = TypeVar("T")
Json = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def build() -> typer.Typer:
    """The ``members`` command group."""
    group = typer.Typer(help="Add, list, change and remove members.", no_args_is_help=True)
    group.command()(add)
    group.command(name="import")(import_csv)
    group.command(name="list")(list_members)
    group.command(name="set-role")(set_role)
    group.command()(prefer)
    group.command()(remove)
    return group


def operate(work: Callable[[Mreza], Awaitable[T]]) -> T:
    """Run ``work`` on Mreža; a ``MemberError`` ends the command with its reason (exit 1)."""

    async def guarded(mreza: Mreza) -> T:
        try:
            return await work(mreza)
        except MemberError as error:
            fail(str(error))

    return with_mreza(guarded)


def add(
    name: Annotated[str, typer.Option(metavar="NAME", help="Their full name.")],
    country: Annotated[str, typer.Option(metavar="CC", help="BA, ME, MK, RS or regional.")],
    role: Annotated[
        str, typer.Option(metavar="ROLE", help="member, coordinator or admin.")
    ] = "member",
    language: Annotated[
        str | None,
        typer.Option(
            metavar="LANG",
            help="en, bcms, sr-cyrl or mk; left out, it is found from their first message.",
        ),
    ] = None,
    institution: Annotated[
        str, typer.Option(metavar="TEXT", help="Their ministry, unit or organisation.")
    ] = "",
    telegram_id: Annotated[
        str | None,
        typer.Option("--telegram-id", metavar="ID", help="Their numeric Telegram user id."),
    ] = None,
    signal_number: Annotated[
        str | None,
        typer.Option(
            "--signal-number",
            metavar="+NUMBER",
            help="Their Signal phone number (+381..., or written the way their country does), "
            "or their Signal UUID if they hide it.",
        ),
    ] = None,
    as_json: Json = False,
) -> None:
    """Add one member by their Telegram user id, their Signal number, or both."""
    home = checked(parsing.country, country)
    accounts = []
    if telegram_id is not None:
        accounts.append(checked(parsing.telegram_identity, telegram_id))
    if signal_number is not None:
        accounts.append(checked(lambda text: parsing.signal_identity(text, home), signal_number))
    if not accounts:
        fail("give --telegram-id, --signal-number or both", 2)
    new = NewMember(
        identity=accounts[0],
        more=tuple(accounts[1:]),
        name=checked(parsing.name, name),
        country=home,
        role=checked(parsing.role, role),
        language=None if language is None else checked(parsing.language, language),
        institution=institution.strip(),
    )
    member = operate(lambda mreza: mreza.members.add(new, mreza.clock.now()))
    if as_json:
        print_json(member_json(member))
    else:
        typer.echo(f"added {member_line(member)}")


def import_csv(
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE.csv",
            help="Header telegram_id and/or signal_number, name, country, role, language, "
            "and optionally institution; an empty language is found from the member's first "
            "message.",
        ),
    ],
    as_json: Json = False,
) -> None:
    """Add every member in a CSV file; report each bad row and import the good ones."""
    if not file.is_file():
        fail(f"{file} does not exist", 2)
    try:
        report = read_members(file)
    except CsvInvalid as error:
        fail(f"{file}: {error}; nothing imported")
    added, refused = with_mreza(lambda mreza: _add_rows(mreza, report))
    bad = sorted((*report.bad, *refused), key=lambda row: row.line)
    if as_json:
        skipped = [{"line": row.line, "reason": row.reason} for row in bad]
        print_json({"imported": [member_json(m) for m in added], "skipped": skipped})
    else:
        for row in bad:
            typer.echo(f"mreza: {file} line {row.line}: {row.reason}", err=True)
        skipped_ = f"; skipped {len(bad)} bad row(s)" if bad else ""
        typer.echo(f"imported {len(added)} member(s) from {file}{skipped_}")
    if bad:
        raise typer.Exit(1)


async def _add_rows(mreza: Mreza, report: CsvReport) -> tuple[list[Member], list[BadRow]]:
    added, refused = [], []
    for row in report.good:
        try:
            added.append(await mreza.members.add(row.member, mreza.clock.now()))
        except MemberError as error:  # the account is already someone's
            refused.append(BadRow(row.line, str(error)))
    return added, refused


def list_members(as_json: Json = False) -> None:
    """Print every member, removed ones included, in id order."""
    members = with_mreza(lambda mreza: mreza.members.all())
    if as_json:
        print_json([member_json(m) for m in members])
    else:
        typer.echo(members_table(members))


def set_role(
    member_id: Annotated[str, typer.Argument(metavar="ID", help="The member's id.")],
    role: Annotated[str, typer.Argument(metavar="ROLE", help="member, coordinator or admin.")],
) -> None:
    """Give a member another role."""
    target, new_role = checked(parsing.member_id, member_id), checked(parsing.role, role)
    member = operate(lambda mreza: mreza.members.set_role(target, new_role))
    typer.echo(f"member {member.id} ({member.name or 'forgotten'}) is now {member.role}")


def prefer(
    member_id: Annotated[str, typer.Argument(metavar="ID", help="The member's id.")],
    transport: Annotated[str, typer.Argument(metavar="TRANSPORT", help="telegram or signal.")],
) -> None:
    """Send a member's announcements on this transport, when they have accounts on several."""
    target = checked(parsing.member_id, member_id)
    wanted = transport.strip().lower()
    if wanted not in (parsing.TELEGRAM, parsing.SIGNAL):
        fail(f"the transport must be telegram or signal, not {transport!r}", 2)

    async def work(mreza: Mreza) -> Member:
        member = await mreza.members.get(target)
        if member is None:
            raise UnknownMember(target)
        if wanted not in {identity.transport for identity in member.identities}:
            fail(f"member {target} has no {wanted} account; add one first")
        return await mreza.members.set_preferred(target, wanted)

    member = operate(work)
    typer.echo(f"member {member.id} ({member.name or 'forgotten'}) gets announcements on {wanted}")


def remove(
    member_id: Annotated[str, typer.Argument(metavar="ID", help="The member's id.")],
    forget: Annotated[
        bool,
        typer.Option("--forget", help="Also erase their name, institution and accounts for good."),
    ] = False,
) -> None:
    """Remove a member: Mreža stops writing to them and no longer answers them."""
    target = checked(parsing.member_id, member_id)

    async def work(mreza: Mreza) -> Member:
        member = await mreza.members.set_status(target, Status.REMOVED)
        if forget:
            await mreza.members.forget(target)
        return member

    member = operate(work)
    typer.echo(f"removed {member_line(member)}" + (" and erased their data" if forget else ""))
