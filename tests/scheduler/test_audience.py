"""Audiences as written and stored: one kind as before, or kinds combined."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from core.members import Language, Member, Role, Status
from scheduler.audience import Audience, AudienceError

JOINED = datetime(2027, 1, 4, tzinfo=UTC)


def person(number: int, country: str, role: Role = Role.MEMBER) -> Member:
    """An active member."""
    return Member(number, f"m{number}", country, role, Language.EN, Status.ACTIVE, JOINED)


NETWORK = [
    person(1, "MK"),
    person(2, "MK", Role.COORDINATOR),
    person(3, "RS", Role.COORDINATOR),
    person(4, "ME", Role.COORDINATOR),
    person(5, "RS", Role.ADMIN),
]


@pytest.mark.parametrize("stored", ["all", "groups", "country:MK,RS", "role:coordinator"])
def test_audiences_stored_before_kinds_combined_read_the_same(stored: str) -> None:
    """Every form written before reads back to itself."""
    assert str(Audience.parse(stored)) == stored


def test_countries_and_roles_together_narrow() -> None:
    """country:MK,RS;role:coordinator reaches the coordinators (and admins) of those two only."""
    audience = Audience.parse("country:RS,MK; role:coordinator")
    assert [m.id for m in audience.members(NETWORK)] == [2, 3, 5]
    assert str(audience) == "country:MK,RS;role:coordinator"


def test_group_chats_on_top_keep_the_members() -> None:
    """Serbia and the group chats still reaches Serbia's members."""
    audience = Audience.parse("country:RS;groups")
    assert audience.groups
    assert [m.id for m in audience.members(NETWORK)] == [3, 5]


def test_group_chats_alone_reach_no_member() -> None:
    """groups is the group chats only."""
    assert Audience.parse("groups").members(NETWORK) == []


def test_a_trailing_separator_is_harmless() -> None:
    """country:RS; is Serbia."""
    assert str(Audience.parse("country:RS;")) == "country:RS"


def test_some_group_chats_are_kept_by_number_and_all_of_them_win() -> None:
    """groups:7,3 is written back sorted; beside groups (all of them) the numbers go."""
    assert str(Audience.parse("groups:7,3;country:RS")) == "country:RS;groups:3,7"
    assert str(Audience.parse("groups:3;groups")) == "groups"


@pytest.mark.parametrize("written", ["all;country:RS", "role:chief", ";", "groups:x"])
def test_what_cannot_be_read_is_refused(written: str) -> None:
    """Everyone beside another kind, an unknown role, a separator alone: refused."""
    with pytest.raises(AudienceError):
        Audience.parse(written)
