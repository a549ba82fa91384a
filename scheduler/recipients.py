"""Where a delivery goes: its recipient key turned into a chat, or the reason there is none.

Keys are what firing wrote: "member:ID" for a member's private chat, "group:TRANSPORT:CHAT" for
a group chat. The engine sends through one messenger (which may route to several transports),
so only chats on the transports it serves count; a member with no account there cannot be
reached. One key is one message: a member with accounts on two transports gets it once, on the
transport they prefer, or else on the first the engine serves.

Looking members up one by one costs a database round trip per message, more than sending it;
given a ``MemberRoll``, the worker looks up a whole claimed batch in one query instead (the
members are then as they were at the claim, seconds before the send).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Protocol

from core.events import Chat
from core.members import Member, MemberDirectory, Status
from scheduler.composing import Recipient

NO_ACCOUNT = "no reachable account"
Known = Mapping[int, Member | None]  # members looked up in advance; None: there is no such one
NOTHING_KNOWN: Known = MappingProxyType({})


class MemberRoll(Protocol):
    """Many members by id in one go."""

    async def many(self, member_ids: Collection[int]) -> Sequence[Member]:
        """The members with these ids that exist, in any order."""
        ...


@dataclass(frozen=True, slots=True)
class Unreachable:
    """Why a delivery ends without being sent, and the status it ends in."""

    status: str  # failed, or blocked for members who blocked Mreža or were removed
    reason: str


class Recipients:
    """Resolves delivery keys against the member directory, preferring transports in order."""

    def __init__(
        self,
        members: MemberDirectory,
        transports: tuple[str, ...] = ("telegram",),
        roll: MemberRoll | None = None,
    ) -> None:
        self._members = members
        self._transports = transports
        self._roll = roll

    async def prefetch(self, keys: Iterable[str]) -> Known:
        """The members behind these keys, looked up at once (nothing without a roll)."""
        wanted = {
            int(rest)
            for kind, _, rest in (k.partition(":") for k in keys)
            if kind == "member" and rest.isdigit()
        }
        if self._roll is None or not wanted:
            return {}
        found = {member.id: member for member in await self._roll.many(wanted)}
        return {member_id: found.get(member_id) for member_id in wanted}

    async def find(self, key: str, known: Known = NOTHING_KNOWN) -> Recipient | Unreachable:
        """The chat a delivery goes to, or why it goes nowhere; ``known``: from ``prefetch``."""
        kind, _, rest = key.partition(":")
        if kind == "member" and rest.isdigit():
            member_id = int(rest)
            if member_id in known:
                return self._member(key, known[member_id])
            return self._member(key, await self._members.get(member_id))
        if kind == "group":
            transport, _, chat_id = rest.partition(":")
            if transport in self._transports and chat_id:
                return Recipient(key, Chat(transport, chat_id, private=False))
            return Unreachable("failed", NO_ACCOUNT)
        return Unreachable("failed", f"not a recipient: {key!r}")

    def _member(self, key: str, member: Member | None) -> Recipient | Unreachable:
        if member is None:
            return Unreachable("failed", "no such member")
        if member.status is Status.BLOCKED:
            return Unreachable("blocked", "the member blocked Mreža")
        if member.status is Status.REMOVED:
            return Unreachable("blocked", "the member was removed")
        chat = self._private_chat(member)
        return Recipient(key, chat, member) if chat else Unreachable("failed", NO_ACCOUNT)

    def _private_chat(self, member: Member) -> Chat | None:
        """The member's chat on their preferred transport if served, else on the first served."""
        preferred = (member.preferred,) if member.preferred in self._transports else ()
        for transport in (*preferred, *self._transports):
            for identity in member.identities:
                if identity.transport == transport:
                    return Chat(transport, identity.external_id, private=True)
        return None
