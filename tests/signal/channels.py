"""One way to talk to Mreža on any transport, so the same conversations run on each.

A channel makes strangers and members; a talker says things, hears Mreža's messages (their
text and the labels of their choices) and picks a choice however the transport offers it.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field
from typing import Protocol

from bot.transports.memory import Said
from core.members import Language
from tests.bot.people import Network, Person
from tests.signal.people import SignalPeople, SignalPerson
from tests.telegram.people import Chatter, People, identity

URL = re.compile(r"https?://[^\s)]+")


@dataclass(frozen=True, slots=True)
class Heard:
    """A message as the member reads it, the labels of its choices, and where it links to."""

    text: str
    labels: tuple[str, ...]
    links: tuple[str, ...] = ()

    @classmethod
    def plain(cls, text: str, labels: tuple[str, ...]) -> Heard:
        """A plain-text message, whose links are written out in it."""
        return cls(text, labels, tuple(URL.findall(text)))


class Talker(Protocol):
    """Someone in their private chat with Mreža."""

    async def says(self, text: str) -> None:
        """Write a message."""
        ...

    async def hears(self) -> Heard:
        """The next message Mreža sends them."""
        ...

    async def picks(self, label: str) -> None:
        """Choose the choice with this label on the latest message offering it."""
        ...

    async def hears_nothing(self) -> None:
        """Mreža says nothing more."""
        ...

    async def acknowledgement(self) -> str | None:
        """What Mreža answered to their latest choice, however the transport shows it."""
        ...


class Channel(Protocol):
    """Makes people on one transport."""

    name: str

    async def stranger(self, name: str) -> Talker:
        """Someone who is not a member."""
        ...

    async def member(self, name: str, language: Language = Language.EN) -> Talker:
        """A member of the network."""
        ...


@dataclass
class MemoryTalker:
    """A person on the in-memory transport; replies queue up as they come."""

    person: Person
    queue: deque[Said] = field(default_factory=deque)

    async def says(self, text: str) -> None:
        """Write and collect every reply."""
        self.queue.extend(await self.person.says(text))

    async def hears(self) -> Heard:
        """The oldest reply not yet heard."""
        assert self.queue, "Mreža said nothing more"
        said = self.queue.popleft()
        return Heard.plain(said.text, tuple(said.labels))

    async def picks(self, label: str) -> None:
        """Press the button."""
        self.queue.extend(await self.person.presses(label))

    async def hears_nothing(self) -> None:
        """Nothing is left unheard."""
        assert not self.queue, [s.text for s in self.queue]

    async def acknowledgement(self) -> str | None:
        """The notice of the latest press."""
        return self.person.last_notice


@dataclass(frozen=True)
class MemoryChannel:
    """The in-memory transport."""

    network: Network
    name: str = "memory"

    async def stranger(self, name: str) -> Talker:
        """A stranger."""
        return MemoryTalker(self.network.stranger(name))

    async def member(self, name: str, language: Language = Language.EN) -> Talker:
        """A member."""
        return MemoryTalker(await self.network.member(name, language=language))


@dataclass
class SignalTalker:
    """A person on the emulated Signal."""

    person: SignalPerson

    async def says(self, text: str) -> None:
        """Write."""
        await self.person.says(text)

    async def hears(self) -> Heard:
        """The next send to them."""
        reply = await self.person.hears()
        return Heard.plain(reply.text, reply.labels)

    async def picks(self, label: str) -> None:
        """Reply with the choice's number, quoting the message."""
        await self.person.picks(label)

    async def hears_nothing(self) -> None:
        """No send to them for a while."""
        await self.person.hears_nothing()

    async def acknowledgement(self) -> str | None:
        """Signal has no acknowledgements: a notice comes as the next message."""
        return (await self.person.hears()).text


@dataclass(frozen=True)
class SignalChannel:
    """Signal, through the emulated daemon."""

    people: SignalPeople
    name: str = "signal"

    async def stranger(self, name: str) -> Talker:
        """A stranger."""
        return SignalTalker(self.people.stranger(name))

    async def member(self, name: str, language: Language = Language.EN) -> Talker:
        """A member."""
        return SignalTalker(await self.people.member(name, language=language))


@dataclass
class TelegramTalker:
    """A person on the emulated Telegram."""

    chatter: Chatter

    async def says(self, text: str) -> None:
        """Write."""
        await self.chatter.says(text)

    async def hears(self) -> Heard:
        """The next sendMessage to them: its text as the app shows it, buttons and links."""
        call = await self.chatter.reply()
        rows = (call.params.get("reply_markup") or {}).get("inline_keyboard", [])
        labels = tuple(str(button["text"]) for row in rows for button in row)
        entities = call.result.get("entities", [])
        links = tuple(str(e["url"]) for e in entities if e["type"] == "text_link")
        return Heard(str(call.result["text"]), labels, links)

    async def picks(self, label: str) -> None:
        """Press the button."""
        await self.chatter.presses(label)

    async def hears_nothing(self) -> None:
        """No sendMessage to them for a while."""
        await self.chatter.hears_nothing()

    async def acknowledgement(self) -> str | None:
        """The text of the answerCallbackQuery to their press."""
        text = (await self.chatter.acknowledgement()).params.get("text")
        return str(text) if text is not None else None


@dataclass(frozen=True)
class TelegramChannel:
    """Telegram, through the Bot API emulator."""

    people: People
    name: str = "telegram"

    async def stranger(self, name: str) -> Talker:
        """A stranger."""
        return TelegramTalker(await self.people.stranger(name))

    async def member(self, name: str, language: Language = Language.EN) -> Talker:
        """A member."""
        talker = TelegramTalker(await self.people.member(name))
        if language is not Language.EN:
            member = await self.people.mreza.members.by_identity(identity(talker.chatter))
            assert member is not None
            await self.people.mreza.members.set_language(member.id, language)
        return talker
