"""sendMessage, editMessageText, editMessageReplyMarkup and deleteMessage."""

from __future__ import annotations

from typing import Any

from emulators.telegram.core import Core
from emulators.telegram.errors import bad_request
from emulators.telegram.methods.common import (
    Handler,
    Params,
    inline_markup,
    message_text,
    post_from_bot,
    target_message,
    text_fields,
)

_NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)
_TO_EDIT = "message to edit not found"


async def send_message(core: Core, params: Params) -> Any:
    """Post a text message from the bot."""
    formatted = message_text(core, params)
    chat = core.world.writable(params["chat_id"])
    content = text_fields(formatted, "text", "entities")
    return post_from_bot(core, chat, params, content, params.get("parse_mode")).data


async def edit_message_text(core: Core, params: Params) -> Any:
    """Replace the text (and keyboard: omitting reply_markup removes it) of a bot message."""
    formatted = message_text(core, params)
    _, stored = target_message(core, params, _TO_EDIT)
    if not stored.from_bot:
        raise bad_request("message can't be edited")
    if "text" not in stored.data:
        raise bad_request("there is no text in the message to edit")
    markup = inline_markup(core, params)
    new = {"text": formatted.text, "entities": list(formatted.entities) or None}
    old = {"text": stored.data.get("text"), "entities": stored.data.get("entities")}
    if new == old and markup == stored.data.get("reply_markup"):
        raise bad_request(_NOT_MODIFIED)
    core.world.edit(stored, {**new, "reply_markup": markup}, params.get("parse_mode"))
    return stored.data


async def edit_message_reply_markup(core: Core, params: Params) -> Any:
    """Replace or remove the inline keyboard of a bot message."""
    _, stored = target_message(core, params, _TO_EDIT)
    if not stored.from_bot:
        raise bad_request("message can't be edited")
    markup = inline_markup(core, params)
    if markup == stored.data.get("reply_markup"):
        raise bad_request(_NOT_MODIFIED)
    core.world.replace_markup(stored, markup)
    return stored.data


async def delete_message(core: Core, params: Params) -> Any:
    """Delete a message from the chat."""
    chat = core.world.resolve(params["chat_id"])
    stored = core.world.message(chat, params["message_id"])
    if stored is None:
        raise bad_request("message to delete not found")
    core.world.delete(stored)
    return True


HANDLERS: dict[str, Handler] = {
    "sendMessage": send_message,
    "editMessageText": edit_message_text,
    "editMessageReplyMarkup": edit_message_reply_markup,
    "deleteMessage": delete_message,
}
