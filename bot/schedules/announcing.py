"""/announce: text, link, picture, audience, when, repeat, a preview as members see it, Confirm."""

from __future__ import annotations

from collections.abc import Mapping

from bot.conversation.answer_checks import (
    CONFIRM,
    REPEATS,
    ask_repeat,
    confirmed,
    problem,
    repeat_step,
    restored,
    when_step,
)
from bot.conversation.audience_picker import AUDIENCE_STEP
from bot.conversation.dialogs import Dialog
from bot.conversation.language_versions import versions_of, versions_step
from bot.conversation.turn import Turn
from bot.conversation.version_previews import show_versions, summarised, who_gets_which
from bot.conversation.wizard import Buttons, Choice, Step, Wizard
from bot.languages import texts
from bot.languages.times import local_time
from bot.schedules.repeats import repeat_preview
from scheduler.audience import Audience
from scheduler.composing import Occasion
from scheduler.schedule_drafts import TEXT_LIMIT, AnnouncementDraft, ScheduleError, When
from scheduler.versions import stored

SKIP = "skip"
SKIPPING: tuple[tuple[Choice, ...], ...] = (((texts.SKIP, SKIP),),)
# Where a refusal at Confirm sends the coordinator back to: time passes while they read.
BACK = {
    "past": "when",
    "rule": "repeat",
    "rule-often": "repeat",
    "nobody": "audience",
    "empty": "text",
    "too-long": "text",
}
EVERYONE = Audience(everyone=True)


async def announce(turn: Turn, _args: str = "") -> None:
    """/announce: start the guided conversation."""
    await ANNOUNCE.begin(turn)


async def _text(turn: Turn, _dialog: Dialog, answer: str) -> Mapping[str, str]:
    try:
        AnnouncementDraft(answer, EVERYONE).check(turn.services.clock.now())
    except ScheduleError as error:
        raise problem(error, limit=TEXT_LIMIT) from None
    return {"text": answer}


async def _version(turn: Turn, dialog: Dialog, answer: str) -> dict[str, object]:
    """The text in another language form, checked like the author's."""
    return dict(await _text(turn, dialog, answer))


def _address(turn: Turn, answer: str, name: str) -> Mapping[str, str]:
    """An optional web address for the link or the picture; Skip leaves it out."""
    url = "" if answer.strip().lower() == SKIP else answer.strip()
    if url:
        try:
            link, image = (url, None) if name == "link" else (None, url)
            AnnouncementDraft("-", EVERYONE, When(), link, image).check(turn.services.clock.now())
        except ScheduleError as error:
            raise problem(error) from None
    return {name: url}


async def _link(turn: Turn, _dialog: Dialog, answer: str) -> Mapping[str, str]:
    return _address(turn, answer, "link")


async def _image(turn: Turn, _dialog: Dialog, answer: str) -> Mapping[str, str]:
    return _address(turn, answer, "image")


def draft(turn: Turn, data: Mapping[str, str]) -> AnnouncementDraft:
    """The announcement the dialog describes."""
    when = When(restored(data["at"]), data["rule"] or None, turn.services.zone)
    link, image = data.get("link") or None, data.get("image") or None
    versions = {form: str(fields["text"]) for form, fields in versions_of(data).items()}
    return AnnouncementDraft(
        data["text"], Audience.parse(data["audience"]), when, link, image, turn.language, versions
    )


async def _preview(turn: Turn, dialog: Dialog, buttons: Buttons) -> None:
    """The message as members will get it, composed by the same code, then what and when."""
    wanted = draft(turn, dialog.data)
    payload: dict[str, object] = {"text": wanted.text, "link": wanted.link, "image": wanted.image}
    versions = stored(wanted.version_fields())
    occasion = Occasion(0, 0, "announcement", payload, turn.services.clock.now(), None, versions)
    await show_versions(turn, occasion)
    at, zone = wanted.when.at, turn.services.zone
    summary = turn.tr(texts.ANNOUNCEMENT_SUMMARY).format(
        count=await turn.services.planner.recipients(wanted.audience),
        when=turn.tr(texts.RIGHT_AWAY) if at is None else f"{local_time(at, zone)} ({zone})",
        repeat=repeat_preview(wanted.when, turn.services.clock.now(), turn.tr),
    )
    await summarised(turn, await who_gets_which(turn, wanted.audience, versions), summary, buttons)


async def _confirm(turn: Turn, dialog: Dialog, answer: str) -> None:
    if not await confirmed(turn, answer):
        return
    assert turn.member is not None  # the wizard checked the role
    try:
        schedule_id = await turn.services.planner.announce(draft(turn, dialog.data), turn.member.id)
    except ScheduleError as error:
        raise problem(error, BACK.get(error.code), limit=TEXT_LIMIT) from None
    await turn.say(texts.ANNOUNCEMENT_SCHEDULED, id=schedule_id)


ANNOUNCE = Wizard(
    "announce",
    (
        Step("text", _text, texts.ASK_ANNOUNCEMENT),
        versions_step(texts.ASK_VERSION_TEXT, _version),
        Step("link", _link, texts.ASK_LINK, SKIPPING),
        Step("image", _image, texts.ASK_IMAGE, SKIPPING),
        AUDIENCE_STEP,
        Step("when", when_step, texts.ASK_WHEN, (((texts.NOW, "now"),),)),
        Step("repeat", repeat_step, texts.ASK_REPEAT, REPEATS, ask=ask_repeat),
        Step("confirm", _confirm, choices=CONFIRM, ask=_preview),
    ),
)
