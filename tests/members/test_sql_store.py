"""What only the database can show: rows gone, foreign keys kept, codes never stored."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.members.directory import SqlMemberDirectory
from bot.members.invite_store import SqlInviteBook
from bot.members.invites import code_hash
from bot.members.member_tables import IdentityRow, InviteRow, MemberRow
from core.clock import FakeClock
from core.members import Identity, NewMember, Role
from core.storage import utc
from knowledge.entry_tables import AskedRow

Sessions = async_sessionmaker[AsyncSession]

ANA = NewMember("Ana Petrović", "RS", Identity("telegram", "1001"), institution="MoD Serbia")
MARKO = NewMember("Marko Vuković", "ME", Identity("telegram", "1002"))


def asked(member_id: int | None, now: datetime) -> AskedRow:
    """A logged question, as the librarian writes it."""
    return AskedRow(
        asked_at=now,
        channel="telegram",
        member_id=member_id,
        text="who is a person of trust?",
        normalised="who is a person of trust",
        decision="answer",
    )


async def test_forgetting_deletes_the_rows_that_name_a_person(
    sessions: Sessions, clock: FakeClock
) -> None:
    """After Ana is forgotten her account row is gone and her member row holds no name."""
    directory = SqlMemberDirectory(sessions, clock)
    ana = await directory.add(ANA, clock.now())
    await directory.forget(ana.id)
    async with sessions() as session:
        row = await session.get_one(MemberRow, ana.id)
        accounts = await session.scalar(select(func.count()).select_from(IdentityRow))
    assert (row.name, row.institution, row.status) == ("", "", "removed")
    assert row.forgotten_at is not None
    assert utc(row.forgotten_at) == clock.now()
    assert accounts == 0


async def test_forgetting_unlinks_only_that_members_questions(
    sessions: Sessions, clock: FakeClock
) -> None:
    """Ana's logged questions stay for the curators but no longer point at her; Marko's do."""
    directory = SqlMemberDirectory(sessions, clock)
    ana = await directory.add(ANA, clock.now())
    marko = await directory.add(MARKO, clock.now())
    async with sessions.begin() as session:
        session.add_all([asked(ana.id, clock.now()), asked(marko.id, clock.now())])
    await directory.forget(ana.id)
    async with sessions() as session:
        owners = list(await session.scalars(select(AskedRow.member_id).order_by(AskedRow.id)))
    assert owners == [None, marko.id]


async def test_deleting_a_member_row_cascades_and_unlinks(
    sessions: Sessions, clock: FakeClock
) -> None:
    """If a row is ever deleted outright, its accounts go and its questions keep no dangling id."""
    directory = SqlMemberDirectory(sessions, clock)
    ana = await directory.add(ANA, clock.now())
    async with sessions.begin() as session:
        session.add(asked(ana.id, clock.now()))
    async with sessions.begin() as session:
        await session.execute(delete(MemberRow).where(MemberRow.id == ana.id))
    async with sessions() as session:
        assert await session.scalar(select(func.count()).select_from(IdentityRow)) == 0
        assert await session.scalar(select(AskedRow.member_id)) is None


async def test_an_invite_code_is_stored_only_as_its_hash(
    sessions: Sessions, clock: FakeClock
) -> None:
    """The database holds the code's SHA-256 and nothing from which the code could be read."""
    code, invite = await SqlInviteBook(sessions).create(Role.MEMBER, "BA", 1, None, clock.now())
    async with sessions() as session:
        row = await session.get_one(InviteRow, invite.id)
    assert row.code_hash == code_hash(code)
    assert code not in repr([getattr(row, c.key) for c in InviteRow.__table__.columns])
