"""Implementations of the Bot API methods the emulator answers, by canonical name."""

from __future__ import annotations

from emulators.telegram.methods import bot_info, callbacks, media, messages, polls, updates
from emulators.telegram.methods.common import Handler


def handlers() -> dict[str, Handler]:
    """Map each implemented method's canonical name to its handler."""
    table: dict[str, Handler] = {}
    for module in (bot_info, callbacks, media, messages, polls, updates):
        table.update(module.HANDLERS)
    return table
