"""SignalEmulator: the emulated world and an HTTP server a bot can talk to."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from types import TracebackType

from bot.operations.http_server import ServerRunner
from emulators.signal.server import build_app
from emulators.signal.world import ACCOUNT, SignalWorld


class SignalEmulator:
    """``async with SignalEmulator() as signal:`` serves a daemon on a free port."""

    def __init__(self, account: str = ACCOUNT, host: str = "127.0.0.1", port: int = 0) -> None:
        self.world = SignalWorld(account)
        self._closing = asyncio.Event()
        self._runner = ServerRunner(
            build_app(self.world, self._closing), host, port, on_exit=self._close_streams
        )

    @property
    def url(self) -> str:
        """http://host:port, the value of MREZA_SIGNAL_RPC_URL."""
        return self._runner.url

    def _close_streams(self) -> None:
        self._closing.set()
        self.world.drop_streams()

    async def start(self, handle_signals: bool = False) -> None:
        """Serve in the running event loop."""
        self._closing.clear()
        await self._runner.start(handle_signals)

    async def stop(self) -> None:
        """Close the event streams and stop serving."""
        self._close_streams()
        await self._runner.stop()

    async def serve_forever(self, announce: Callable[[str], None] | None = None) -> None:
        """Serve until SIGINT or SIGTERM (the stand-alone process)."""
        await self.start(handle_signals=True)
        if announce is not None:
            announce(self.url)
        try:
            await self._runner.wait()
        finally:
            await self.stop()

    async def __aenter__(self) -> SignalEmulator:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.stop()
