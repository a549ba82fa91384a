"""Start `python -m emulators.telegram` as a child process and connect an EmulatorClient to it."""

from __future__ import annotations

import asyncio
import contextlib
import sys
from types import TracebackType

from emulators.telegram.client import EmulatorClient
from emulators.telegram.core import DEFAULT_TOKEN

_READY = "bot-api-emulator listening on "


class EmulatorProcess:
    """`async with EmulatorProcess() as client:` runs an emulator that outlives killed bots."""

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        *,
        port: int = 0,
        latency_ms: float = 0.0,
        enforce_limits: bool = False,
        startup_timeout: float = 20.0,
    ) -> None:
        self.token = token
        self._args = ["--port", str(port), "--token", token, "--latency-ms", str(latency_ms)]
        if enforce_limits:
            self._args.append("--enforce-limits")
        self._startup_timeout = startup_timeout
        self._process: asyncio.subprocess.Process | None = None
        self.client: EmulatorClient | None = None

    @property
    def pid(self) -> int | None:
        """The child's process id while it runs."""
        return self._process.pid if self._process else None

    async def start(self) -> EmulatorClient:
        """Start the child, wait for its "listening on" line and return a client for it."""
        self._process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "emulators.telegram",
            *self._args,
            stdout=asyncio.subprocess.PIPE,
        )
        assert self._process.stdout is not None  # we asked for a pipe
        line = await asyncio.wait_for(self._process.stdout.readline(), self._startup_timeout)
        text = line.decode().strip()
        if not text.startswith(_READY):
            await self.stop()
            raise RuntimeError(f"emulator did not start: {text!r}")
        self.client = EmulatorClient(text[len(_READY) :], self.token)
        return self.client

    async def stop(self) -> None:
        """Close the client and terminate the child."""
        if self.client is not None:
            await self.client.aclose()
            self.client = None
        if self._process is not None and self._process.returncode is None:
            self._process.terminate()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._process.wait(), 5)
            if self._process.returncode is None:
                self._process.kill()
                await self._process.wait()
        self._process = None

    async def __aenter__(self) -> EmulatorClient:
        return await self.start()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.stop()
