"""A new entry drafted from a group of unanswered questions: a title, an answer, a preview, then
the review queue, where it is edited and accepted like a member's lesson. The group's questions go
with it as the entry's phrasings, and the group leaves the unanswered queue.
"""

from __future__ import annotations

from collections.abc import Mapping

from bot.conversation.answer_checks import CONFIRM, confirmed, field_checks
from bot.conversation.dialogs import Dialog
from bot.conversation.turn import Turn
from bot.conversation.wizard import Buttons, Step, Wizard
from bot.languages import texts
from bot.lessons.wordings import listed_phrasings
from core.members import Role
from core.messaging import Button
from knowledge.lessons import Lesson, checked_answer, checked_title
from knowledge.teaching import TeachingRefused

KIND = "n"  # "GROUP": draft a new entry from that unanswered group
REGIONAL = "regional"  # until a reviewer edits it: the askers' countries say little of the answer's


def draft_button(turn: Turn, group_id: int) -> Button:
    """The group card's "Draft a new entry"."""
    return turn.button(turn.tr(texts.DRAFT_NEW_ENTRY), KIND, str(group_id))


async def start(turn: Turn, payload: str) -> bool | str:
    """The button: open the dialog, if the group still waits for a decision."""
    if not payload.isdigit():
        return False
    if not turn.allowed(Role.COORDINATOR):
        return texts.NOT_ALLOWED
    if not await turn.services.curation.waits(int(payload)):
        return texts.GROUP_DECIDED
    await DRAFT.begin(turn, group=payload)
    return True


async def _title(_turn: Turn, _dialog: Dialog, answer: str) -> Mapping[str, str]:
    with field_checks():
        return {"title": checked_title(answer)}


async def _answer(_turn: Turn, dialog: Dialog, answer: str) -> Mapping[str, str]:
    with field_checks():
        return {"answer": checked_answer(answer, dialog.data["title"])}


async def _preview(turn: Turn, dialog: Dialog, buttons: Buttons) -> None:
    phrasings = await turn.services.curation.phrasings_of(int(dialog.data["group"]))
    await turn.say(
        texts.DRAFT_SUMMARY,
        buttons,
        title=dialog.data["title"],
        answer=dialog.data["answer"],
        phrasings=listed_phrasings(phrasings),
    )


async def _confirm(turn: Turn, dialog: Dialog, answer: str) -> None:
    if not await confirmed(turn, answer):
        return
    assert turn.member is not None  # the wizard checked the role
    group = int(dialog.data["group"])
    draft = Lesson(
        "", "", "", "", REGIONAL, (),
        given_title=dialog.data["title"], given_answer=dialog.data["answer"],
    )  # fmt: skip
    try:
        queued = await turn.services.submissions.draft(
            group, draft, turn.member.id, turn.member.language.value, turn.services.clock.now()
        )
    except TeachingRefused:  # decided by someone else while this dialog went on
        await turn.say(texts.GROUP_DECIDED)
        return
    count = len(queued.lesson.phrasings)
    await turn.say(texts.DRAFT_QUEUED, id=queued.id, count=count, group=group)


DRAFT = Wizard(
    "draft",
    (
        Step("title", _title, texts.ASK_DRAFT_TITLE),
        Step("answer", _answer, texts.ASK_DRAFT_ANSWER),
        Step("confirm", _confirm, choices=CONFIRM, ask=_preview),
    ),
)
