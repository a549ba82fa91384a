"""Webhook mode: POST each pending update to the bot's URL, retrying like Telegram."""

from __future__ import annotations

import asyncio
import contextlib
import time
from dataclasses import dataclass
from typing import Any

import httpx

from emulators.telegram.updates import UpdateQueue
from emulators.telegram.values import DeliveryRecord

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


@dataclass(frozen=True)
class WebhookSettings:
    """What setWebhook stored."""

    url: str
    secret_token: str | None
    max_connections: int
    ip_address: str | None


@dataclass(frozen=True)
class RetryPolicy:
    """How hard to try one update before giving up on it."""

    attempts: int = 3
    first_delay: float = 0.1
    timeout: float = 5.0


class WebhookDeliverer:
    """Delivers queued updates one at a time, in order, while a webhook is set."""

    def __init__(self, queue: UpdateQueue, policy: RetryPolicy) -> None:
        self._queue = queue
        self._policy = policy
        self.settings: WebhookSettings | None = None
        self.deliveries: list[DeliveryRecord] = []
        self.last_error: tuple[int, str] | None = None
        self._task: asyncio.Task[None] | None = None
        self._client: httpx.AsyncClient | None = None

    def configure(self, settings: WebhookSettings | None) -> None:
        """Set or remove the webhook and start or stop delivering."""
        self.settings = settings
        self.last_error = None
        if settings is not None and (self._task is None or self._task.done()):
            self._task = asyncio.get_running_loop().create_task(self._run())

    async def stop(self) -> None:
        """Stop delivering and close the HTTP client."""
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    def info(self) -> dict[str, Any]:
        """Return the WebhookInfo object for getWebhookInfo."""
        info: dict[str, Any] = {
            "url": self.settings.url if self.settings else "",
            "has_custom_certificate": False,
            "pending_update_count": len(self._queue.pending()),
        }
        if self.settings is not None:
            info["max_connections"] = self.settings.max_connections
            if self.settings.ip_address:
                info["ip_address"] = self.settings.ip_address
            allowed = self._queue.allowed()
            if allowed is not None:
                info["allowed_updates"] = allowed
        if self.last_error is not None:
            info["last_error_date"], info["last_error_message"] = self.last_error
        return info

    async def _run(self) -> None:
        while self.settings is not None and not self._queue.closing:
            update = self._queue.first()
            if update is None:
                await self._queue.wait_change(1.0)
                continue
            await self._deliver(update)

    async def _deliver(self, update: dict[str, Any]) -> None:
        delay = self._policy.first_delay
        for attempt in range(1, self._policy.attempts + 1):
            settings = self.settings
            if settings is None:
                return  # deleteWebhook: the update stays for getUpdates
            if await self._post(settings, update, attempt):
                break
            if attempt < self._policy.attempts:
                await asyncio.sleep(delay)
                delay *= 2
        self._queue.drop(update["update_id"])

    async def _post(self, settings: WebhookSettings, update: dict[str, Any], attempt: int) -> bool:
        if self._client is None:
            self._client = httpx.AsyncClient(timeout=self._policy.timeout)
        headers = {SECRET_HEADER: settings.secret_token} if settings.secret_token else {}
        status: int | None = None
        error: str | None = None
        try:
            response = await self._client.post(settings.url, json=update, headers=headers)
            status = response.status_code
            if not response.is_success:
                error = f"Wrong response from the webhook: {status} {response.reason_phrase}"
        except httpx.TimeoutException:
            error = "Read timeout expired"
        except httpx.HTTPError as exc:
            error = f"Connection failed: {exc.__class__.__name__}"
        now = time.monotonic()
        self.deliveries.append(DeliveryRecord(update["update_id"], attempt, now, status, error))
        if error is not None:
            self.last_error = (int(time.time()), error)
        return error is None
