"""Questions and their answers: answer, clarify with buttons, or an honest "I don't know"."""

from __future__ import annotations

import logging

from sqlalchemy import update

from bot import texts
from bot.cards import entry_card
from bot.turn import Turn
from core.events import Chat
from core.members import Member, Role, Status
from core.messaging import Button, DeliveryFailed, Outgoing, RecipientGone
from knowledge.search import Decision
from knowledge.tables import AskedRow

log = logging.getLogger(__name__)
QUESTION_LIMIT = 1000  # characters searched; nobody's question is longer, and search cost grows
HELPFUL, NOT_HELPFUL = "👍", "👎"


async def ask(turn: Turn, question: str) -> None:
    """Search for a question and reply with the answer, the choices, or "I don't know"."""
    if len(question) > QUESTION_LIMIT:
        await turn.say(texts.TOO_LONG, limit=QUESTION_LIMIT)
        question = question[:QUESTION_LIMIT]
    member_id = turn.member.id if turn.member else None
    finding, log_id = await turn.services.librarian.ask_logged(
        question, turn.chat.transport, member_id
    )
    if finding.decision is Decision.ANSWER:
        await show_entry(turn, finding.hits[0].entry_id, log_id)
    elif finding.decision is Decision.CLARIFY:
        choices = [[turn.button(h.title, "e", h.entry_id)] for h in finding.choices]
        await turn.say(texts.CLARIFY, choices)
    else:
        offer = (
            [[turn.button(turn.tr(texts.PASS_ON), "p", str(log_id))]] if turn.chat.private else []
        )
        await turn.say(texts.DONT_KNOW)
        if offer:
            await turn.say(texts.DONT_KNOW_OFFER, offer)


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
    await turn.send(entry_card(entry, turn.tr(texts.SOURCES), buttons))


async def record_feedback(turn: Turn, payload: str) -> bool:
    """Store 👍 or 👎 on the member's own question; a second press changes the vote."""
    log_id, _, vote = payload.partition(".")
    if not log_id.isdigit() or vote not in ("+", "-") or turn.member is None:
        return False
    async with turn.services.sessions.begin() as session:
        changed = await session.execute(
            update(AskedRow)
            .where(AskedRow.id == int(log_id), AskedRow.member_id == turn.member.id)
            .values(feedback=1 if vote == "+" else -1, feedback_at=turn.services.clock.now())
        )
    return bool(changed.rowcount)  # type: ignore[attr-defined]  # a CursorResult for UPDATE


async def pass_on(turn: Turn, payload: str) -> bool:
    """Send a member's unanswered question to the coordinators of their country."""
    if not payload.isdigit() or turn.member is None:
        return False
    async with turn.services.sessions() as session:
        row = await session.get(AskedRow, int(payload))
    if row is None or row.member_id != turn.member.id:
        return False
    coordinators = await _coordinators_for(turn, turn.member.country)
    for coordinator in coordinators:
        tr = turn.services.translations(coordinator.language)
        country = tr(texts.COUNTRY_NAMES.get(turn.member.country, turn.member.country))
        message = tr(texts.HANDED_OVER).format(country=country, question=row.text)
        for identity in coordinator.identities:
            chat = Chat(identity.transport, identity.external_id, private=True)
            try:
                await turn.services.messenger.send(chat, Outgoing.text(message))
            except RecipientGone:
                await turn.services.members.set_status(coordinator.id, Status.BLOCKED)
            except DeliveryFailed as failure:  # one unreachable coordinator must not stop the rest
                log.warning("hand-off to coordinator %s failed: %s", coordinator.id, failure.reason)
    await turn.say(texts.PASSED_ON)
    return True


async def _coordinators_for(turn: Turn, country: str) -> list[Member]:
    everyone = await turn.services.members.all()
    active = [
        m for m in everyone if m.status is Status.ACTIVE and m.role.includes(Role.COORDINATOR)
    ]
    local = [m for m in active if m.country == country]
    return list(local or [m for m in active if m.country == "regional"])
