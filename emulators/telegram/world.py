"""Users, chats and the messages in them: the state every other part reads and changes."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from emulators.telegram.errors import EmulatorError, bad_request, forbidden
from emulators.telegram.values import ChatInfo, HistoryEvent, ShownMessage, UserInfo

_CONTENT_KINDS = ("text", "photo", "document", "poll")


@dataclass
class StoredMessage:
    """A message as the chat holds it now; `data` is the Bot API Message object."""

    chat_id: int
    message_id: int
    from_bot: bool
    sender_id: int
    data: dict[str, Any]
    parse_mode: str | None
    deleted: bool = False

    def shown(self) -> ShownMessage:
        """Return a frozen snapshot for tests."""
        kind = next((k for k in _CONTENT_KINDS if k in self.data), "service")
        text = self.data.get("text", self.data.get("caption"))
        entities = self.data.get("entities", self.data.get("caption_entities", []))
        return ShownMessage(
            chat_id=self.chat_id,
            message_id=self.message_id,
            from_bot=self.from_bot,
            sender_id=self.sender_id,
            kind=kind,
            text=text,
            parse_mode=self.parse_mode,
            entities=tuple(entities),
            reply_markup=self.data.get("reply_markup"),
            edited="edit_date" in self.data,
            data=dict(self.data),
        )


@dataclass
class ChatState:
    """A chat: who is in it, whether the bot may write, and its messages."""

    id: int
    type: str
    title: str | None = None
    username: str | None = None
    user: UserInfo | None = None
    members: set[int] = field(default_factory=set)
    bot_status: str = "member"
    next_message_id: int = 1
    messages: dict[int, StoredMessage] = field(default_factory=dict)
    history: list[HistoryEvent] = field(default_factory=list)

    def to_api(self) -> dict[str, Any]:
        """Return the chat as a Bot API Chat object."""
        if self.user is not None:
            data = {"id": self.id, "type": "private", "first_name": self.user.first_name}
            if self.user.last_name:
                data["last_name"] = self.user.last_name
            if self.user.username:
                data["username"] = self.user.username
            return data
        data = {"id": self.id, "type": self.type, "title": self.title}
        if self.username:
            data["username"] = self.username
        return data

    def info(self) -> ChatInfo:
        """Return a frozen description for tests."""
        return ChatInfo(self.id, self.type, self.title, self.username, tuple(sorted(self.members)))


class World:
    """Everyone and everything the emulated Telegram knows about."""

    def __init__(self, bot: UserInfo) -> None:
        self.bot = bot
        self.users: dict[int, UserInfo] = {}
        self.chats: dict[int, ChatState] = {}
        self._next_user_id = 1_000_001
        self._next_group = 1
        self._event_seq = 0

    def add_user(self, user: UserInfo) -> UserInfo:
        """Register a user and the private chat they opened with the bot."""
        if user.id in self.users or user.id in self.chats:
            raise EmulatorError(f"user {user.id} already exists")
        self.users[user.id] = user
        self.chats[user.id] = ChatState(user.id, "private", user=user, members={user.id})
        return user

    def new_user_id(self) -> int:
        """Return an id no user has yet."""
        while self._next_user_id in self.users:
            self._next_user_id += 1
        return self._next_user_id

    def new_group_id(self, supergroup: bool) -> int:
        """Return a negative chat id in Telegram's style for (super)groups."""
        base = -1_001_000_000_000 if supergroup else -4_000_000_000
        while base - self._next_group in self.chats:
            self._next_group += 1
        return base - self._next_group

    def add_group(self, chat: ChatState) -> ChatState:
        """Register a group the bot is a member of."""
        unknown = [member for member in chat.members if member not in self.users]
        if unknown:
            raise EmulatorError(f"unknown users {unknown}; add them first")
        if chat.id in self.chats:
            raise EmulatorError(f"chat {chat.id} already exists")
        self.chats[chat.id] = chat
        return chat

    def user(self, user_id: int) -> UserInfo:
        """Return a known user or raise EmulatorError."""
        if user_id not in self.users:
            raise EmulatorError(f"unknown user {user_id}")
        return self.users[user_id]

    def user_api(self, user_id: int) -> dict[str, Any] | None:
        """Return a known user as a Bot API object, or None (used for text mentions)."""
        user = self.users.get(user_id)
        return user.to_api() if user else None

    def chat(self, chat_id: int) -> ChatState:
        """Return a known chat or raise EmulatorError (for the test-side API)."""
        if chat_id not in self.chats:
            raise EmulatorError(f"unknown chat {chat_id}")
        return self.chats[chat_id]

    def find_chat(self, chat_id: object) -> ChatState | None:
        """Resolve a chat_id parameter: an integer id or "@username" of a public group."""
        if isinstance(chat_id, int):
            return self.chats.get(chat_id)
        if isinstance(chat_id, str) and chat_id.startswith("@"):
            name = chat_id[1:].lower()
            for chat in self.chats.values():
                if chat.user is None and chat.username and chat.username.lower() == name:
                    return chat
        return None

    def resolve(self, chat_id: object) -> ChatState:
        """Resolve a chat_id parameter or raise Telegram's "chat not found"."""
        chat = self.find_chat(chat_id)
        if chat is None:
            raise bad_request("chat not found")
        return chat

    def writable(self, chat_id: object) -> ChatState:
        """Resolve a chat the bot wants to write to, refusing as Telegram would."""
        chat = self.resolve(chat_id)
        if chat.bot_status == "member":
            return chat
        if chat.user is not None:
            raise forbidden("bot was blocked by the user")
        if chat.bot_status == "kicked":
            raise forbidden(f"bot was kicked from the {chat.type} chat")
        raise forbidden(f"bot is not a member of the {chat.type} chat")

    def post(
        self,
        chat: ChatState,
        sender: UserInfo,
        content: dict[str, Any],
        parse_mode: str | None = None,
    ) -> StoredMessage:
        """Add a message to a chat and return it."""
        message_id = chat.next_message_id
        chat.next_message_id += 1
        data = {
            "message_id": message_id,
            "from": sender.to_api(),
            "chat": chat.to_api(),
            "date": int(time.time()),
            **content,
        }
        stored = StoredMessage(chat.id, message_id, sender.is_bot, sender.id, data, parse_mode)
        chat.messages[message_id] = stored
        self._log(chat, "sent", stored)
        return stored

    def edit(self, stored: StoredMessage, changes: dict[str, Any], parse_mode: str | None) -> None:
        """Apply an edit (None values remove fields) and stamp edit_date."""
        for name, value in changes.items():
            if value is None:
                stored.data.pop(name, None)
            else:
                stored.data[name] = value
        stored.data["edit_date"] = int(time.time())
        stored.parse_mode = parse_mode
        self._log(self.chats[stored.chat_id], "edited", stored)

    def replace_markup(self, stored: StoredMessage, markup: dict[str, Any] | None) -> None:
        """Swap a message's inline keyboard, as editMessageReplyMarkup does."""
        self.edit(stored, {"reply_markup": markup}, stored.parse_mode)

    def delete(self, stored: StoredMessage) -> None:
        """Remove a message from the chat's view (history keeps it)."""
        stored.deleted = True
        chat = self.chats[stored.chat_id]
        chat.messages.pop(stored.message_id, None)
        self._log(chat, "deleted", stored)

    def message(self, chat: ChatState, message_id: int) -> StoredMessage | None:
        """Return a message the chat still shows, or None."""
        return chat.messages.get(message_id)

    def _log(self, chat: ChatState, action: str, stored: StoredMessage) -> None:
        self._event_seq += 1
        chat.history.append(HistoryEvent(self._event_seq, time.monotonic(), action, stored.shown()))
