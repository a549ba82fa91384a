"""People on the emulated Telegram: what they say and press, and what Mreža says to them."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace

import pytest

from bot.app import Mreza
from core.members import Identity, NewMember, Role
from emulators.telegram import BotApiEmulator, CallRecord, ShownMessage, UserInfo

REPLY_WAIT = 20.0  # seconds a reply may take: a shared, loaded machine is no bug, and a
# passing test never waits this long
QUIET = 0.5  # how long "says nothing" listens, once the bot has taken every update


async def eventually_true(
    check: Callable[[], Awaitable[object]], what: str, within: float = REPLY_WAIT
) -> None:
    """Wait (polling briefly) until ``check()`` returns something true; fail naming ``what``."""
    deadline = time.monotonic() + within
    while not await check():
        if time.monotonic() > deadline:
            pytest.fail(f"still waiting for {what} after {within} s")
        await asyncio.sleep(0.02)


@dataclass
class Chatter:
    """One person in one chat (their private chat with the bot unless said otherwise)."""

    emu: BotApiEmulator
    user: UserInfo
    chat_id: int
    seen: int = 0  # the last recorded call already looked at
    pressed: int = 0  # the last recorded call before the latest press

    @property
    def id(self) -> int:
        """The person's Telegram user id."""
        return self.user.id

    def in_chat(self, chat_id: int) -> Chatter:
        """The same person, speaking in another chat (a group)."""
        return replace(self, chat_id=chat_id)

    async def says(self, text: str) -> None:
        """Write a message; later replies are looked for from here on."""
        await self._mark()
        await self.emu.send_message(self.user.id, text, chat_id=self._group)

    async def replies_to(self, message_id: int, text: str) -> None:
        """Write a message as a reply to an earlier one."""
        await self._mark()
        await self.emu.send_message(
            self.user.id, text, chat_id=self._group, reply_to_message_id=message_id
        )

    async def sends(self, command: str, args: str = "") -> None:
        """Send /command (as /command@bot in a group)."""
        await self._mark()
        await self.emu.send_command(self.user.id, command, args, chat_id=self._group)

    async def presses(self, label: str) -> None:
        """Press the button with this label on the latest bot message that shows one."""
        message = await self.message_with_button(label)
        await self._mark(press=True)
        await self.emu.press_button(
            self.user.id, message.message_id, chat_id=self._group, text=label
        )

    async def forges(self, data: str) -> str:
        """Send a callback query with any data, as a tampering client could; return its id."""
        await self._mark(press=True)
        update = await self.emu.forge_callback(self.user.id, data, chat_id=self._group)
        return str(update["callback_query"]["id"])

    async def message_with_button(self, label: str) -> ShownMessage:
        """The latest message of the bot in this chat showing this button (waiting for one)."""
        found: list[ShownMessage] = []

        async def shown() -> bool:
            found[:] = [
                message
                for message in await self.emu.shown_messages(self.chat_id)
                if any(button.get("text") == label for button in message.buttons())
            ]
            return bool(found)

        await eventually_true(shown, f"a {label!r} button in chat {self.chat_id}")
        return found[-1]

    async def reply(self) -> CallRecord:
        """The next message Mreža sent to this chat (a send Telegram refused is not one)."""
        return await self._next("sendMessage")

    async def edit(self) -> CallRecord:
        """The next change Mreža made to one of its messages here, text and buttons."""
        return await self._next("editMessageText")

    async def _next(self, method: str) -> CallRecord:
        call = await self.emu.wait_for(
            method=method,
            chat_id=self.chat_id,
            predicate=lambda call: call.ok,
            timeout=REPLY_WAIT,
            since=self.seen,
        )
        self.seen = call.seq
        return call

    async def hears(self) -> str:
        """The text of the next message Mreža sent here, as the app shows it."""
        return str((await self.reply()).result["text"])

    async def acknowledgement(self) -> CallRecord:
        """Mreža's answerCallbackQuery to the latest press: the last thing a press handler does."""
        call = await self.emu.wait_for(
            method="answerCallbackQuery", since=self.pressed, timeout=REPLY_WAIT
        )
        assert call.ok, call.describe()
        return call

    async def hears_nothing(self) -> None:
        """Mreža took every update and sent nothing to this chat since the last look."""
        await eventually_true(self._all_taken, "the bot to take every update")
        with pytest.raises(TimeoutError):
            await self.emu.wait_for(
                method="sendMessage", chat_id=self.chat_id, since=self.seen, timeout=QUIET
            )

    @property
    def _group(self) -> int | None:
        """The group this view speaks in; None for the private chat."""
        return None if self.chat_id == self.user.id else self.chat_id

    async def _all_taken(self) -> bool:
        return not await self.emu.pending_updates()

    async def _mark(self, press: bool = False) -> None:
        self.seen = await self.emu.last_seq()
        if press:
            self.pressed = self.seen


@dataclass(frozen=True)
class People:
    """Makes people: Telegram users, and members of Mreža where a test needs them."""

    emu: BotApiEmulator
    mreza: Mreza

    async def stranger(self, name: str, language_code: str = "en") -> Chatter:
        """Someone who found the bot but is not a member."""
        user = await self.emu.add_user(name, language_code=language_code)
        return Chatter(self.emu, user, user.id)

    async def member(self, name: str, role: Role = Role.MEMBER, country: str = "RS") -> Chatter:
        """A member of the network who has talked with Mreža before, their account on record."""
        person = await self.stranger(name)
        new = NewMember(name, country, identity(person), role, met=True)
        await self.mreza.members.add(new, self.mreza.clock.now())
        return person

    async def newcomer(
        self, name: str, language_code: str = "en", role: Role = Role.MEMBER
    ) -> Chatter:
        """Someone an admin added without a language, who has not written yet; their app is
        set to ``language_code``."""
        person = await self.stranger(name, language_code)
        new = NewMember(name, "MK", identity(person), role, language=None)
        await self.mreza.members.add(new, self.mreza.clock.now())
        return person


def identity(person: Chatter) -> Identity:
    """How Mreža knows this person's Telegram account."""
    return Identity("telegram", str(person.id))
