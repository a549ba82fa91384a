"""What emulated users do: groups, replies, polls and leaving."""

from __future__ import annotations

import pytest

from emulators.telegram import BotApiEmulator, EmulatorError, UserInfo

from .conftest import RawApi


async def send_poll(api: RawApi, chat_id: int, anonymous: bool) -> int:
    options = [{"text": "Da"}, {"text": "Ne"}]
    _, body = await api(
        "sendPoll", chat_id=chat_id, question="Kafa?", options=options, is_anonymous=anonymous
    )
    return int(body["result"]["message_id"])


async def test_member_leaves_group(emu: BotApiEmulator, ana: UserInfo) -> None:
    """Leaving sends a service message with left_chat_member and updates the members."""
    bojan = await emu.add_user("Bojan")
    group = await emu.add_group("Tim", [ana.id, bojan.id])
    update = await emu.leave_group(group.id, bojan.id)
    assert update["message"]["left_chat_member"]["id"] == bojan.id
    assert (await emu.chat(group.id)).member_ids == (ana.id,)


async def test_removed_member_is_removed_by_someone(emu: BotApiEmulator, ana: UserInfo) -> None:
    """A removal names who removed the member."""
    bojan = await emu.add_user("Bojan")
    group = await emu.add_group("Tim", [ana.id, bojan.id])
    update = await emu.remove_member(group.id, bojan.id, by_user_id=ana.id)
    assert update["message"]["from"]["id"] == ana.id
    with pytest.raises(EmulatorError, match="not a member"):
        await emu.send_message(bojan.id, "let me back", chat_id=group.id)


async def test_user_replies_to_the_bot(emu: BotApiEmulator, api: RawApi, ana: UserInfo) -> None:
    """A reply carries the replied-to message."""
    _, body = await api("sendMessage", chat_id=ana.id, text="Pitanje?")
    update = await emu.send_message(
        ana.id, "Odgovor", reply_to_message_id=body["result"]["message_id"]
    )
    assert update["message"]["reply_to_message"]["text"] == "Pitanje?"


async def test_anonymous_vote_gives_poll_update(
    emu: BotApiEmulator, api: RawApi, ana: UserInfo
) -> None:
    """In an anonymous poll a vote only changes the counts (a poll update)."""
    message_id = await send_poll(api, ana.id, anonymous=True)
    update = await emu.vote(ana.id, message_id, [1])
    assert [o["voter_count"] for o in update["poll"]["options"]] == [0, 1]


async def test_retracting_a_vote(emu: BotApiEmulator, api: RawApi, ana: UserInfo) -> None:
    """Voting with no options retracts the vote."""
    message_id = await send_poll(api, ana.id, anonymous=False)
    await emu.vote(ana.id, message_id, [0])
    update = await emu.vote(ana.id, message_id, [])
    assert update["poll_answer"]["option_ids"] == []
    poll = (await emu.pending_updates())[-1]["poll"]
    assert poll["total_voter_count"] == 0


async def test_stopped_poll_takes_no_votes(emu: BotApiEmulator, api: RawApi, ana: UserInfo) -> None:
    """stopPoll closes the poll; the emulator then refuses votes."""
    message_id = await send_poll(api, ana.id, anonymous=False)
    _, body = await api("stopPoll", chat_id=ana.id, message_id=message_id)
    assert body["result"]["is_closed"] is True
    with pytest.raises(EmulatorError, match="closed"):
        await emu.vote(ana.id, message_id, [0])
    description = await api.error("stopPoll", chat_id=ana.id, message_id=message_id)
    assert description == "Bad Request: poll has already been closed"


async def test_wrong_chat_action(api: RawApi, ana: UserInfo) -> None:
    """sendChatAction accepts Telegram's actions only."""
    assert (await api("sendChatAction", chat_id=ana.id, action="typing"))[0] == 200
    description = await api.error("sendChatAction", chat_id=ana.id, action="dancing")
    assert description == "Bad Request: wrong parameter action in request"
