"""What the emulated users do: write, press buttons, vote, block the bot, leave groups."""

from __future__ import annotations

import copy
import time
from collections.abc import Sequence
from typing import Any

from emulators.telegram.core import Core
from emulators.telegram.detect import detect_entities
from emulators.telegram.errors import EmulatorError
from emulators.telegram.values import UserInfo
from emulators.telegram.world import ChatState, StoredMessage


def _member_chat(core: Core, user: UserInfo, chat_id: int | None) -> ChatState:
    chat = core.world.chat(user.id if chat_id is None else chat_id)
    if user.id not in chat.members:
        raise EmulatorError(f"user {user.id} is not a member of chat {chat.id}")
    if chat.bot_status != "member":
        raise EmulatorError(f"the bot cannot see chat {chat.id} (it is {chat.bot_status})")
    return chat


def _shown(core: Core, chat: ChatState, message_id: int) -> StoredMessage:
    stored = core.world.message(chat, message_id)
    if stored is None:
        raise EmulatorError(f"chat {chat.id} shows no message {message_id}")
    return stored


def send_text(
    core: Core, user_id: int, text: str, chat_id: int | None, reply_to: int | None
) -> dict[str, Any]:
    """The user writes `text` (commands and mentions get their entities)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a user's client cannot send it: Telegram speaks UTF-8
        raise EmulatorError("the text is not valid Unicode (a lone surrogate)") from None
    user = core.world.user(user_id)
    chat = _member_chat(core, user, chat_id)
    content: dict[str, Any] = {"text": text}
    entities = detect_entities(text)
    if entities:
        content["entities"] = entities
    if reply_to is not None:
        content["reply_to_message"] = copy.deepcopy(_shown(core, chat, reply_to).data)
    stored = core.world.post(chat, user, content)
    return core.updates.push({"message": copy.deepcopy(stored.data)})


def command_text(
    core: Core, chat_id: int | None, command: str, args: str, mention: bool | None
) -> str:
    """Build "/cmd args", adding "@botname" in groups unless told otherwise."""
    in_group = chat_id is not None and chat_id < 0
    suffix = f"@{core.world.bot.username}" if (in_group if mention is None else mention) else ""
    return f"/{command.removeprefix('/')}{suffix}" + (f" {args}" if args else "")


def _callback(
    core: Core, user: UserInfo, chat: ChatState, message: dict[str, Any] | None, data: str
) -> dict[str, Any]:
    message_id = message["message_id"] if message else None
    query = core.callbacks.open(user.id, chat.id, message_id, data)
    body: dict[str, Any] = {
        "id": query.id,
        "from": user.to_api(),
        "chat_instance": str(abs(chat.id)),
    }
    if message is not None:
        body["message"] = message
    body["data"] = data
    return core.updates.push({"callback_query": body})


def _button_label(button: dict[str, Any]) -> str:
    return f"{button.get('text')!r} (data={button.get('callback_data')!r})"


def press_button(
    core: Core,
    user_id: int,
    message_id: int,
    chat_id: int | None,
    data: str | None,
    text: str | None,
) -> dict[str, Any]:
    """The user presses a callback button that the bot's message really shows."""
    if data is None and text is None:
        raise EmulatorError("say which button to press: data= or text=")
    user = core.world.user(user_id)
    chat = _member_chat(core, user, chat_id)
    stored = _shown(core, chat, message_id)
    shown = stored.shown()
    buttons = shown.buttons() if stored.from_bot else []
    for button in buttons:
        if (data is None or button.get("callback_data") == data) and (
            text is None or button.get("text") == text
        ):
            if "callback_data" not in button:
                raise EmulatorError(f"button {_button_label(button)} is not a callback button")
            return _callback(core, user, chat, copy.deepcopy(stored.data), button["callback_data"])
    offered = ", ".join(_button_label(b) for b in buttons) or "no buttons"
    raise EmulatorError(f"message {message_id} in chat {chat.id} has {offered}")


def forge_callback(
    core: Core, user_id: int, data: str, chat_id: int | None, message_id: int | None
) -> dict[str, Any]:
    """A callback query with arbitrary data, as a tampering client could send."""
    user = core.world.user(user_id)
    chat = core.world.chat(user.id if chat_id is None else chat_id)
    message: dict[str, Any] | None = None
    if message_id is not None:
        stored = core.world.message(chat, message_id)
        # a message the chat no longer shows arrives as an InaccessibleMessage (date 0)
        message = (
            copy.deepcopy(stored.data)
            if stored
            else {"chat": chat.to_api(), "message_id": message_id, "date": 0}
        )
    return _callback(core, user, chat, message, data)


def vote(
    core: Core, user_id: int, message_id: int, option_ids: Sequence[int], chat_id: int | None
) -> dict[str, Any]:
    """The user votes (or retracts with []); returns poll_answer, or poll if anonymous."""
    user = core.world.user(user_id)
    chat = _member_chat(core, user, chat_id)
    stored = _shown(core, chat, message_id)
    poll = core.polls.get(stored.data.get("poll", {}).get("id", ""))
    if poll is None:
        raise EmulatorError(f"message {message_id} in chat {chat.id} is not a poll of the bot")
    poll.vote(user.id, list(option_ids))
    stored.data["poll"] = poll.to_api()
    answer = None
    if not poll.is_anonymous:
        chosen = list(poll.votes.get(user.id, ()))
        answer = core.updates.push(
            {
                "poll_answer": {
                    "poll_id": poll.id,
                    "user": user.to_api(),
                    "option_ids": chosen,
                    "option_persistent_ids": [poll.persistent_id(i) for i in chosen],
                }
            }
        )
    state = core.updates.push({"poll": poll.to_api()})
    return answer if answer is not None else state


def _member_update(
    core: Core, chat: ChatState, actor: UserInfo, subject: UserInfo, old: str, new: str
) -> dict[str, Any]:
    kind = "my_chat_member" if subject.is_bot and subject.id == core.world.bot.id else "chat_member"
    body = {
        "chat": chat.to_api(),
        "from": actor.to_api(),
        "date": int(time.time()),
        "old_chat_member": _chat_member(subject, old),
        "new_chat_member": _chat_member(subject, new),
    }
    return core.updates.push({kind: body})


def _chat_member(subject: UserInfo, status: str) -> dict[str, Any]:
    """A ChatMember; a banned one always carries until_date (0: for ever), as Telegram sends it."""
    member: dict[str, Any] = {"user": subject.to_api(), "status": status}
    if status == "kicked":
        member["until_date"] = 0
    return member


def set_blocked(core: Core, user_id: int, blocked: bool) -> dict[str, Any]:
    """The user blocks (or unblocks) the bot in their private chat."""
    user = core.world.user(user_id)
    chat = core.world.chat(user.id)
    old, new = ("member", "kicked") if blocked else ("kicked", "member")
    if chat.bot_status != old:
        raise EmulatorError(f"user {user_id} has {'already' if blocked else 'not'} blocked the bot")
    chat.bot_status = new
    return _member_update(core, chat, user, core.world.bot, old, new)


def remove_member(core: Core, chat_id: int, user_id: int, by_user_id: int | None) -> dict[str, Any]:
    """A member leaves (by_user_id None) or is removed; for the bot, a my_chat_member update."""
    chat = core.world.chat(chat_id)
    actor = core.world.user(by_user_id) if by_user_id is not None else None
    if user_id == core.world.bot.id:
        if actor is None:
            raise EmulatorError("say who removes the bot: by_user_id=")
        old, chat.bot_status = chat.bot_status, "kicked"
        return _member_update(core, chat, actor, core.world.bot, old, "kicked")
    user = core.world.user(user_id)
    if user_id not in chat.members or chat.user is not None:
        raise EmulatorError(f"user {user_id} is not a group member of chat {chat_id}")
    chat.members.discard(user_id)
    stored = core.world.post(chat, actor or user, {"left_chat_member": user.to_api()})
    return core.updates.push({"message": copy.deepcopy(stored.data)})


def add_member(core: Core, chat_id: int, user_id: int, by_user_id: int | None) -> dict[str, Any]:
    """A user joins (or is added to) a group; adding the bot back sends my_chat_member."""
    chat = core.world.chat(chat_id)
    actor = core.world.user(by_user_id) if by_user_id is not None else None
    if user_id == core.world.bot.id:
        if actor is None:
            raise EmulatorError("say who adds the bot: by_user_id=")
        old, chat.bot_status = chat.bot_status, "member"
        return _member_update(core, chat, actor, core.world.bot, old, "member")
    user = core.world.user(user_id)
    chat.members.add(user_id)
    stored = core.world.post(chat, actor or user, {"new_chat_members": [user.to_api()]})
    return core.updates.push({"message": copy.deepcopy(stored.data)})
