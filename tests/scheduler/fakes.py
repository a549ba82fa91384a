"""Fakes of the ports the delivery engine talks through: words, reports, a failing messenger."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from dataclasses import dataclass, field

from bot.transports.memory import MemoryMessenger
from core.events import ButtonPressed, Chat
from core.messaging import Outgoing, Sent
from scheduler.composing import Occasion, Recipient


class PlainComposer:
    """Says the announcement's text (or the event's title), the same to everyone."""

    def compose(self, occasion: Occasion, recipient: Recipient) -> Outgoing:
        """The payload's text, plainly."""
        return Outgoing.text(str(occasion.payload.get("text") or occasion.payload.get("title")))


@dataclass
class ReportLog:
    """Remembers which occurrences were reported."""

    reported: list[int] = field(default_factory=list)
    stopped_schedules: list[int] = field(default_factory=list)

    async def report(self, occurrence_id: int) -> None:
        """Note the report."""
        self.reported.append(occurrence_id)

    async def stopped(self, schedule_id: int) -> None:
        """Note the switched-off schedule."""
        self.stopped_schedules.append(schedule_id)


@dataclass
class ScriptedMessenger:
    """A memory messenger that first fails as told, chat by chat, then delivers."""

    memory: MemoryMessenger = field(default_factory=MemoryMessenger)
    failures: dict[str, list[Exception]] = field(default_factory=lambda: defaultdict(list))
    latency: float = 0.0  # seconds each send takes, so that sends overlap

    def fail(self, chat_id: str, *errors: Exception) -> None:
        """The next sends to this chat raise these, in order."""
        self.failures[chat_id].extend(errors)

    async def send(self, chat: Chat, message: Outgoing) -> Sent:
        """Raise the next scripted failure for the chat, or deliver."""
        if self.latency:
            await asyncio.sleep(self.latency)
        if self.failures[chat.id]:
            raise self.failures[chat.id].pop(0)
        return await self.memory.send(chat, message)

    async def edit(self, sent: Sent, message: Outgoing) -> None:
        """Record the edit."""
        await self.memory.edit(sent, message)

    async def acknowledge(self, press: ButtonPressed, notice: str | None = None) -> None:
        """Record the acknowledgement."""
        await self.memory.acknowledge(press, notice)

    def texts_to(self, chat_id: str) -> list[str]:
        """What one chat received."""
        return [said.text for said in self.memory.said if said.chat.id == chat_id]

    def counts(self) -> dict[str, int]:
        """Messages per chat."""
        totals: dict[str, int] = defaultdict(int)
        for said in self.memory.said:
            totals[said.chat.id] += 1
        return dict(totals)
