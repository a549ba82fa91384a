"""Connections to the Bot API: many small httpx pools instead of one large one.

httpcore's pool re-examines all its connections on every request and every response, and for
each idle one counts the idle ones again (``_assign_requests_to_connections``): its CPU cost per
request grows with the square of the pool. Measured on this project's emulator at 50 ms latency
with 64 concurrent sends, one pool of 68 connections managed about 120 messages a second at
~8 ms of CPU each; the same connections in shards of 4 managed ~480 at ~2 ms. So a pool as large
as the concurrency is split into shards, and each request goes to the least busy one.

The shards share one TLS context: building one reads the certificate bundle, about 35 ms each,
which made starting with two dozen shards take most of a second.
"""

from __future__ import annotations

import importlib.util
import ssl
import sys

import certifi

# ODVInput is how python-telegram-bot types these timeouts; it has no public name for it.
from telegram._utils.types import ODVInput
from telegram.request import BaseRequest, HTTPXRequest, RequestData

DEFAULT_NONE = BaseRequest.DEFAULT_NONE

SHARD = 4  # connections per httpx pool; small keeps httpcore's bookkeeping cheap
READ_TIMEOUT = 10.0  # seconds; Telegram answers a send in well under a second when healthy


class ShardedRequest(BaseRequest):
    """python-telegram-bot's HTTPXRequest, several times over, for ``connections`` at once."""

    def __init__(self, connections: int, shard: int = SHARD) -> None:
        _fail_sniffio_import_fast()
        count = max(1, -(-connections // shard))
        tls = ssl.create_default_context(cafile=certifi.where())
        self._shards = [
            HTTPXRequest(
                connection_pool_size=shard,
                read_timeout=READ_TIMEOUT,
                pool_timeout=None,
                httpx_kwargs={"verify": tls},
            )
            for _ in range(count)
        ]
        self._busy = [0] * count

    @property
    def read_timeout(self) -> float | None:
        """The read timeout every shard uses."""
        return self._shards[0].read_timeout

    async def initialize(self) -> None:
        """Open every shard's client."""
        for shard in self._shards:
            await shard.initialize()

    async def shutdown(self) -> None:
        """Close every shard's client."""
        for shard in self._shards:
            await shard.shutdown()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = DEFAULT_NONE,
        write_timeout: ODVInput[float] = DEFAULT_NONE,
        connect_timeout: ODVInput[float] = DEFAULT_NONE,
        pool_timeout: ODVInput[float] = DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """Send through the shard with the fewest requests under way."""
        number = min(range(len(self._busy)), key=self._busy.__getitem__)
        self._busy[number] += 1
        try:
            return await self._shards[number].do_request(
                url, method, request_data, read_timeout, write_timeout, connect_timeout,
                pool_timeout,
            )  # fmt: skip
        finally:
            self._busy[number] -= 1


def _fail_sniffio_import_fast() -> None:
    """Make httpcore's per-request ``import sniffio`` fail at once where sniffio is absent.

    httpcore asks sniffio which event loop runs, several times per request; without sniffio
    installed, every attempt searches sys.path again (~0.6 ms of CPU per message, measured).
    None in sys.modules is Python's own way to say "not importable": the import then fails
    immediately and httpcore assumes asyncio, which is what runs here.
    """
    if "sniffio" not in sys.modules and importlib.util.find_spec("sniffio") is None:
        sys.modules["sniffio"] = None  # type: ignore[assignment]  # the documented import block
