"""Injected failures: the next N calls answer 429, 5xx or 403, time out, or lose the connection."""

from __future__ import annotations

import time
from dataclasses import dataclass

from emulators.telegram.errors import ApiError, forbidden, retry_after, status_error
from emulators.telegram.values import FaultKind

# Methods that post or change messages; a flood wait blocks these, as on Telegram.
_SENDING_PREFIXES = ("send", "edit", "copy", "forward", "stoppoll")


def is_sending(method: str) -> bool:
    """True for methods Telegram's flood control applies to."""
    return method.lower().startswith(_SENDING_PREFIXES)


@dataclass(frozen=True)
class Fault:
    """One injected failure rule; `method` and `chat_id` narrow which calls it hits."""

    kind: FaultKind
    count: int = 1
    method: str | None = None
    chat_id: int | None = None
    retry_after: int = 1
    status: int = 500
    hold_seconds: float = 10.0
    description: str | None = None
    execute: bool = False

    def error(self) -> ApiError:
        """The error this fault answers with (for the kinds that answer at all)."""
        if self.kind is FaultKind.RETRY_AFTER:
            return retry_after(self.retry_after)
        if self.kind is FaultKind.FORBIDDEN:
            return forbidden(self.description or "bot was blocked by the user")
        if self.kind is FaultKind.TIMEOUT:
            return status_error(504)
        return status_error(self.status, self.description)


@dataclass
class _Armed:
    fault: Fault
    remaining: int


class FaultInjector:
    """Matches calls against armed faults and keeps the bot-wide flood wait."""

    def __init__(self) -> None:
        self._armed: list[_Armed] = []
        self.flood_until = 0.0

    def add(self, fault: Fault) -> None:
        """Arm a fault for its next `count` matching calls."""
        if fault.count > 0:
            self._armed.append(_Armed(fault, fault.count))

    def clear(self) -> None:
        """Disarm everything and lift the flood wait."""
        self._armed.clear()
        self.flood_until = 0.0

    def take(self, method: str, chat_id: int | None) -> Fault | None:
        """Return (and use up one shot of) the first fault matching this call."""
        for armed in self._armed:
            fault = armed.fault
            if fault.method is None and method.lower() == "getupdates":
                continue  # "any call" means the bot's own calls, not its polling loop
            if fault.method is not None and fault.method.lower() != method.lower():
                continue
            if fault.chat_id is not None and fault.chat_id != chat_id:
                continue
            armed.remaining -= 1
            if armed.remaining <= 0:
                self._armed.remove(armed)
            if fault.kind is FaultKind.RETRY_AFTER:
                self.flood_until = max(self.flood_until, time.monotonic() + fault.retry_after)
            return fault
        return None

    def flood_error(self, method: str) -> ApiError | None:
        """A 429 for a sending call made while the bot's flood wait lasts."""
        remaining = self.flood_until - time.monotonic()
        if remaining > 0 and is_sending(method):
            return retry_after(remaining)
        return None
