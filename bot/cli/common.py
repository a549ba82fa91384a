"""What the commands share: settings, the running app, and failing with a clear message."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, NoReturn, TypeVar

import typer
from pydantic import ValidationError

from bot.app import Mreza, open_mreza
from bot.groundwork import Groundwork
from core.clock import Clock, SystemClock
from core.instance_key import SecretKeyError
from core.settings import Settings, settings_mistakes
from core.storage import DatabaseUnreachable
from knowledge.loader import KnowledgeBaseInvalid

T = TypeVar("T")


@dataclass(frozen=True)
class Surroundings:
    """What a command takes from outside itself: the clock, and groundwork already laid.

    ``mreza`` runs with the system clock; tests build the command line with a fake one, so that
    no command reads the machine's date.
    """

    clock: Clock = field(default_factory=SystemClock)
    groundwork: Groundwork | None = None


_AROUND: ContextVar[Surroundings] = ContextVar("surroundings")


def enter(around: Surroundings) -> None:
    """Run the commands that follow in ``around`` (the root command calls this first)."""
    _AROUND.set(around)


def surroundings() -> Surroundings:
    """The surroundings the running command line was built with."""
    found = _AROUND.get(None)
    return found if found is not None else Surroundings()


def clock() -> Clock:
    """The clock of this run."""
    return surroundings().clock


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


def configured() -> Settings:
    """The settings from the environment; a wrong one ends the command with one line naming it."""
    try:
        return Settings()
    except ValidationError as error:
        fail(settings_mistakes(error), 2)


def print_json(data: Any) -> None:
    """Print one JSON document on one line, letters as they are."""
    typer.echo(json.dumps(data, ensure_ascii=False))


def with_mreza(work: Callable[[Mreza], Awaitable[T]], settings: Settings | None = None) -> T:
    """Open Mreža on the given (or configured) settings, run ``work``, close it again."""

    async def run() -> T:
        around = surroundings()
        async with open_mreza(settings or Settings(), around.clock, around.groundwork) as mreza:
            return await work(mreza)

    try:
        return asyncio.run(run())
    except DatabaseUnreachable as unreachable:
        fail(str(unreachable))
    except KnowledgeBaseInvalid as invalid:
        fail(f"the knowledge base is invalid; fix these and start again:\n{invalid}")
    except SecretKeyError as error:
        fail(str(error), 2)
