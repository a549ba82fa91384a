"""One turn of a conversation: who spoke, where, in which language, and how to reply."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.conversation.services import Services
from bot.languages.i18n import Translate, language_for
from core.events import Chat, Sender
from core.members import Language, Member, Role
from core.messaging import Button, DeliveryFailed, Outgoing, Sent
from knowledge.reading import title_in

LABEL_LIMIT = 60  # characters: longer labels are cut off on phones anyway


@dataclass(frozen=True)
class Turn:
    """The context a handler works in."""

    services: Services
    chat: Chat
    sender: Sender
    member: Member | None
    pressed: str | None = None  # the message whose button started this turn, where known

    @property
    def language(self) -> Language:
        """The member's chosen language, or what their app suggests for a stranger."""
        return self.member.language if self.member else language_for(self.sender.language_code)

    @property
    def tr(self) -> Translate:
        """Translate a text from bot/languages/texts.py into this turn's language."""
        return self.services.translations(self.language)

    def allowed(self, role: Role) -> bool:
        """True when the member's role includes ``role``."""
        return self.member is not None and self.member.role.includes(role)

    def button(self, label: str, kind: str, payload: str) -> Button:
        """A signed button that will only verify in this chat; long labels are shortened."""
        return self.services.signer.button(shortened(label), self.chat, kind, payload)

    def entry_title(self, entry_id: str, found: str | None = None) -> str:
        """An entry's title in this turn's language; ``found`` (else the id) once it is gone."""
        entry = self.services.librarian.entry(entry_id)
        if entry is None:
            return found or entry_id
        return title_in(entry, self.language.value)

    async def say(
        self, text: str, buttons: Sequence[Sequence[Button]] = (), **values: object
    ) -> Sent:
        """Translate a text, fill its placeholders, and send it as plain text."""
        message = self.tr(text).format(**values) if values else self.tr(text)
        return await self.services.messenger.send(self.chat, Outgoing.text(message, buttons))

    async def send(self, message: Outgoing) -> Sent:
        """Send a prepared message."""
        return await self.services.messenger.send(self.chat, message)

    async def show(self, message: Outgoing) -> None:
        """Put ``message`` in place of the one whose button was pressed (a page turned), or send
        it where that message is unknown or can no longer be changed."""
        if self.pressed is not None:
            try:
                await self.services.messenger.edit(Sent(self.chat, self.pressed), message)
                return
            except DeliveryFailed:
                pass  # too old or deleted: the member still gets what they asked for
        await self.send(message)


def shortened(label: str, limit: int = LABEL_LIMIT) -> str:
    """The label within ``limit`` characters, cut between words where a word boundary is near."""
    if len(label) <= limit:
        return label
    cut = label[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit // 2:  # a word boundary in the second half: cut there, not in a word
        cut = cut[:space]
    return cut.rstrip(" ,;:-–(") + "…"
