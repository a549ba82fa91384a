"""Serve an ASGI app with uvicorn on a given or free port, inside the running event loop."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
from collections.abc import Callable, Iterator

import uvicorn
from starlette.types import ASGIApp

# uvicorn reports a deliberately dropped connection as an application error.
_DROP_MESSAGE = "ASGI callable returned without completing response."


class _DropFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        """Keep every record except uvicorn's complaint about a connection we dropped."""
        return record.getMessage() != _DROP_MESSAGE


class _Server(uvicorn.Server):
    """uvicorn's server, embeddable: optional signal handling, prompt exit, an exit hook."""

    def __init__(
        self, config: uvicorn.Config, handle_signals: bool, on_exit: Callable[[], None] | None
    ) -> None:
        super().__init__(config)
        self._handle_signals = handle_signals
        self._on_exit = on_exit
        self.exit_requested = asyncio.Event()

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        """Install uvicorn's handlers only when running as the main program."""
        if self._handle_signals:
            with super().capture_signals():
                yield
        else:
            yield

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        """uvicorn's shutdown, which first gives open connections 0.1 s; with none, at once."""
        if self.server_state.connections or self.server_state.tasks:
            await super().shutdown(sockets)
            return
        for server in self.servers:
            server.close()
        for sock in sockets or []:
            sock.close()

    async def main_loop(self) -> None:
        """uvicorn's tick loop, but woken at once by stop() instead of within 0.1 s."""
        counter = 0
        while not await self.on_tick(counter):
            counter += 1
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.exit_requested.wait(), 0.1)
        if self._on_exit is not None:
            self._on_exit()  # release long polls before uvicorn waits for connections


class ServerRunner:
    """Starts and stops one uvicorn server as a task of the current event loop."""

    def __init__(
        self,
        app: ASGIApp,
        host: str = "127.0.0.1",
        port: int = 0,
        on_exit: Callable[[], None] | None = None,
    ) -> None:
        self._app = app
        self._on_exit = on_exit
        self.host = host
        self._requested_port = port
        self.port = port
        self._server: _Server | None = None
        self._task: asyncio.Task[None] | None = None
        self._filter = _DropFilter()

    @property
    def url(self) -> str:
        """http://host:port of the running server."""
        return f"http://{self.host}:{self.port}"

    async def start(self, handle_signals: bool = False) -> None:
        """Bind the socket, start serving and return once requests are accepted."""
        # proto=IPPROTO_TCP matters: only then does asyncio set TCP_NODELAY on accepted
        # connections; without it every response waits ~40 ms for a delayed ACK.
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.host, self._requested_port))
        self.port = sock.getsockname()[1]
        config = uvicorn.Config(
            self._app,
            log_level="warning",
            access_log=False,
            lifespan="off",
            timeout_graceful_shutdown=1,
        )
        self._server = _Server(config, handle_signals, self._on_exit)
        logging.getLogger("uvicorn.error").addFilter(self._filter)
        self._task = asyncio.get_running_loop().create_task(self._server.serve(sockets=[sock]))
        while not self._server.started:
            if self._task.done():
                self._task.result()  # re-raise why the server could not start
                raise RuntimeError("uvicorn stopped during startup")
            await asyncio.sleep(0.005)

    async def wait(self) -> None:
        """Wait until the server stops (after a signal, in the stand-alone process)."""
        if self._task is not None:
            await self._task

    async def stop(self) -> None:
        """Stop serving, closing open connections."""
        if self._server is None or self._task is None:
            return
        self._server.should_exit = True
        self._server.exit_requested.set()
        await self._task
        self._server = self._task = None
        logging.getLogger("uvicorn.error").removeFilter(self._filter)
