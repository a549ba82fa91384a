"""The member directory's contract, the same for the in-memory fake and the SQL store."""

from __future__ import annotations

from dataclasses import replace

import pytest

from core.clock import FakeClock
from core.members import (
    Identity,
    IdentityTaken,
    Language,
    MemberDirectory,
    NewMember,
    Role,
    Status,
    UnknownMember,
)

ANA = Identity("telegram", "1001")
MARKO = Identity("telegram", "1002")


def ana() -> NewMember:
    """A coordinator from Serbia who writes in Cyrillic."""
    return NewMember(
        "Ana Petrović", "RS", ANA, Role.COORDINATOR, Language.SR_CYRL, "Ministry of Defence"
    )


def marko() -> NewMember:
    """A member from Montenegro with the defaults."""
    return NewMember("Marko Vuković", "ME", MARKO)


async def test_an_added_member_is_found_by_id_and_by_account(
    directory: MemberDirectory, clock: FakeClock
) -> None:
    """Adding Ana keeps every detail, and her Telegram account leads back to her."""
    added = await directory.add(ana(), clock.now())
    assert (added.name, added.country, added.institution) == (
        "Ana Petrović",
        "RS",
        "Ministry of Defence",
    )
    assert (added.role, added.language, added.status) == (
        Role.COORDINATOR,
        Language.SR_CYRL,
        Status.ACTIVE,
    )
    assert added.joined == clock.now()
    assert added.identities == (ANA,)
    assert await directory.get(added.id) == added
    assert await directory.by_identity(ANA) == added


async def test_defaults_make_a_member_who_reads_english(
    directory: MemberDirectory, clock: FakeClock
) -> None:
    """Without a role or language, Marko is a member reading English, with no institution."""
    added = await directory.add(marko(), clock.now())
    assert (added.role, added.language, added.institution) == (Role.MEMBER, Language.EN, "")


async def test_nobody_is_found_for_strangers(directory: MemberDirectory) -> None:
    """An unknown id or account finds nobody."""
    assert await directory.get(42) is None
    assert await directory.by_identity(Identity("telegram", "999")) is None


async def test_an_account_belongs_to_one_member(
    directory: MemberDirectory, clock: FakeClock
) -> None:
    """Adding someone with Ana's account is refused, says whose it is, and adds nobody."""
    first = await directory.add(ana(), clock.now())
    with pytest.raises(IdentityTaken, match=f"belongs to member {first.id}"):
        await directory.add(NewMember("Impostor", "BA", ANA), clock.now())
    assert await directory.all() == [first]


async def test_the_same_number_on_another_transport_is_another_account(
    directory: MemberDirectory, clock: FakeClock
) -> None:
    """Signal user 1001 is not Telegram user 1001."""
    await directory.add(ana(), clock.now())
    other = await directory.add(NewMember("Jana", "MK", Identity("signal", "1001")), clock.now())
    assert await directory.by_identity(Identity("signal", "1001")) == other


async def test_everyone_is_listed_in_id_order(directory: MemberDirectory, clock: FakeClock) -> None:
    """Members come back in the order they joined, with ids that grow."""
    first = await directory.add(ana(), clock.now())
    second = await directory.add(marko(), clock.now())
    assert second.id > first.id
    assert [m.id for m in await directory.all()] == [first.id, second.id]


async def test_role_language_and_status_change_and_stay_changed(
    directory: MemberDirectory, clock: FakeClock
) -> None:
    """Marko becomes an admin reading Macedonian, then blocks the bot; each change is kept."""
    added = await directory.add(marko(), clock.now())
    assert (await directory.set_role(added.id, Role.ADMIN)).role is Role.ADMIN
    assert (await directory.set_language(added.id, Language.MK)).language is Language.MK
    assert (await directory.set_status(added.id, Status.BLOCKED)).status is Status.BLOCKED
    kept = await directory.get(added.id)
    assert kept is not None
    assert (kept.role, kept.language, kept.status) == (Role.ADMIN, Language.MK, Status.BLOCKED)


async def test_changing_an_unknown_member_says_so(directory: MemberDirectory) -> None:
    """Every change to a member who does not exist raises UnknownMember."""
    with pytest.raises(UnknownMember, match="no member has id 7"):
        await directory.set_role(7, Role.ADMIN)
    with pytest.raises(UnknownMember):
        await directory.set_language(7, Language.EN)
    with pytest.raises(UnknownMember):
        await directory.set_status(7, Status.REMOVED)
    with pytest.raises(UnknownMember):
        await directory.forget(7)


async def test_a_removed_member_is_still_recognised(
    directory: MemberDirectory, clock: FakeClock
) -> None:
    """After removal Marko's account still leads to him, so Mreža can tell him he was removed."""
    added = await directory.add(marko(), clock.now())
    await directory.set_status(added.id, Status.REMOVED)
    found = await directory.by_identity(MARKO)
    assert found is not None
    assert found.status is Status.REMOVED
    assert not found.active


async def test_adding_a_removed_members_account_brings_them_back(
    directory: MemberDirectory, clock: FakeClock
) -> None:
    """An admin adding Marko again makes him active with the new details, under his old id."""
    old = await directory.add(marko(), clock.now())
    await directory.set_status(old.id, Status.REMOVED)
    back = await directory.add(replace(marko(), country="ME", role=Role.COORDINATOR), clock.now())
    assert back.id == old.id
    assert (back.status, back.country, back.role) == (Status.ACTIVE, "ME", Role.COORDINATOR)
    assert await directory.by_identity(MARKO) == back


async def test_forgetting_erases_the_person_but_keeps_the_number(
    directory: MemberDirectory, clock: FakeClock
) -> None:
    """Ana asks to be forgotten: name, institution and account go; id, country and role stay."""
    added = await directory.add(ana(), clock.now())
    await directory.forget(added.id)
    left = await directory.get(added.id)
    assert left is not None
    assert (left.name, left.institution, left.identities) == ("", "", ())
    assert (left.country, left.role, left.status) == ("RS", Role.COORDINATOR, Status.REMOVED)
    assert await directory.by_identity(ANA) is None


async def test_a_forgotten_account_can_join_again_as_someone_new(
    directory: MemberDirectory, clock: FakeClock
) -> None:
    """After being forgotten, Ana's account is free and joins as a new member."""
    old = await directory.add(ana(), clock.now())
    await directory.forget(old.id)
    new = await directory.add(ana(), clock.now())
    assert new.id != old.id
    assert await directory.by_identity(ANA) == new


async def test_a_member_may_have_accounts_on_two_transports(
    directory: MemberDirectory, clock: FakeClock
) -> None:
    """Telegram and Signal accounts given together lead to the same member."""
    signal = Identity("signal", "+38160000001")
    added = await directory.add(replace(ana(), more=(signal,)), clock.now())
    assert added.identities == (ANA, signal)
    assert await directory.by_identity(signal) == added
    assert await directory.by_identity(ANA) == added


async def test_a_second_account_taken_by_someone_else_adds_nobody(
    directory: MemberDirectory, clock: FakeClock
) -> None:
    """Marko's Telegram account as Ana's second account: refused, and Ana is not added."""
    await directory.add(marko(), clock.now())
    with pytest.raises(IdentityTaken):
        await directory.add(replace(ana(), more=(MARKO,)), clock.now())
    assert await directory.by_identity(ANA) is None
