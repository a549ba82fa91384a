"""/unanswered: the queue of what members could not get answered, and teaching from it.

Each group comes with buttons: attach it to one of the entries search finds closest to it (its
questions become that entry's phrasings, in effect at once), draft a new entry for it
(bot/curation/drafting.py), or mark it out of scope.
"""

from __future__ import annotations

from bot.conversation.turn import Turn
from bot.curation.drafting import draft_button
from bot.languages import texts
from core.members import Role
from core.messaging import Button
from knowledge.teaching import TeachingRefused
from knowledge.unanswered import Group

SHOWN = 5  # one message each: more would trip Telegram's one-message-a-second per chat
KIND = "q"
CANDIDATES = 2  # entries offered to attach a group to


async def unanswered(turn: Turn, _args: str = "") -> None:
    """/unanswered: the open groups, largest first, each with its buttons."""
    groups = await turn.services.curation.unanswered(turn.services.clock.now())
    if not groups:
        await turn.say(texts.UNANSWERED_EMPTY)
        return
    await turn.say(texts.UNANSWERED_QUEUE_HEAD, shown=min(SHOWN, len(groups)), total=len(groups))
    for group in groups[:SHOWN]:
        await turn.say(card(turn, group), _buttons(turn, group))


def card(turn: Turn, group: Group) -> str:
    """One group in a few lines: how often, from where (never who), when, and how it was put."""
    countries = ", ".join(f"{country} {n}" for country, n in group.countries)
    return turn.tr(texts.UNANSWERED_GROUP).format(
        id=group.id,
        count=group.count,
        countries=countries,
        first=f"{group.first_seen:%Y-%m-%d}",
        last=f"{group.last_seen:%Y-%m-%d}",
        examples="\n".join(f"– {text[:200]}" for text in group.examples),
    )


def _buttons(turn: Turn, group: Group) -> list[list[Button]]:
    rows: list[list[Button]] = []
    hits = turn.services.librarian.find(group.examples[0]).hits if group.examples else ()
    for hit in hits[:CANDIDATES]:
        label = turn.tr(texts.ATTACH_TO).format(title=turn.entry_title(hit.entry_id, hit.title))
        try:
            rows.append([turn.button(label, KIND, f"a.{group.id}.{hit.entry_id}")])
        except ValueError:
            continue  # an id too long for Telegram's 64 bytes: `mreza kb attach` still can
    rows.append([draft_button(turn, group.id)])
    rows.append([turn.button(turn.tr(texts.OUT_OF_SCOPE), KIND, f"d.{group.id}")])
    return rows


async def decide(turn: Turn, payload: str) -> bool | str:
    """A group's button: attach it to an entry, or dismiss it; a decided group stays decided."""
    action, _, rest = payload.partition(".")
    number, _, entry_id = rest.partition(".")
    if not number.isdigit() or action not in ("a", "d", "u"):
        return False
    if not turn.allowed(Role.COORDINATOR):
        return texts.NOT_ALLOWED
    now = turn.services.clock.now()
    curation = turn.services.curation
    try:
        if action == "u":
            await curation.reopen(int(number))
        elif action == "d":
            await curation.dismiss(int(number), now)
        else:
            done = await curation.attach(int(number), entry_id, now)
    except TeachingRefused as refused:
        return texts.ENTRY_GONE if refused.code == "no-entry" else texts.GROUP_DECIDED
    if action != "a":
        await _dismissed_or_reopened(turn, action, number)
        return True
    await turn.services.librarian.refresh()
    title = turn.entry_title(entry_id)
    await turn.say(texts.GROUP_ATTACHED, id=number, title=title, added=len(done.added))
    return True


async def _dismissed_or_reopened(turn: Turn, action: str, number: str) -> None:
    """Say what became of the group; a dismissal comes with its undo."""
    await turn.services.librarian.refresh()  # in effect for the next question, here at once
    if action == "u":
        await turn.say(texts.GROUP_REOPENED, id=number)
        return
    undo = [[turn.button(turn.tr(texts.UNDO_DISMISSAL), KIND, f"u.{number}")]]
    await turn.say(texts.GROUP_DISMISSED, undo, id=number)
