"""A hand-off answered: in one press, the question becomes a phrasing of an entry, or the pair a
draft entry in the review queue."""

from __future__ import annotations

from bot.conversation.turn import Turn
from bot.handoffs.handoff_book import Handoff
from bot.languages import texts
from core.messaging import Button
from knowledge.lessons import Lesson
from knowledge.teaching import TeachingRefused

KIND = "j"  # "e.HANDOFF" draft an entry; "f.HANDOFF.ENTRY" add the question to an entry
CANDIDATES = 2


def teaching_buttons(turn: Turn, handoff: Handoff) -> list[list[Button]]:
    """Below the "answer sent" note: the entries nearest the question, and a draft."""
    rows: list[list[Button]] = []
    for hit in turn.services.librarian.find(handoff.question).hits[:CANDIDATES]:
        title = turn.entry_title(hit.entry_id, hit.title)
        label = turn.tr(texts.ADD_AS_PHRASING).format(title=title)
        try:
            rows.append([turn.button(label, KIND, f"f.{handoff.id}.{hit.entry_id}")])
        except ValueError:
            continue  # an id too long for Telegram's 64 bytes
    rows.append([turn.button(turn.tr(texts.DRAFT_ENTRY), KIND, f"e.{handoff.id}")])
    return rows


async def teach(turn: Turn, payload: str) -> bool | str:
    """Turn the answered pair into knowledge, once."""
    action, _, rest = payload.partition(".")
    number, _, entry_id = rest.partition(".")
    member = turn.member
    if action not in ("e", "f") or not number.isdigit() or member is None:
        return False
    handoff = await turn.services.handoffs.get(int(number))
    if handoff is None or handoff.claimed_by != member.id or handoff.answer is None:
        return False
    if action == "f" and turn.services.librarian.entry(entry_id) is None:
        return texts.ENTRY_GONE
    if not await turn.services.handoffs.teach(handoff.id, member.id):
        return texts.HANDOFF_TAUGHT
    if action == "e":
        lesson = Lesson(handoff.question, handoff.answer, "", "", handoff.country, ())
        now = turn.services.clock.now()
        draft = await turn.services.submissions.submit(
            member.id, lesson, False, member.language.value, now
        )
        await turn.say(texts.HANDOFF_DRAFTED, id=draft)
        return True
    try:
        await turn.services.curation.add_phrasings(entry_id, [handoff.question])
    except TeachingRefused:
        return texts.ENTRY_GONE
    await turn.services.librarian.refresh()
    await turn.say(texts.HANDOFF_PHRASED, title=turn.entry_title(entry_id))
    return True
