"""``mreza ask`` and ``mreza chat``: questions from the command line and the console chat."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from bot.app import Mreza
from bot.cli.common import fail, print_json, with_mreza
from bot.console import ConsoleChat
from knowledge.search import Finding


def register(app: typer.Typer) -> None:
    """Add the commands to the app."""
    app.command()(ask)
    app.command()(chat)


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
            ConsoleChat(mreza.librarian, sys.stdout, interactive=False).show(finding)

    with_mreza(work)


def chat() -> None:
    """Chat with Mreža in the terminal (the zero-setup transport)."""

    async def work(mreza: Mreza) -> None:
        console = ConsoleChat(mreza.librarian, sys.stdout, interactive=sys.stdin.isatty())
        await console.run(sys.stdin.readline)

    with_mreza(work)
