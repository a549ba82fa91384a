"""Members of the closed network, their roles, and the directory that knows them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol

COUNTRIES = ("BA", "ME", "MK", "RS", "regional")


class Role(StrEnum):
    """What a member may do; each role includes the ones before it."""

    MEMBER = "member"
    COORDINATOR = "coordinator"
    ADMIN = "admin"

    def includes(self, other: Role) -> bool:
        """True when this role may do what ``other`` may."""
        order = list(Role)
        return order.index(self) >= order.index(other)


class Status(StrEnum):
    """Whether Mreža may write to a member."""

    ACTIVE = "active"
    BLOCKED = "blocked"  # they blocked the bot; cleared when they write again
    REMOVED = "removed"


class Language(StrEnum):
    """The four interface languages."""

    EN = "en"
    BCMS = "bcms"  # Bosnian, Croatian, Montenegrin, Serbian in Latin script
    SR_CYRL = "sr-cyrl"
    MK = "mk"


class LanguageSource(StrEnum):
    """How Mreža came to a member's language: only a choice is final."""

    UNKNOWN = "unknown"  # nothing to go by yet: English until the member writes
    APP = "app"  # the language their messaging app is set to
    QUESTION = "question"  # the script and letters of their first question
    CHOSEN = "chosen"  # set by an admin or with /lang; detection never overrides it


@dataclass(frozen=True, slots=True)
class Identity:
    """A member's account on one transport."""

    transport: str
    external_id: str


@dataclass(frozen=True, slots=True)
class Member:
    """One person in the network."""

    id: int
    name: str
    country: str
    role: Role
    language: Language
    status: Status
    joined: datetime
    institution: str = ""
    identities: tuple[Identity, ...] = ()
    preferred: str | None = None  # the transport announcements go to, for those with several
    language_source: LanguageSource = LanguageSource.CHOSEN
    met: bool = True  # False until their first message reaches Mreža

    @property
    def active(self) -> bool:
        """True unless removed."""
        return self.status is not Status.REMOVED

    @property
    def language_chosen(self) -> bool:
        """True when an admin or the member set the language, rather than Mreža guessing it."""
        return self.language_source is LanguageSource.CHOSEN


@dataclass(frozen=True, slots=True)
class NewMember:
    """What is needed to add someone."""

    name: str
    country: str
    identity: Identity
    role: Role = Role.MEMBER
    language: Language | None = Language.EN  # None: found from their first message
    institution: str = ""
    more: tuple[Identity, ...] = ()  # the same person's accounts on other transports
    met: bool = False  # True when they are the ones writing (joining with an invite)
    language_source: LanguageSource = LanguageSource.CHOSEN  # how ``language`` was come to

    @property
    def identities(self) -> tuple[Identity, ...]:
        """Every account of the new member, the first one first."""
        return (self.identity, *self.more)


class MemberError(Exception):
    """A member operation that cannot be done; the message says why, for the operator."""


class UnknownMember(MemberError):
    """No member has this id."""

    def __init__(self, member_id: int) -> None:
        super().__init__(f"no member has id {member_id}")
        self.member_id = member_id


class IdentityTaken(MemberError):
    """The transport account already belongs to a member."""

    def __init__(self, identity: Identity, owner_id: int) -> None:
        super().__init__(
            f"{identity.transport} id {identity.external_id} already belongs to member {owner_id}"
        )
        self.identity = identity
        self.owner_id = owner_id


class MemberDirectory(Protocol):
    """The storage port for members; changing an unknown id raises ``UnknownMember``."""

    async def by_identity(self, identity: Identity) -> Member | None:
        """The member behind a transport account, if any (removed members included)."""
        ...

    async def get(self, member_id: int) -> Member | None:
        """One member by id."""
        ...

    async def add(self, new: NewMember, now: datetime) -> Member:
        """Add a member; ``MemberError`` if the identity already belongs to someone."""
        ...

    async def set_role(self, member_id: int, role: Role) -> Member:
        """Change a member's role."""
        ...

    async def set_language(
        self, member_id: int, language: Language, source: LanguageSource = LanguageSource.CHOSEN
    ) -> Member:
        """Change a member's interface language; a guess never replaces a chosen language."""
        ...

    async def meet(self, member_id: int, now: datetime) -> bool:
        """Note the member's first contact; True only the first time."""
        ...

    async def set_status(self, member_id: int, status: Status) -> Member:
        """Mark a member active, blocked or removed."""
        ...

    async def set_preferred(self, member_id: int, transport: str | None) -> Member:
        """Where the member's announcements go when they have accounts on several transports."""
        ...

    async def forget(self, member_id: int) -> None:
        """Delete everything personal about a member: name, identities, institution."""
        ...

    async def all(self) -> Sequence[Member]:
        """Every member, in id order."""
        ...
