"""One turn of a conversation: who spoke, where, in which language, and how to reply."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.conversation.services import Services
from bot.languages.i18n import Translate, language_for
from core.events import Chat, Sender
from core.members import Language, Member, Role
from core.messaging import Button, Outgoing, Sent

LABEL_LIMIT = 60  # characters: longer labels are cut off on phones anyway


@dataclass(frozen=True)
class Turn:
    """The context a handler works in."""

    services: Services
    chat: Chat
    sender: Sender
    member: Member | None

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
        if len(label) > LABEL_LIMIT:
            label = label[: LABEL_LIMIT - 1].rstrip() + "…"
        return self.services.signer.button(label, self.chat, kind, payload)

    async def say(
        self, text: str, buttons: Sequence[Sequence[Button]] = (), **values: object
    ) -> Sent:
        """Translate a text, fill its placeholders, and send it as plain text."""
        message = self.tr(text).format(**values) if values else self.tr(text)
        return await self.services.messenger.send(self.chat, Outgoing.text(message, buttons))

    async def send(self, message: Outgoing) -> Sent:
        """Send a prepared message."""
        return await self.services.messenger.send(self.chat, message)
