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
from core.members import Language
from knowledge.entry import LANGUAGE_FORMS
from knowledge.librarian import Librarian
from knowledge.reading import read_in, title_in
from knowledge.search import Decision, Finding


def register(app: typer.Typer) -> None:
    """Add the commands to the app."""
    app.command()(ask)


def finding_json(librarian: Librarian, finding: Finding, lang: str = "en") -> dict[str, Any]:
    """The JSON shape of a search result: each hit's title and answer in language form ``lang``.

    ``translated`` is false where the entry is not yet in ``lang`` and its own text is given.
    """
    results = []
    for hit in finding.hits:
        entry = librarian.entry(hit.entry_id)
        result: dict[str, Any] = {"id": hit.entry_id, "title": hit.title, "score": hit.score}
        if entry is not None:
            reading = read_in(entry, lang)
            result |= {
                "title": reading.title,
                "answer": reading.answer,
                "translated": reading.translated,
            }
        results.append(result)
    return {"decision": finding.decision.value, "results": results}


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
    lang: Annotated[str, typer.Option("--lang", help="Answer in en, bcms, sr-cyrl or mk.")] = "en",
) -> None:
    """Ask one question and print the answer as the console chat shows it."""
    if jsonl == (question is not None):
        fail(
            "give either a QUESTION or --jsonl (questions on standard input), not both or neither",
            2,
        )
    if lang not in LANGUAGE_FORMS:
        fail(f"unknown language {lang!r}: use one of {', '.join(LANGUAGE_FORMS)}", 2)

    async def work(mreza: Mreza) -> None:
        if jsonl:
            for line in sys.stdin:
                print_json(finding_json(mreza.librarian, mreza.librarian.find(line.strip()), lang))
            return
        assert question is not None  # checked above
        finding = mreza.librarian.find(question)
        if as_json:
            print_json(finding_json(mreza.librarian, finding, lang))
        else:
            typer.echo(as_console_shows(mreza, finding, Language(lang)))

    with_mreza(work)


def as_console_shows(mreza: Mreza, finding: Finding, language: Language = Language.EN) -> str:
    """The reply the console chat would print, without logging the question."""
    tr = mreza.translations(language)
    if finding.decision is Decision.SMALLTALK:
        return tr(small_talk_reply(finding.remark))
    if finding.decision is Decision.NONE:
        return tr(texts.DONT_KNOW)
    if finding.decision is Decision.CLARIFY:
        titles = [_title(mreza.librarian, h.entry_id, h.title, language) for h in finding.choices]
        choices = [f"  {n}. {title}" for n, title in enumerate(titles, start=1)]
        return "\n".join([tr(texts.CLARIFY), *choices])
    entry = mreza.librarian.entry(finding.hits[0].entry_id)
    if entry is None:
        return tr(texts.ENTRY_GONE)
    return to_plain(entry_card(entry, language, tr).paragraphs)


def _title(librarian: Librarian, entry_id: str, found: str, language: Language) -> str:
    entry = librarian.entry(entry_id)
    return title_in(entry, language.value) if entry else found
