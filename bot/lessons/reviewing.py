"""/submissions: coordinators review shared lessons and drafts; authors hear the verdict through
Mreža."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime, timedelta

from bot.conversation.dialogs import Dialog
from bot.conversation.reaching import write_to
from bot.conversation.services import Services
from bot.conversation.turn import Turn
from bot.conversation.wizard import Invalid, Step, Wizard
from bot.languages import texts
from bot.lessons.submission_book import ACCEPTED, Submission
from bot.lessons.wordings import listed_phrasings
from core.members import Role
from core.messaging import Outgoing
from knowledge.reading import title_in
from knowledge.teaching import TeachingRefused

SHOWN = 5  # one message each: more would trip Telegram's one-message-a-second per chat
KIND = "w"  # "a.N" accept or "d.N" decline lesson N
EDIT_KIND = "m"  # the Edit button's (bot/lessons/editing.py): "e.N" edit lesson N
NOTE_LIMIT = 1000
TELL_EVERY = timedelta(minutes=1)


async def submissions(turn: Turn, _args: str = "") -> None:
    """/submissions: the pending lessons, oldest first, each with Accept, Decline and Edit."""
    pending = await turn.services.submissions.listed()
    if not pending:
        await turn.say(texts.SUBMISSIONS_NONE)
        return
    for submission in pending[:SHOWN]:
        await show(turn, submission)


async def show(turn: Turn, submission: Submission) -> None:
    """A submission's card with its buttons."""
    number = submission.id
    buttons = [
        [
            turn.button(turn.tr(texts.ACCEPT), KIND, f"a.{number}"),
            turn.button(turn.tr(texts.DECLINE), KIND, f"d.{number}"),
        ],
        [turn.button(turn.tr(texts.EDIT), EDIT_KIND, f"e.{number}")],
    ]
    await turn.say(card(turn, submission), buttons)


def card(turn: Turn, submission: Submission) -> str:
    """A lesson, or a curator's draft, as a reviewer reads it."""
    if submission.drafted:
        return _draft_card(turn, submission)
    lesson = submission.lesson
    text = turn.tr(texts.SUBMISSION_CARD).format(
        id=submission.id,
        country=lesson.country,
        date=f"{submission.created_at:%Y-%m-%d}",
        title=lesson.title,
        situation=lesson.situation,
        action=lesson.action,
        worked=lesson.worked,
        not_worked=lesson.not_worked,
        tags=", ".join(lesson.tags) or "-",
        credit=turn.tr(texts.YES if lesson.author else texts.NO),
    )
    if lesson.given_answer:
        text += "\n" + turn.tr(texts.SUBMISSION_ANSWER).format(answer=lesson.given_answer)
    return text


def _draft_card(turn: Turn, submission: Submission) -> str:
    lesson = submission.lesson
    return turn.tr(texts.DRAFT_CARD).format(
        id=submission.id,
        group=submission.group_id,
        country=lesson.country,
        date=f"{submission.created_at:%Y-%m-%d}",
        title=lesson.title,
        answer=lesson.given_answer or "",
        tags=", ".join(lesson.tags) or "-",
        phrasings=listed_phrasings(lesson.phrasings),
    )


async def review(turn: Turn, payload: str) -> bool | str:
    """Accept at once, or ask for the note that goes with a decline."""
    action, _, number = payload.partition(".")
    if action not in ("a", "d") or not number.isdigit():
        return False
    if not turn.allowed(Role.COORDINATOR):
        return texts.NOT_ALLOWED
    pending = {s.id for s in await turn.services.submissions.listed()}
    if int(number) not in pending:
        return texts.SUBMISSION_DECIDED
    if action == "d":
        await DECLINE.begin(turn, submission=number)
        return True
    try:
        entry_id = await turn.services.submissions.accept(int(number), turn.services.clock.now())
    except TeachingRefused as refused:
        if refused.code != "not-an-entry":
            return texts.SUBMISSION_DECIDED
        await turn.say(texts.SUBMISSION_NOT_AN_ENTRY, id=number)
        return True
    await turn.services.librarian.refresh()
    await turn.say(texts.SUBMISSION_ACCEPTED, id=number, entry=entry_id)
    await _settled(turn, int(number))
    return True


async def _note(turn: Turn, dialog: Dialog, answer: str) -> Mapping[str, str] | None:
    note = answer.strip()
    if not note:
        raise Invalid("empty")
    if len(note) > NOTE_LIMIT:
        raise Invalid("too-long", limit=NOTE_LIMIT)
    number = int(dialog.data["submission"])
    try:
        await turn.services.submissions.decline(number, note, turn.services.clock.now())
    except TeachingRefused:
        await turn.say(texts.SUBMISSION_DECIDED)
        return None
    await turn.say(texts.SUBMISSION_DECLINED, id=number)
    await _settled(turn, number)
    return None


DECLINE = Wizard("decline", (Step("note", _note, texts.ASK_DECLINE_NOTE),))


async def _settled(turn: Turn, number: int) -> None:
    """Tell authors; a reviewer who decided their own draft has just seen the verdict."""
    decided = await turn.services.submissions.get(number)
    if decided and turn.member and decided.member_id == turn.member.id:
        await turn.services.submissions.told(number, turn.services.clock.now())
    await tell_authors(turn.services)


async def tell_authors(services: Services) -> int:
    """Tell authors what the curators decided (here, or from the command line); how many."""
    told = 0
    for submission in await services.submissions.untold():
        if not await services.submissions.told(submission.id, services.clock.now()):
            continue  # another instance is telling them
        author = await services.members.get(submission.member_id) if submission.member_id else None
        if author is None:
            continue
        tr = services.translations(author.language)
        if submission.status == ACCEPTED:
            entry = services.librarian.entry(submission.entry_id or "")
            title = title_in(entry, author.language.value) if entry else submission.lesson.title
            words = tr(texts.SHARE_ACCEPTED).format(id=submission.id, title=title)
        else:
            words = tr(texts.SHARE_DECLINED).format(id=submission.id, note=submission.note)
        told += (
            await write_to(services.messenger, services.members, author, Outgoing.text(words))
            is not None
        )
    return told


def author_news(services: Services, every: timedelta = TELL_EVERY) -> Callable[[], Awaitable[int]]:
    """A scheduler chore: decisions made from the command line reach authors within ``every``."""
    last: list[datetime] = []

    async def chore() -> int:
        now = services.clock.now()
        if last and now - last[0] < every:
            return 0
        last[:] = [now]
        await services.librarian.refresh()  # an entry accepted elsewhere: know its title
        return await tell_authors(services)

    return chore
