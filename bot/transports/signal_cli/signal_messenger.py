"""The Messenger port on Signal: plain text with numbered choices, edits, and rate limits.

Signal documents no sending limit but rate-limits accounts that send a lot, so every send
takes its turn from a Pacer at a configurable, conservative rate. When signal-cli reports rate
limiting, every send pauses (as long as Signal asked, and longer after each limit in a row),
then tries again; past ``retries`` the caller hears of a transient failure, without a
``retry_after``: that pause belongs to Signal alone, not to the other transports' deliveries.
"""

from __future__ import annotations

import base64
import logging
from typing import Any

from bot.transports.signal_cli.choices import ChoiceBook
from bot.transports.signal_cli.rpc import RateLimited, SignalRpc
from bot.transports.signal_cli.wording import Wording
from core.events import ButtonPressed, Chat
from core.messaging import Button, DeliveryFailed, Outgoing, Sent
from scheduler.pacer import Pacer

log = logging.getLogger(__name__)
BACKOFF_CAP = 900.0  # seconds: the longest pause after rate limits in a row
REPLY_RETRIES = 2  # rate limits a reply waits out before giving up


class Backoff:
    """How long to pause after a rate limit: what Signal asked, or doubling from a base."""

    def __init__(self, base: float) -> None:
        self._base = base
        self._in_a_row = 0

    def after_limit(self, asked: float | None) -> float:
        """The pause after one more rate limit in a row."""
        self._in_a_row += 1
        grown = min(BACKOFF_CAP, self._base * 2.0 ** (self._in_a_row - 1))
        return max(asked or 0.0, grown)

    def after_success(self) -> None:
        """A send went through: the next limit starts from the base again."""
        self._in_a_row = 0


class SignalMessenger:
    """Sends through signal-cli, paced; remembers each message's choices for the replies."""

    def __init__(
        self,
        rpc: SignalRpc,
        book: ChoiceBook,
        wording: Wording,
        pacer: Pacer,
        backoff: Backoff,
        retries: int = REPLY_RETRIES,
    ) -> None:
        self._rpc, self._book, self._wording = rpc, book, wording
        self._pacer, self._backoff, self._retries = pacer, backoff, retries

    async def send(self, chat: Chat, message: Outgoing) -> Sent:
        """Send the text with its numbered choices and any attached files."""
        params = _address(chat) | {"message": await self._wording.render(chat, message)}
        files = [_data_uri(a.mime, a.filename, a.content) for a in message.attachments if a.content]
        if files:
            params["attachments"] = files
        result = await self._paced(chat, "send", params)
        sent = Sent(chat, str(_timestamp(result)))
        self._book.offered(chat, sent.message_id, _choices(message))
        return sent

    async def edit(self, sent: Sent, message: Outgoing) -> None:
        """Replace a message's text (Signal shows it as edited); its choices change with it."""
        params = _address(sent.chat) | {
            "message": await self._wording.render(sent.chat, message),
            "editTimestamp": int(sent.message_id),
        }
        await self._paced(sent.chat, "send", params)
        self._book.offered(sent.chat, sent.message_id, _choices(message))

    async def acknowledge(self, press: ButtonPressed, notice: str | None = None) -> None:
        """A chosen number needs no answer; a notice, if any, comes as a message."""
        if notice:
            await self.send(press.chat, Outgoing.text(notice))

    async def typing(self, chat: Chat) -> None:
        """Show that Mreža is writing; not paced, and a failure is harmless."""
        try:
            await self._rpc.call("sendTyping", **_address(chat))
        except DeliveryFailed as failure:
            log.debug("could not show typing: %s", failure.reason)

    async def _paced(self, chat: Chat, method: str, params: dict[str, Any]) -> Any:
        for _ in range(self._retries + 1):
            await self._pacer.slot(chat)
            try:
                result = await self._rpc.call(method, **params)
            except RateLimited as limited:
                pause = self._backoff.after_limit(limited.retry_after)
                log.warning("Signal is rate limiting: every send pauses for %.0f s", pause)
                self._pacer.pause(pause)
                continue
            self._backoff.after_success()
            return result
        raise DeliveryFailed("Signal kept rate limiting this account", transient=True)


def _address(chat: Chat) -> dict[str, Any]:
    return {"recipient": [chat.id]} if chat.private else {"groupId": chat.id}


def _choices(message: Outgoing) -> tuple[Button, ...]:
    return tuple(b for row in message.buttons for b in row)


def _timestamp(result: Any) -> int:
    stamp = result.get("timestamp") if isinstance(result, dict) else None
    if not isinstance(stamp, int):
        raise DeliveryFailed("signal-cli did not say when the message was sent")
    return stamp


def _data_uri(mime: str, filename: str, content: bytes) -> str:
    """signal-cli's inline attachment: a data URI that names the file."""
    encoded = base64.b64encode(content).decode("ascii")
    return f"data:{mime};filename={filename};base64,{encoded}"
