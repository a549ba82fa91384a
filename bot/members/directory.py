"""Members and refused strangers in the database: the SQL side of their ports."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, Select, and_, delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import selectinload

from bot.conversation.dialog_tables import DialogRow, EventMessageRow
from bot.members.invite_store import SqlInviteBook
from bot.members.member_tables import IdentityRow, MemberRow, RefusalRow
from core.clock import Clock, SystemClock
from core.members import (
    Identity,
    IdentityTaken,
    Language,
    LanguageSource,
    Member,
    NewMember,
    Role,
    Status,
    UnknownMember,
)
from core.storage import utc
from knowledge.entry_tables import AskedRow
from scheduler.pulses.pulse_tables import PulseHandleRow

Sessions = async_sessionmaker[AsyncSession]
__all__ = ["Refusals", "SqlInviteBook", "SqlMemberDirectory"]  # the invite book lives next door


class SqlMemberDirectory:
    """The member directory, one short transaction per call."""

    def __init__(self, sessions: Sessions, clock: Clock | None = None) -> None:
        self._sessions = sessions
        self._clock = clock or SystemClock()  # only ``forget`` needs the time

    async def by_identity(self, identity: Identity) -> Member | None:
        """The member behind a transport account, if any (removed members included)."""
        async with self._sessions() as session:
            row = await session.scalar(_members().join(IdentityRow).where(_is(identity)))
        return _member(row) if row else None

    async def get(self, member_id: int) -> Member | None:
        """One member by id."""
        async with self._sessions() as session:
            row = await session.scalar(_members().where(MemberRow.id == member_id))
        return _member(row) if row else None

    async def add(self, new: NewMember, now: datetime) -> Member:
        """Add a member; ``IdentityTaken`` if the account already belongs to someone active.

        An account of a removed member brings that member back with these details: an admin
        adding them again is the one way back (an invite is not).
        """
        removed = await self._removed_owner(new)
        if removed is not None:
            return await self._readmit(removed, new)
        for identity in new.identities:
            await self._refuse_taken(identity)
        row = MemberRow(
            name=new.name,
            country=new.country,
            institution=new.institution,
            role=new.role.value,
            language=(new.language or Language.EN).value,
            language_source=_source(new).value,
            status=Status.ACTIVE.value,
            joined_at=utc(now),
            met_at=utc(now) if new.met else None,
            identities=[IdentityRow(**_identity_values(i)) for i in new.identities],
        )
        try:
            async with self._sessions.begin() as session:
                session.add(row)
        except IntegrityError:
            # Someone added the same account between the check and the insert.
            for identity in new.identities:
                await self._refuse_taken(identity)
            raise
        return _member(row)

    async def _removed_owner(self, new: NewMember) -> Member | None:
        """The one removed member all the given accounts that have an owner belong to."""
        owners = {owner for i in new.identities if (owner := await self.by_identity(i))}
        if len(owners) == 1 and not (found := owners.pop()).active:
            return found
        return None

    async def _readmit(self, member: Member, new: NewMember) -> Member:
        async with self._sessions.begin() as session:
            row = await session.scalar(_members().where(MemberRow.id == member.id))
            assert row is not None  # found a moment ago; members are never deleted
            row.name, row.country, row.institution = new.name, new.country, new.institution
            row.role = new.role.value
            if new.language is not None:  # given again by the admin; else the one learnt stays
                row.language, row.language_source = new.language.value, _source(new).value
            row.status = Status.ACTIVE.value
            known = {Identity(i.transport, i.external_id) for i in row.identities}
            row.identities.extend(
                IdentityRow(**_identity_values(i)) for i in new.identities if i not in known
            )
        return _member(row)

    async def _refuse_taken(self, identity: Identity) -> None:
        owner = await self.by_identity(identity)
        if owner is not None:
            raise IdentityTaken(identity, owner.id)

    async def set_role(self, member_id: int, role: Role) -> Member:
        """Change a member's role."""
        return await self._change(member_id, role=role.value)

    async def set_language(
        self, member_id: int, language: Language, source: LanguageSource = LanguageSource.CHOSEN
    ) -> Member:
        """Change a member's interface language; a guess never replaces a chosen language."""
        if source is LanguageSource.CHOSEN:
            return await self._change(
                member_id, language=language.value, language_source=source.value
            )
        # Checked in the same statement, so a /lang pressed meanwhile still wins.
        async with self._sessions.begin() as session:
            await session.execute(
                update(MemberRow)
                .where(MemberRow.id == member_id, MemberRow.language_source != "chosen")
                .values(language=language.value, language_source=source.value)
            )
        member = await self.get(member_id)
        if member is None:
            raise UnknownMember(member_id)
        return member

    async def meet(self, member_id: int, now: datetime) -> bool:
        """Note the member's first contact; True only the first time."""
        async with self._sessions.begin() as session:
            result = await session.execute(
                update(MemberRow)
                .where(MemberRow.id == member_id, MemberRow.met_at.is_(None))
                .values(met_at=utc(now))
            )
        return bool(getattr(result, "rowcount", 0))

    async def set_status(self, member_id: int, status: Status) -> Member:
        """Mark a member active, blocked or removed."""
        return await self._change(member_id, status=status.value)

    async def set_preferred(self, member_id: int, transport: str | None) -> Member:
        """Where the member's announcements go when they have accounts on several transports."""
        return await self._change(member_id, preferred_transport=transport)

    async def _change(self, member_id: int, **values: str | None) -> Member:
        async with self._sessions.begin() as session:
            row = await session.scalar(_members().where(MemberRow.id == member_id))
            if row is None:
                raise UnknownMember(member_id)
            for column, value in values.items():
                setattr(row, column, value)
        return _member(row)

    async def forget(self, member_id: int) -> None:
        """Erase name, institution and accounts, and wherever else their chats are kept (an
        open dialog, pulse polls waiting to be stopped, event counts shown to them); the id
        stays so anonymous history adds up."""
        async with self._sessions.begin() as session:
            row = await session.scalar(_members().where(MemberRow.id == member_id))
            if row is None:
                raise UnknownMember(member_id)
            await _forget_chats(session, member_id, row.identities)
            row.identities.clear()  # delete-orphan: the rows go
            row.name = ""
            row.institution = ""
            row.status = Status.REMOVED.value
            row.forgotten_at = row.forgotten_at or utc(self._clock.now())
            await session.execute(
                update(AskedRow).where(AskedRow.member_id == member_id).values(member_id=None)
            )

    async def all(self) -> Sequence[Member]:
        """Every member, in id order."""
        async with self._sessions() as session:
            rows = await session.scalars(_members().order_by(MemberRow.id))
            return [_member(row) for row in rows]


class Refusals:
    """Strangers who already got their one polite refusal, kept as keyed digests of their
    accounts: a member who asked to be forgotten and writes again is a stranger, and the refusal
    must not write their account back into the database."""

    def __init__(self, sessions: Sessions, key: bytes) -> None:
        self._sessions = sessions
        self._key = key

    async def has_been_refused(self, identity: Identity) -> bool:
        """True when this account was refused before."""
        async with self._sessions() as session:
            found = await session.scalar(
                select(RefusalRow.id).where(_is(self._digest(identity), RefusalRow))
            )
        return found is not None

    async def remember_refusal(self, identity: Identity, now: datetime) -> bool:
        """Note a refusal; True only the first time, so that two racing updates refuse once."""
        kept = _identity_values(self._digest(identity))
        try:
            async with self._sessions.begin() as session:
                session.add(RefusalRow(**kept, refused_at=utc(now)))
        except IntegrityError:  # the unique key says it was already there
            return False
        return True

    async def clear(self, identity: Identity) -> None:
        """Forget a refusal: the stranger became a member, and may one day need telling again."""
        async with self._sessions.begin() as session:
            await session.execute(delete(RefusalRow).where(_is(self._digest(identity), RefusalRow)))

    def _digest(self, identity: Identity) -> Identity:
        text = f"{identity.transport}:{identity.external_id}".encode()
        return Identity(identity.transport, hmac.new(self._key, text, hashlib.sha256).hexdigest())


async def _forget_chats(
    session: AsyncSession, member_id: int, accounts: Sequence[IdentityRow]
) -> None:
    """Delete what names a member's private chats: a private chat's id is the account's."""
    await session.execute(delete(DialogRow).where(DialogRow.member_id == member_id))
    for account in accounts:
        for table in (PulseHandleRow, EventMessageRow):
            await session.execute(
                delete(table).where(
                    table.transport == account.transport, table.chat_id == account.external_id
                )
            )


def _members() -> Select[MemberRow]:
    return select(MemberRow).options(selectinload(MemberRow.identities))


def _is(
    identity: Identity, table: type[IdentityRow | RefusalRow] = IdentityRow
) -> ColumnElement[bool]:
    return and_(table.transport == identity.transport, table.external_id == identity.external_id)


def _identity_values(identity: Identity) -> dict[str, str]:
    return {"transport": identity.transport, "external_id": identity.external_id}


def _source(new: NewMember) -> LanguageSource:
    return LanguageSource.UNKNOWN if new.language is None else new.language_source


def _member(row: MemberRow) -> Member:
    return Member(
        id=row.id,
        name=row.name,
        country=row.country,
        role=Role(row.role),
        language=Language(row.language),
        status=Status(row.status),
        joined=utc(row.joined_at),
        institution=row.institution,
        identities=tuple(Identity(i.transport, i.external_id) for i in row.identities),
        preferred=row.preferred_transport,
        language_source=LanguageSource(row.language_source),
        met=row.met_at is not None,
    )
