"""Coordinators' commands, with roles checked in the core: /unanswered and /invite.

The unanswered queue itself is tested in tests/curator/."""

from __future__ import annotations

import re

import pytest

from bot.languages import texts
from core.members import Role
from tests.bot.people import Network, Person

LINK = re.compile(r"https://t\.me/MrezaBot\?start=(\S+)$")


@pytest.mark.parametrize("command", ["/unanswered", "/invite", "/invite member RS 3"])
async def test_members_cannot_use_coordinators_commands(alice: Person, command: str) -> None:
    """A member gets "Only coordinators" and nothing else."""
    assert [r.text for r in await alice.says(command)] == [texts.NOT_ALLOWED]


async def test_unanswered_with_nothing_to_show(cora: Person) -> None:
    """With nothing waiting for a decision, the coordinator is told the queue is empty."""
    assert [r.text for r in await cora.says("/unanswered")] == [texts.UNANSWERED_EMPTY]


async def test_invite_prints_a_link_for_the_coordinators_country(
    network: Network, cora: Person
) -> None:
    """/invite gives a coordinator a t.me/MrezaBot?start= link for one member of their country."""
    [reply] = await cora.says("/invite")
    link = LINK.search(reply.text)
    assert link is not None
    expected = texts.INVITE_CREATED.format(uses=1, role="member", country="RS", link=link.group(0))
    assert reply.text == expected


async def test_the_invitation_link_lets_someone_in(network: Network, cora: Person) -> None:
    """The code in the link works with /start, for the role and country asked for."""
    [reply] = await cora.says("/invite member BA 2")
    link = LINK.search(reply.text)
    assert link is not None
    newcomer = network.stranger("Newcomer")
    await newcomer.says(f"/start {link.group(1)}")
    member = await newcomer.member()
    assert (member.role, member.country) == (Role.MEMBER, "BA")


async def test_a_coordinator_who_is_not_admin_cannot_invite_coordinators(cora: Person) -> None:
    """/invite coordinator by a plain coordinator gets the usage text and no link."""
    assert [r.text for r in await cora.says("/invite coordinator")] == [texts.INVITE_USAGE]


async def test_an_admin_can_invite_coordinators(network: Network) -> None:
    """An admin's /invite coordinator regional makes a coordinator's link."""
    admin = await network.member("Ivana", country="RS", role=Role.ADMIN)
    [reply] = await admin.says("/invite coordinator regional")
    assert LINK.search(reply.text) is not None
    assert ", role coordinator, country regional," in reply.text


@pytest.mark.parametrize("args", ["XX", "0", "501", "member member extra", "please"])
async def test_invite_arguments_not_understood_get_the_usage(cora: Person, args: str) -> None:
    """Anything /invite does not understand gets the usage text."""
    assert [r.text for r in await cora.says(f"/invite {args}")] == [texts.INVITE_USAGE]
