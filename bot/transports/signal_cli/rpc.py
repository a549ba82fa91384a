"""Calls to signal-cli's JSON-RPC endpoint, its errors turned into the Messenger port's."""

from __future__ import annotations

import itertools
import logging
from typing import Any

import httpx

from core.messaging import DeliveryFailed, RecipientGone

log = logging.getLogger(__name__)
RPC_PATH = "/api/v1/rpc"
EVENTS_PATH = "/api/v1/events"
USER_ERROR = -1
RATELIMIT_ERROR = -5
TIMEOUT = 30.0  # seconds: signal-cli answers a send only once Signal's servers took it


class RateLimited(DeliveryFailed):
    """signal-cli said Signal is rate limiting this account."""


class SignalRpc:
    """One daemon's JSON-RPC endpoint; ``close()`` when done."""

    def __init__(self, base_url: str, account: str | None = None) -> None:
        self._client = httpx.AsyncClient(base_url=base_url.rstrip("/"), timeout=TIMEOUT)
        self._account = account  # only a multi-account daemon needs it in every call
        self._ids = itertools.count(1)

    @property
    def client(self) -> httpx.AsyncClient:
        """The HTTP client, shared with the event stream."""
        return self._client

    async def call(self, method: str, **params: Any) -> Any:
        """The result of one method; ``DeliveryFailed`` (or a subclass) when it fails."""
        if self._account:
            params["account"] = self._account
        request = {"jsonrpc": "2.0", "id": next(self._ids), "method": method, "params": params}
        try:
            response = await self._client.post(RPC_PATH, json=request)
            response.raise_for_status()
            body = response.json()
        except (httpx.HTTPError, ValueError) as error:
            raise DeliveryFailed(f"signal-cli is not reachable: {error}", transient=True) from None
        if not isinstance(body, dict):
            raise DeliveryFailed("signal-cli answered something that is not JSON-RPC")
        failure = body.get("error")
        if isinstance(failure, dict):
            raise translated(failure)
        return body.get("result")

    async def close(self) -> None:
        """Close the connections."""
        await self._client.aclose()


def translated(error: dict[str, Any]) -> DeliveryFailed:
    """signal-cli's error object as the Messenger port's failure."""
    code = error.get("code")
    message = str(error.get("message") or "signal-cli refused the call")
    results = _results(error)
    kinds = {str(r.get("type")) for r in results}
    if code == RATELIMIT_ERROR or kinds == {"RATE_LIMIT_FAILURE"}:
        waits = [r.get("retryAfterSeconds") for r in results]
        known = [float(w) for w in waits if isinstance(w, int | float)]
        return RateLimited(message, transient=True, retry_after=max(known) if known else None)
    if kinds == {"UNREGISTERED_FAILURE"}:
        return RecipientGone(f"{message}: the number is not on Signal")
    if kinds and kinds <= {"NETWORK_FAILURE"}:
        return DeliveryFailed(message, transient=True)
    return DeliveryFailed(message)


def _results(error: dict[str, Any]) -> list[dict[str, Any]]:
    data = error.get("data")
    response = data.get("response") if isinstance(data, dict) else None
    results = response.get("results") if isinstance(response, dict) else None
    return [r for r in results if isinstance(r, dict)] if isinstance(results, list) else []
