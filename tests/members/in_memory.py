"""Members, invites and refusals in memory: the fakes the conversation core is tested on."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from bot.members.invites import Invite, InviteRefused, Refusal, code_hash, code_of, new_code
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


class InMemoryMemberDirectory:
    """The member directory in a dict; behaves as the SQL one does."""

    def __init__(self) -> None:
        self._members: dict[int, Member] = {}

    async def by_identity(self, identity: Identity) -> Member | None:
        """The member behind a transport account, if any (removed members included)."""
        return next((m for m in self._members.values() if identity in m.identities), None)

    async def get(self, member_id: int) -> Member | None:
        """One member by id."""
        return self._members.get(member_id)

    async def add(self, new: NewMember, now: datetime) -> Member:
        """Add a member; ``IdentityTaken`` if the account already belongs to someone active.
        A removed member's account brings them back with these details."""
        owners = {owner for i in new.identities if (owner := await self.by_identity(i))}
        if len(owners) == 1 and not (removed := owners.pop()).active:
            known = tuple(i for i in new.identities if i not in removed.identities)
            back = replace(
                removed,
                name=new.name,
                country=new.country,
                role=new.role,
                language=new.language,
                status=Status.ACTIVE,
                institution=new.institution,
                identities=removed.identities + known,
            )
            self._members[back.id] = back
            return back
        for identity in new.identities:
            owner = await self.by_identity(identity)
            if owner is not None:
                raise IdentityTaken(identity, owner.id)
        member = Member(
            id=max(self._members, default=0) + 1,
            name=new.name,
            country=new.country,
            role=new.role,
            language=new.language or Language.EN,
            status=Status.ACTIVE,
            joined=now,
            institution=new.institution,
            identities=new.identities,
            language_source=LanguageSource.UNKNOWN if new.language is None else new.language_source,
            met=new.met,
        )
        self._members[member.id] = member
        return member

    async def set_role(self, member_id: int, role: Role) -> Member:
        """Change a member's role."""
        return self._change(member_id, role=role)

    async def set_language(
        self, member_id: int, language: Language, source: LanguageSource = LanguageSource.CHOSEN
    ) -> Member:
        """Change a member's interface language; a guess never replaces a chosen language."""
        member = self._change(member_id)
        if member.language_chosen and source is not LanguageSource.CHOSEN:
            return member
        return self._change(member_id, language=language, language_source=source)

    async def meet(self, member_id: int, now: datetime) -> bool:
        """Note the member's first contact; True only the first time."""
        if self._change(member_id).met:
            return False
        self._change(member_id, met=True)
        return True

    async def set_status(self, member_id: int, status: Status) -> Member:
        """Mark a member active, blocked or removed."""
        return self._change(member_id, status=status)

    async def set_preferred(self, member_id: int, transport: str | None) -> Member:
        """Where the member's announcements go when they have accounts on several transports."""
        return self._change(member_id, preferred=transport)

    async def forget(self, member_id: int) -> None:
        """Erase name, institution and accounts; the id stays so anonymous history adds up."""
        self._change(member_id, name="", institution="", identities=(), status=Status.REMOVED)

    async def all(self) -> Sequence[Member]:
        """Every member, in id order."""
        return [self._members[k] for k in sorted(self._members)]

    def _change(self, member_id: int, **changes: object) -> Member:
        if member_id not in self._members:
            raise UnknownMember(member_id)
        member = replace(self._members[member_id], **changes)  # type: ignore[arg-type]
        self._members[member_id] = member
        return member


class InMemoryInviteBook:
    """Invites in a dict, keyed by the hash of their code as in the database."""

    def __init__(self) -> None:
        self._invites: dict[str, Invite] = {}

    async def create(
        self, role: Role, country: str, uses: int, expires_at: datetime | None, now: datetime
    ) -> tuple[str, Invite]:
        """A new invite and its code; the code is returned once and never stored."""
        if uses < 1:
            raise ValueError("an invite needs at least one use")
        code = new_code()
        invite = Invite(len(self._invites) + 1, role, country, uses, expires_at, now)
        self._invites[code_hash(code)] = invite
        return code, invite

    async def redeem(self, code: str, now: datetime) -> Invite:
        """Use one admission of a code; ``InviteRefused`` when it is unknown, expired or used up."""
        # No await between the check and the update: one redemption cannot interleave another.
        digest = code_hash(code)
        invite = self._invites.get(digest)
        if invite is None:
            raise InviteRefused(Refusal.UNKNOWN)
        if invite.expires_at is not None and invite.expires_at <= now:
            raise InviteRefused(Refusal.EXPIRED)
        if invite.uses_left < 1:
            raise InviteRefused(Refusal.USED_UP)
        invite = replace(invite, uses_left=invite.uses_left - 1)
        self._invites[digest] = invite
        return invite

    async def all(self) -> Sequence[Invite]:
        """Every invite, oldest first."""
        return sorted(self._invites.values(), key=lambda invite: invite.id)

    async def revoke(self, code: str) -> Invite | None:
        """Delete the invite of this code, or of this id; None when there is no such invite."""
        code = code_of(code)
        for digest, invite in list(self._invites.items()):
            if digest == code_hash(code) or (code.isdigit() and invite.id == int(code)):
                return self._invites.pop(digest)
        return None


class InMemoryRefusals:
    """Refused strangers in a set."""

    def __init__(self) -> None:
        self._refused: set[Identity] = set()

    async def has_been_refused(self, identity: Identity) -> bool:
        """True when this account was refused before."""
        return identity in self._refused

    async def remember_refusal(self, identity: Identity, now: datetime) -> bool:
        """Note a refusal; True only the first time, so that two racing updates refuse once."""
        if identity in self._refused:
            return False
        self._refused.add(identity)
        return True

    async def clear(self, identity: Identity) -> None:
        """Forget a refusal."""
        self._refused.discard(identity)
