"""The log of every Bot API call, and waiting for a call that matches."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from typing import Any

from emulators.telegram.values import CallRecord

CallPredicate = Callable[[CallRecord], bool]


def matches(record: CallRecord, method: str | None, chat_id: int | None) -> bool:
    """True if the record is a call of `method` (any case) to `chat_id` (None = any)."""
    if method is not None and record.method.lower() != method.lower():
        return False
    return chat_id is None or record.chat_id == chat_id


class Recorder:
    """Keeps every call in order and wakes whoever waits for new ones."""

    def __init__(self) -> None:
        self.records: list[CallRecord] = []
        self._wakeup = asyncio.Event()

    def add(
        self,
        method: str,
        params: dict[str, Any],
        started: float,
        status: int,
        response: dict[str, Any],
        chat_id: int | None,
    ) -> CallRecord:
        """Append one finished call."""
        record = CallRecord(
            seq=len(self.records) + 1,
            method=method,
            params=params,
            time=started,
            duration=time.monotonic() - started,
            status=status,
            response=response,
            chat_id=chat_id,
        )
        self.records.append(record)
        self._wakeup.set()
        self._wakeup = asyncio.Event()
        return record

    def select(
        self, method: str | None = None, chat_id: int | None = None, since: int = 0
    ) -> list[CallRecord]:
        """Calls after sequence number `since` that match method and chat."""
        return [r for r in self.records[since:] if matches(r, method, chat_id)]

    def last_seq(self) -> int:
        """Sequence number of the latest call (0 before any)."""
        return len(self.records)

    async def wait_for(
        self,
        method: str | None = None,
        chat_id: int | None = None,
        predicate: CallPredicate | None = None,
        within: float = 5.0,
        since: int = 0,
    ) -> CallRecord:
        """Return the first matching call after `since`, waiting for it if necessary."""
        deadline = time.monotonic() + within
        checked = since
        while True:
            for record in self.records[checked:]:
                if matches(record, method, chat_id) and (predicate is None or predicate(record)):
                    return record
            checked = len(self.records)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(self.explain(method, chat_id, within, since))
            wakeup = self._wakeup
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(wakeup.wait(), remaining)

    def explain(self, method: str | None, chat_id: int | None, timeout: float, since: int) -> str:
        """Describe a failed wait and list what was recorded, for the test's traceback."""
        wanted = f"{method or 'any method'} call" + (f" to chat {chat_id}" if chat_id else "")
        recent = self.records[since:][-40:]
        listing = "\n  ".join(r.describe() for r in recent) or "(none)"
        return f"no matching {wanted} within {timeout}s; calls recorded:\n  {listing}"
