"""What the commands share: settings, the running app, and failing with a clear message."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from typing import Any, NoReturn, TypeVar

import typer

from bot.app import Mreza, open_mreza
from core.settings import Settings
from knowledge.loader import KnowledgeBaseInvalid

T = TypeVar("T")


def fail(message: str, code: int = 1) -> NoReturn:
    """Print an error to standard error and exit."""
    typer.echo(f"mreza: {message}", err=True)
    raise typer.Exit(code)


def checked(parse: Callable[[str], T], text: str) -> T:
    """An argument parsed by ``parse``, or a usage error (exit 2) with the parser's reason."""
    try:
        return parse(text)
    except ValueError as error:
        fail(str(error), 2)


def print_json(data: Any) -> None:
    """Print one JSON document on one line, letters as they are."""
    typer.echo(json.dumps(data, ensure_ascii=False))


def with_mreza(work: Callable[[Mreza], Awaitable[T]], settings: Settings | None = None) -> T:
    """Open Mreža on the given (or configured) settings, run ``work``, close it again."""

    async def run() -> T:
        async with open_mreza(settings or Settings()) as mreza:
            return await work(mreza)

    try:
        return asyncio.run(run())
    except KnowledgeBaseInvalid as invalid:
        fail(f"the knowledge base is invalid; fix these and start again:\n{invalid}")
