"""Shared fixtures: a fixed moment, the bundled knowledge base built once, Mreža on a fresh copy
of one migrated database per test.

Time is an input: every test starts at the same fixed moment, whatever the machine's clock says,
so no test depends on the date, the weekday, the hour or the machine's time zone.
"""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator, Iterator
from datetime import date
from pathlib import Path

import pytest
from pydantic import SecretStr

from bot.app import Mreza, open_mreza
from bot.cli.common import Surroundings
from bot.groundwork import Groundwork
from core.clock import FakeClock
from core.settings import BUNDLED_KB_PATH, Settings
from knowledge.loader import LoadReport
from knowledge.search import Searcher
from scheduler.pacer import MonotonicTimer, Timer
from tests import databases
from tests.commands import converted_once, shared_groundwork
from tests.keys import SECRET_KEY
from tests.moment import NOW
from tests.timing import SkippingTimer


@pytest.fixture(scope="session", autouse=True)
def commands_turned_once() -> Iterator[None]:
    """The command-line tests invoke ``mreza`` about a thousand times: turn it into click
    commands once per build, not on every invoke."""
    undo = converted_once()
    yield
    undo()


@pytest.fixture(scope="session")
def today() -> date:
    """The day the bundled entries are validated against."""
    return NOW.date()


@pytest.fixture(scope="session")
def groundwork() -> Groundwork:
    """The bundled entries loaded and checked, the analyser and the catalogs: built once a run."""
    return shared_groundwork()


@pytest.fixture(scope="session")
def bundled(groundwork: Groundwork) -> LoadReport:
    """The 42 curated entries, loaded and validated once."""
    return groundwork.report


@pytest.fixture(scope="session")
def searcher(groundwork: Groundwork, bundled: LoadReport) -> Searcher:
    """Mreža's searcher over the bundled entries, with the bundled glossary."""
    return groundwork.searcher(bundled.entries)


@pytest.fixture(scope="session")
def migrated(tmp_path_factory: pytest.TempPathFactory, groundwork: Groundwork) -> Iterator[str]:
    """A database migrated and holding the bundled entries, made once: each test gets a copy."""
    server = databases.configured_server()
    if server is None:
        path = tmp_path_factory.mktemp("template") / "mreza.db"
        _open_once(f"sqlite+aiosqlite:///{path}", groundwork)
        yield str(path)
        return
    template = databases.create_database(server)
    _open_once(template, groundwork)
    yield template
    databases.drop_database(server, template)


def _open_once(url: str, groundwork: Groundwork) -> None:
    """Migrate and import the bundled entries, as the first start of Mreža does."""

    async def build() -> None:
        settings = Settings(database_url=url, kb_path=BUNDLED_KB_PATH)
        async with open_mreza(settings, FakeClock(NOW), groundwork):
            pass

    asyncio.run(build())


@pytest.fixture
def database_url(migrated: str, tmp_path: Path) -> Iterator[str]:
    """A fresh copy of the migrated database per test (open_mreza finds nothing left to do)."""
    server = databases.configured_server()
    if server is None:
        copy = tmp_path / "t.db"
        shutil.copyfile(migrated, copy)
        yield f"sqlite+aiosqlite:///{copy}"
        return
    with databases.fresh_database(server, migrated) as url:
        yield url


@pytest.fixture
def empty_database_url(tmp_path: Path) -> Iterator[str]:
    """A database with no tables at all, for tests of migrating one."""
    server = databases.configured_server()
    if server is None:
        yield f"sqlite+aiosqlite:///{tmp_path}/empty.db"
        return
    with databases.fresh_database(server) as url:
        yield url


# A test types a whole dialog within milliseconds, far past what one sender may send; the
# tests of that budget set the product's own.
TESTS_TYPE_FAST = 10_000


@pytest.fixture
def clock() -> FakeClock:
    """A clock that starts at the fixed moment and moves only when a test moves it."""
    return FakeClock(NOW)


@pytest.fixture
def timer(request: pytest.FixtureRequest) -> Timer:
    """What pacers wait on: waits skipped, unless the test is marked ``real_time``."""
    if request.node.get_closest_marker("real_time"):
        return MonotonicTimer()
    return SkippingTimer()


@pytest.fixture
def around(clock: FakeClock, groundwork: Groundwork) -> Surroundings:
    """What the command line runs with in tests: the fake clock and the shared groundwork."""
    return Surroundings(clock, groundwork)


@pytest.fixture
async def mreza(
    database_url: str, clock: FakeClock, groundwork: Groundwork, timer: Timer
) -> AsyncIterator[Mreza]:
    """The real app, on a fresh database and a fake clock, with the secret key set."""
    settings = Settings(
        database_url=database_url,
        kb_path=BUNDLED_KB_PATH,
        secret_key=SecretStr(SECRET_KEY),
        sender_burst=TESTS_TYPE_FAST,
    )
    async with open_mreza(settings, clock, groundwork, timer) as app:
        yield app
