"""Helpers shared by the method handlers: text limits, markup, replies, posting."""

from __future__ import annotations

import copy
from collections.abc import Awaitable, Callable
from typing import Any

from emulators.telegram.core import Core
from emulators.telegram.errors import bad_request
from emulators.telegram.formatting import FormattedText
from emulators.telegram.keyboards import check_reply_markup
from emulators.telegram.world import ChatState, StoredMessage

Params = dict[str, Any]
Handler = Callable[[Core, Params], Awaitable[Any]]

TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024


def message_text(core: Core, params: Params) -> FormattedText:
    """Parse "text" with parse_mode/entities; enforce 1-4096 characters after parsing."""
    formatted = core.format(
        params.get("text", ""), params.get("parse_mode"), params.get("entities")
    )
    if not formatted.text:
        raise bad_request("message text is empty")
    if len(formatted.text) > TEXT_LIMIT:
        raise bad_request("message is too long")
    return formatted


def caption(core: Core, params: Params) -> FormattedText:
    """Parse "caption"; enforce 0-1024 characters after parsing."""
    formatted = core.format(
        params.get("caption", ""), params.get("parse_mode"), params.get("caption_entities")
    )
    if len(formatted.text) > CAPTION_LIMIT:
        raise bad_request("message caption is too long")
    return formatted


def text_fields(formatted: FormattedText, text_key: str, entities_key: str) -> dict[str, Any]:
    """Message fields for a formatted text; empty parts are left out like Telegram does."""
    fields: dict[str, Any] = {}
    if formatted.text:
        fields[text_key] = formatted.text
    if formatted.entities:
        fields[entities_key] = list(formatted.entities)
    return fields


def inline_markup(core: Core, params: Params) -> dict[str, Any] | None:
    """Check reply_markup; return it if it is an inline keyboard (the only kind a Message shows)."""
    markup = check_reply_markup(core.spec, params.get("reply_markup"))
    return markup if markup is not None and "inline_keyboard" in markup else None


def replied(core: Core, chat: ChatState, params: Params) -> dict[str, Any] | None:
    """The message being replied to (reply_parameters or legacy reply_to_message_id)."""
    reply = params.get("reply_parameters") or {}
    message_id = reply.get("message_id", params.get("reply_to_message_id"))
    if message_id is None:
        return None
    target = core.world.message(chat, int(message_id))
    if target is None:
        if reply.get("allow_sending_without_reply"):
            return None
        raise bad_request("message to be replied not found")
    quoted = copy.deepcopy(target.data)
    quoted.pop("reply_to_message", None)  # Telegram nests one level only
    return quoted


def post_from_bot(
    core: Core,
    chat: ChatState,
    params: Params,
    content: dict[str, Any],
    parse_mode: str | None,
) -> StoredMessage:
    """Post the bot's message with markup and reply; return it."""
    markup = inline_markup(core, params)
    quoted = replied(core, chat, params)
    if quoted is not None:
        content["reply_to_message"] = quoted
    if markup is not None:
        content["reply_markup"] = markup
    return core.world.post(chat, core.world.bot, content, parse_mode)


def target_message(core: Core, params: Params, missing: str) -> tuple[ChatState, StoredMessage]:
    """Resolve chat_id + message_id of a message to change, or raise `missing`."""
    if params.get("inline_message_id"):
        raise bad_request(missing)  # the emulator has no inline-mode messages
    if "chat_id" not in params:
        raise bad_request("chat_id is empty")
    if "message_id" not in params:
        raise bad_request("message identifier is not specified")
    chat = core.world.writable(params["chat_id"])
    stored = core.world.message(chat, params["message_id"])
    if stored is None:
        raise bad_request(missing)
    return chat, stored
