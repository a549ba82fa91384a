"""The Messenger port on Telegram: HTML messages, inline keyboards, long texts split."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError

from core.events import ButtonPressed, Chat
from core.markup import Paragraph, to_html
from core.messaging import DeliveryFailed, Outgoing, RecipientGone, Sent
from knowledge.card import TELEGRAM_TEXT_LIMIT, visible_length

log = logging.getLogger(__name__)
_NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
_TAG = re.compile(r"<(/?)([a-z]+)(?:\s[^>]*)?>")


class TelegramMessenger:
    """Sends, edits and acknowledges through a python-telegram-bot ``Bot``."""

    def __init__(self, bot: Bot) -> None:
        self._bot = bot

    async def send(self, chat: Chat, message: Outgoing) -> Sent:
        """Send as HTML, split at paragraph boundaries; the buttons go with the last part."""
        parts = list(split_html(message.paragraphs))
        sent_id = 0
        for number, html in enumerate(parts, start=1):
            markup = _keyboard(message) if number == len(parts) else None
            with _translated_errors():
                sent = await self._bot.send_message(
                    chat.id,
                    html,
                    parse_mode=ParseMode.HTML,
                    reply_markup=markup,
                    link_preview_options=_NO_PREVIEW,
                )
            sent_id = sent.message_id
        return Sent(chat, str(sent_id))

    async def edit(self, sent: Sent, message: Outgoing) -> None:
        """Replace a message's text and buttons (the text must fit one message)."""
        html = next(split_html(message.paragraphs))
        with _translated_errors():
            await self._bot.edit_message_text(
                html, sent.chat.id, int(sent.message_id), parse_mode=ParseMode.HTML,
                reply_markup=_keyboard(message), link_preview_options=_NO_PREVIEW,
            )  # fmt: skip

    async def acknowledge(self, press: ButtonPressed, notice: str | None = None) -> None:
        """Answer the callback query so the member's app stops waiting."""
        if press.press_id is None:
            return
        try:
            await self._bot.answer_callback_query(press.press_id, text=notice)
        except TelegramError as error:  # a press answered too late is harmless
            log.info("could not acknowledge a button press: %s", error)


def _keyboard(message: Outgoing) -> InlineKeyboardMarkup | None:
    if not message.buttons:
        return None
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(b.label, callback_data=b.data) for b in row]
            for row in message.buttons
        ]
    )


def split_html(
    paragraphs: tuple[Paragraph, ...], limit: int = TELEGRAM_TEXT_LIMIT
) -> Iterator[str]:
    """HTML chunks under Telegram's limit, cut between paragraphs (or lines, for a huge one)."""
    pieces = [to_html((p,)) for p in paragraphs] or [""]
    chunk = ""
    for piece in (part for p in pieces for part in _fit(p, limit)):
        joined = f"{chunk}\n\n{piece}" if chunk else piece
        if visible_length(joined) <= limit:
            chunk = joined
            continue
        yield chunk
        chunk = piece
    yield chunk or "…"


def _fit(html: str, limit: int) -> Iterator[str]:
    """A paragraph as it is, or cut at line breaks, or, for a single enormous line, in slices."""
    if visible_length(html) <= limit:
        yield html
        return
    for line in html.split("\n"):
        while visible_length(line) > limit:
            cut = _safe_cut(line, limit)
            still_open = _open_tags(line[:cut])
            # Close what is open at the cut and open it again after, so both parts are valid.
            yield line[:cut] + "".join(f"</{name}>" for name, _ in reversed(still_open))
            line = "".join(tag for _, tag in still_open) + line[cut:]
        yield line


def _open_tags(html: str) -> list[tuple[str, str]]:
    """The tags still open at the end of an HTML fragment, outermost first: (name, opening tag)."""
    stack: list[tuple[str, str]] = []
    for match in _TAG.finditer(html):
        if match.group(1):
            if stack and stack[-1][0] == match.group(2):
                stack.pop()
        else:
            stack.append((match.group(2), match.group(0)))
    return stack


def _safe_cut(line: str, limit: int) -> int:
    """A cut position that leaves no HTML tag or entity broken; prefers a space."""
    cut = min(len(line), limit)
    while cut > 0 and (
        line.rfind("<", 0, cut) > line.rfind(">", 0, cut)
        or line.rfind("&", 0, cut) > line.rfind(";", 0, cut)
    ):
        cut -= 1
    space = line.rfind(" ", 0, cut)
    return space if space > cut // 2 else max(cut, 1)


@contextmanager
def _translated_errors() -> Iterator[None]:
    """Turn python-telegram-bot's errors into the Messenger port's."""
    try:
        yield
    except Forbidden as error:
        raise RecipientGone(error.message) from error
    except RetryAfter as error:
        raise DeliveryFailed(
            error.message, transient=True, retry_after=_seconds(error.retry_after)
        ) from error
    except BadRequest as error:
        if "chat not found" in error.message.lower():
            raise RecipientGone(error.message) from error
        raise DeliveryFailed(error.message) from error
    except NetworkError as error:  # timeouts included
        raise DeliveryFailed(error.message, transient=True) from error
    except TelegramError as error:
        raise DeliveryFailed(error.message) from error


def _seconds(value: float | timedelta) -> float:
    """python-telegram-bot gives seconds or a timedelta, depending on its settings."""
    return value.total_seconds() if isinstance(value, timedelta) else float(value)
