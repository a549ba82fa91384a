"""``mreza kb unanswered|attach|dismiss|write-back``: curating the knowledge base from the queue."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Annotated

import typer

from bot.app import Mreza
from bot.cli.common import clock, fail, print_json, with_mreza
from core.settings import Settings
from core.storage import create_engine, session_factory, upgrade
from knowledge.teaching import Attached, TeachingRefused, attach, dismiss, reopen
from knowledge.unanswered import Group, gather, open_groups
from knowledge.write_back import WriteBackRefused, Written, draft_accepted, write_back


def register(group: typer.Typer) -> None:
    """Add the curating commands to the ``kb`` group."""
    group.command()(unanswered)
    group.command(name="attach")(attach_group)
    group.command(name="dismiss")(dismiss_group)
    group.command(name="reopen")(reopen_group)
    group.command(name="write-back")(write_back_files)


def unanswered(
    as_json: Annotated[bool, typer.Option("--json", help="Print the groups as JSON.")] = False,
) -> None:
    """The open groups of unanswered and 👎-rated questions, largest first."""

    async def work(mreza: Mreza) -> list[Group]:
        async with mreza.sessions.begin() as session:
            await gather(session, mreza.clock.now())
            return await open_groups(session)

    groups = with_mreza(work)
    if as_json:
        print_json([g.as_json() for g in groups])
        return
    if not groups:
        typer.echo("no unanswered questions wait for a decision")
    for g in groups:
        countries = ", ".join(f"{country} {n}" for country, n in g.countries)
        typer.echo(
            f"#{g.id} {g.count}x [{countries}] {g.first_seen:%Y-%m-%d}..{g.last_seen:%Y-%m-%d}"
        )
        for example in g.examples:
            typer.echo(f"    {example}")


def attach_group(
    group_id: Annotated[int, typer.Argument(help="The group, as `kb unanswered` numbers it.")],
    entry_id: Annotated[str, typer.Argument(help="The entry whose phrasings they become.")],
) -> None:
    """Make a group's questions alternate phrasings of an entry, in effect at once."""

    async def work(mreza: Mreza) -> Attached:
        try:
            async with mreza.sessions.begin() as session:
                await gather(session, mreza.clock.now())
                return await attach(session, group_id, entry_id, mreza.clock.now())
        except TeachingRefused as refused:
            fail(str(refused))

    done = with_mreza(work)
    typer.echo(f"group {group_id} attached to {entry_id}: {len(done.added)} new phrasing(s)")
    for text in done.added:
        typer.echo(f"    {text}")


def dismiss_group(
    group_id: Annotated[int, typer.Argument(help="The group, as `kb unanswered` numbers it.")],
) -> None:
    """Mark a group out of scope: it leaves the queue, and its questions get no answer."""

    async def work(mreza: Mreza) -> None:
        try:
            async with mreza.sessions.begin() as session:
                await dismiss(session, group_id, mreza.clock.now())
        except TeachingRefused as refused:
            fail(str(refused))

    with_mreza(work)
    typer.echo(f"group {group_id} dismissed")


def reopen_group(
    group_id: Annotated[int, typer.Argument(help="A group that was dismissed.")],
) -> None:
    """Undo a dismissal: the group is back in the queue, and search answers it again."""

    async def work(mreza: Mreza) -> None:
        try:
            async with mreza.sessions.begin() as session:
                await reopen(session, group_id)
        except TeachingRefused as refused:
            fail(str(refused))

    with_mreza(work)
    typer.echo(f"group {group_id} is open again")


def write_back_files() -> None:
    """Write taught phrasings into the entries' YAML files, keeping their order and comments."""

    settings = Settings()

    async def work() -> tuple[list[Written], list[Path]]:
        # Not through open_mreza: that would first import the files as they are now, and a
        # change made on disk since the bot loaded them would go unnoticed.
        engine = create_engine(settings.database_url)
        try:
            await upgrade(engine)
            async with session_factory(engine).begin() as session:
                today = clock().now().date()
                written = await write_back(session, settings.kb_path, today)
                return written, await draft_accepted(session, settings.kb_path)
        finally:
            await engine.dispose()

    try:
        written, drafted = asyncio.run(work())
    except WriteBackRefused as refused:
        fail(f"nothing was written:\n{refused}")
    if not written and not drafted:
        typer.echo("nothing to write: every phrasing is already in the files")
    for change in written:
        typer.echo(f"{change.path}: {len(change.added)} phrasing(s) added to {change.entry_id}")
    for path in drafted:
        typer.echo(f"{path}: drafted from an accepted lesson; complete it, then move it")
