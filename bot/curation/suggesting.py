"""/suggestions: wordings proposed from members' clarify picks and rephrasings, to add or reject."""

from __future__ import annotations

from bot.conversation.turn import Turn
from bot.languages import texts
from core.members import Role
from knowledge.suggestions import Suggestion
from knowledge.teaching import TeachingRefused

SHOWN = 5  # one message each: more would trip Telegram's one-message-a-second per chat
KIND = "u"  # "a.N" add suggestion N, "r.N" reject it


async def suggestions(turn: Turn, _args: str = "") -> None:
    """/suggestions: the pending ones, best backed first, each with Add it and Reject."""
    found = await turn.services.curation.suggestions(turn.services.clock.now())
    if not found:
        await turn.say(texts.SUGGESTIONS_NONE)
        return
    for suggestion in found[:SHOWN]:
        buttons = [
            turn.button(turn.tr(texts.ADOPT_SUGGESTION), KIND, f"a.{suggestion.id}"),
            turn.button(turn.tr(texts.REJECT_SUGGESTION), KIND, f"r.{suggestion.id}"),
        ]
        await turn.say(card(turn, suggestion), [buttons])


def card(turn: Turn, suggestion: Suggestion) -> str:
    """A suggestion with the reason it was made."""
    why = turn.tr(texts.SUGGESTION_WHY[suggestion.reason]).format(members=suggestion.members)
    return turn.tr(texts.SUGGESTION_CARD).format(
        id=suggestion.id,
        wording=suggestion.text,
        title=turn.entry_title(suggestion.entry_id),
        why=why,
    )


async def choose(turn: Turn, payload: str) -> bool | str:
    """Add the wording to its entry, or reject it; a decided suggestion stays decided."""
    action, _, number = payload.partition(".")
    if action not in ("a", "r") or not number.isdigit():
        return False
    if not turn.allowed(Role.COORDINATOR):
        return texts.NOT_ALLOWED
    now = turn.services.clock.now()
    try:
        done = await turn.services.curation.decide(int(number), action == "a", now)
    except TeachingRefused as refused:
        return texts.ENTRY_GONE if refused.code == "no-entry" else texts.SUGGESTION_DECIDED
    if action == "r":
        await turn.say(texts.SUGGESTION_REJECTED, id=number)
        return True
    await turn.services.librarian.refresh()
    await turn.say(
        texts.SUGGESTION_ADOPTED, wording=done.text, title=turn.entry_title(done.entry_id)
    )
    return True
