"""Signal's incoming messages and reactions turned into Mreža's events.

A member is known on Signal by phone number or by UUID (some hide their number); whichever the
directory holds is the id of the sender and of their private chat. A number typed in reply to
numbered choices, a choice's label, or a reaction with a choice's emoji presses that choice.
In a group Mreža listens only to messages that mention it, quote it or start with a command.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from bot.languages import texts
from bot.languages.i18n import Translations
from bot.transports.signal_cli.choices import ChoiceBook
from bot.transports.signal_cli.envelopes import Author, Malformed, Reacted, Written, read
from bot.transports.signal_cli.signal_messenger import SignalMessenger
from bot.transports.signal_cli.stream import StreamEvent
from bot.transports.signal_cli.wording import Wording
from core.events import ButtonPressed, Chat, Event, Sender, TextReceived
from core.members import Identity, MemberDirectory
from core.messaging import DeliveryFailed, Outgoing

TRANSPORT = "signal"
log = logging.getLogger(__name__)
Handle = Callable[[Event], Awaitable[None]]


class SignalListener:
    """Takes each event of the stream; one that cannot be read is logged and skipped."""

    def __init__(
        self,
        account: str,
        handle: Handle,
        members: MemberDirectory,
        book: ChoiceBook,
        messenger: SignalMessenger,
        wording: Wording,
        translations: Translations,
    ) -> None:
        self._account, self._handle, self._members, self._book = account, handle, members, book
        self._messenger, self._wording, self._translations = messenger, wording, translations

    async def take(self, event: StreamEvent) -> None:
        """Read one stream event and hand what it means to the conversation."""
        if event.kind != "receive":
            return
        try:
            incoming = read(event.data, self._account)
        except Malformed as problem:
            log.warning("skipped a malformed Signal event (id %s): %s", event.id, problem)
            return
        if isinstance(incoming, Written):
            await self._written(incoming)
        elif isinstance(incoming, Reacted):
            await self._reacted(incoming)

    async def _written(self, written: Written) -> None:
        sender = await self._sender(written.author)
        chat = self._chat(sender, written.group)
        quoted = str(written.quoted) if written.quoted is not None else None
        # In a group only a reply quoting Mreža's message picks a choice: "2" may be chatter.
        picks = written.text and (chat.private or quoted is not None)
        choice = self._book.answer(chat, written.text, quoted) if picks else None
        if choice is not None:
            button, message_id = choice
            await self._handle(ButtonPressed(chat, sender, button.data, message_id))
            return
        if not written.text.strip():
            await self._without_text(chat, sender, written)
            return
        addressed = chat.private or written.mentions_bot or written.quotes_bot
        addressed = addressed or written.text.lstrip().startswith("/")
        if addressed and chat.private:
            await self._messenger.typing(chat)
        await self._handle(TextReceived(chat, sender, written.text, addressed))

    async def _without_text(self, chat: Chat, sender: Sender, written: Written) -> None:
        """A picture or file alone: members hear that Mreža reads text; strangers, the refusal."""
        if not chat.private:
            return
        member = await self._members.by_identity(Identity(TRANSPORT, sender.id))
        if member is None or not member.active:
            await self._handle(TextReceived(chat, sender, "", addressed=True))
            return
        log.info("a message without text from member %s (%d files)", member.id,
                 written.attachments)  # fmt: skip
        tr = self._translations(member.language)
        try:
            await self._messenger.send(chat, Outgoing.text(tr(texts.SIGNAL_TEXT_ONLY)))
        except DeliveryFailed as failure:
            log.warning("could not say that only text is read: %s", failure.reason)

    async def _reacted(self, reacted: Reacted) -> None:
        if reacted.removed:
            return
        sender = await self._sender(reacted.author)
        chat = self._chat(sender, reacted.group)
        button = self._book.reaction(chat, reacted.emoji, str(reacted.target))
        if button is None:
            log.info("ignored a %s reaction that picks no choice", reacted.emoji)
            return
        await self._handle(ButtonPressed(chat, sender, button.data, str(reacted.target)))

    async def _sender(self, author: Author) -> Sender:
        """The sender under the id the directory knows: the UUID if on record, else the number."""
        chosen = author.number or author.uuid
        if author.number and author.uuid:
            by_uuid = await self._members.by_identity(Identity(TRANSPORT, author.uuid))
            chosen = author.uuid if by_uuid is not None else author.number
        assert chosen is not None  # envelopes without either are malformed
        return Sender(TRANSPORT, chosen, author.name)

    def _chat(self, sender: Sender, group: str | None) -> Chat:
        if group is not None:
            return Chat(TRANSPORT, group, private=False)
        return Chat(TRANSPORT, sender.id, private=True)
