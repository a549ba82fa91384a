"""Scheduled messages on the emulated Telegram: each member once, groups, pictures and files."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.app import Mreza
from bot.transports.telegram_api.telegram_runner import Listen
from core.messaging import Attachment, Outgoing
from emulators.telegram import BotApiEmulator
from scheduler.audience import Audience
from scheduler.composing import Occasion, Recipient
from scheduler.planner import Planner
from scheduler.schedule_drafts import AnnouncementDraft
from scheduler.schedule_tables import GroupChatRow
from tests.telegram.broadcasting import delivering
from tests.telegram.people import People
from tests.telegram.running import free_port, logged, running


async def test_every_member_gets_the_announcement_once(
    emu: BotApiEmulator, mreza: Mreza, people: People
) -> None:
    """Twelve members, twelve messages with the text, one each."""
    crowd = [await people.member(f"Member {n}") for n in range(12)]
    async with delivering(emu, mreza) as engine:
        await engine.announce("Regional meeting in Skopje")
        await engine.settled()
        received = [await engine.delivered_to(person.id) for person in crowd]
    assert received == [["Regional meeting in Skopje"]] * 12


async def test_a_group_gets_the_announcement_in_its_chat(
    emu: BotApiEmulator, mreza: Mreza, people: People
) -> None:
    """The groups audience reaches the group chat the bot is in."""
    alice = await people.member("Alice")
    group = await emu.add_group("Focal points", [alice.id])
    async with mreza.sessions.begin() as session:
        now = mreza.clock.now()
        session.add(GroupChatRow(transport="telegram", chat_id=str(group.id), seen_at=now))
    async with delivering(emu, mreza) as engine:
        await engine.announce("Hello, groups", audience="groups")
        await engine.settled()
        assert await engine.delivered_to(group.id) == ["Hello, groups"]
        assert await engine.delivered_to(alice.id) == []


class WithAttachments:
    """The plain text, then a picture by URL and a calendar file."""

    def compose(self, occasion: Occasion, recipient: Recipient) -> Outgoing:
        """Text first, the attachments after it."""
        picture = Attachment("poster.jpg", "image/jpeg", url="https://example.org/poster.jpg")
        calendar = Attachment("event.ics", "text/calendar", content=b"BEGIN:VCALENDAR\r\n")
        text = Outgoing.text(str(occasion.payload["text"]))
        return replace(text, attachments=(picture, calendar))


async def test_pictures_and_files_follow_the_text(
    emu: BotApiEmulator, mreza: Mreza, people: People
) -> None:
    """sendMessage, then sendPhoto with the URL, then sendDocument with the file's bytes."""
    alice = await people.member("Alice")
    async with delivering(emu, mreza, WithAttachments()) as engine:
        await engine.announce("With a poster")
        await engine.settled()
    calls = [c for c in await emu.calls(chat_id=alice.id) if c.method.startswith("send")]
    assert [(c.method, c.ok) for c in calls] == [
        ("sendMessage", True), ("sendPhoto", True), ("sendDocument", True),
    ]  # fmt: skip
    assert calls[1].params["photo"] == "https://example.org/poster.jpg"
    assert calls[2].result["document"]["file_name"] == "event.ics"


async def test_mreza_on_telegram_delivers_what_is_scheduled(
    emu: BotApiEmulator, mreza: Mreza, people: People, runner_log: pytest.LogCaptureFixture
) -> None:
    """With ``run_on_telegram`` serving, an announcement made now reaches the member."""
    alice = await people.member("Alice")
    async with running(mreza, emu.base_url, Listen(port=free_port())):
        await logged(runner_log, "is running on Telegram")
        await Planner(mreza.sessions, mreza.members, mreza.clock).announce(
            AnnouncementDraft("Regional meeting in Skopje", Audience(everyone=True)), None
        )
        assert "Regional meeting in Skopje" in await alice.hears()
