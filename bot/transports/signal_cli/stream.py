"""The daemon's server-sent event stream, reconnected whenever it drops.

signal-cli keeps its last thousand events and replays those after the ``Last-Event-ID`` a
client sends on reconnecting, so a short outage loses nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncGenerator, AsyncIterator
from dataclasses import dataclass

import httpx

from bot.transports.signal_cli.rpc import EVENTS_PATH

log = logging.getLogger(__name__)
FIRST_RETRY = 0.5  # seconds before the first reconnection
RETRY_CAP = 30.0  # never wait longer than this between attempts
READ_TIMEOUT = 60.0  # signal-cli writes a keep-alive comment well within this


@dataclass(frozen=True, slots=True)
class StreamEvent:
    """One event: its id, its type (``receive`` for messages) and its data."""

    id: str | None
    kind: str
    data: str


async def events(
    client: httpx.AsyncClient, stop: asyncio.Event, first_retry: float = FIRST_RETRY
) -> AsyncGenerator[StreamEvent, None]:
    """Every event until ``stop``, reconnecting with backoff and resuming after the last id."""
    last_id: str | None = None
    delay = first_retry
    while not stop.is_set():
        try:
            async for event in _connection(client, last_id):
                delay = first_retry  # it worked: the next drop starts the backoff afresh
                if event.id is not None:
                    last_id = event.id
                yield event
            log.warning("the Signal event stream ended; reconnecting")
        except httpx.HTTPError as error:
            log.warning("the Signal event stream failed (%s); retrying in %.1f s", error, delay)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), delay)
            delay = min(delay * 2, RETRY_CAP)


async def _connection(
    client: httpx.AsyncClient, last_id: str | None
) -> AsyncGenerator[StreamEvent, None]:
    headers = {"Accept": "text/event-stream"}
    if last_id is not None:
        headers["Last-Event-ID"] = last_id
    timeout = httpx.Timeout(10.0, read=READ_TIMEOUT)
    async with client.stream("GET", EVENTS_PATH, headers=headers, timeout=timeout) as response:
        response.raise_for_status()
        log.info("listening to Signal events")
        async for event in parse(response.aiter_lines()):
            yield event


async def parse(lines: AsyncIterator[str]) -> AsyncGenerator[StreamEvent, None]:
    """Server-sent events from their lines (the HTML standard's rules, as signal-cli writes)."""
    event_id: str | None = None
    kind = "message"
    data: list[str] = []
    async for line in lines:
        if not line:
            if data:
                yield StreamEvent(event_id, kind, "\n".join(data))
            event_id, kind, data = None, "message", []
            continue
        if line.startswith(":"):
            continue  # a keep-alive comment
        name, _, value = line.partition(":")
        value = value.removeprefix(" ")
        if name == "data":
            data.append(value)
        elif name == "id":
            event_id = value
        elif name == "event":
            kind = value
