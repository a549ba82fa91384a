"""A local emulator of the Telegram Bot API for end-to-end tests and benchmarks.

`async with BotApiEmulator() as emu:` serves /bot<token>/<method> on a free port (give
`emu.base_url` to python-telegram-bot) and plays the users; `python -m emulators.telegram` runs
the same emulator as a process, driven through EmulatorClient.
"""

from emulators.telegram.client import EmulatorClient
from emulators.telegram.core import DEFAULT_TOKEN, EmulatorConfig
from emulators.telegram.emulator import BotApiEmulator
from emulators.telegram.errors import ApiError, EmulatorError
from emulators.telegram.process import EmulatorProcess
from emulators.telegram.ratelimit import RateLimits
from emulators.telegram.simulator import Simulator
from emulators.telegram.values import (
    CallRecord,
    ChatInfo,
    Counters,
    DeliveryRecord,
    FaultKind,
    HistoryEvent,
    ShownMessage,
    UserInfo,
)
from emulators.telegram.webhook import SECRET_HEADER, RetryPolicy

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
