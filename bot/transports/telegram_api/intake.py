"""Taking updates from Telegram: each one recorded before it is confirmed, handled through
passing database trouble, and every failure logged and counted.

Long polling confirms an update by asking for the ones after it, and a webhook by answering
200. Both happen here only once the update's id is recorded (``HandledUpdates``), so an
update the database could not take (SQLite locked by another process, PostgreSQL restarting)
is not confirmed: it comes again from Telegram after a pause. Once recorded, handling it is
tried again through transient database errors, so the member is answered late, not never.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine, Sequence
from typing import Any

from telegram import Bot, Update
from telegram.error import InvalidToken, TelegramError
from telegram.ext import ContextTypes

from bot.router import Conversation
from bot.transports.telegram_api.coordinator_menus import ChatMenus
from bot.transports.telegram_api.handled_updates import HandledUpdates
from bot.transports.telegram_api.updates import TRANSPORT, to_event
from core.events import ButtonPressed, Event, TextReceived
from core.metrics import Metrics, NoMetrics
from core.transient import Backoff, Sleeper, transient

log = logging.getLogger(__name__)
ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member", "poll_answer", "poll"]
DECISIONS_KEPT = 10_000
POLL_SECONDS = 10  # long polling: how long Telegram holds getUpdates open when there is none
Handler = Callable[[Update, Any], Coroutine[Any, Any, None]]
ErrorHandler = Callable[[object, Any], Coroutine[Any, Any, None]]


class Intake:
    """Checks the sender's budget, records each update's id, then queues it for the handlers.

    An update past its sender's budget is dropped before anything else is done with it; a
    duplicate is dropped once its id is found taken.
    """

    def __init__(
        self,
        handled: HandledUpdates,
        queue: asyncio.Queue[object],
        admits: Callable[[Update], bool],
        metrics: Metrics | None = None,
    ) -> None:
        self._handled = handled
        self._queue = queue
        self._admits = admits
        self._metrics = metrics or NoMetrics()
        # Budget decisions of updates not yet recorded: one that comes again after a database
        # error is not charged twice.
        self._decided: dict[int, bool] = {}

    def _admitted(self, update: Update) -> bool:
        decided = self._decided.get(update.update_id)
        if decided is None:
            if len(self._decided) >= DECISIONS_KEPT:
                self._decided.clear()  # updates Telegram stopped posting again long ago
            decided = self._decided[update.update_id] = self._admits(update)
        return decided

    async def take(self, updates: Sequence[Update]) -> None:
        """Admit, record (in one transaction) and queue; a transient database error
        propagates, and then none of them is confirmed."""
        admitted = [update for update in updates if self._admitted(update)]
        taken = await self._handled.first_times([update.update_id for update in admitted])
        for update in updates:  # recorded: it will not come again
            self._decided.pop(update.update_id, None)
        for update in admitted:
            if update.update_id not in taken:
                log.info("update %s was handled already; dropped", update.update_id)
                self._metrics.update_handled(TRANSPORT, "duplicate")
                continue
            await self._queue.put(update)

    def failed(self, count: int) -> None:
        """Count updates that could not be taken."""
        for _ in range(count):
            self._metrics.update_handled(TRANSPORT, "failed")

    async def posted(self, update: Update) -> bool:
        """A webhook's update: False (answer "try again") when it could not be recorded."""
        try:
            await self.take([update])
        except Exception as error:
            if not transient(error):
                raise
            log.warning(
                "could not record update %s (%s); Telegram posts it again", update.update_id, error
            )
            return False
        return True


async def poll(bot: Bot, intake: Intake, sleeper: Sleeper) -> None:
    """Long polling until cancelled; an update is confirmed only once it is recorded."""
    offset: int | None = None
    backoff = Backoff(sleeper)
    while True:
        try:
            updates = await bot.get_updates(
                offset=offset, timeout=POLL_SECONDS, allowed_updates=ALLOWED_UPDATES
            )
        except InvalidToken:
            raise
        except TelegramError as error:
            log.warning("getUpdates failed (%s); asking again in %.1f s", error, backoff.pause)
            await backoff.wait()
            continue
        try:
            await intake.take(updates)
        except Exception as error:
            if transient(error):
                first = updates[0].update_id
                log.warning("could not record updates from %s (%s); they come again", first, error)
                await backoff.wait()  # unconfirmed: the next getUpdates returns them again
                continue
            # Not the database's passing trouble but these updates': taking them again would
            # stop every update behind them, so they are logged, counted and let go.
            log.exception("could not take updates %s", [u.update_id for u in updates])
            intake.failed(len(updates))
        if updates:
            offset = updates[-1].update_id + 1
        backoff.reset()


def admission(conversation: Conversation, username: str, bot_id: int) -> Callable[[Update], bool]:
    """Whether an update's sender has room in their budget, asked as the update arrives."""

    def admits(update: Update) -> bool:
        event = to_event(update, username, bot_id)
        return event is None or conversation.admits(event)

    return admits


def dispatcher(
    conversation: Conversation,
    username: str,
    bot_id: int,
    metrics: Metrics | None = None,
    chat_menus: ChatMenus | None = None,
) -> Handler:
    """The one python-telegram-bot handler: translate the update, hand it to the conversation.

    The update was admitted and recorded on its way in (``Intake``); the conversation waits
    out a transient database error and tries the event again. After a message or press in a
    private chat, that person's menu follows their role and language.
    """
    counted = metrics or NoMetrics()

    async def dispatch(update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        event: Event | None = to_event(update, username, bot_id)
        if event is None:
            log.info(
                "ignored an update of a kind Mreža does not handle (update %s)", update.update_id
            )
            counted.update_handled(TRANSPORT, "ignored")
            return
        await conversation.handle(event, admitted=True)
        counted.update_handled(TRANSPORT, "handled")
        if chat_menus is not None and isinstance(event, TextReceived | ButtonPressed):
            await _refresh(chat_menus, event)

    return dispatch


async def _refresh(chat_menus: ChatMenus, event: TextReceived | ButtonPressed) -> None:
    if not event.chat.private:
        return
    try:
        await chat_menus.refresh(event.sender.id)
    except Exception:  # a menu is never worth losing an update's handling over
        log.exception("could not bring the menu of chat %s in step", event.chat.id)


def error_handler(metrics: Metrics | None = None) -> ErrorHandler:
    """Registered with the Application: every failure is logged with its cause and counted."""
    counted = metrics or NoMetrics()

    async def failed(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        update_id = update.update_id if isinstance(update, Update) else None
        log.error("update %s failed", update_id, exc_info=context.error)
        counted.update_handled(TRANSPORT, "failed")

    return failed
