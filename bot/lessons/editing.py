"""A submission edited before it is accepted: Edit offers its fields, a field asks for its new
text, checked as the form and the knowledge base check it, and the card comes back updated."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from bot.conversation.answer_checks import field_checks
from bot.conversation.dialogs import Dialog
from bot.conversation.turn import Turn
from bot.conversation.wizard import Buttons, Step, Wizard
from bot.languages import texts
from bot.lessons.reviewing import EDIT_KIND, show
from bot.lessons.sharing import COUNTRY_CHOICES
from bot.lessons.submission_book import PENDING, Submission
from core.members import Role
from core.messaging import Button
from knowledge.lessons import FIELDS
from knowledge.teaching import TeachingRefused

KIND = EDIT_KIND  # "e.N" offers lesson N's fields; "f.N.FIELD" asks for that field's new text
DRAFT_FIELDS = ("title", "answer", "country", "tags")  # a draft has no situation and the like


def fields_of(submission: Submission) -> tuple[str, ...]:
    """The fields a reviewer may change in this submission."""
    return DRAFT_FIELDS if submission.drafted else FIELDS


async def press(turn: Turn, payload: str) -> bool | str:
    """Edit: the fields as buttons; a field: ask for its new text."""
    action, _, rest = payload.partition(".")
    number, _, field = rest.partition(".")
    if action not in ("e", "f") or not number.isdigit():
        return False
    if not turn.allowed(Role.COORDINATOR):
        return texts.NOT_ALLOWED
    found = await turn.services.submissions.get(int(number))
    if found is None or found.status != PENDING:
        return texts.SUBMISSION_DECIDED
    if action == "e":
        await turn.say(texts.ASK_EDIT_FIELD, _field_buttons(turn, found), id=number)
        return True
    if field not in fields_of(found):
        return texts.FIELD_UNKNOWN
    wizard = EDIT_COUNTRY if field == "country" else EDIT_FIELD
    await wizard.begin(turn, submission=number, field=field)
    return True


def _field_buttons(turn: Turn, submission: Submission) -> list[list[Button]]:
    buttons = [
        turn.button(turn.tr(texts.FIELD_NAMES[field]), KIND, f"f.{submission.id}.{field}")
        for field in fields_of(submission)
    ]
    return [buttons[i : i + 2] for i in range(0, len(buttons), 2)]


async def _ask(turn: Turn, dialog: Dialog, buttons: Buttons) -> None:
    """The field as it is now, and what to send."""
    number, field = int(dialog.data["submission"]), dialog.data["field"]
    found = await turn.services.submissions.get(number)
    current = _current(found, field) if found else "-"
    if field == "country":
        current = turn.tr(texts.COUNTRY_NAMES.get(current, current))
    question = {"tags": texts.ASK_EDIT_TAGS, "country": texts.ASK_EDIT_COUNTRY}.get(
        field, texts.ASK_EDIT_VALUE
    )
    name = turn.tr(texts.FIELD_NAMES[field])
    text = turn.tr(question).format(id=number, field=name, current=current)
    await turn.say(text + "\n" + turn.tr(texts.STOP_HINT), buttons)


def _current(submission: Submission, field: str) -> str:
    lesson = submission.lesson
    values = {
        "title": lesson.title,
        "situation": lesson.situation,
        "action": lesson.action,
        "worked": lesson.worked,
        "not_worked": lesson.not_worked,
        "answer": replace(lesson, author=None).answer(),  # the credit is added on accept
        "country": lesson.country,
        "tags": ", ".join(lesson.tags),
    }
    return values.get(field) or "-"


async def _revise(turn: Turn, dialog: Dialog, answer: str) -> Mapping[str, str] | None:
    number, field = int(dialog.data["submission"]), dialog.data["field"]
    try:
        with field_checks():
            edited = await turn.services.submissions.edit(number, {field: answer})
    except TeachingRefused:  # reviewed by someone else while this dialog went on
        await turn.say(texts.SUBMISSION_DECIDED)
        return None
    await show(turn, edited)
    return None


EDIT_FIELD = Wizard("edit-lesson", (Step("value", _revise, ask=_ask),))
EDIT_COUNTRY = Wizard(
    "edit-lesson-country", (Step("country", _revise, choices=COUNTRY_CHOICES, ask=_ask),)
)
