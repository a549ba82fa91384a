"""/share: a member's lesson learnt in a short form, then to the curators' review queue."""

from __future__ import annotations

from collections.abc import Mapping

from bot.conversation import asides
from bot.conversation.answer_checks import CONFIRM, confirmed, field_checks
from bot.conversation.dialogs import Dialog
from bot.conversation.turn import Turn
from bot.conversation.wizard import Buttons, Choice, Invalid, Step, Taker, Wizard
from bot.languages import texts
from core.members import Role
from knowledge.lessons import Lesson, checked_country, checked_text, tags_of

SKIP = "skip"
COUNTRY_CHOICES: tuple[tuple[Choice, ...], ...] = (
    ((texts.COUNTRY_NAMES["BA"], "BA"), (texts.COUNTRY_NAMES["ME"], "ME")),
    ((texts.COUNTRY_NAMES["MK"], "MK"), (texts.COUNTRY_NAMES["RS"], "RS")),
    ((texts.COUNTRY_NAMES["regional"], "regional"),),
)
YES_NO: tuple[tuple[Choice, ...], ...] = (((texts.YES, "yes"), (texts.NO, "no")),)


async def share(turn: Turn, _args: str = "") -> None:
    """/share: go on with the draft set aside, or start the form."""
    if not await asides.resume(turn, SHARE):
        await SHARE.begin(turn)


def _text(name: str) -> Taker:
    """A step that takes free text: not empty, not longer than the limit."""

    async def take(_turn: Turn, _dialog: Dialog, answer: str) -> Mapping[str, str]:
        with field_checks():
            return {name: checked_text(answer)}

    return take


async def _country(_turn: Turn, _dialog: Dialog, answer: str) -> Mapping[str, str]:
    with field_checks():
        return {"country": checked_country(answer)}


async def _tags(_turn: Turn, _dialog: Dialog, answer: str) -> Mapping[str, str]:
    if answer.strip().lower() == SKIP:
        return {"tags": ""}
    return {"tags": ",".join(tags_of(answer))}


async def _credit(_turn: Turn, _dialog: Dialog, answer: str) -> Mapping[str, str]:
    if answer not in ("yes", "no"):
        raise Invalid("choose")
    return {"credit": answer}


def lesson_of(data: Mapping[str, str]) -> Lesson:
    """The lesson a finished form describes (never with the author's name: that is decided
    when it is shown, from their consent and their current record)."""
    tags = tuple(tag for tag in data.get("tags", "").split(",") if tag)
    return Lesson(
        data["situation"], data["action"], data["worked"], data["not_worked"],
        data["country"], tags,
    )  # fmt: skip


async def _preview(turn: Turn, dialog: Dialog, buttons: Buttons) -> None:
    data = dialog.data
    await turn.say(
        texts.SHARE_SUMMARY,
        buttons,
        situation=data["situation"],
        action=data["action"],
        worked=data["worked"],
        not_worked=data["not_worked"],
        country=turn.tr(texts.COUNTRY_NAMES[data["country"]]),
        tags=data.get("tags") or "-",
        credit=turn.tr(texts.YES if data["credit"] == "yes" else texts.NO),
    )


async def _confirm(turn: Turn, dialog: Dialog, answer: str) -> None:
    if not await confirmed(turn, answer):
        return
    assert turn.member is not None  # the wizard checked the role
    number = await turn.services.submissions.submit(
        turn.member.id,
        lesson_of(dialog.data),
        dialog.data["credit"] == "yes",
        turn.member.language.value,
        turn.services.clock.now(),
    )
    await turn.say(texts.SHARE_THANKS, id=number)


SHARE = Wizard(
    "share",
    (
        Step("situation", _text("situation"), texts.ASK_SITUATION),
        Step("action", _text("action"), texts.ASK_ACTION),
        Step("worked", _text("worked"), texts.ASK_WORKED),
        Step("not_worked", _text("not_worked"), texts.ASK_NOT_WORKED),
        Step("country", _country, texts.ASK_LESSON_COUNTRY, COUNTRY_CHOICES),
        Step("tags", _tags, texts.ASK_TAGS, (((texts.SKIP, SKIP),),)),
        Step("credit", _credit, texts.ASK_CREDIT, YES_NO),
        Step("confirm", _confirm, choices=CONFIRM, ask=_preview),
    ),
    role=Role.MEMBER,
    asides=True,
)
