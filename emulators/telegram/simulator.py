"""The test-facing API: play users, look at chats and calls, inject faults.

Every method is async so that in-process tests and tests that drive a separate emulator
process through EmulatorClient read the same; the control API calls these very methods.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from emulators.telegram import actions
from emulators.telegram.core import Core
from emulators.telegram.errors import EmulatorError
from emulators.telegram.faults import Fault
from emulators.telegram.recorder import CallPredicate
from emulators.telegram.values import (
    CallRecord,
    ChatInfo,
    Counters,
    DeliveryRecord,
    FaultKind,
    HistoryEvent,
    ShownMessage,
    UserInfo,
)
from emulators.telegram.world import ChatState

Update = dict[str, Any]


class Simulator:
    """Users, chats, observations and faults of one emulated Telegram."""

    def __init__(self, core: Core) -> None:
        self.core = core

    @property
    def bot(self) -> UserInfo:
        """The bot's own user."""
        return self.core.world.bot

    # --- people and chats -------------------------------------------------------------

    async def add_user(
        self,
        first_name: str,
        *,
        username: str | None = None,
        language_code: str | None = "en",
        last_name: str | None = None,
        user_id: int | None = None,
    ) -> UserInfo:
        """Create a user who has started a private chat with the bot."""
        world = self.core.world
        uid = world.new_user_id() if user_id is None else user_id
        return world.add_user(UserInfo(uid, first_name, username, language_code, last_name))

    async def add_group(
        self,
        title: str,
        member_ids: Sequence[int],
        *,
        supergroup: bool = True,
        username: str | None = None,
        chat_id: int | None = None,
    ) -> ChatInfo:
        """Create a group (supergroup by default) with these users and the bot in it."""
        world = self.core.world
        cid = world.new_group_id(supergroup) if chat_id is None else chat_id
        kind = "supergroup" if supergroup else "group"
        chat = ChatState(cid, kind, title=title, username=username, members=set(member_ids))
        return world.add_group(chat).info()

    # --- what users do ----------------------------------------------------------------

    async def send_message(
        self,
        user_id: int,
        text: str,
        *,
        chat_id: int | None = None,
        reply_to_message_id: int | None = None,
    ) -> Update:
        """The user writes to the bot (private chat by default) or in a group."""
        return actions.send_text(self.core, user_id, text, chat_id, reply_to_message_id)

    async def send_command(
        self,
        user_id: int,
        command: str,
        args: str = "",
        *,
        chat_id: int | None = None,
        mention_bot: bool | None = None,
    ) -> Update:
        """The user sends /command (as /command@bot in groups unless mention_bot=False)."""
        text = actions.command_text(self.core, chat_id, command, args, mention_bot)
        return actions.send_text(self.core, user_id, text, chat_id, None)

    async def press_button(
        self,
        user_id: int,
        message_id: int,
        *,
        chat_id: int | None = None,
        data: str | None = None,
        text: str | None = None,
    ) -> Update:
        """The user presses a callback button shown on the bot's message (by data or label)."""
        return actions.press_button(self.core, user_id, message_id, chat_id, data, text)

    async def forge_callback(
        self,
        user_id: int,
        data: str,
        *,
        chat_id: int | None = None,
        message_id: int | None = None,
    ) -> Update:
        """A callback query with any data, whether or not such a button exists."""
        return actions.forge_callback(self.core, user_id, data, chat_id, message_id)

    async def vote(
        self,
        user_id: int,
        message_id: int,
        option_ids: Sequence[int],
        *,
        chat_id: int | None = None,
    ) -> Update:
        """The user votes in the bot's poll; [] retracts the vote."""
        return actions.vote(self.core, user_id, message_id, option_ids, chat_id)

    async def block_bot(self, user_id: int) -> Update:
        """The user blocks the bot; later sends to them get 403."""
        return actions.set_blocked(self.core, user_id, True)

    async def unblock_bot(self, user_id: int) -> Update:
        """The user unblocks the bot."""
        return actions.set_blocked(self.core, user_id, False)

    async def leave_group(self, chat_id: int, user_id: int) -> Update:
        """A member leaves a group."""
        return actions.remove_member(self.core, chat_id, user_id, None)

    async def remove_member(self, chat_id: int, user_id: int, *, by_user_id: int) -> Update:
        """A member (or the bot itself) is removed from a group by another user."""
        return actions.remove_member(self.core, chat_id, user_id, by_user_id)

    async def add_member(
        self, chat_id: int, user_id: int, *, by_user_id: int | None = None
    ) -> Update:
        """A user joins a group (or the bot is added back by by_user_id)."""
        return actions.add_member(self.core, chat_id, user_id, by_user_id)

    # --- what the bot did -------------------------------------------------------------

    async def calls(
        self, *, method: str | None = None, chat_id: int | None = None, since: int = 0
    ) -> list[CallRecord]:
        """Recorded Bot API calls after sequence number `since`, filtered."""
        return self.core.recorder.select(method, chat_id, since)

    async def last_seq(self) -> int:
        """Sequence number of the latest recorded call, to wait only for later ones."""
        return self.core.recorder.last_seq()

    # `timeout` is the documented name for tests; it bounds the wait, not a network call.
    async def wait_for(
        self,
        *,
        method: str | None = None,
        chat_id: int | None = None,
        predicate: CallPredicate | None = None,
        timeout: float = 5.0,  # noqa: ASYNC109
        since: int = 0,
    ) -> CallRecord:
        """First recorded call (past or future) that matches; TimeoutError lists the calls."""
        return await self.core.recorder.wait_for(method, chat_id, predicate, timeout, since)

    async def shown_messages(
        self, chat_id: int, *, include_users: bool = False
    ) -> list[ShownMessage]:
        """Messages the chat shows now (after edits and deletes); the bot's only by default."""
        chat = self.core.world.chat(chat_id)
        return [m.shown() for m in chat.messages.values() if include_users or m.from_bot]

    async def history(self, chat_id: int) -> list[HistoryEvent]:
        """Everything that happened to messages in the chat, in order."""
        return list(self.core.world.chat(chat_id).history)

    async def chat(self, chat_id: int) -> ChatInfo:
        """Describe a chat (members, type)."""
        return self.core.world.chat(chat_id).info()

    async def bot_commands(
        self, *, scope: Mapping[str, Any] | None = None, language_code: str = ""
    ) -> list[dict[str, str]]:
        """The commands the bot set for exactly this scope and language."""
        return self.core.commands.get(scope, language_code)

    async def all_bot_commands(self) -> dict[str, list[dict[str, str]]]:
        """Every command list the bot set, keyed "scope|language"."""
        return self.core.commands.all()

    async def bot_description(self, *, language_code: str = "", short: bool = False) -> str:
        """The (short) description the bot set for exactly this language ("" if none)."""
        kind = "short_description" if short else "description"
        return self.core.descriptions.exactly(kind, language_code)

    async def callback_answer(self, callback_query_id: str) -> dict[str, Any] | None:
        """How the bot answered a callback query (None while unanswered)."""
        query = self.core.callbacks.get(callback_query_id)
        if query is None:
            raise EmulatorError(f"unknown callback query {callback_query_id}")
        return query.answer

    async def pending_updates(self) -> list[Update]:
        """Updates the bot has not confirmed yet."""
        return self.core.updates.pending()

    async def webhook_deliveries(self) -> list[DeliveryRecord]:
        """Every attempt to POST an update to the webhook."""
        return list(self.core.webhook.deliveries)

    async def counters(self) -> Counters:
        """Call and message totals and the busiest one-second window."""
        limiter = self.core.limiter
        return Counters(
            calls=self.core.recorder.last_seq(),
            messages_sent=limiter.messages_sent,
            max_messages_per_second=limiter.max_per_second,
            rate_limited=limiter.rejected,
        )

    # --- faults and timing ------------------------------------------------------------

    async def inject_fault(
        self,
        kind: FaultKind | str,
        *,
        count: int = 1,
        method: str | None = None,
        chat_id: int | None = None,
        retry_after: int = 1,
        status: int = 500,
        hold_seconds: float = 10.0,
        description: str | None = None,
        execute: bool = False,
    ) -> None:
        """Make the next `count` matching calls fail (any call but getUpdates by default)."""
        fault = Fault(
            FaultKind(kind),
            count,
            method,
            chat_id,
            retry_after,
            status,
            hold_seconds,
            description,
            execute,
        )
        self.core.faults.add(fault)

    async def clear_faults(self) -> None:
        """Disarm injected faults and lift any flood wait."""
        self.core.faults.clear()

    async def set_latency(self, milliseconds: float) -> None:
        """Delay every Bot API response by this many milliseconds."""
        self.core.latency_ms = milliseconds

    async def enforce_rate_limits(self, enabled: bool = True) -> None:
        """Turn Telegram's broadcast limits on or off."""
        self.core.limiter.enforce = enabled
