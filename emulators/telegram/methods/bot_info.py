"""getMe, the command lists, sendChatAction, getFile, close and logOut."""

from __future__ import annotations

import re
from typing import Any

from emulators.telegram.core import Core
from emulators.telegram.errors import bad_request
from emulators.telegram.methods.common import Handler, Params

_ACTIONS = frozenset(
    [
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    ]
)
_LANGUAGE = re.compile(r"[a-z]{2}")


async def get_me(core: Core, params: Params) -> Any:
    """Describe the bot."""
    return {
        **core.world.bot.to_api(),
        "can_join_groups": True,
        "can_read_all_group_messages": False,
        "supports_inline_queries": False,
        "can_connect_to_business": False,
        "has_main_web_app": False,
    }


def _scope(core: Core, params: Params) -> dict[str, Any] | None:
    scope: dict[str, Any] | None = params.get("scope")
    if scope and "chat_id" in scope:
        scope = {**scope, "chat_id": core.world.resolve(scope["chat_id"]).id}
    return scope


def _language(params: Params) -> str:
    language = str(params.get("language_code", ""))
    if language and not _LANGUAGE.fullmatch(language):
        raise bad_request("invalid language code specified")
    return language


async def set_my_commands(core: Core, params: Params) -> Any:
    """Store the command list for a scope and language."""
    core.commands.set(_scope(core, params), _language(params), params["commands"])
    return True


async def get_my_commands(core: Core, params: Params) -> Any:
    """Return the command list stored for exactly this scope and language."""
    return core.commands.get(_scope(core, params), _language(params))


async def delete_my_commands(core: Core, params: Params) -> Any:
    """Forget the command list of a scope and language."""
    core.commands.set(_scope(core, params), _language(params), [])
    return True


async def set_my_description(core: Core, params: Params) -> Any:
    """Store the description shown in an empty chat, for one language or everyone."""
    core.descriptions.set("description", _language(params), str(params.get("description", "")))
    return True


async def get_my_description(core: Core, params: Params) -> Any:
    """The description a user of this language sees."""
    return {"description": core.descriptions.get("description", _language(params))}


async def set_my_short_description(core: Core, params: Params) -> Any:
    """Store the short description of the profile and shared links, for one language."""
    text = str(params.get("short_description", ""))
    core.descriptions.set("short_description", _language(params), text)
    return True


async def get_my_short_description(core: Core, params: Params) -> Any:
    """The short description a user of this language sees."""
    return {"short_description": core.descriptions.get("short_description", _language(params))}


async def send_chat_action(core: Core, params: Params) -> Any:
    """Accept a chat action ("typing", ...) for a chat the bot can write to."""
    if params["action"] not in _ACTIONS:
        raise bad_request("wrong parameter action in request")
    core.world.writable(params["chat_id"])
    return True


async def get_file(core: Core, params: Params) -> Any:
    """Describe a stored file, with the path to download it from base_file_url."""
    return core.files.get(params["file_id"]).to_api()


async def accepted(core: Core, params: Params) -> Any:
    """Methods the emulator accepts and ignores (close, logOut)."""
    return True


HANDLERS: dict[str, Handler] = {
    "getMe": get_me,
    "setMyCommands": set_my_commands,
    "getMyCommands": get_my_commands,
    "deleteMyCommands": delete_my_commands,
    "setMyDescription": set_my_description,
    "getMyDescription": get_my_description,
    "setMyShortDescription": set_my_short_description,
    "getMyShortDescription": get_my_short_description,
    "sendChatAction": send_chat_action,
    "getFile": get_file,
    "close": accepted,
    "logOut": accepted,
}
