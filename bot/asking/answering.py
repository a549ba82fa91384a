"""Questions and their answers: answer, clarify with buttons, or an honest "I don't know"."""

from __future__ import annotations

import logging

from bot.asking.entry_cards import entry_card
from bot.conversation.turn import Turn
from bot.languages import texts
from core.messaging import Button
from knowledge.search import Decision
from knowledge.smalltalk import Remark

log = logging.getLogger(__name__)
QUESTION_LIMIT = 1000  # characters searched; nobody's question is longer, and search cost grows
HELPFUL, NOT_HELPFUL = "👍", "👎"
_REPLIES = {Remark.THANKS: texts.SMALLTALK_THANKS, Remark.BYE: texts.SMALLTALK_BYE}


def small_talk_reply(remark: Remark | None) -> str:
    """The short, friendly reply to a greeting, thanks or goodbye (untranslated)."""
    return _REPLIES.get(remark, texts.SMALLTALK_HELLO) if remark else texts.SMALLTALK_HELLO


REPHRASE = "o"  # the button kind of "ask in other words": the question's log id


async def ask(turn: Turn, question: str) -> None:
    """Search for a question and reply with the answer, the choices, or "I don't know"."""
    if len(question) > QUESTION_LIMIT:
        await turn.say(texts.TOO_LONG, limit=QUESTION_LIMIT)
        question = question[:QUESTION_LIMIT]
    member_id = turn.member.id if turn.member else None
    country = turn.member.country if turn.member else None
    finding, log_id = await turn.services.librarian.ask_logged(
        question, turn.chat.transport, member_id, country
    )
    turn.services.metrics.answered(finding.decision.value)
    if finding.decision is Decision.SMALLTALK:
        await turn.say(small_talk_reply(finding.remark))
    elif finding.decision is Decision.ANSWER:
        await show_entry(turn, finding.hits[0].entry_id, log_id)
    elif finding.decision is Decision.REDIRECT:  # not the network's answer: nothing to rate
        await show_entry(turn, finding.hits[0].entry_id)
    elif finding.decision is Decision.CLARIFY:
        choices = [
            [_choice(turn, turn.entry_title(h.entry_id, h.title), h.entry_id, log_id)]
            for h in finding.choices
        ]
        await turn.say(texts.CLARIFY, choices)
    else:
        offer = (
            [[turn.button(turn.tr(texts.PASS_ON), "p", str(log_id))]] if turn.chat.private else []
        )
        await turn.say(texts.DONT_KNOW)
        if offer:
            await turn.say(texts.DONT_KNOW_OFFER, offer)


def _choice(turn: Turn, title: str, entry_id: str, log_id: int) -> Button:
    """A clarify choice that records which entry the member meant (when the data fits)."""
    try:
        return turn.button(title, "e", f"{entry_id}.{log_id}")
    except ValueError:  # past Telegram's 64 bytes: show the entry, learn nothing from the pick
        return turn.button(title, "e", entry_id)


async def record_pick(turn: Turn, entry_id: str, log_id: str) -> int | None:
    """Note which offered entry the member chose; the question's log id when it was theirs."""
    if not log_id.isdigit() or turn.member is None:
        return None
    picked = await turn.services.questions.pick(int(log_id), turn.member.id, entry_id)
    return int(log_id) if picked else None


async def show_entry(turn: Turn, entry_id: str, log_id: int | None = None) -> None:
    """Send an entry as a card, with feedback buttons when it answers a logged question."""
    entry = turn.services.librarian.entry(entry_id)
    if entry is None:
        await turn.say(texts.ENTRY_GONE)
        return
    buttons: tuple[tuple[Button, ...], ...] = ()
    if log_id is not None:
        buttons = (
            (
                turn.button(HELPFUL, "f", f"{log_id}.+"),
                turn.button(NOT_HELPFUL, "f", f"{log_id}.-"),
            ),
        )
    await turn.send(entry_card(entry, turn.language, turn.tr, buttons))


async def record_feedback(turn: Turn, payload: str) -> bool:
    """Store 👍 or 👎 on the member's own question; a second press changes the vote."""
    log_id, _, vote = payload.partition(".")
    if not log_id.isdigit() or vote not in ("+", "-") or turn.member is None:
        return False
    now = turn.services.clock.now()
    rated = await turn.services.questions.rate(int(log_id), turn.member.id, vote == "+", now)
    if rated and vote == "-" and turn.chat.private:
        await _offer_another_way(turn, log_id)
    return rated


async def _offer_another_way(turn: Turn, log_id: str) -> None:
    """An answer that did not help is no dead end: ask again in other words, or ask a person."""
    await turn.say(
        texts.NOT_HELPFUL_OFFER,
        [
            [turn.button(turn.tr(texts.OTHER_WORDS), REPHRASE, log_id)],
            [turn.button(turn.tr(texts.PASS_ON), "p", log_id)],
        ],
    )


async def rephrase(turn: Turn, _payload: str) -> bool:
    """Ask in other words: whatever the member writes next is searched afresh."""
    await turn.say(texts.ASK_IN_OTHER_WORDS)
    return True
