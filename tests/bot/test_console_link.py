"""/console in the chat: a one-time sign-in link to the web console, for coordinators only."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import replace

import pytest

from bot.app import Mreza
from bot.languages import texts
from bot.router import Conversation
from core.clock import FakeClock
from core.members import Language, Role
from tests.bot.people import Network

CONSOLE_URL = "https://mreza.example.org"


@pytest.fixture
def network(mreza: Mreza, clock: FakeClock) -> Iterator[Network]:
    """The chat network, its console served at a public address."""
    built = Network(mreza, clock)
    built.services = replace(built.services, console_url=CONSOLE_URL)
    built.conversation = Conversation(built.services)
    logging.getLogger("bot.router").addHandler(built.failures)
    yield built
    logging.getLogger("bot.router").removeHandler(built.failures)


async def test_a_coordinator_gets_a_link_in_their_language(network: Network) -> None:
    """The link points at the console's public address, with the warning in Macedonian."""
    cora = await network.member("Cora", role=Role.COORDINATOR, language=Language.MK)
    (said,) = await cora.says("/console")
    assert f"{CONSOLE_URL}/console/sign-in/" in said.text
    assert said.text.startswith(network.tr(Language.MK)(texts.CONSOLE_LINK).split("\n")[0][:30])


async def test_a_member_is_refused(network: Network) -> None:
    """Members have no console: the chat's refusal, and no link."""
    alice = await network.member("Alice")
    (said,) = await alice.says("/console")
    assert said.text == network.tr(Language.EN)(texts.NOT_ALLOWED)


async def test_a_fourth_link_within_ten_minutes_is_refused(network: Network) -> None:
    """Links are rate-limited: three, then a sentence saying to use the last one."""
    cora = await network.member("Cora", role=Role.COORDINATOR)
    for _ in range(3):
        await cora.says("/console")
    (said,) = await cora.says("/console")
    assert said.text == network.tr(Language.EN)(texts.CONSOLE_TOO_MANY)


async def test_only_in_a_private_chat(network: Network) -> None:
    """A link asked for in a group would be seen by everyone there: refused."""
    cora = await network.member("Cora", role=Role.COORDINATOR)
    (said,) = await cora.in_(network.group()).says("/console")
    assert "/console" in said.text
    assert "sign-in" not in said.text
