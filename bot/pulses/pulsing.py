"""Members answering pulses: button presses, native poll answers, and comments without names."""

from __future__ import annotations

import logging
from collections.abc import Mapping

from bot.conversation.dialogs import Dialog
from bot.conversation.services import Services
from bot.conversation.turn import Turn
from bot.conversation.wizard import Invalid, Step, Wizard
from bot.languages import texts
from bot.pulses.pulse_cards import answer_labels
from core.events import PollAnswered, PollCounted
from core.members import Role
from scheduler.pacer import Timer
from scheduler.pulses.ballots import BallotError, Ballots
from scheduler.pulses.pulse_drafts import Mode
from scheduler.pulses.rounds import Round

log = logging.getLogger(__name__)
NOTICE_LIMIT = 190  # Telegram shows at most 200 characters in a press's notice
REFUSALS = {"closed": texts.PULSE_CLOSED, "once": texts.PULSE_ONCE}
# A member can vote as soon as Telegram shows the poll, before the send has returned and Mreža
# has stored which round the poll belongs to. A vote in a poll not yet known is looked up again
# after these pauses (about three seconds in all) before it is taken for someone else's poll.
KEEPING_PAUSES = (0.05, 0.1, 0.2, 0.4, 0.8, 1.6)


async def press(turn: Turn, payload: str) -> bool | str:
    """An answer button, "ROUND.PICK": saved, toggled where several may be chosen."""
    assert turn.member is not None  # the router lets only members press
    round_id, _, pick_text = payload.partition(".")
    if not (round_id.isdigit() and pick_text.isdigit()):
        return False
    ballots, pick = turn.services.ballots, int(pick_text)
    try:
        found = await ballots.open_round(int(round_id))
        picks: tuple[int, ...] = (pick,)
        if found.pulse.multiple and found.pulse.mode is Mode.CONFIDENTIAL:
            earlier = set(await ballots.picks(found, turn.member))
            picks = tuple(sorted(earlier ^ {pick}))
        await ballots.cast(found, turn.member, picks)
    except BallotError as error:
        return REFUSALS.get(error.code, False)
    turn.services.metrics.pulse_answered(found.pulse.mode.value)
    return _saved(turn, found, picks)


async def comment(turn: Turn, payload: str) -> bool:
    """ "Add a comment" on a round: the next text the member writes is the comment."""
    if not payload.isdigit() or not turn.chat.private:
        return False
    try:
        await turn.services.ballots.open_round(int(payload))
    except BallotError:
        return False
    await COMMENT.begin(turn, round=payload)
    return True


async def poll_answered(turn: Turn, event: PollAnswered) -> None:
    """A vote in a confidential pulse's native poll (no options: the vote was taken back)."""
    assert turn.member is not None  # the router lets only members here
    ballots = turn.services.ballots
    found = await _round_of_poll(ballots, event.poll_id, turn.services.timer)
    if found is None:
        log.info("a vote in poll %s, which is no pulse of ours", event.poll_id)
        return
    if not found.is_open(turn.services.clock.now()):
        await turn.say(texts.PULSE_CLOSED)
        return
    try:
        await ballots.cast(found, turn.member, event.options)
    except BallotError as error:
        log.warning("a vote in poll %s was refused: %s", event.poll_id, error.code)
        return
    turn.services.metrics.pulse_answered(found.pulse.mode.value)


async def poll_counted(services: Services, event: PollCounted) -> None:
    """New counts of an anonymous pulse's poll: the answer of its one, unnamed voter."""
    ballots = services.ballots
    found = await _round_of_poll(ballots, event.poll_id, services.timer)
    if found is None or found.pulse.mode is not Mode.ANONYMOUS:
        return  # a confidential poll's answers come named, as poll answers
    if not found.is_open(services.clock.now()):
        return  # closed: the count at the close is the one that stands
    picks = tuple(index for index, count in enumerate(event.counts) if count)
    try:
        await ballots.cast_in_poll(found, event.poll_id, picks)
    except BallotError as error:
        log.warning("counts of poll %s were refused: %s", event.poll_id, error.code)
        return
    services.metrics.pulse_answered(found.pulse.mode.value)


async def _round_of_poll(ballots: Ballots, poll_id: str, timer: Timer) -> Round | None:
    """The round a poll belongs to, waiting a little for a poll whose send is still returning."""
    found = await ballots.round_of_poll(poll_id)
    for pause in KEEPING_PAUSES:
        if found is not None:
            break
        await timer.sleep(pause)
        found = await ballots.round_of_poll(poll_id)
    return found


def _saved(turn: Turn, found: Round, picks: tuple[int, ...]) -> str:
    if not picks:
        return texts.PULSE_WITHDRAWN
    labels = answer_labels(found.pulse, turn.tr)
    notice = turn.tr(texts.PULSE_SAVED).format(answer=", ".join(labels[p] for p in picks))
    return notice if len(notice) <= NOTICE_LIMIT else notice[: NOTICE_LIMIT - 1] + "…"


async def _comment(turn: Turn, dialog: Dialog, answer: str) -> Mapping[str, str] | None:
    assert turn.member is not None  # the wizard checked the role
    try:
        found = await turn.services.ballots.open_round(int(dialog.data["round"]))
        await turn.services.ballots.comment(found, turn.member, answer)
    except BallotError as error:
        if error.code == "closed":
            await turn.say(texts.PULSE_CLOSED)
            return None
        raise Invalid("empty" if error.code == "empty" else "too-long", limit=1000) from None
    await turn.say(texts.PULSE_COMMENT_SAVED)
    return None


COMMENT = Wizard(
    "pulse-comment", (Step("comment", _comment, texts.PULSE_ASK_COMMENT),), role=Role.MEMBER
)
