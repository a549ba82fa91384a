"""Telegram updates into Mreža's events; everything else is ignored."""

from __future__ import annotations

import logging

from telegram import Message, Update, User
from telegram.constants import ChatMemberStatus, ChatType, MessageEntityType

from core.events import (
    ButtonPressed,
    Chat,
    Event,
    MemberLeft,
    PollAnswered,
    PollCounted,
    Sender,
    TextReceived,
)

TRANSPORT = "telegram"
log = logging.getLogger(__name__)


def to_event(update: Update, bot_username: str, bot_id: int) -> Event | None:
    """The event an update means, or None for updates Mreža does not handle."""
    if update.callback_query is not None:
        query = update.callback_query
        message = query.message if isinstance(query.message, Message) else None
        chat = _chat(message) if message else Chat(TRANSPORT, str(query.from_user.id), private=True)
        message_id = str(message.message_id) if message else None
        return ButtonPressed(chat, _sender(query.from_user), query.data or "", message_id, query.id)
    if update.poll_answer is not None:
        answer = update.poll_answer
        if answer.user is None:  # voted as a channel: nobody Mreža could know
            return None
        chat = Chat(TRANSPORT, str(answer.user.id), private=True)
        return PollAnswered(chat, _sender(answer.user), answer.poll_id, tuple(answer.option_ids))
    if update.poll is not None:
        poll = update.poll
        counts = tuple(option.voter_count for option in poll.options)
        return PollCounted(Chat(TRANSPORT, ""), poll.id, counts, poll.is_closed)
    if update.my_chat_member is not None:
        change = update.my_chat_member
        if change.new_chat_member.status in (ChatMemberStatus.BANNED, ChatMemberStatus.LEFT):
            chat = Chat(TRANSPORT, str(change.chat.id), change.chat.type == ChatType.PRIVATE)
            return MemberLeft(chat, _sender(change.from_user))
        return None
    message = update.message
    if message is None or message.text is None or message.from_user is None:
        log.debug("ignored update %s", update.update_id)
        return None
    chat = _chat(message)
    text, addressed = message.text, True
    if not chat.private:
        text, addressed = _addressed_text(message, bot_username, bot_id)
    return TextReceived(chat, _sender(message.from_user), text, addressed)


def _chat(message: Message) -> Chat:
    return Chat(TRANSPORT, str(message.chat.id), message.chat.type == ChatType.PRIVATE)


def _sender(user: User) -> Sender:
    return Sender(TRANSPORT, str(user.id), user.full_name, user.language_code)


def _addressed_text(message: Message, bot_username: str, bot_id: int) -> tuple[str, bool]:
    """In a group Mreža listens only to commands, mentions of it and replies to it."""
    text = message.text or ""
    mention = f"@{bot_username}".lower()
    for entity in message.entities:
        fragment = message.parse_entity(entity)
        if entity.type == MessageEntityType.BOT_COMMAND and entity.offset == 0:
            addressee = fragment.partition("@")[2].lower()
            return text, not addressee or addressee == bot_username.lower()
        if entity.type == MessageEntityType.MENTION and fragment.lower() == mention:
            return (text[: entity.offset] + text[entity.offset + entity.length :]).strip(), True
    replied = message.reply_to_message
    if replied is not None and replied.from_user is not None and replied.from_user.id == bot_id:
        return text, True
    return text, False
