"""answerCallbackQuery."""

from __future__ import annotations

from typing import Any

from emulators.telegram.core import Core
from emulators.telegram.errors import bad_request
from emulators.telegram.methods.common import Handler, Params

_ANSWER_FIELDS = ("text", "show_alert", "url", "cache_time")


async def answer_callback_query(core: Core, params: Params) -> Any:
    """Accept the bot's answer to a button press (once, and only while the query is fresh)."""
    if len(params.get("text", "")) > 200:
        raise bad_request("MESSAGE_TOO_LONG")
    answer = {name: params[name] for name in _ANSWER_FIELDS if name in params}
    core.callbacks.answer(params["callback_query_id"], answer)
    return True


HANDLERS: dict[str, Handler] = {"answerCallbackQuery": answer_callback_query}
