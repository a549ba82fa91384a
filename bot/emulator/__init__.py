"""A local emulator of the Telegram Bot API for end-to-end tests and benchmarks.

`async with BotApiEmulator() as emu:` serves /bot<token>/<method> on a free port (give
`emu.base_url` to python-telegram-bot) and plays the users; `python -m bot.emulator` runs
the same emulator as a process, driven through EmulatorClient.
"""

from bot.emulator.client import EmulatorClient
from bot.emulator.core import DEFAULT_TOKEN, EmulatorConfig
from bot.emulator.emulator import BotApiEmulator
from bot.emulator.errors import ApiError, EmulatorError
from bot.emulator.process import EmulatorProcess
from bot.emulator.ratelimit import RateLimits
from bot.emulator.simulator import Simulator
from bot.emulator.values import (
    CallRecord,
    ChatInfo,
    Counters,
    DeliveryRecord,
    FaultKind,
    HistoryEvent,
    ShownMessage,
    UserInfo,
)
from bot.emulator.webhook import SECRET_HEADER, RetryPolicy

__all__ = [
    "DEFAULT_TOKEN",
    "SECRET_HEADER",
    "ApiError",
    "BotApiEmulator",
    "CallRecord",
    "ChatInfo",
    "Counters",
    "DeliveryRecord",
    "EmulatorClient",
    "EmulatorConfig",
    "EmulatorError",
    "EmulatorProcess",
    "FaultKind",
    "HistoryEvent",
    "RateLimits",
    "RetryPolicy",
    "ShownMessage",
    "Simulator",
    "UserInfo",
]
