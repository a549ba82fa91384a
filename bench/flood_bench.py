"""``mreza bench flood``: replies to members while one of them floods, and during a broadcast.

Mreža runs as ``mreza run`` does (long polling, the delivery engine, one pacer) against the
Bot API emulator in its own process, with Telegram's limits enforced and a latency per call.
A reply's latency is from the moment the member's message reached the emulator to the moment
Mreža's answer did, both on the machine's monotonic clock (which the two processes share).

1. One member sends ``--flood`` messages as fast as the emulator takes them, while ten others
   each ask one question: the ten's latencies.
2. An announcement to ``--members`` members goes out at the full rate; meanwhile members who
   are not flooding ask one question each, a second apart: their latencies.
"""

from __future__ import annotations

import asyncio
import socket
import statistics
import tempfile
import time
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass

from pydantic import SecretStr

from bench.broadcast import FREE_RATE, add_members, add_users
from bot.app import Mreza, open_mreza
from bot.transports.telegram_api.telegram_runner import Listen, run_on_telegram
from core.settings import BUNDLED_KB_PATH, Settings
from emulators.telegram import DEFAULT_TOKEN, EmulatorClient, EmulatorProcess
from scheduler.audience import Audience
from scheduler.schedule_drafts import AnnouncementDraft

QUESTION = "What is a person of trust?"
ASKERS = 10
ANNOUNCEMENT = "Regional meeting of gender focal points: Skopje, 12 March, 10:00."
WAIT = 120.0  # seconds a reply may take before it counts as never
STARTED = 60.0  # seconds Mreža may take to start


@dataclass(frozen=True, slots=True)
class Latencies:
    """Reply latencies in seconds, and how many never came."""

    count: int
    p50: float
    p95: float
    worst: float
    missing: int

    def line(self) -> str:
        """One line of figures."""
        return (
            f"{self.count} replies: p50 {self.p50:.2f} s, p95 {self.p95:.2f} s, "
            f"worst {self.worst:.2f} s, never {self.missing}"
        )


def latencies(seconds: Sequence[float | None]) -> Latencies:
    """p50 and p95 of the replies that came (nearest rank)."""
    came = sorted(s for s in seconds if s is not None)
    if not came:
        return Latencies(0, float("nan"), float("nan"), float("nan"), len(seconds))

    def rank(share: float) -> float:
        return came[min(len(came) - 1, max(0, round(share * len(came)) - 1))]

    return Latencies(
        len(came), statistics.median(came), rank(0.95), came[-1], len(seconds) - len(came)
    )


async def asked(client: EmulatorClient, user: int) -> float | None:
    """Ask one question; the seconds until Mreža's first message to that chat arrived."""
    since = await client.last_seq()
    started = time.monotonic()
    await client.send_message(user, QUESTION)
    try:
        reply = await client.wait_for(method="sendMessage", chat_id=user, since=since, timeout=WAIT)
    except TimeoutError:
        return None
    return reply.time - started


async def flood(client: EmulatorClient, user: int, messages: int) -> None:
    """Messages from one member, as fast as they go."""
    for number in range(messages):
        await client.send_message(user, f"{QUESTION} ({number})")


async def flooding(
    client: EmulatorClient, flooder: int, askers: Sequence[int], messages: int
) -> Latencies:
    """The ten's latencies while the flood arrives."""
    flooding_task = asyncio.create_task(flood(client, flooder, messages))
    await asyncio.sleep(0.05)  # the flood is under way
    found = await asyncio.gather(*(asked(client, user) for user in askers))
    await flooding_task
    return latencies(found)


async def during_broadcast(
    mreza: Mreza, client: EmulatorClient, askers: Sequence[int], questions: int
) -> tuple[Latencies, int]:
    """Latencies of questions asked a second apart while the broadcast goes out; sends seen."""
    draft = AnnouncementDraft(ANNOUNCEMENT, Audience(everyone=True))
    before = await client.last_seq()
    await mreza.planner.announce(draft, None)
    # a hundred calls into the broadcast, it goes at the full rate
    await client.wait_for(method="sendMessage", since=before + 100, timeout=WAIT)
    tasks = []
    for user in askers[:questions]:
        tasks.append(asyncio.create_task(asked(client, user)))
        await asyncio.sleep(1.0)
    found = await asyncio.gather(*tasks)
    return latencies(found), len(await client.calls(method="sendMessage"))


@asynccontextmanager
async def mreza_on(
    client: EmulatorClient, token: str, users: Sequence[int]
) -> AsyncIterator[Mreza]:
    """Mreža running on the emulator on a scratch database, with ``users`` as members."""
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(
            database_url=f"sqlite+aiosqlite:///{folder}/bench.db",
            kb_path=BUNDLED_KB_PATH,
            telegram_token=SecretStr(token),
            send_rate=FREE_RATE,
        )
        async with open_mreza(settings) as mreza:
            await add_members(mreza.sessions, users)
            stop = asyncio.Event()
            listen = Listen(port=_free_port())
            running = asyncio.create_task(run_on_telegram(mreza, client.base_url, listen, stop))
            try:
                await _until_running(client, running)
                yield mreza
            finally:
                stop.set()
                await running


async def run_flood_bench(
    messages: int, members: int, questions: int, latency_ms: float
) -> tuple[Latencies, Latencies, int]:
    """Both measurements, each on a fresh emulator and database."""
    async with EmulatorProcess(latency_ms=latency_ms, enforce_limits=True) as client:
        users = await add_users(client, 1 + ASKERS)
        async with mreza_on(client, client.token or DEFAULT_TOKEN, users):
            flooded = await flooding(client, users[0], users[1:], messages)
    async with EmulatorProcess(latency_ms=latency_ms, enforce_limits=True) as client:
        users = await add_users(client, members)
        async with mreza_on(client, client.token or DEFAULT_TOKEN, users) as mreza:
            during, sends = await during_broadcast(mreza, client, users[-questions:], questions)
    return flooded, during, sends


async def _until_running(client: EmulatorClient, running: asyncio.Task[None]) -> None:
    """Mreža polls for updates once it runs."""
    deadline = time.monotonic() + STARTED
    while not await client.calls(method="getUpdates"):
        if running.done():
            running.result()  # raises what stopped it
        if time.monotonic() > deadline:
            raise TimeoutError("Mreža did not start")
        await asyncio.sleep(0.1)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port
