"""Frozen values the emulator hands to tests, identical in-process and over the control API."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any


@dataclass(frozen=True)
class UserInfo:
    """A Telegram user played by the emulator (or the bot itself)."""

    id: int
    first_name: str
    username: str | None = None
    language_code: str | None = None
    last_name: str | None = None
    is_bot: bool = False

    def to_api(self) -> dict[str, Any]:
        """Return the user as a Bot API User object."""
        data: dict[str, Any] = {"id": self.id, "is_bot": self.is_bot, "first_name": self.first_name}
        for name in ("last_name", "username", "language_code"):
            value = getattr(self, name)
            if value is not None:
                data[name] = value
        return data


@dataclass(frozen=True)
class ChatInfo:
    """A private chat or group known to the emulator."""

    id: int
    type: str
    title: str | None
    username: str | None
    member_ids: tuple[int, ...]


@dataclass(frozen=True)
class CallRecord:
    """One Bot API call the bot made: what it sent and what it got back."""

    seq: int
    method: str
    params: dict[str, Any]
    time: float
    duration: float
    status: int
    response: dict[str, Any]
    chat_id: int | None

    @property
    def ok(self) -> bool:
        """True when Telegram would have answered {"ok": true}."""
        return self.status == 200

    @property
    def result(self) -> Any:
        """The "result" of a successful call (None for a failed one)."""
        return self.response.get("result")

    def describe(self) -> str:
        """One line for error messages: sequence, method, chat and outcome."""
        chat = f" chat={self.chat_id}" if self.chat_id is not None else ""
        outcome = "ok" if self.ok else f"{self.status} {self.response.get('description', '')!r}"
        return f"#{self.seq} {self.method}{chat} -> {outcome}"


@dataclass(frozen=True)
class ShownMessage:
    """A message as a chat currently shows it (after edits), or as it was at one moment."""

    chat_id: int
    message_id: int
    from_bot: bool
    sender_id: int
    kind: str
    text: str | None
    parse_mode: str | None
    entities: tuple[dict[str, Any], ...]
    reply_markup: dict[str, Any] | None
    edited: bool
    data: dict[str, Any]

    def buttons(self) -> list[dict[str, Any]]:
        """The inline keyboard buttons of this message, row after row."""
        rows = (self.reply_markup or {}).get("inline_keyboard", [])
        return [button for row in rows for button in row]


@dataclass(frozen=True)
class HistoryEvent:
    """Something that happened to a message in a chat: sent, edited or deleted."""

    seq: int
    time: float
    action: str
    message: ShownMessage


@dataclass(frozen=True)
class Counters:
    """Totals for benchmarks: calls, messages and the busiest one-second window."""

    calls: int
    messages_sent: int
    max_messages_per_second: int
    rate_limited: int


@dataclass(frozen=True)
class DeliveryRecord:
    """One attempt to POST an update to the webhook."""

    update_id: int
    attempt: int
    time: float
    status: int | None
    error: str | None


class FaultKind(StrEnum):
    """What an injected fault does to a call."""

    RETRY_AFTER = "retry_after"
    SERVER_ERROR = "server_error"
    FORBIDDEN = "forbidden"
    TIMEOUT = "timeout"
    DROP = "drop"
