"""``mreza ask``: questions from the command line, answered as the console chat shows them."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from bot.app import Mreza
from bot.asking.answering import small_talk_reply
from bot.asking.entry_cards import entry_card
from bot.cli.common import fail, print_json, with_mreza
from bot.languages import texts
from core.markup import to_plain
from knowledge.search import Decision, Finding


def register(app: typer.Typer) -> None:
    """Add the commands to the app."""
    app.command()(ask)


def finding_json(finding: Finding) -> dict[str, Any]:
    """The JSON shape of a search result."""
    return {
        "decision": finding.decision.value,
        "results": [{"id": h.entry_id, "title": h.title, "score": h.score} for h in finding.hits],
    }


def ask(
    question: Annotated[
        str | None, typer.Argument(help="The question; omit it with --jsonl.")
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the decision and results as JSON.")
    ] = False,
    jsonl: Annotated[
        bool, typer.Option("--jsonl", help="Read one question per line from standard input.")
    ] = False,
) -> None:
    """Ask one question and print the answer as the console chat shows it."""
    if jsonl == (question is not None):
        fail(
            "give either a QUESTION or --jsonl (questions on standard input), not both or neither",
            2,
        )

    async def work(mreza: Mreza) -> None:
        if jsonl:
            for line in sys.stdin:
                print_json(finding_json(mreza.librarian.find(line.strip())))
            return
        assert question is not None  # checked above
        finding = mreza.librarian.find(question)
        if as_json:
            print_json(finding_json(finding))
        else:
            typer.echo(as_console_shows(mreza, finding))

    with_mreza(work)


def as_console_shows(mreza: Mreza, finding: Finding) -> str:
    """The reply the console chat would print (in English), without logging the question."""
    if finding.decision is Decision.SMALLTALK:
        return small_talk_reply(finding.remark)
    if finding.decision is Decision.NONE:
        return texts.DONT_KNOW
    if finding.decision is Decision.CLARIFY:
        choices = [f"  {n}. {h.title}" for n, h in enumerate(finding.choices, start=1)]
        return "\n".join([texts.CLARIFY, *choices])
    entry = mreza.librarian.entry(finding.hits[0].entry_id)
    return to_plain(entry_card(entry, texts.SOURCES).paragraphs) if entry else texts.ENTRY_GONE
