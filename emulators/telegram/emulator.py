"""BotApiEmulator: the Simulator plus an HTTP server that python-telegram-bot can talk to."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from types import TracebackType
from typing import Any

from bot.operations.http_server import ServerRunner
from emulators.telegram.core import Core, EmulatorConfig
from emulators.telegram.server import build_app
from emulators.telegram.simulator import Simulator


class BotApiEmulator(Simulator):
    """A local Telegram Bot API; `async with BotApiEmulator() as emu:` serves it on a free port."""

    def __init__(
        self,
        config: EmulatorConfig | None = None,
        **overrides: Any,
    ) -> None:
        """Build from `config` (default EmulatorConfig()) with any of its fields overridden."""
        config = dataclasses.replace(config or EmulatorConfig(), **overrides)
        super().__init__(Core(config))
        self.app = build_app(self.core, self)
        self._runner = ServerRunner(self.app, config.host, config.port, on_exit=self.core.close)

    @property
    def token(self) -> str:
        """The token the bot must use."""
        return self.core.config.token

    @property
    def url(self) -> str:
        """http://host:port of the server (also the control API's base)."""
        return self._runner.url

    @property
    def base_url(self) -> str:
        """Value for PTB's base_url: the token and method are appended to it."""
        return f"{self.url}/bot"

    @property
    def base_file_url(self) -> str:
        """Value for PTB's base_file_url."""
        return f"{self.url}/file/bot"

    async def start(self, handle_signals: bool = False) -> None:
        """Start serving HTTP in the running event loop."""
        await self._runner.start(handle_signals)

    async def serve_forever(self, announce: Callable[[str], None] | None = None) -> None:
        """Serve until SIGINT/SIGTERM (the stand-alone process); announce the URL when ready."""
        await self.start(handle_signals=True)
        if announce is not None:
            announce(self.url)
        try:
            await self._runner.wait()
        finally:
            await self.stop()

    async def stop(self) -> None:
        """Release waiting requests, stop webhook delivery and the server."""
        self.core.close()
        await self.core.webhook.stop()
        await self._runner.stop()

    async def __aenter__(self) -> BotApiEmulator:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.stop()
