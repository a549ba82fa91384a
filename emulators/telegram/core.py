"""The emulator's state in one place, built from its configuration."""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from emulators.telegram.callbacks import CallbackStore
from emulators.telegram.commands import CommandStore, DescriptionStore
from emulators.telegram.faults import FaultInjector
from emulators.telegram.files import FileStore
from emulators.telegram.formatting import FormattedText, format_text
from emulators.telegram.polls import PollState
from emulators.telegram.ratelimit import RateLimiter, RateLimits
from emulators.telegram.recorder import Recorder
from emulators.telegram.spec import DEFAULT_SPEC_PATH, ApiSpec, load_spec
from emulators.telegram.updates import UpdateQueue
from emulators.telegram.values import UserInfo
from emulators.telegram.webhook import RetryPolicy, WebhookDeliverer
from emulators.telegram.world import World

DEFAULT_TOKEN = "123456789:EMULATOR-test-token"


@dataclass(frozen=True)
class EmulatorConfig:
    """Everything that shapes an emulator; the defaults suit tests."""

    token: str = DEFAULT_TOKEN
    bot_username: str = "mreza_test_bot"
    bot_first_name: str = "Mreža"
    spec_path: Path | str = DEFAULT_SPEC_PATH
    host: str = "127.0.0.1"
    port: int = 0
    latency_ms: float = 0.0
    enforce_limits: bool = False
    limits: RateLimits = field(default_factory=RateLimits)
    # Telegram itself keeps a stray "&" as text; strict mode makes bots escape it properly.
    strict_html_ampersand: bool = True
    callback_ttl: float = 15.0
    webhook_retry: RetryPolicy = field(default_factory=RetryPolicy)

    def bot_id(self) -> int:
        """The bot's user id: the number before the colon of the token, as on Telegram."""
        head = self.token.split(":", 1)[0]
        return int(head) if head.isdigit() else 1


class Core:
    """All stores of one emulated Telegram, shared by the HTTP API and the test API."""

    def __init__(self, config: EmulatorConfig) -> None:
        self.config = config
        self.spec: ApiSpec = load_spec(config.spec_path)
        bot = UserInfo(config.bot_id(), config.bot_first_name, config.bot_username, is_bot=True)
        self.world = World(bot)
        self.updates = UpdateQueue()
        self.webhook = WebhookDeliverer(self.updates, config.webhook_retry)
        self.recorder = Recorder()
        self.faults = FaultInjector()
        self.limiter = RateLimiter(config.limits, config.enforce_limits)
        self.files = FileStore()
        self.commands = CommandStore()
        self.descriptions = DescriptionStore()
        self.callbacks = CallbackStore(config.callback_ttl)
        self.polls: dict[str, PollState] = {}
        self.latency_ms = config.latency_ms
        self.closing = asyncio.Event()

    def format(
        self, text: str, parse_mode: str | None, entities: list[dict[str, Any]] | None
    ) -> FormattedText:
        """Parse text with Telegram's rules and this emulator's users."""
        return format_text(
            text,
            parse_mode,
            entities,
            self.world.user_api,
            strict_ampersand=self.config.strict_html_ampersand,
        )

    async def pause(self, seconds: float) -> None:
        """Sleep, but wake early when the emulator shuts down."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.closing.wait(), seconds)

    def close(self) -> None:
        """Release long polls and held requests so the server can stop."""
        self.closing.set()
        self.updates.close()
