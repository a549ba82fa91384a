"""``mreza kb submissions|edit|accept|decline``: the review queue of members' lessons learnt and
curators' drafts."""

from __future__ import annotations

from typing import Annotated

import typer

from bot.app import Mreza
from bot.cli.common import fail, print_json, with_mreza
from bot.lessons.submission_book import Submission, SubmissionBook
from knowledge.lessons import FieldInvalid
from knowledge.teaching import TeachingRefused

Text = Annotated[str | None, typer.Option()]  # a new text for one of the form's answers


def register(group: typer.Typer) -> None:
    """Add the review commands to the ``kb`` group."""
    group.command()(submissions)
    group.command()(edit)
    group.command()(accept)
    group.command()(decline)


def submissions(
    as_json: Annotated[bool, typer.Option("--json", help="Print them as JSON.")] = False,
    every: Annotated[bool, typer.Option("--all", help="Reviewed ones too.")] = False,
) -> None:
    """The lessons waiting for review, oldest first."""

    async def work(mreza: Mreza) -> list[Submission]:
        return await SubmissionBook(mreza.sessions).listed(None if every else "pending")

    found = with_mreza(work)
    if as_json:
        print_json([s.as_json() for s in found])
        return
    if not found:
        typer.echo("no lessons wait for review")
    for s in found:
        credit = "named" if s.lesson.author else "anonymous"
        if s.drafted:
            credit = f"drafted from group {s.group_id}"
        typer.echo(f"#{s.id} {s.status} {s.lesson.country} {s.created_at:%Y-%m-%d} ({credit})")
        typer.echo(f"    {s.lesson.title}")


def edit(
    number: Annotated[int, typer.Argument(help="The lesson's number.")],
    title: Annotated[str | None, typer.Option(help="At most 80 characters.")] = None,
    situation: Text = None,
    action: Text = None,
    worked: Text = None,
    not_worked: Text = None,
    answer: Annotated[
        str | None, typer.Option(help="Instead of one made of the fields; markup allowed.")
    ] = None,
    country: Annotated[str | None, typer.Option(help="BA, ME, MK, RS or regional.")] = None,
    tags: Annotated[str | None, typer.Option(help="Keywords, separated by commas.")] = None,
) -> None:
    """Change a pending lesson or draft before accepting it."""
    given = {
        "title": title, "situation": situation, "action": action, "worked": worked,
        "not_worked": not_worked, "answer": answer, "country": country, "tags": tags,
    }  # fmt: skip
    changes = {field: value for field, value in given.items() if value is not None}
    if not changes:
        options = ", ".join("--" + field.replace("_", "-") for field in given)
        fail(f"nothing to change: give at least one of {options}", 2)

    async def work(mreza: Mreza) -> Submission:
        try:
            return await SubmissionBook(mreza.sessions).edit(number, changes)
        except FieldInvalid as invalid:
            fail(str(invalid), 2)
        except TeachingRefused as refused:
            fail(str(refused))

    edited = with_mreza(work)
    typer.echo(f"lesson {number} edited ({', '.join(changes)}): {edited.lesson.title}")


def accept(
    number: Annotated[int, typer.Argument(help="The lesson's number.")],
    title: Annotated[
        str | None, typer.Option(help="The entry's title, if not the first line.")
    ] = None,
    entry_id: Annotated[str | None, typer.Option("--id", help="The entry's slug id.")] = None,
) -> None:
    """Make a lesson an entry (credited only if its author agreed), in effect at once."""

    async def work(mreza: Mreza) -> str:
        try:
            return await SubmissionBook(mreza.sessions).accept(
                number, mreza.clock.now(), title, entry_id
            )
        except TeachingRefused as refused:
            fail(str(refused))

    typer.echo(f"lesson {number} accepted as entry {with_mreza(work)}")


def decline(
    number: Annotated[int, typer.Argument(help="The lesson's number.")],
    note: Annotated[str, typer.Option(help="Why, for the author.")] = "",
) -> None:
    """Decline a lesson; the running bot passes the note to its author."""
    if not note.strip():
        fail("--note is required: it tells the author why", 2)

    async def work(mreza: Mreza) -> None:
        try:
            await SubmissionBook(mreza.sessions).decline(number, note, mreza.clock.now())
        except TeachingRefused as refused:
            fail(str(refused))

    with_mreza(work)
    typer.echo(f"lesson {number} declined")
