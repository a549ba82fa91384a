"""Ask a coordinator: a member passes an unanswered question on, a coordinator claims and answers
it, and Mreža relays the answer, so that neither ever needs the other's account."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime, timedelta

from bot.conversation.dialogs import Dialog
from bot.conversation.reaching import private_chat, write_to
from bot.conversation.services import Services
from bot.conversation.turn import Turn
from bot.conversation.wizard import Invalid, Step, Wizard
from bot.handoffs.handoff_book import Handoff
from bot.handoffs.handoff_teaching import teaching_buttons
from bot.languages import texts
from bot.members.coordinators import coordinators_for
from core.members import Role
from core.messaging import Outgoing

KIND = "h"
ANSWER_LIMIT = 3000  # characters: one Telegram message with the question quoted above it
# A day's wait allows this much slack, and it spares the database; a hand-off no coordinator
# could be shown waits at most this long for its next try.
REMIND_EVERY = timedelta(minutes=10)


async def pass_on(turn: Turn, payload: str) -> bool | str:
    """Send a member's unanswered question to the coordinators of their country, once."""
    member = turn.member
    if not payload.isdigit() or member is None:
        return False
    asked = await turn.services.questions.asked(int(payload))
    if asked is None or asked.member_id != member.id:
        return False
    now = turn.services.clock.now()
    handoff = await turn.services.handoffs.open(
        asked.id, member.id, member.country, asked.text, now
    )
    if handoff is None:
        return texts.ALREADY_PASSED_ON
    heard = await show_coordinators(turn.services, handoff)
    # Nobody could be shown it: promising a reply would be a promise nobody keeps. The hand-off
    # stays open, and reaches the first coordinator who can be written to.
    await turn.say(texts.PASSED_ON if heard else texts.NOBODY_TO_PASS_ON_TO)
    return True


async def show_coordinators(services: Services, handoff: Handoff) -> bool:
    """Show a new hand-off to its coordinators; True, and remembered, once one has seen it."""
    if not await notify_coordinators(services, handoff, texts.HANDED_OVER):
        return False
    await services.handoffs.heard(handoff.id, services.clock.now())
    return True


async def notify_coordinators(services: Services, handoff: Handoff, text: str) -> int:
    """Show a hand-off to the coordinators of its country (or the regional ones); how many."""
    reached = 0
    for coordinator in await coordinators_for(services.members, handoff.country):
        chat = private_chat(coordinator)
        if chat is None:
            continue
        tr = services.translations(coordinator.language)
        country = tr(texts.COUNTRY_NAMES.get(handoff.country, handoff.country))
        claim = services.signer.button(tr(texts.CLAIM_HANDOFF), chat, KIND, f"c.{handoff.id}")
        message = tr(text).format(country=country, question=handoff.question)
        sent = await write_to(
            services.messenger, services.members, coordinator, Outgoing.text(message, [[claim]])
        )
        reached += sent is not None
    return reached


async def claim(turn: Turn, payload: str) -> bool | str:
    """A coordinator takes a hand-off and is asked for the answer; pressed again, asked again."""
    action, _, number = payload.partition(".")
    member = turn.member
    if action != "c" or not number.isdigit() or member is None:
        return False
    if not turn.allowed(Role.COORDINATOR):
        return texts.NOT_ALLOWED
    handoff = await turn.services.handoffs.get(int(number))
    if handoff is None:
        return False
    if handoff.status == "claimed" and handoff.claimed_by == member.id:
        await ANSWER.begin(turn, handoff=str(handoff.id), question=handoff.question)
        return True  # the dialog had expired or been left: the answer is still theirs to give
    now = turn.services.clock.now()
    if not await turn.services.handoffs.claim(handoff.id, member.id, now):
        return texts.HANDOFF_TAKEN
    await _tell_asker(turn, handoff)
    await ANSWER.begin(turn, handoff=str(handoff.id), question=handoff.question)
    return True


async def _tell_asker(turn: Turn, handoff: Handoff) -> None:
    asker = await turn.services.members.get(handoff.member_id) if handoff.member_id else None
    if asker is not None:
        tr = turn.services.translations(asker.language)
        told = tr(texts.HANDOFF_CLAIMED).format(question=handoff.question)
        await write_to(turn.services.messenger, turn.services.members, asker, Outgoing.text(told))


async def _relay(turn: Turn, dialog: Dialog, text: str) -> Mapping[str, str] | None:
    """Record the answer and send it to the member who asked."""
    answer = text.strip()
    if not answer:
        raise Invalid("empty")
    if len(answer) > ANSWER_LIMIT:
        raise Invalid("too-long", limit=ANSWER_LIMIT)
    assert turn.member is not None  # the wizard only runs for members
    handoff_id = int(dialog.data["handoff"])
    now = turn.services.clock.now()
    if not await turn.services.handoffs.answer(handoff_id, turn.member.id, answer, now):
        await turn.say(texts.HANDOFF_ALREADY_ANSWERED)
        return None
    handoff = await turn.services.handoffs.get(handoff_id)
    asker = None
    if handoff is not None and handoff.member_id is not None:
        asker = await turn.services.members.get(handoff.member_id)
    sent = None
    if asker is not None:
        tr = turn.services.translations(asker.language)
        words = tr(texts.HANDOFF_ANSWERED).format(question=dialog.data["question"], answer=answer)
        sent = await write_to(
            turn.services.messenger, turn.services.members, asker, Outgoing.text(words)
        )
    done = texts.HANDOFF_RELAYED if sent is not None else texts.HANDOFF_RELAY_FAILED
    await turn.say(done, teaching_buttons(turn, handoff) if handoff is not None else ())
    return None


ANSWER = Wizard("handoff", (Step("answer", _relay, texts.ASK_HANDOFF_ANSWER),))


async def remind_unclaimed(services: Services) -> int:
    """Show hand-offs nobody claimed for a day to the coordinators once more; how many."""
    due = await services.handoffs.due_reminders(services.clock.now())
    for handoff in due:
        await notify_coordinators(services, handoff, texts.HANDOFF_REMINDER)
    return len(due)


async def retry_unheard(services: Services) -> int:
    """Show hand-offs no coordinator could be shown yet, now that one may be reached; how many
    reached someone."""
    unheard = await services.handoffs.unheard(services.clock.now())
    return sum([await show_coordinators(services, handoff) for handoff in unheard])


def handoff_reminders(
    services: Services, every: timedelta = REMIND_EVERY
) -> Callable[[], Awaitable[int]]:
    """A scheduler chore: every tick it is called, at most every ``every`` it looks."""
    last: list[datetime] = []

    async def chore() -> int:
        now = services.clock.now()
        if last and now - last[0] < every:
            return 0
        last[:] = [now]
        return await retry_unheard(services) + await remind_unclaimed(services)

    return chore
