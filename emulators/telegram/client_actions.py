"""EmulatorClient's half that plays people: users, groups and what users do."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from emulators.telegram.client_transport import ControlTransport
from emulators.telegram.values import ChatInfo, UserInfo
from emulators.telegram.wire import from_wire

Update = dict[str, Any]


class UserActionsClient(ControlTransport):
    """Simulator's people-and-actions methods, run remotely."""

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
        result = await self._op(
            "add_user",
            first_name=first_name,
            username=username,
            language_code=language_code,
            last_name=last_name,
            user_id=user_id,
        )
        return from_wire(UserInfo, result)

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
        result = await self._op(
            "add_group",
            title=title,
            member_ids=list(member_ids),
            supergroup=supergroup,
            username=username,
            chat_id=chat_id,
        )
        return from_wire(ChatInfo, result)

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
        result: Update = await self._op(
            "send_message",
            user_id=user_id,
            text=text,
            chat_id=chat_id,
            reply_to_message_id=reply_to_message_id,
        )
        return result

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
        result: Update = await self._op(
            "send_command",
            user_id=user_id,
            command=command,
            args=args,
            chat_id=chat_id,
            mention_bot=mention_bot,
        )
        return result

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
        result: Update = await self._op(
            "press_button",
            user_id=user_id,
            message_id=message_id,
            chat_id=chat_id,
            data=data,
            text=text,
        )
        return result

    async def forge_callback(
        self,
        user_id: int,
        data: str,
        *,
        chat_id: int | None = None,
        message_id: int | None = None,
    ) -> Update:
        """A callback query with any data, whether or not such a button exists."""
        result: Update = await self._op(
            "forge_callback", user_id=user_id, data=data, chat_id=chat_id, message_id=message_id
        )
        return result

    async def vote(
        self,
        user_id: int,
        message_id: int,
        option_ids: Sequence[int],
        *,
        chat_id: int | None = None,
    ) -> Update:
        """The user votes in the bot's poll; [] retracts the vote."""
        result: Update = await self._op(
            "vote",
            user_id=user_id,
            message_id=message_id,
            option_ids=list(option_ids),
            chat_id=chat_id,
        )
        return result

    async def block_bot(self, user_id: int) -> Update:
        """The user blocks the bot; later sends to them get 403."""
        result: Update = await self._op("block_bot", user_id=user_id)
        return result

    async def unblock_bot(self, user_id: int) -> Update:
        """The user unblocks the bot."""
        result: Update = await self._op("unblock_bot", user_id=user_id)
        return result

    async def leave_group(self, chat_id: int, user_id: int) -> Update:
        """A member leaves a group."""
        result: Update = await self._op("leave_group", chat_id=chat_id, user_id=user_id)
        return result

    async def remove_member(self, chat_id: int, user_id: int, *, by_user_id: int) -> Update:
        """A member (or the bot itself) is removed from a group by another user."""
        result: Update = await self._op(
            "remove_member", chat_id=chat_id, user_id=user_id, by_user_id=by_user_id
        )
        return result

    async def add_member(
        self, chat_id: int, user_id: int, *, by_user_id: int | None = None
    ) -> Update:
        """A user joins a group (or the bot is added back by by_user_id)."""
        result: Update = await self._op(
            "add_member", chat_id=chat_id, user_id=user_id, by_user_id=by_user_id
        )
        return result
