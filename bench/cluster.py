"""Several ``mreza run --webhook`` processes on one database: what a scaled deployment runs.

Each instance is the real command in its own process, pointed at a Bot API server (the
emulator in benchmarks and tests), with its own name, port and log file.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import sys
import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import httpx
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

STARTUP_WAIT = 120.0  # seconds: cold interpreters importing everything, on a busy machine
STOP_WAIT = 20.0  # seconds a SIGTERM may take before SIGKILL
WEBHOOK_SECRET = "cluster-webhook-secret"
SECRET_KEY = "cluster-secret-key"  # the same on every instance, as the README asks


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass(frozen=True)
class InstanceSettings:
    """What every instance of one cluster shares."""

    database_url: str
    api_url: str  # the Bot API server, ending in /bot
    token: str
    send_rate: float
    logs: Path  # a directory; each instance appends to NAME.log in it


@dataclass
class Instance:
    """One running ``mreza run`` process."""

    name: str
    port: int
    process: asyncio.subprocess.Process

    @property
    def health_url(self) -> str:
        """The instance's /healthz."""
        return f"http://127.0.0.1:{self.port}/healthz"

    @property
    def alive(self) -> bool:
        """True until the process has exited."""
        return self.process.returncode is None

    def kill(self) -> None:
        """SIGKILL: no goodbye, claims and the leader's lock left as they are."""
        with contextlib.suppress(ProcessLookupError):
            self.process.kill()

    async def stop(self) -> None:
        """SIGTERM, and SIGKILL if it does not stop in time."""
        if self.alive:
            with contextlib.suppress(ProcessLookupError):
                self.process.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(self.process.wait(), STOP_WAIT)
            except TimeoutError:
                self.kill()
        await self.process.wait()


async def launch(name: str, cluster: InstanceSettings) -> Instance:
    """Start one instance; it is ready once ``healthy`` says so."""
    port = free_port()
    env = dict(
        os.environ,
        MREZA_DATABASE_URL=cluster.database_url,
        MREZA_TELEGRAM_TOKEN=cluster.token,
        MREZA_TELEGRAM_WEBHOOK_SECRET=WEBHOOK_SECRET,
        MREZA_SECRET_KEY=SECRET_KEY,
        MREZA_INSTANCE_ID=name,
        MREZA_SEND_RATE=str(cluster.send_rate),
        MREZA_LOG_FORMAT="json",
    )
    cluster.logs.mkdir(parents=True, exist_ok=True)
    with (cluster.logs / f"{name}.log").open("ab") as log:
        process = await asyncio.create_subprocess_exec(
            *(sys.executable, "-m", "bot.cli", "run", "--webhook"),
            *("--listen", f"127.0.0.1:{port}", "--public-url", f"http://127.0.0.1:{port}"),
            *("--telegram-api-url", cluster.api_url),
            env=env,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=log,
            stderr=log,
        )
    return Instance(name, port, process)


async def healthy(instance: Instance, logs: Path, within: float = STARTUP_WAIT) -> None:
    """Wait until the instance's /healthz says ok; fail with its log if it dies or never does."""
    deadline = time.monotonic() + within
    async with httpx.AsyncClient(timeout=2.0) as http:
        while time.monotonic() < deadline:
            if not instance.alive:
                break
            with contextlib.suppress(httpx.HTTPError):
                if (await http.get(instance.health_url)).status_code == 200:
                    return
            await asyncio.sleep(0.2)
    tail = (logs / f"{instance.name}.log").read_text(errors="replace")[-3000:]
    raise RuntimeError(f"instance {instance.name} did not come up:\n{tail}")


# where ``mreza bench broadcast --instances N`` makes its scratch database unless told otherwise
DEFAULT_SERVER = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"


@contextlib.asynccontextmanager
async def scratch_database(server: str) -> AsyncIterator[str]:
    """A new database on a PostgreSQL server for one run, dropped afterwards; its URL."""
    name = f"mreza_bench_{uuid.uuid4().hex[:12]}"
    admin = create_async_engine(server, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        async with admin.connect() as connection:
            await connection.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            yield make_url(server).set(database=name).render_as_string(hide_password=False)
        finally:
            async with admin.connect() as connection:
                await connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        await admin.dispose()
