"""A message as Signal shows it: plain text, links written out, choices as numbered lines.

The prompt under the choices is in the member's language, so the messenger looks the member up
for each message that offers choices (only those).
"""

from __future__ import annotations

import unicodedata

from bot.languages import texts
from bot.languages.i18n import Translate, Translations
from core.events import Chat
from core.markup import to_plain
from core.members import Identity, Language, MemberDirectory
from core.messaging import Button, Outgoing


class Wording:
    """Renders outgoing messages for one transport's chats."""

    def __init__(self, members: MemberDirectory, translations: Translations) -> None:
        self._members = members
        self._translations = translations

    async def render(self, chat: Chat, message: Outgoing) -> str:
        """The text of a message, with its choices numbered and how to pick one."""
        text = to_plain(message.paragraphs)
        choices = [b for row in message.buttons for b in row]
        # Signal shows no pictures by address: the address goes into the text.
        links = [f"{a.filename}: {a.url}" for a in message.attachments if a.url]
        parts = [text, "\n".join(links)] if links else [text]
        if choices:
            tr = self._translations(await self._language(chat))
            parts.append("\n".join(f"{n}. {b.label}" for n, b in enumerate(choices, start=1)))
            parts.append(prompt(choices, tr))
        return "\n\n".join(p for p in parts if p)

    async def _language(self, chat: Chat) -> Language:
        """The language of a private chat's member; English for groups and strangers."""
        if not chat.private:
            return Language.EN
        member = await self._members.by_identity(Identity(chat.transport, chat.id))
        return member.language if member else Language.EN


def prompt(choices: list[Button], tr: Translate) -> str:
    """ "Reply 1, 2 or 3." — and, where every choice is an emoji, that a reaction works too."""
    numbers = [str(n) for n in range(1, len(choices) + 1)]
    joined = numbers[0]
    if len(numbers) > 1:
        joined = ", ".join(numbers[:-1]) + f" {tr(texts.SIGNAL_OR)} {numbers[-1]}"
    if all(_is_emoji(b.label) for b in choices):
        emoji = f" {tr(texts.SIGNAL_OR)} ".join(b.label for b in choices)
        return tr(texts.SIGNAL_REPLY_OR_REACT).format(numbers=joined, emoji=emoji)
    return tr(texts.SIGNAL_REPLY).format(numbers=joined)


def _is_emoji(label: str) -> bool:
    """True for a label of symbols only, such as 👍: Signal can react with it."""
    stripped = label.replace("\ufe0f", "").strip()
    return bool(stripped) and all(unicodedata.category(c) == "So" for c in stripped)
