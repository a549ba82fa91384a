"""People on the emulated Signal: what they write and react, and what Mreža sends them."""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass

import pytest

from bot.app import Mreza
from core.members import Identity, Language, NewMember, Role
from emulators.signal import Contact, RpcCall, SignalEmulator

REPLY_WAIT = 20.0  # seconds a reply may take: a shared, loaded machine is no bug, and a
# passing test never waits this long
QUIET = 0.5  # how long "hears nothing" listens
NUMBERED = re.compile(r"^(\d+)\. (.+)$")


@dataclass(frozen=True, slots=True)
class Reply:
    """One message Mreža sent, as the app shows it, and the choices numbered in it."""

    text: str
    timestamp: int
    labels: tuple[str, ...]

    @classmethod
    def of(cls, call: RpcCall) -> Reply:
        """Read a recorded send."""
        found = (NUMBERED.match(line) for line in call.text.split("\n"))
        labels = tuple(match.group(2) for match in found if match)
        return cls(call.text, call.timestamp, labels)


@dataclass
class SignalPerson:
    """One person writing to Mreža's account, privately or in a group."""

    emu: SignalEmulator
    contact: Contact
    group: str | None = None
    seen: int = 0  # the last recorded call already looked at

    @property
    def address(self) -> str:
        """Where Mreža writes back: the group, or the person's number (or UUID)."""
        return self.group or self.contact.number or self.contact.uuid

    def in_group(self, group: str) -> SignalPerson:
        """The same person, writing in a group."""
        return SignalPerson(self.emu, self.contact, group, self.emu.world.last_seq)

    def mark(self) -> None:
        """Look for replies from here on."""
        self.seen = self.emu.world.last_seq

    async def says(self, text: str, **how: object) -> int:
        """Write a message (``quote=``, ``mention_bot=``, ``attachments=``); its timestamp."""
        self.mark()
        return self.emu.world.write(self.contact, text, group=self.group, **how)  # type: ignore[arg-type]  # keyword pass-through

    async def reacts(self, emoji: str, to: Reply) -> None:
        """React to one of Mreža's messages."""
        self.mark()
        self.emu.world.react(self.contact, emoji, to.timestamp)

    async def picks(self, label: str) -> None:
        """Reply with the number of a choice of the latest message offering it, quoting it."""
        offering = [r for r in self.replies_so_far() if label in r.labels]
        assert offering, f"no choice {label!r} offered to {self.contact.name}"
        reply = offering[-1]
        await self.says(str(reply.labels.index(label) + 1), quote=reply.timestamp)

    def replies_so_far(self) -> list[Reply]:
        """Every message Mreža sent here."""
        return [Reply.of(call) for call in self.emu.world.sent_to(self.address)]

    async def hears(self) -> Reply:
        """The next message Mreža sends here."""
        call = await self.emu.world.wait_for(self._mine, self.seen, REPLY_WAIT)
        self.seen = call.seq
        return Reply.of(call)

    async def hears_nothing(self) -> None:
        """Mreža sends nothing here for a while."""
        with pytest.raises(TimeoutError):
            await self.emu.world.wait_for(self._mine, self.seen, QUIET)

    def _mine(self, call: RpcCall) -> bool:
        return call.method == "send" and call.ok and call in self.emu.world.sent_to(self.address)


@dataclass(frozen=True)
class SignalPeople:
    """Makes Signal users, and members of Mreža where a test needs them."""

    emu: SignalEmulator
    mreza: Mreza

    def stranger(self, name: str, hidden: bool = False) -> SignalPerson:
        """Someone with Signal who is not a member (``hidden``: shares no number)."""
        return SignalPerson(self.emu, self.emu.world.add_contact(name, hidden=hidden))

    async def member(
        self,
        name: str,
        role: Role = Role.MEMBER,
        language: Language = Language.EN,
        hidden: bool = False,
    ) -> SignalPerson:
        """A member who has talked with Mreža before, their Signal account on record (by UUID
        when the number is hidden)."""
        person = self.stranger(name, hidden)
        new = NewMember(name, "RS", identity(person), role, language, met=True)
        await self.mreza.members.add(new, self.mreza.clock.now())
        return person

    async def newcomer(self, name: str) -> SignalPerson:
        """Someone an admin added by number without a language, who has not written yet."""
        person = self.stranger(name)
        new = NewMember(name, "MK", identity(person), language=None)
        await self.mreza.members.add(new, self.mreza.clock.now())
        return person


def identity(person: SignalPerson) -> Identity:
    """How Mreža knows this person's Signal account: the number, or the UUID if hidden."""
    return Identity("signal", person.contact.number or person.contact.uuid)


async def settle() -> None:
    """Let the event loop run the bot's pending work once."""
    await asyncio.sleep(0)
