"""``mreza kb draft``: a new entry drafted from a group of unanswered questions, to review."""

from __future__ import annotations

from typing import Annotated

import typer

from bot.app import Mreza
from bot.cli.common import fail, print_json, with_mreza
from bot.lessons.submission_book import Submission, SubmissionBook
from knowledge.lessons import FieldInvalid, Lesson, tags_of
from knowledge.teaching import TeachingRefused
from knowledge.unanswered import gather


def register(group: typer.Typer) -> None:
    """Add the drafting command to the ``kb`` group."""
    group.command()(draft)


def draft(
    group_id: Annotated[int, typer.Argument(help="The group, as `kb unanswered` numbers it.")],
    title: Annotated[str, typer.Option(help="The entry's title, at most 80 characters.")],
    answer: Annotated[str, typer.Option(help="The answer, in the knowledge base's markup.")],
    tags: Annotated[str, typer.Option(help="Keywords, separated by commas.")] = "",
    country: Annotated[str, typer.Option(help="BA, ME, MK, RS or regional.")] = "regional",
    as_json: Annotated[bool, typer.Option("--json", help='Print {"id": N}.')] = False,
) -> None:
    """Draft a new entry whose phrasings are the group's questions; it waits for review."""
    written = Lesson("", "", "", "", country, tags_of(tags), given_title=title, given_answer=answer)

    async def work(mreza: Mreza) -> Submission:
        now = mreza.clock.now()
        async with mreza.sessions.begin() as session:
            await gather(session, now)
        try:
            return await SubmissionBook(mreza.sessions).draft(group_id, written, None, "en", now)
        except FieldInvalid as invalid:
            fail(str(invalid), 2)
        except TeachingRefused as refused:
            fail(str(refused))

    queued = with_mreza(work)
    if as_json:
        print_json({"id": queued.id})
        return
    count = len(queued.lesson.phrasings)
    typer.echo(
        f"draft {queued.id} from group {group_id}, with {count} phrasing(s), waits for review "
        "(`mreza kb submissions`)"
    )
