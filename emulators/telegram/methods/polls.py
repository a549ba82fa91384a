"""sendPoll and stopPoll, with Telegram's limits on questions and options."""

from __future__ import annotations

from typing import Any

from emulators.telegram.core import Core
from emulators.telegram.errors import bad_request
from emulators.telegram.methods.common import Handler, Params, post_from_bot
from emulators.telegram.polls import PollState

QUESTION_LIMIT = 300
OPTION_LIMIT = 100
MIN_OPTIONS, MAX_OPTIONS = 2, 12


def _question(core: Core, params: Params) -> tuple[str, tuple[dict[str, Any], ...]]:
    formatted = core.format(
        params["question"], params.get("question_parse_mode"), params.get("question_entities")
    )
    if not formatted.text:
        raise bad_request("poll question must be non-empty")
    if len(formatted.text) > QUESTION_LIMIT:
        raise bad_request(f"poll question length must not exceed {QUESTION_LIMIT}")
    return formatted.text, formatted.entities


def _options(core: Core, params: Params) -> list[str]:
    options = params["options"]
    if len(options) < MIN_OPTIONS:
        raise bad_request(f"poll must have at least {MIN_OPTIONS} option")
    if len(options) > MAX_OPTIONS:
        raise bad_request(f"poll can't have more than {MAX_OPTIONS} options")
    texts = []
    for option in options:
        formatted = core.format(
            option["text"], option.get("text_parse_mode"), option.get("text_entities")
        )
        if not formatted.text:
            raise bad_request("poll options must be non-empty")
        if len(formatted.text) > OPTION_LIMIT:
            raise bad_request(f"poll options length must not exceed {OPTION_LIMIT}")
        texts.append(formatted.text)
    return texts


def _correct_option(params: Params, poll_type: str) -> int | None:
    if poll_type != "quiz":
        return None
    ids = params.get("correct_option_ids") or []
    if "correct_option_id" in params:
        ids = [params["correct_option_id"]]
    if len(ids) != 1 or not 0 <= ids[0] < len(params["options"]):
        raise bad_request("wrong correct option id specified")
    return int(ids[0])


async def send_poll(core: Core, params: Params) -> Any:
    """Post a poll from the bot."""
    question, entities = _question(core, params)
    options = _options(core, params)
    poll_type = params.get("type", "regular")
    if poll_type not in ("regular", "quiz"):
        raise bad_request("unsupported poll type specified")
    correct = _correct_option(params, poll_type)
    chat = core.world.writable(params["chat_id"])
    poll = PollState(
        id=str(5_000_000_000_000_000 + len(core.polls) + 1),  # numeric, like Telegram's
        chat_id=chat.id,
        message_id=chat.next_message_id,
        question=question,
        question_entities=entities,
        options=options,
        is_anonymous=params.get("is_anonymous", True),
        type=poll_type,
        allows_multiple_answers=params.get("allows_multiple_answers", False),
        correct_option_id=correct,
        is_closed=params.get("is_closed", False),
    )
    stored = post_from_bot(core, chat, params, {"poll": poll.to_api()}, None)
    core.polls[poll.id] = poll
    return stored.data


async def stop_poll(core: Core, params: Params) -> Any:
    """Close a poll the bot sent and report its final state."""
    chat = core.world.writable(params["chat_id"])
    stored = core.world.message(chat, params["message_id"])
    poll = core.polls.get(stored.data["poll"]["id"]) if stored and "poll" in stored.data else None
    if stored is None or poll is None:
        raise bad_request("message with poll to stop not found")
    if poll.is_closed:
        raise bad_request("poll has already been closed")
    poll.is_closed = True
    stored.data["poll"] = poll.to_api()
    if "reply_markup" in params:
        core.world.replace_markup(stored, params["reply_markup"])
    core.updates.push({"poll": poll.to_api()})
    return poll.to_api()


HANDLERS: dict[str, Handler] = {"sendPoll": send_poll, "stopPoll": stop_poll}
