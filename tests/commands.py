"""The ``mreza`` command line as tests run it: at the suite's fixed moment, on shared groundwork."""

from __future__ import annotations

from functools import cache

import typer

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
    return cli.build(Surroundings(clock or FakeClock(NOW), shared_groundwork()))
