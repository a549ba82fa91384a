"""sendPhoto and sendDocument: an upload, a URL or a file_id, with an optional caption."""

from __future__ import annotations

from typing import Any

from emulators.telegram.core import Core
from emulators.telegram.files import StoredFile
from emulators.telegram.methods.common import Handler, Params, caption, post_from_bot, text_fields

# The emulator does not decode images; every photo gets a thumbnail and a full size.
_THUMBNAIL = (90, 67)
_FULL_SIZE = (800, 600)


def _photo_sizes(core: Core, stored: StoredFile) -> list[dict[str, Any]]:
    thumbnail_id = f"{stored.file_id}-s"
    core.files.alias(thumbnail_id, stored)
    sizes = []
    for file_id, (width, height) in ((thumbnail_id, _THUMBNAIL), (stored.file_id, _FULL_SIZE)):
        sizes.append(
            {
                "file_id": file_id,
                "file_unique_id": f"{stored.file_unique_id}{width}",
                "width": width,
                "height": height,
                "file_size": len(stored.data),
            }
        )
    return sizes


def _document(stored: StoredFile) -> dict[str, Any]:
    return {
        "file_id": stored.file_id,
        "file_unique_id": stored.file_unique_id,
        "file_name": stored.file_name,
        "mime_type": stored.mime_type,
        "file_size": len(stored.data),
    }


async def send_photo(core: Core, params: Params) -> Any:
    """Post a photo message from the bot."""
    formatted = caption(core, params)
    chat = core.world.writable(params["chat_id"])
    stored = core.files.resolve(params["photo"], params, "photo")
    content = {
        "photo": _photo_sizes(core, stored),
        **text_fields(formatted, "caption", "caption_entities"),
    }
    return post_from_bot(core, chat, params, content, params.get("parse_mode")).data


async def send_document(core: Core, params: Params) -> Any:
    """Post a document message from the bot."""
    formatted = caption(core, params)
    chat = core.world.writable(params["chat_id"])
    stored = core.files.resolve(params["document"], params, "document")
    content = {
        "document": _document(stored),
        **text_fields(formatted, "caption", "caption_entities"),
    }
    return post_from_bot(core, chat, params, content, params.get("parse_mode")).data


HANDLERS: dict[str, Handler] = {"sendPhoto": send_photo, "sendDocument": send_document}
