"""The network the conversation tests talk in: real services, a temp database, in-memory chats."""

from __future__ import annotations

import asyncio
import logging
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.app import Mreza, open_mreza
from core.clock import FakeClock
from core.events import Chat
from core.members import Language, Role
from core.settings import BUNDLED_KB_PATH, Settings
from tests import databases
from tests.bot.people import Network, Person


def opened_once(url: str) -> None:
    """Migrate and import the bundled entries, as the first start of Mreža does."""

    async def build() -> None:
        settings = Settings(database_url=url, kb_path=BUNDLED_KB_PATH)
        async with open_mreza(settings, FakeClock(datetime.now(UTC))):
            pass

    asyncio.run(build())


@pytest.fixture(scope="session")
def migrated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A migrated database holding the bundled entries, made once: migrating is the slow part."""
    server = databases.configured_server()
    if server is None:
        path = tmp_path_factory.mktemp("template") / "mreza.db"
        opened_once(f"sqlite+aiosqlite:///{path}")
        yield str(path)
        return
    template = databases.create_database(server)
    opened_once(template)
    yield template
    databases.drop_database(server, template)


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
def network(mreza: Mreza, clock: FakeClock) -> Iterator[Network]:
    """Mreža speaking through the memory transport; a logged failure fails the test."""
    built = Network(mreza, clock)
    logger = logging.getLogger("bot.conversation")
    logger.addHandler(built.failures)
    yield built
    logger.removeHandler(built.failures)


@pytest.fixture
async def alice(network: Network) -> Person:
    """A member from Serbia who reads English."""
    return await network.member("Alice", country="RS")


@pytest.fixture
async def bob(network: Network) -> Person:
    """Another member from Serbia."""
    return await network.member("Bob", country="RS")


@pytest.fixture
async def cora(network: Network) -> Person:
    """A coordinator for Serbia (not an admin)."""
    return await network.member("Cora", country="RS", role=Role.COORDINATOR)


@pytest.fixture
async def ana(network: Network) -> Person:
    """A member from North Macedonia who reads Macedonian."""
    return await network.member("Ana", country="MK", language=Language.MK)


@pytest.fixture
def group(network: Network) -> Chat:
    """A group chat Mreža was added to."""
    return network.group()
