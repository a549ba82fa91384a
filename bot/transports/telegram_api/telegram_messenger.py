"""The Messenger port on Telegram: HTML messages, inline keyboards, long texts split, files.

Every call that posts or edits a message first takes its turn from the Pacer, so replies and
scheduled deliveries together keep Telegram's limits.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from functools import partial
from typing import TypeVar

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions, Message
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError

from core.events import ButtonPressed, Chat
from core.markup import Paragraph, to_html
from core.messaging import Attachment, DeliveryFailed, Outgoing, Poll, RecipientGone, Sent
from knowledge.card import TELEGRAM_TEXT_LIMIT, visible_length
from scheduler.pacer import Pacer

log = logging.getLogger(__name__)
T = TypeVar("T")
FLOOD_RETRIES = 3  # a conversational reply waits out this many 429s before giving up
TELEGRAM_RATE = 30.0  # messages a second Telegram allows a bot without paid broadcasts
_NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
_TAG = re.compile(r"<(/?)([a-z]+)(?:\s[^>]*)?>")


class TelegramMessenger:
    """Sends, edits and acknowledges through a python-telegram-bot ``Bot``, paced by a Pacer."""

    def __init__(
        self,
        bot: Bot,
        pacer: Pacer | None = None,
        flood_retries: int = FLOOD_RETRIES,
        urgent: bool = True,
    ) -> None:
        """``flood_retries``: 429s waited out here before the caller hears of one.

        ``urgent``: replies (True) go ahead of scheduled deliveries (False) at the pacer.

        Share one Pacer among all messengers of a bot; one of its own keeps Telegram's limits
        only for what this messenger sends.
        """
        self._bot = bot
        self._pacer = pacer or Pacer(TELEGRAM_RATE)
        self._flood_retries = flood_retries
        self._urgent = urgent

    async def send(self, chat: Chat, message: Outgoing) -> Sent:
        """Send as HTML, split at paragraph boundaries, then any attachments; or a native poll."""
        if message.poll is not None:
            return await self._send_poll(chat, message.poll)
        parts = list(split_html(message.paragraphs))
        sent_id = 0
        for number, html in enumerate(parts, start=1):
            markup = _keyboard(message) if number == len(parts) else None
            send = partial(
                self._bot.send_message, chat.id, html, parse_mode=ParseMode.HTML,
                reply_markup=markup, link_preview_options=_NO_PREVIEW,
            )  # fmt: skip
            sent_id = (await self._paced(chat, send, first=number == 1)).message_id
        for attachment in message.attachments:
            await self._paced(chat, partial(self._attach, chat, attachment), first=False)
        return Sent(chat, str(sent_id))

    async def _send_poll(self, chat: Chat, poll: Poll) -> Sent:
        """The introduction (with its buttons), then the poll; members may change their vote."""
        if poll.intro:
            intro = Outgoing(poll.intro, poll.intro_buttons)
            await self.send(chat, intro)
        send = partial(
            self._bot.send_poll, chat.id, poll.question, list(poll.options),
            is_anonymous=poll.anonymous, allows_multiple_answers=poll.multiple,
            allows_revoting=True,
        )  # fmt: skip
        # Once the introduction is out, a 429 on the poll is waited out rather than reported:
        # a retry of the whole message would send the introduction twice.
        message = await self._paced(chat, send, first=not poll.intro)
        poll_id = message.poll.id if message.poll is not None else None
        return Sent(chat, str(message.message_id), poll_id)

    async def stop_poll(self, chat: Chat, message_id: str) -> None:
        """Close a poll: Telegram itself refuses votes after this."""
        await self._paced(chat, partial(self._bot.stop_poll, chat.id, int(message_id)), first=True)

    async def edit(self, sent: Sent, message: Outgoing) -> None:
        """Replace a message's text and buttons (the text must fit one message)."""
        html = next(split_html(message.paragraphs))
        edit = partial(
            self._bot.edit_message_text, html, sent.chat.id, int(sent.message_id),
            parse_mode=ParseMode.HTML, reply_markup=_keyboard(message),
            link_preview_options=_NO_PREVIEW,
        )  # fmt: skip
        await self._paced(sent.chat, edit, first=True)

    async def acknowledge(self, press: ButtonPressed, notice: str | None = None) -> None:
        """Answer the callback query so the member's app stops waiting."""
        # Not paced: an answer to a press is no message, and Telegram does not count it as one.
        if press.press_id is None:
            return
        try:
            await self._bot.answer_callback_query(press.press_id, text=notice)
        except TelegramError as error:  # a press answered too late is harmless
            log.info("could not acknowledge a button press: %s", error)

    async def _paced(self, chat: Chat, call: Callable[[], Awaitable[T]], first: bool) -> T:
        """One Bot API call in its turn; a 429 pauses every sender, then this call tries again.

        Once part of a message is out, its later parts wait out 429s here even if the caller
        wants to hear of them: a retry of the whole message would repeat what was delivered.
        """
        retries = self._flood_retries if first else max(self._flood_retries, FLOOD_RETRIES)
        for attempt in itertools.count():
            await self._pacer.slot(chat, self._urgent)
            try:
                with _translated_errors():
                    return await call()
            except DeliveryFailed as failure:
                if failure.retry_after is None:
                    raise
                self._pacer.pause(failure.retry_after)
                if attempt >= retries:
                    raise
        raise AssertionError("unreachable")  # itertools.count() never ends

    async def _attach(self, chat: Chat, attachment: Attachment) -> Message:
        """A picture by URL or bytes with sendPhoto; anything else as a document."""
        upload: str | bytes | None = attachment.url or attachment.content
        if upload is None:
            raise DeliveryFailed(f"the attachment {attachment.filename!r} has no content")
        if attachment.is_image:
            return await self._bot.send_photo(chat.id, upload, filename=attachment.filename)
        return await self._bot.send_document(chat.id, upload, filename=attachment.filename)


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
