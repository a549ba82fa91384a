"""People talking to Mreža through the in-memory transport: tests read like conversations."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from datetime import timedelta
from itertools import count

from sqlalchemy import select

from bot.app import Mreza, services_for
from bot.conversation.buttons import ButtonSigner
from bot.languages.i18n import Translate
from bot.router import Conversation
from bot.transports.memory import MemoryMessenger, Said
from core.clock import FakeClock
from core.events import ButtonPressed, Chat, Event, MemberLeft, Sender, TextReceived
from core.members import Identity, Language, Member, NewMember, Role
from knowledge.entry_tables import AskedRow
from scheduler.pulses.pseudonyms import Pseudonyms
from tests.keys import SECRET_KEY

TRANSPORT = "memory"
BOT_USERNAME = "MrezaBot"
BUTTON_KEY = b"the tests' fixed button key"
PSEUDONYMS = Pseudonyms(SECRET_KEY.encode(), BUTTON_KEY)


class Failures(logging.Handler):
    """Collects what the conversation logged as a failure: it swallows them, tests must not."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Keep the record."""
        self.records.append(record)


@dataclass
class Network:
    """Mreža on its real services and a temp database, and a transcript of everything it says."""

    mreza: Mreza
    clock: FakeClock
    failures: Failures = field(default_factory=Failures)
    messenger: MemoryMessenger = field(default_factory=MemoryMessenger)
    signer: ButtonSigner = field(default_factory=lambda: ButtonSigner(BUTTON_KEY))

    def __post_init__(self) -> None:
        services = services_for(self.mreza, self.messenger, self.signer, PSEUDONYMS, BOT_USERNAME)
        self.services = services
        self.conversation = Conversation(services)
        self._ids = count(1001)

    async def hears(self, event: Event) -> list[Said]:
        """Hand Mreža one event; everything it said in reply, in any chat."""
        before = len(self.messenger.said)
        await self.conversation.handle(event)
        assert not self.failures.records, self.failures.records[0].exc_info
        return self.messenger.said[before:]

    def stranger(self, name: str, language_code: str | None = None) -> Person:
        """Someone Mreža does not know, in their private chat with it."""
        sender = Sender(TRANSPORT, str(next(self._ids)), name, language_code)
        return Person(self, sender, Chat(TRANSPORT, sender.id, private=True))

    async def member(
        self,
        name: str,
        country: str = "RS",
        role: Role = Role.MEMBER,
        language: Language = Language.EN,
    ) -> Person:
        """A member who has talked with Mreža before, in their private chat with it."""
        person = self.stranger(name)
        new = NewMember(name, country, person.identity, role, language, met=True)
        await self.mreza.members.add(new, self.clock.now())
        return person

    async def newcomer(
        self,
        name: str,
        language_code: str | None = None,
        language: Language | None = None,
        role: Role = Role.MEMBER,
    ) -> Person:
        """Someone an admin added who has not written yet (their language left to be found,
        unless given); ``language_code`` is what their app is set to."""
        person = self.stranger(name, language_code)
        new = NewMember(name, "BA", person.identity, role, language)
        await self.mreza.members.add(new, self.clock.now())
        return person

    async def invite(self, role: Role = Role.MEMBER, country: str = "MK", uses: int = 1) -> str:
        """The code of a fresh invitation, valid for a week."""
        now = self.clock.now()
        code, _ = await self.mreza.invites.create(role, country, uses, now + timedelta(days=7), now)
        return code

    def group(self, chat_id: str = "-100") -> Chat:
        """A group chat Mreža was added to."""
        return Chat(TRANSPORT, chat_id, private=False)

    def tr(self, language: Language) -> Translate:
        """The translate function of one interface language."""
        return self.mreza.translations(language)

    async def question_log(self) -> list[AskedRow]:
        """Every logged question, oldest first."""
        async with self.mreza.sessions() as session:
            return list(await session.scalars(select(AskedRow).order_by(AskedRow.id)))

    def notices(self) -> list[str | None]:
        """The acknowledgements of every button press, in order."""
        return [notice for _, notice in self.messenger.acknowledged]


@dataclass(frozen=True)
class Person:
    """One person in one chat with Mreža."""

    network: Network
    sender: Sender
    chat: Chat

    @property
    def identity(self) -> Identity:
        """Their account, as the member directory knows it."""
        return Identity(self.sender.transport, self.sender.id)

    def in_(self, chat: Chat) -> Person:
        """The same person, writing in another chat."""
        return replace(self, chat=chat)

    async def record(self) -> Member | None:
        """What the member directory holds on them."""
        return await self.network.mreza.members.by_identity(self.identity)

    async def member(self) -> Member:
        """Their member record; the test fails if Mreža does not know them."""
        member = await self.record()
        assert member is not None, f"{self.sender.name} is not a member"
        return member

    async def says(self, text: str, addressed: bool = True) -> list[Said]:
        """Write a message; what Mreža said in reply, anywhere."""
        return await self.network.hears(TextReceived(self.chat, self.sender, text, addressed))

    async def presses(self, label: str) -> list[Said]:
        """Press the button with this label on the latest message in this chat that has one."""
        carrying = [s for s in self.messages if label in s.labels]
        assert carrying, f"no button {label!r} in {self.chat}"
        said = carrying[-1]
        return await self.sends_press(said.button(label).data, said.message_id)

    async def sends_press(self, data: str, message_id: str | None = None) -> list[Said]:
        """Send a button press carrying any data at all, as a client can."""
        press = ButtonPressed(self.chat, self.sender, data, message_id, f"press-{len(data)}")
        return await self.network.hears(press)

    async def leaves(self) -> list[Said]:
        """Block Mreža (or leave the chat)."""
        return await self.network.hears(MemberLeft(self.chat, self.sender))

    @property
    def messages(self) -> list[Said]:
        """Everything Mreža said in this chat."""
        return self.network.messenger.to(self.chat)

    @property
    def last_message(self) -> Said:
        """The latest thing Mreža said in this chat."""
        return self.network.messenger.last(self.chat)

    @property
    def last_notice(self) -> str | None:
        """The acknowledgement of this person's latest button press."""
        mine = [n for p, n in self.network.messenger.acknowledged if p.sender == self.sender]
        assert mine, f"{self.sender.name} pressed nothing"
        return mine[-1]
