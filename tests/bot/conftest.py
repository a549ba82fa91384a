"""The network the conversation tests talk in: real services, a temp database, in-memory chats."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from bot.app import Mreza
from core.clock import FakeClock
from core.events import Chat
from core.members import Language, Role
from tests.bot.people import Network, Person


@pytest.fixture
def network(mreza: Mreza, clock: FakeClock) -> Iterator[Network]:
    """Mreža speaking through the memory transport; a logged failure fails the test."""
    built = Network(mreza, clock)
    logger = logging.getLogger("bot.router")
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
