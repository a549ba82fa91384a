"""Telegram's broadcast limits (optional) and the message-rate counters benchmarks read."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from emulators.telegram.errors import ApiError, retry_after


@dataclass(frozen=True)
class RateLimits:
    """The limits to enforce: overall per second, per private chat, per group per minute."""

    overall_per_second: int = 30
    private_per_second: int = 1
    group_per_minute: int = 20


def _window_wait(stamps: deque[float], now: float, window: float, limit: int) -> float:
    """Seconds until one more message fits in the sliding window (0 if it fits now)."""
    while stamps and stamps[0] <= now - window:
        stamps.popleft()
    if len(stamps) < limit:
        return 0.0
    return stamps[len(stamps) - limit] + window - now


class RateLimiter:
    """Counts sent messages; refuses with 429 beyond the limits when enforcement is on."""

    def __init__(self, limits: RateLimits, enforce: bool) -> None:
        self.limits = limits
        self.enforce = enforce
        self.messages_sent = 0
        self.max_per_second = 0
        self.rejected = 0
        self._last_second: deque[float] = deque()
        self._per_chat: dict[int, deque[float]] = {}

    def check(self, chat_id: int, is_private: bool, now: float) -> ApiError | None:
        """Return a 429 if one more message to `chat_id` would break a limit."""
        if not self.enforce:
            return None
        wait = _window_wait(self._last_second, now, 1.0, self.limits.overall_per_second)
        stamps = self._per_chat.setdefault(chat_id, deque())
        if is_private:
            wait = max(wait, _window_wait(stamps, now, 1.0, self.limits.private_per_second))
        else:
            wait = max(wait, _window_wait(stamps, now, 60.0, self.limits.group_per_minute))
        if wait <= 0:
            return None
        self.rejected += 1
        return retry_after(wait)

    def note_sent(self, chat_id: int, now: float) -> None:
        """Count one delivered message and update the busiest-second figure."""
        self.messages_sent += 1
        window = self._last_second
        while window and window[0] <= now - 1.0:
            window.popleft()
        window.append(now)
        self.max_per_second = max(self.max_per_second, len(window))
        if self.enforce:
            self._per_chat.setdefault(chat_id, deque()).append(now)
