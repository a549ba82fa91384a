"""The ``mreza`` command line as tests run it: at the suite's fixed moment, on shared groundwork."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from functools import cache

import typer
import typer.testing
from typer import _click as click

from bot import cli
from bot.cli.common import Surroundings
from bot.groundwork import Groundwork
from core.clock import Clock, FakeClock
from core.settings import BUNDLED_KB_PATH
from tests.moment import NOW


@cache
def shared_groundwork() -> Groundwork:
    """The bundled knowledge base loaded, checked and indexed once per test process."""
    return Groundwork(BUNDLED_KB_PATH, NOW.date())


def build(clock: Clock | None = None) -> typer.Typer:
    """``mreza`` with a fake clock (at the fixed moment unless given) instead of the system's."""
    if clock is None:
        return at_the_moment()
    return cli.build(Surroundings(clock, shared_groundwork()))


@cache
def at_the_moment() -> typer.Typer:
    """``mreza`` at the fixed moment, built once per test process: no command moves its clock."""
    return cli.build(Surroundings(FakeClock(NOW), shared_groundwork()))


def converted_once() -> Callable[[], None]:
    """Make typer's test runner turn each built ``mreza`` into click commands once, not on every
    invoke (about 60 ms of reading signatures each time); returns what undoes it."""
    turned: weakref.WeakKeyDictionary[typer.Typer, click.Command] = weakref.WeakKeyDictionary()
    convert = typer.testing._get_command

    def once(app: typer.Typer) -> click.Command:
        command = turned.get(app)
        if command is None:
            command = turned[app] = convert(app)
        return command

    typer.testing._get_command = once
    return lambda: setattr(typer.testing, "_get_command", convert)
