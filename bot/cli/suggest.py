"""``mreza kb suggestions|adopt-suggestion|reject-suggestion``: wordings proposed from use."""

from __future__ import annotations

from typing import Annotated

import typer

from bot.app import Mreza
from bot.cli.common import fail, print_json, with_mreza
from knowledge.suggestions import Suggestion, decide, pending, propose
from knowledge.teaching import TeachingRefused


def register(group: typer.Typer) -> None:
    """Add the suggestion commands to the ``kb`` group."""
    group.command()(suggestions)
    group.command(name="adopt-suggestion")(adopt)
    group.command(name="reject-suggestion")(reject)


def suggestions(
    as_json: Annotated[bool, typer.Option("--json", help="Print them as JSON.")] = False,
) -> None:
    """Alternate questions proposed from clarify picks and rephrasings, best backed first."""

    async def work(mreza: Mreza) -> list[Suggestion]:
        async with mreza.sessions.begin() as session:
            await propose(session, mreza.clock.now())
            return await pending(session)

    found = with_mreza(work)
    if as_json:
        print_json([s.as_json() for s in found])
        return
    if not found:
        typer.echo("no suggestions wait for a decision")
    for s in found:
        typer.echo(f"#{s.id} {s.entry_id} ({s.reason}, {s.members} member(s)): {s.text}")


def _decide(number: int, accept: bool) -> Suggestion:
    async def work(mreza: Mreza) -> Suggestion:
        try:
            async with mreza.sessions.begin() as session:
                return await decide(session, number, accept, mreza.clock.now())
        except TeachingRefused as refused:
            fail(str(refused))

    return with_mreza(work)


def adopt(number: Annotated[int, typer.Argument(help="The suggestion's number.")]) -> None:
    """Add the wording to its entry as an alternate question, in effect at once."""
    done = _decide(number, accept=True)
    typer.echo(f"suggestion {number} adopted: {done.text!r} now asks for {done.entry_id}")


def reject(number: Annotated[int, typer.Argument(help="The suggestion's number.")]) -> None:
    """Drop the suggestion; it is not proposed again."""
    _decide(number, accept=False)
    typer.echo(f"suggestion {number} rejected")
